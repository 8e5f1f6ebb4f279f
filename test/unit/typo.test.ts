/** The typo engine: lexicon, segmentation, confusion sets, scoring, guards, known words and the two rules. */
import { strict as assert } from 'node:assert';
import { lint, parseReport, resourcesWithUserDictionaries } from '../../server/src/core';
import { fuzzySyllable, SHAPE, SOUND_EXACT, SOUND_FUZZY, SOUND_TONE } from '../../server/src/core/typo/chars';
import { Collocations } from '../../server/src/core/typo/collocations';
import { Detector } from '../../server/src/core/typo/detect';
import { checkParagraph, findTypos, hanRuns, straddles, typoData } from '../../server/src/core/typo/engine';
import { Lexicon } from '../../server/src/core/typo/lexicon';

const data = typoData();
const words = (text: string): string[] => {
  const seg = data.detector.segmenter();
  seg.score(text, 0, text.length);
  const t = seg.tokens(0, text.length);
  const out: string[] = [];
  for (let k = 0; k < t.length; k += 2) out.push(text.slice(t[k], t[k + 1]));
  return out;
};
const suggest = (text: string): string[] => checkParagraph(text, new Set()).map((f) => f.words.map((w) => `${w.wrong}→${w.right}`).join('，'));

describe('typo lexicon', () => {
  it('parses front-coded words with their frequencies', () => {
    const lex = Lexicon.parse('# header\n0中国h\n2人民c\n1央`\n');
    assert.ok(lex.has('中国') && lex.has('中国人民') && lex.has('中央'));
    assert.ok(!lex.has('中') && !lex.has('中国人'));
    assert.ok(lex.wordLogp('中国') > lex.wordLogp('中国人民'));
  });

  it('holds jieba words and the curated 公文 words, but not the dictionary’s wrong forms', () => {
    const lex = data.lexicon;
    for (const w of ['部署', '贯彻落实', '意识形态', '提质增效', '放管服', '营商环境', '碳达峰', '乡村振兴', '三会一课', '一岗双责', '主题党日', '排查']) {
      assert.ok(lex.has(w), w);
    }
    for (const w of ['布署', '再接再励', '坚苦', '迫不急待']) assert.ok(!lex.has(w), w);
    assert.ok(lex.wordCount > 130_000);
  });
});

describe('typo segmentation', () => {
  it('splits text into the most probable words', () => {
    assert.deepEqual(words('深入学习贯彻党的二十大精神'), ['深入', '学习贯彻', '党的二十大', '精神']);
    assert.deepEqual(words('加强意识形态阵地建设'), ['加强', '意识形态阵地', '建设']);
    assert.deepEqual(words('推近学习常态化'), ['推', '近', '学习', '常态化']);
  });

  it('scores a corrected text higher than the typo', () => {
    const seg = data.detector.segmenter();
    const text = '推近学习常态化';
    const orig = seg.score(text, 0, text.length);
    const fixed = seg.score(text, 0, text.length, 1, '进'.charCodeAt(0));
    assert.ok(fixed - orig > 5, `${fixed - orig}`);
  });

  it('finds runs of Han characters', () => {
    assert.deepEqual(hanRuns('甲乙，丙2023年“丁”', 0, 12), [0, 2, 3, 4, 8, 9, 10, 11]);
  });
});

describe('typo confusion sets', () => {
  const chars = data.chars;
  it('relate characters of the same sound, with and without tone', () => {
    assert.ok(chars.pairType('式', '势') & SOUND_EXACT);
    assert.ok(chars.pairType('进', '近') & SOUND_EXACT);
    assert.ok(chars.pairType('极', '级') & SOUND_EXACT);
    assert.ok(chars.pairType('报', '保') & SOUND_TONE);
  });

  it('relate fuzzy sounds: zh/z, n/l, -n/-ng', () => {
    assert.equal(fuzzySyllable('zhang'), 'zan');
    assert.equal(fuzzySyllable('ling'), 'nin');
    assert.equal(fuzzySyllable('shi'), 'si');
    assert.ok(chars.pairType('照', '造') & SOUND_FUZZY);
  });

  it('relate characters of similar shape', () => {
    assert.ok(chars.pairType('簿', '薄') & SHAPE);
    assert.ok(chars.pairType('辉', '挥') & SHAPE);
    assert.ok(chars.pairType('特', '持') & SHAPE);
    assert.equal(chars.pairType('式', '水'), 0);
  });

  it('are symmetric', () => {
    for (const [a, b] of [['式', '势'], ['簿', '薄'], ['照', '造']]) assert.equal(chars.pairType(a, b) !== 0, chars.pairType(b, a) !== 0);
  });
});

