/** The formulation family: its data tables (every entry sourced, every spec holding) and its helpers. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultResources, fixAll, lint, loadDictionary, parseReport, resourcesWithUserDictionaries } from '../../server/src/core';
import { SHIPPED_DICTIONARIES } from '../../server/src/core/data';
import { chineseToNumber, formulationData, numberToChinese } from '../../server/src/core/formulation/data';
import { findListsIn } from '../../server/src/core/formulation/enumerations';
import { findNearNames, osaDistance, withinOne } from '../../server/src/core/formulation/fuzzy';
import { findMeetings, spiritChains } from '../../server/src/core/formulation/meetings';

const only = (id: string) => (f: { ruleId: string }) => f.ruleId === id;

/** Findings of one rule on `body` as the opening of a report of `year` (or with no year at all). */
function check(id: string, body: string, year?: number): { spans: string[]; fixed: string } {
  const head = year === undefined ? '' : `${year}年度意识形态工作情况报告\n\n`;
  const text = head + body;
  const { findings } = lint(parseReport(text), { only: [id] });
  const fixed = fixAll(text, { accept: only(id) }).text;
  return { spans: findings.map((f) => text.slice(f.span.start, f.span.end)), fixed: fixed.slice(head.length) };
}

describe('formulation data', () => {
  const data = formulationData();

  it('loads without problems, and every entry names its source', () => {
    assert.deepEqual(data.problems, []);
    assert.ok(data.enumerations.length >= 20);
    for (const e of data.enumerations) assert.match(e.source, /\d{4}|章程/, `${e.name}: source`);
    for (const p of data.phrases) assert.match(p.source, /\d{4}/, `${p.id}: source`);
    for (const n of data.names) assert.match(n.source, /\d{4}/, `${n.name}: source`);
    assert.ok(data.meetingsSource.length > 0);
  });

  it('the shipped formulation dictionary loads with all its specs holding, each entry sourced', () => {
    const file = SHIPPED_DICTIONARIES.find((d) => d.file.endsWith('formulations.yml'))!;
    const { dictionary, problems } = loadDictionary(file.file, file.text);
    assert.deepEqual(problems, []);
    assert.equal(dictionary.category, 'formulation');
    assert.ok(dictionary.entries.length >= 40);
    for (const e of dictionary.entries) {
      assert.match(e.source ?? '', /\d{4}|章程/, `${e.expected}: source`);
      assert.ok(e.specs.length > 0, `${e.expected}: specs`);
    }
    assert.equal(defaultResources().matchers.formulation.entries.length >= dictionary.entries.length, true);
  });

  it('users add formulation entries; the severity and context of an entry are honoured', () => {
    const resources = resourcesWithUserDictionaries([
      {
        file: '我的规范表述.yml',
        text: [
          'category: formulation',
          'rules:',
          '  - expected: 县委十五届三次全会',
          '    patterns: [县委十五届三中全会]',
          '    source: 县委办公室通知（2023年）',
          '  - expected: 高质量发展',
          '    patterns: [高水平发展]',
          '    context: true',
          '  - expected: 营商环境',
          '    patterns: [经商环境]',
          '    severity: info',
        ].join('\n'),
      },
    ]);
    assert.deepEqual(resources.problems, []);
    const text = '学习县委十五届三中全会精神，推动高水平发展，优化经商环境。';
    const { findings } = lint(parseReport(text), { only: ['formulation/standard'], resources });
    assert.deepEqual(
      findings.map((f) => [text.slice(f.span.start, f.span.end), f.severity, (f.fixes ?? []).length]),
      [
        ['县委十五届三中全会', 'error', 1],
        ['高水平发展', 'warning', 0],
        ['经商环境', 'info', 1],
      ],
    );
    assert.match(findings[1].message, /请核实/);
  });

  it('meetings are in order, plenums of complete terms have seven sessions', () => {
    const dates = data.congresses.map((c) => c.date);
    assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
    for (const p of data.plenums.values()) {
      if (p.complete) assert.equal(p.dates.length, 7, `${p.term}届`);
      assert.deepEqual(p.dates, [...p.dates].sort((a, b) => a - b));
    }
  });

  describe('enumeration specs', () => {
    for (const e of data.enumerations) {
      for (const s of e.specs) {
        it(`${e.name}: ${s.from}${s.year ? ` (${s.year})` : ''}`, () => {
          const id = s.year === undefined ? 'formulation/enumeration' : 'formulation/outdated';
          const r = check(id, s.from, s.year);
          assert.equal(r.spans.length > 0, s.found, `findings: ${JSON.stringify(r.spans)}`);
          if (s.to !== undefined) assert.equal(r.fixed, s.to);
        });
      }
    }
  });

  describe('timeline specs', () => {
    for (const p of data.phrases) {
      for (const s of p.specs) {
        it(`${p.id}: ${s.from} (${s.year})`, () => {
          const r = check('formulation/outdated', s.from, s.year ?? 2023);
          assert.equal(r.spans.length > 0, s.found, `findings: ${JSON.stringify(r.spans)}`);
          if (s.to !== undefined) assert.equal(r.fixed, s.to);
        });
      }
    }
  });

  describe('fixed-name specs', () => {
    for (const n of data.names) {
      for (const s of n.specs) {
        it(`${n.name}: ${s.from}`, () => {
          const r = check('formulation/standard', s.from);
          assert.equal(r.spans.length > 0, s.found, `findings: ${JSON.stringify(r.spans)}`);
          if (s.to !== undefined) assert.equal(r.fixed, s.to);
        });
      }
    }
  });
});

