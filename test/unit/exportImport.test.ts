/**
 * Import from Word, and the round trip import(export(report)) = the report's text (comment lines aside) for the
 * bundled sample and the three real samples. Word's automatic list numbering becomes text (一、 （一） 1. （1）),
 * tables and pictures leave a comment line and are counted.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { parseReport } from '../../server/src/core';
import { buildDocx } from '../../server/src/core/export/docx';
import { chineseCounting, formatNumber, ListCounter, type AbstractList } from '../../server/src/core/import/numbering';
import { GRAPHIC_COMMENT, leftOutSummary, paragraphsToReport, TABLE_COMMENT } from '../../server/src/core/import/text';
import { importDocx, ImportFailure } from '../../server/src/host/docxImport';
import { repoPath } from './paths';

const SAMPLES = [
  'samples/report-2023.gw',
  'test/fixtures/samples/000_ba5f166b322ef36a.txt',
  'test/fixtures/samples/001_028c584844040bc1.txt',
  'test/fixtures/samples/002_9b0739ec5ab9c34d.txt',
];

/** The report's lines as a reader sees them: trimmed, without blank lines and comment lines. */
const contentLines = (text: string): string[] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'));

describe('import: round trip through Word', () => {
  for (const file of SAMPLES) {
    it(`import(export(${file.split('/').pop()})) gives the report's text back`, async () => {
      const text = readFileSync(repoPath(file), 'utf8');
      const back = await importDocx(await buildDocx(parseReport(text)));
      assert.deepEqual(contentLines(back.text), contentLines(text));
      assert.deepEqual([back.tables, back.graphics], [0, 0]);
      // and the same report: the parser finds the same headings
      const heads = (t: string) => parseReport(t).headings.map((h) => `${h.level}:${t.slice(h.block.span.start, h.titleSpan.end)}`);
      assert.deepEqual(heads(back.text), heads(text));
    });
  }

  it('the bundled sample comes back line for line, blank lines included (only the comment line is gone)', async () => {
    const text = readFileSync(repoPath('samples/report-2023.gw'), 'utf8');
    const back = await importDocx(await buildDocx(parseReport(text)));
    // the comment line is the last one, after a blank line: with it gone, the file ends after the date
    const expected = text.split('\n').filter((l) => !l.startsWith('//')).join('\n').replace(/\n+$/, '\n');
    assert.equal(back.text, expected);
  });

  it('also in the portable grid and the unsealed layout', async () => {
    const text = readFileSync(repoPath('samples/report-2023.gw'), 'utf8');
    for (const options of [{ grid: 'portable' as const }, { signature: 'unsealed' as const }]) {
      const back = await importDocx(await buildDocx(parseReport(text), options));
      assert.deepEqual(contentLines(back.text), contentLines(text));
    }
  });
});

// A 1 × 1 PNG.
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

/** A Word file as an office makes it: automatic numbering for the four heading levels, a table, a picture, a bullet. */
async function numberedWordFile(): Promise<Uint8Array> {
  const levels = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
    { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
  ].map((l) => ({ ...l, start: 1, alignment: AlignmentType.LEFT }));
  const n = (level: number, text: string, instance?: number) => new Paragraph({ numbering: { reference: 'gw', level, ...(instance ? { instance } : {}) }, children: [new TextRun(text)] });
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'gw', levels },
        { reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u25CF', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          p('关于2023年度意识形态工作情况的报告'),
          p(''),
          p('县委宣传部：'),
          p('　　现将有关情况报告如下：'),
          n(0, '工作开展情况'),
          n(1, '强化组织领导。全年召开专题会议4次。'),
          n(2, '完善制度'),
          n(3, '抓好学习'),
          n(3, '抓好宣传'),
          n(2, '压实责任'),
          n(1, '加强理论武装'),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [p('表格里的字')] }), new TableCell({ children: [n(0, '表中编号')] })] })] }),
          n(1, '守好阵地'),
          new Paragraph({ children: [new TextRun('附图如下'), new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
          new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('一个要点')] }),
          n(0, '存在问题'),
          p('理论学习还不够深入。'),
          new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
          n(0, '下一步工作打算'),
          n(1, '持续深化理论武装'),
          n(0, '重新开始的一个新列表', 2),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