describe('typo detector', () => {
  it('suggests the word a confusable character was typed for', () => {
    assert.deepEqual(suggest('认真贯沏落实'), ['贯沏落实→贯彻落实']);
    assert.deepEqual(suggest('党员参加活动的积级性很高'), ['积级性→积极性']);
    assert.deepEqual(suggest('基层组织建设簿弱'), ['簿弱→薄弱']);
  });

  it('finds the real fault of sample 002 through the collocation table', () => {
    assert.deepEqual(suggest('面对当前负责的形式，做好思想政治工作'), ['负责→复杂，形式→形势']);
  });

  it('leaves correct text, place names, person names and numerals alone', () => {
    for (const t of ['深入学习贯彻党的二十大精神', '柳林镇党委和柳沟村党支部', '王建锋同志主持会议', '二〇二三年初九', '持续纠治形式主义、官僚主义', '新形式下创新宣传形式']) {
      assert.deepEqual(suggest(t), [], t);
    }
  });

  it('ranks by gain minus penalty: a higher threshold suggests less', () => {
    const strict = new Detector(data.lexicon, data.chars, { threshold: 30 });
    assert.deepEqual(strict.checkRun('认真推近学习常态化', 0, 9), []);
    const lenient = new Detector(data.lexicon, data.chars, { threshold: 2 });
    assert.equal(lenient.checkRun('认真推近学习常态化', 0, 9)[0]?.word, '推进');
    assert.ok(data.detector.penalty(SOUND_EXACT) < data.detector.penalty(SHAPE));
    assert.ok(data.detector.penalty(SOUND_EXACT | SHAPE) < data.detector.penalty(SOUND_EXACT));
  });

  it('caches per paragraph and shifts offsets', () => {
    const text = '标题\n认真贯沏落实';
    const a = findTypos(text, 3, text.length, new Set());
    const b = findTypos(text, 3, text.length, new Set());
    assert.deepEqual(a, b);
    assert.equal(text.slice(a[0].start, a[0].end), '贯沏落实');
    assert.equal(text[a[0].edits[0].at], '沏');
  });
});

describe('typo word-boundary guard', () => {
  it('knows when a literal match straddles two words', () => {
    const at = (text: string, s: string): boolean => straddles(text, text.indexOf(s), text.indexOf(s) + s.length);
    assert.equal(at('按装修标准验收', '按装'), true);
    assert.equal(at('按装空调', '按装'), false);
    assert.equal(at('加强预防犯罪宣传', '防犯'), true);
    assert.equal(at('防犯化解风险', '防犯'), false);
  });
});

describe('typo collocation table', () => {
  it('reports invalid entries', () => {
    const c = Collocations.parse('collocations:\n  - { wrong: 形式, right: 形势, before: [严峻的] }\n  - { wrong: 形式, right: 形式主义 }\n');
    assert.equal(c.entries.length, 1);
    assert.equal(c.problems.length, 1);
  });

  it('the shipped table loads without problems', () => {
    assert.deepEqual(data.collocations.problems, []);
    assert.ok(data.collocations.entries.length >= 5);
  });
});

describe('typo rules', () => {
  const run = (text: string, resources = undefined as ReturnType<typeof resourcesWithUserDictionaries> | undefined, rules = {}) =>
    lint(parseReport(text), { only: ['typo/dictionary', 'typo/confusion'], resources, rules }).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

  it('dictionary entries are errors, context entries warnings, and nothing is reported twice', () => {
    assert.deepEqual(run('要再接再励，依法制订法规。'), ['typo/dictionary error 再接再励', 'typo/dictionary warning 制订法规']);
    assert.deepEqual(run('传承坚苦奋斗精神。'), ['typo/dictionary error 坚苦']);
  });

  it('a severity set by the user applies to every finding of the rule', () => {
    assert.deepEqual(run('要再接再励，依法制订法规。', undefined, { 'typo/dictionary': 'info' }), ['typo/dictionary info 再接再励', 'typo/dictionary info 制订法规']);
  });

  it('honour the words users declare known', () => {
    assert.deepEqual(run('认真贯沏落实，按装空调。'), ['typo/confusion warning 贯沏落实', 'typo/dictionary error 按装']);
    const res = resourcesWithUserDictionaries([{ file: 'team.yml', text: 'words: [贯沏, 按装空调]\n' }]);
    assert.deepEqual(run('认真贯沏落实，按装空调。', res), []);
  });

  it('messages show the suspected word and the suggestion; the fix changes only the character', () => {
    const text = '面对当前负责的形式，认真贯沏落实。';
    const f = lint(parseReport(text), { only: ['typo/confusion'] }).findings;
    assert.equal(f[0].message, '疑似错别字：“负责的形式”中“负责”可能应为“复杂”，“形式”可能应为“形势”');
    assert.equal(f[0].fixes?.[0].title, '改为“复杂的形势”');
    assert.equal(f[1].message, '疑似错别字：“贯沏落实”可能应为“贯彻落实”');
    assert.deepEqual(f[1].fixes?.[0].edits, [{ span: { start: 13, end: 14 }, newText: '彻' }]);
  });
});