describe('formulation helpers', () => {
  it('Chinese numerals of terms and sessions', () => {
    assert.equal(chineseToNumber('十九'), 19);
    assert.equal(chineseToNumber('二十'), 20);
    assert.equal(chineseToNumber('二十一'), 21);
    assert.equal(chineseToNumber('六'), 6);
    assert.equal(chineseToNumber('十'), 10);
    assert.equal(chineseToNumber('x'), undefined);
    for (const n of [1, 6, 10, 16, 19, 20, 21, 99]) assert.equal(chineseToNumber(numberToChinese(n)), n);
  });

  it('withinOne: one substitution, insertion, deletion or adjacent swap', () => {
    assert.ok(withinOne('社会主义', '社会主意'));
    assert.ok(withinOne('社会主义', '社会义'));
    assert.ok(withinOne('社会主义', '社会主主义'));
    assert.ok(withinOne('社会主义', '社会义主'));
    assert.ok(!withinOne('社会主义', '社会主义'));
    assert.ok(!withinOne('社会主义', '会社义主'));
    assert.ok(!withinOne('社会主义', '社'));
  });

  it('osaDistance: bounded edit distance with adjacent swaps', () => {
    assert.equal(osaDistance('社会主义思想', '社会注意思想', 2), 2);
    assert.equal(osaDistance('社会主义思想', '社会义主思想', 2), 1);
    assert.equal(osaDistance('社会主义思想', '社会主义思想', 2), 0);
    assert.equal(osaDistance('社会主义思想', '经济建设', 2), 3);
  });

  it('near names: one character off, not the exact name, not an allowed phrase', () => {
    const t = '学习习近平新时代中国特色社会主意思想，践行习近平新时代中国特色社会主义思想和习近平新时代中国特色社会主义经济思想，以人民为中心发展思想，新时代中国特色社会主义事业';
    assert.deepEqual(findNearNames(t, 0, t.length).map((h) => t.slice(h.start, h.end)), ['习近平新时代中国特色社会主意思想', '以人民为中心发展思想']);
  });

  it('meeting mentions: congresses, plenums, chains of 精神', () => {
    const t = '学习贯彻党的二十大和二十届二中、三中全会精神，党的十九大以来，19届6中全会，十九大六中全会，三大攻坚战';
    const ms = findMeetings(t, 0, t.length);
    assert.deepEqual(
      ms.map((m) => [t.slice(m.span.start, m.span.end), m.kind, m.term, m.sessions.map((s) => s.n).join('')]),
      [
        ['党的二十大', 'congress', 20, ''],
        ['二十届二中、三中全会', 'plenum', 20, '23'],
        ['党的十九大', 'congress', 19, ''],
        ['19届6中全会', 'plenum', 19, '6'],
        ['十九大六中全会', 'plenum', 19, '6'],
      ],
    );
    const chains = spiritChains(t, ms, t.length);
    assert.deepEqual(chains.map((c) => t.slice(c.span.start, c.span.end)), ['党的二十大和二十届二中、三中全会精神']);
  });

  it('lists: plain, compressed, named, with 和, and an odd member', () => {
    const show = (t: string): string[] =>
      findListsIn(t).map((l) => `${l.enumeration.id}${l.named ? '#named' : ''}${l.compressed ? '#compressed' : ''}:${l.items.map((x) => `${x.kind === 'odd' ? '?' : x.member}${t.slice(x.span.start, x.span.end)}`).join('|')}`);
    assert.deepEqual(show('增强政治意识、大局意识、核心意识和看齐意识'), ['四个意识:0政治意识|1大局意识|2核心意识|3看齐意识']);
    assert.deepEqual(show('坚定道路、理论、制度、文化自信'), ['四个自信#compressed:0道路|1理论|2制度|3文化']);
    assert.deepEqual(show('“四个意识”，即政治意识、大局意识'), ['四个意识#named:0政治意识|1大局意识']);
    assert.deepEqual(show('政治意识、大局意识、核心意识、服务意识'), ['四个意识:0政治意识|1大局意识|2核心意识|?服务意识']);
    assert.deepEqual(show('增强忧患意识、责任意识、担当意识'), []);
    assert.deepEqual(show('倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善'), [
      '核心价值观国家层面:0富强|1民主|2文明|3和谐',
      '核心价值观社会层面:0自由|1平等|2公正|3法治',
      '核心价值观个人层面:0爱国|1敬业|2诚信|3友善',
    ]);
  });

  it('never fails and keeps spans and fixes inside the text, on random text made of formulation pieces', () => {
    const pieces = [
      '政治意识', '大局意识', '核心意识', '看齐意识', '服务意识', '道路', '理论', '制度', '文化', '自信', '建设', '、', '，', '。', '和',
      '“', '”', '《', '》', '党的', '十九', '二十', '19', '大', '届', '六中', '全会', '会议', '精神', '2023年', '年度', '报告', '\n',
      '习近平新时代中国特色社会主义思想', '社会主义', '党史学习教育', '主题教育', '全面建成小康社会', '全面深化改革', '以人民为中心的发展思想',
      '三个代表', '重要思想', '马列主义', '毛泽东思想', '守土有责', '守土尽责', '学史', '力行', '以来', '成果', ' ', '即', '（', '）',
    ];
    const ids = ['formulation/standard', 'formulation/enumeration', 'formulation/outdated'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const { findings, failures } = lint(parseReport(text), { only: ids });
        assert.deepEqual(failures, []);
        for (const f of findings) {
          assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end);
        }
        fixAll(text, { accept: (f) => ids.includes(f.ruleId) });
      }),
      { numRuns: 400 },
    );
  });
});
