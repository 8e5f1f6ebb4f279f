/** The section tree as a writer sees it, on real reports and on messy pasted text. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildOutline, parseChineseNumber, parseReport, reparse, type OutlineNode, type ParsedReport } from '../../server/src/core';
import { headPhraseOf } from '../../server/src/core/parse/parser';
import { repoPath } from './paths';

const sample = (name: string): string => readFileSync(repoPath('test/fixtures/samples', name), 'utf8');
const headingNames = (doc: ParsedReport): string[] =>
  doc.headings.map((h) => doc.text.slice(h.marker.start, h.titleSpan.end).replace(/。$/, ''));
const flat = (nodes: OutlineNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind}:${n.name}`, ...flat(n.children, depth + 1)]);

describe('parseReport on the real samples', () => {
  it('000: no title line, opening, three level-1 headings, paragraph heads and run-in items', () => {
    const doc = parseReport(sample('000_ba5f166b322ef36a.txt'));
    assert.equal(doc.title.length, 0);
    assert.equal(doc.opening.length, 1);
    assert.match(doc.text.slice(doc.opening[0].span.start, doc.opening[0].span.end), /汇报如下：$/);
    assert.deepEqual(headingNames(doc), ['一、工作总体情况', '二、亮点成效', '三、不足之处及改进方向']);
    const heads = doc.paragraphHeads.map((h) => doc.text.slice(h.span.start, h.span.end));
    assert.deepEqual(heads, ['坚定意识形态“主心骨”。', '打好意识形态“主动战”。', '筑牢意识形态“主阵地”。']);
    // 一是…二是… restart in every paragraph: lists of 3,3,3 | 3 | 2,3
    assert.deepEqual(doc.runInLists.map((l) => l.items.length), [3, 3, 3, 3, 2, 3]);
  });

  it('001: title, level-3 headings directly under level 1', () => {
    const doc = parseReport(sample('001_028c584844040bc1.txt'));
    assert.deepEqual(doc.title.map((b) => doc.text.slice(b.span.start, b.span.end)), ['县退役军人事务局关于2022年意识形态工作情况的报告']);
    assert.deepEqual(headingNames(doc), [
      '一、工作总体情况',
      '1.坚持培根铸魂，强化思想政治建设质量',
      '2.坚持文化引领，提升精神文明建设水平',
      '3.坚持担责于身，履行意识形态工作责任',
      '4.坚持正确导向，深化意识形态警示教育',
      '二、亮点成效',
      '三、不足之处及改进方向',
    ]);
    assert.equal(doc.sections[0].children.length, 4);
    assert.ok(doc.headings.slice(1, 5).every((h) => h.bodySpan), 'level-3 headings are run in with their text');
  });

  it('002: 一要 lists are their own family', () => {
    const doc = parseReport(sample('002_9b0739ec5ab9c34d.txt'));
    assert.deepEqual(doc.runInLists.map((l) => `${l.family}${l.items.length}`), ['是4', '是3', '要4']);
  });
});

describe('parseReport on our sample report', () => {
  const text = readFileSync(repoPath('samples/report-2023.gw'), 'utf8');
  const doc = parseReport(text);

  it('finds every part of the report', () => {
    const slice = (b?: { span: { start: number; end: number } }): string => (b ? text.slice(b.span.start, b.span.end) : '');
    assert.equal(doc.title.length, 2);
    assert.equal(slice(doc.recipient), '县委宣传部：');
    assert.equal(doc.opening.length, 1);
    assert.equal(slice(doc.signature), '中共XX县文化和旅游局党组');
    assert.equal(slice(doc.date), '2024年1月15日');
    assert.equal(doc.comments.length, 1);
  });

  it('builds the outline title → 一、 → （一） → items', () => {
    const outline = flat(buildOutline(doc));
    assert.equal(outline[0], 'title:中共XX县文化和旅游局党组关于2023年度意识形态工作情况的报告');
    assert.ok(outline.includes('  heading1:一、工作开展情况'));
    assert.ok(outline.includes('    heading2:（一）压紧压实主体责任'));
    assert.ok(outline.includes('      run-in-item:一是健全责任体系'));
    assert.ok(outline.includes('  signature:落款：中共XX县文化和旅游局党组 2024年1月15日'));
  });

  it('finds the same headings when the whole report is pasted as one line', () => {
    const oneLine = text.split('\n').filter((l) => !l.startsWith('//')).join('');
    assert.deepEqual(headingNames(parseReport(oneLine)), headingNames(doc));
  });

  it('finds the same headings when line breaks became spaces', () => {
    const spaced = text.split('\n').filter((l) => !l.startsWith('//')).join(' ');
    assert.deepEqual(headingNames(parseReport(spaced)), headingNames(doc));
  });
});

describe('heading variants', () => {
  const levels = (t: string): string[] => parseReport(t).headings.map((h) => `${h.level}:${h.marker.ordinal}:${h.marker.raw}`);

  it('accepts half-width brackets, spaces, full-width points and wrong separators', () => {
    const t = ['一.工作情况', '(一)加强领导', '（ 二 ）强化责任', '1、坚持学习', '2．加强宣传', '(1)第一点', '二，存在问题', '三 下一步打算'].join('\n');
    assert.deepEqual(levels(t), ['1:1:一.', '2:1:(一)', '2:2:（ 二 ）', '3:1:1、', '3:2:2．', '4:1:(1)', '1:2:二，', '1:3:三']);
  });

  it('does not take decimals, years, enumerations or words for headings', () => {
    const t = ['1.5万人参加培训。', '2022年以来，成效明显。', '一、二、三等奖均有。', '一是加强领导。', '十分重要。'].join('\n');
    assert.deepEqual(levels(t), []);
  });

  it('finds a heading run into the previous paragraph, and keeps enumerations after ：', () => {
    const doc = parseReport('一、总体情况\n全年开展活动。二、存在问题\n主要有：（1）学习不够；（2）宣传不足。');
    assert.deepEqual(headingNames(doc), ['一、总体情况', '二、存在问题']);
    assert.equal(doc.headings[1].inline, true);
  });

  it('splits a run-in heading title from its body at 。', () => {
    const doc = parseReport('一、情况\n（一）强化组织领导。局党组高度重视。');
    const h = doc.headings[1];
    assert.equal(doc.text.slice(h.titleSpan.start, h.titleSpan.end), '强化组织领导。');
    assert.equal(doc.text.slice(h.bodySpan!.start, h.bodySpan!.end), '局党组高度重视。');
  });
});

describe('parseReport never throws', () => {
  const alphabet = '一二三四五六七八九十是要第（）()、.．，,。；：:“”‘’《》XX*○□ \t\n\r\u3000012345abc//附件年月日\ud800\udc00';
  const arb = fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: 300 }).map((a) => a.join(''));

  it('on random report-like text, with every span inside the text', () => {
    fc.assert(
      fc.property(arb, (text) => {
        const doc = parseReport(text);
        for (const b of doc.blocks) assert.ok(b.span.start >= 0 && b.span.start <= b.span.end && b.span.end <= text.length);
        buildOutline(doc);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void parseReport(text)), { numRuns: 1000 });
  });
});

describe('back matter', () => {
  it('reads a multi-line 附件说明 before the signature, not its “2.” line as a heading', () => {
    const text = ['一、工作情况', '正文。', '', '附件：1.意识形态工作责任清单', '　　　2.分析研判报告', '', '县委宣传部', '2024年1月5日'].join('\n');
    const doc = parseReport(text);
    assert.deepEqual(doc.headings.map((h) => h.marker.raw), ['一、']);
    assert.equal(doc.attachments.length, 2);
    assert.equal(doc.text.slice(doc.signature!.span.start, doc.signature!.span.end), '县委宣传部');
    assert.equal(doc.text.slice(doc.date!.span.start, doc.date!.span.end), '2024年1月5日');
  });
});

describe('incremental parse (reparse)', () => {
  const report = [
    '关于2024年意识形态工作情况的报告',
    '县委：',
    '现将有关情况报告如下：',
    '一、工作开展情况',
    '（一）强化组织领导。',
    '全年召开专题会议4次，研究部署意识形态工作。',
    '一是压实责任。二是加强阵地管理。',
    '二、存在的问题',
    '个别单位重视不够。',
    '中共XX县委宣传部',
    '2025年1月10日',
  ].join('\n');
  const typed = (text: string, after: string, insert: string): string => {
    const at = text.indexOf(after) + after.length;
    return text.slice(0, at) + insert + text.slice(at);
  };

  it('typing inside a body paragraph derives the new report and says which block changed', () => {
    const before = parseReport(report);
    const headingStarts = before.headings.map((h) => h.block.span.start);
    const after = reparse(before, typed(report, '全年召开', '了'));
    assert.ok(after.edit, 'derived');
    assert.equal(after.edit.skeleton, false);
    assert.equal(after.blocks[after.edit.block].kind, 'paragraph');
    assert.equal(after.edit.previous.deref(), before);
    assert.deepEqual(
      after.headings.map((h) => h.block.span.start),
      headingStarts.map((s, i) => (i < 2 ? s : s + 1)),
      'headings before the edit stay, those after it move by one',
    );
  });

  it('typing in the body of a run-in heading derives the new report; changing its number does not', () => {
    const text = typed(report, '（一）强化组织', '和');
    const derived = reparse(parseReport(report), text);
    assert.ok(derived.edit, 'derived');
    assert.equal(derived.edit.skeleton, true, 'a heading is part of the skeleton');
    const fresh = parseReport(text);
    assert.deepEqual(
      derived.headings.map((h) => [h.titleSpan, h.bodySpan ?? null]),
      fresh.headings.map((h) => [h.titleSpan, h.bodySpan ?? null]),
    );
    assert.equal(reparse(parseReport(report), report.replace('（一）强化', '（二）强化')).edit, undefined);
  });

  it('a change to a paragraph’s run-in items marks the skeleton changed', () => {
    const after = reparse(parseReport(report), typed(report, '二是加强阵地管理。', '三是强化队伍。'));
    assert.ok(after.edit);
    assert.equal(after.edit.skeleton, true);
    assert.equal(after.runInLists[0].items.length, 3);
  });

  it('parses afresh when the edit adds a line, a heading or back matter', () => {
    const before = parseReport(report);
    for (const [after, insert] of [['全年召开', '\n'], ['个别单位重视不够。', '三、下一步打算'], ['研究部署意识形态工作。', '（二）加强阵地建设。']] as const) {
      const text = typed(report, after, insert);
      const derived = reparse(before, text);
      assert.equal(derived.edit, undefined, insert);
      assert.deepEqual(derived.headings.length, parseReport(text).headings.length);
    }
  });

  it('the run-in item scan agrees with its regular expression', () => {
    const RUN_IN = /(?=[一二三四五六七八九十第])(?:^|(?<=[。；;！？!?，,：:]\s*))(?:([一二三四五六七八九十]{1,3})([是要])|第([一二三四五六七八九十]{1,3})(?=[，、,]))/gu;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'一二三十第是要，、,。；： \u3000\t加强x'), { maxLength: 40 }), (chars) => {
        const doc = parseReport('一、标题\n' + chars.join('') + '\n甲\n乙');
        const block = doc.blocks.find((b) => b.line === 1 && b.kind === 'paragraph');
        if (!block) return;
        const body = doc.text.slice(block.span.start, block.span.end);
        const expected: number[] = [];
        for (const m of body.matchAll(RUN_IN)) {
          const end = m.index + m[0].length;
          if (end >= body.length || (/[，。、；]/.test(body[end]) && !m[3]) || parseChineseNumber(m[1] ?? m[3]) === undefined) continue;
          expected.push(m.index);
        }
        const found = doc.runInLists.flatMap((l) => l.items).map((i) => i.markerSpan.start - block.span.start);
        assert.deepEqual(found, expected, JSON.stringify(body));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('the paragraph-head scan agrees with its regular expression', () => {
    const HEAD = /^[^，,；;：:、。！？!?]{2,24}。/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'加强领导。，、；：！?x\ud83d\ude00\ud800 '), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        if (!text) return;
        const doc = parseReport('一、标题\n' + text + '\n甲\n乙');
        const block = doc.blocks.find((b) => b.line === 1 && b.kind === 'paragraph');
        if (!block) return;
        const s = doc.text.slice(block.span.start, block.span.end);
        const m = HEAD.exec(s.slice(0, 30));
        const expected = m && m[0].length < s.length ? m[0].length : -1;
        const got = headPhraseOf(doc.text, block);
        assert.equal(got ? got.span.end - block.span.start : -1, expected, JSON.stringify(s));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