describe('import: Word files', () => {
  it('keeps automatic numbering as text, counting like Word (一、 （一） 1. （1）), and marks tables and pictures', async () => {
    const r = await importDocx(await numberedWordFile());
    assert.equal(
      r.text,
      [
        '关于2023年度意识形态工作情况的报告',
        '',
        '县委宣传部：',
        '现将有关情况报告如下：',
        '一、工作开展情况',
        '（一）强化组织领导。全年召开专题会议4次。',
        '1.完善制度',
        '（1）抓好学习',
        '（2）抓好宣传',
        '2.压实责任',
        '（二）加强理论武装',
        TABLE_COMMENT,
        // the numbered paragraph inside the table counted as 二、 (as in Word), so the next 一级 is 三、
        '（一）守好阵地',
        '附图如下',
        GRAPHIC_COMMENT,
        '一个要点',
        '三、存在问题',
        '理论学习还不够深入。',
        '第一行',
        '第二行',
        '四、下一步工作打算',
        '（一）持续深化理论武装',
        '一、重新开始的一个新列表',
        '',
      ].join('\n'),
    );
    assert.equal(r.tables, 1);
    assert.equal(r.graphics, 1);
    assert.equal(r.numbered, 13); // the bullet is not a number
    assert.match(leftOutSummary(r.tables, r.graphics), /表格 1 个、图片或图形 1 处/);
  });

  it('reads a Word file made by another program: LibreOffice 7.4 (test/fixtures/docx/gongwen-lists.docx from .fodt)', async () => {
    // Four list levels in the office style (一、（一）1.（1）), written by LibreOffice as taiwaneseCountingThousand and
    // decimal levels; the list continues after a table.
    const r = await importDocx(readFileSync(repoPath('test/fixtures/docx/gongwen-lists.docx')));
    assert.equal(
      r.text,
      [
        '关于2023年度意识形态工作情况的报告',
        '县委宣传部：',
        '现将有关情况报告如下：',
        '一、工作开展情况',
        '（一）强化组织领导。全年召开专题会议4次。',
        '1.完善制度',
        '（1）抓好学习',
        '（2）抓好宣传',
        '2.压实责任',
        '（二）加强理论武装',
        TABLE_COMMENT,
        '二、存在问题',
        '三、下一步工作打算',
        '（一）持续深化理论武装',
        '县委宣传部',
        '2024年1月15日',
        '',
      ].join('\n'),
    );
    assert.deepEqual([r.tables, r.graphics, r.numbered], [1, 0, 10]);
    // and the parser reads the imported text as the report it is
    const parsed = parseReport(r.text);
    assert.deepEqual(parsed.headings.map((h) => h.level), [1, 2, 3, 4, 4, 3, 2, 1, 1, 2]);
    assert.ok(parsed.date && parsed.signature);
  });

  it('refuses what is not a .docx with a Chinese reason', async () => {
    await assert.rejects(importDocx(new TextEncoder().encode('一、不是 Word 文件')), (e: Error) => e instanceof ImportFailure && /不是 Word 文档/.test(e.message));
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await assert.rejects(importDocx(doc), /旧版 Word 文档（\.doc）/);
    await assert.rejects(importDocx(zipSync({ 'a.txt': strToU8('x') })), /没有 Word 正文/);
    await assert.rejects(importDocx(Uint8Array.from([0x50, 0x4b, 1, 2, 3])), /已损坏/);
  });
});

describe('import: numbering and text (pure parts)', () => {
  it('formats numbers as Word does', () => {
    assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => chineseCounting(n)), [
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十',
    ]);
    assert.equal(formatNumber(3, 'decimal'), '3');
    assert.equal(formatNumber(12, 'chineseCountingThousand'), '十二');
    assert.equal(formatNumber(3, 'decimalFullWidth'), '３');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
    assert.equal(formatNumber(10, 'ideographDigital'), '一〇');
    assert.equal(formatNumber(5, 'none'), '');
  });

  it('counts levels, restarts deeper levels, honours start, lvlRestart, isLgl and start overrides', () => {
    const abstract: AbstractList = {
      levels: new Map([
        [0, { start: 1, numFmt: 'chineseCounting', lvlText: '%1、' }],
        [1, { start: 1, numFmt: 'decimal', lvlText: '%1.%2', legal: true }],
        [2, { start: 3, numFmt: 'decimal', lvlText: '（%3）', restart: 0 }],
      ]),
    };
    const c = new ListCounter(new Map([['a', abstract]]), new Map([['1', { abstractId: 'a', startOverrides: new Map() }], ['2', { abstractId: 'a', startOverrides: new Map([[0, 5]]) }]]));
    assert.deepEqual(
      [c.next('1', 0), c.next('1', 1), c.next('1', 2), c.next('1', 1), c.next('1', 0), c.next('1', 1), c.next('1', 2), c.next('2', 0), c.next('9', 0), c.next('1', 7)],
      ['一、', '1.1', '（3）', '1.2', '二、', '2.1', '（4）', '五、', '', ''],
    );
  });

  it('paragraphs → lines: trimmed (full-width indents too), one blank line at most, none at the ends', () => {
    assert.equal(paragraphsToReport(['', '　　标题 ', '', '', '正文\t内容', '行一\n行二', '', '']), '标题\n\n正文 内容\n行一\n行二\n');
    assert.equal(paragraphsToReport([]), '');
    assert.equal(leftOutSummary(0, 0), '');
  });
});
