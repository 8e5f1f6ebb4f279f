/**
 * The .docx export, read back: unzip the package, parse its XML and check the GB/T 9704-2012 numbers of
 * /work/shared/design/gbt9704-export.md — page, margins, grid, fonts per level, sizes, exact 579 spacing on every
 * paragraph, indents, outline levels, run-in heading runs, 附件说明, 署名/成文日期, the odd/even page-number footers.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseReport } from '../../server/src/core';
import { buildDocx } from '../../server/src/core/export/docx';
import { CHAR, mmToTwip, signatureIndents, textWidth } from '../../server/src/core/export/layout';
import { DEFAULT_EXPORT_OPTIONS, normalizeExportOptions } from '../../server/src/core/export/options';
import { all, attr, bodyParagraphs, kid, kids, paragraphText, readDocx, styleOf, styleProp, styles, type DocxParts } from './exportXml';
import { repoPath } from './paths';

export const FULL_REPORT = [
  '// 批注：这一行不导出',
  '中共某某县委宣传部',
  '关于2023年度意识形态工作情况的报告',
  '',
  '县委:',
  '2023年，我部认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、工作开展情况',
  '（一）强化组织领导。全年召开专题会议4次。',
  '1.完善制度',
  '制定责任清单。',
  '（1）抓好学习。开展学习12次。',
  '二、存在问题',
  '理论学习还不够深入。',
  '// 另一条批注',
  '三、下一步工作打算',
  '持续深化理论武装。',
  '',
  '附件：1.意识形态工作责任清单',
  '2.意识形态工作考核办法',
  '',
  '县退役军人事务局',
  '2022年12月20日',
  '',
].join('\n');

async function exported(text: string, options = {}): Promise<DocxParts> {
  return readDocx(await buildDocx(parseReport(text), options));
}

const runs = (p: Element): Element[] => kids(p, 'r');
const pPr = (p: Element, local: string): Element | undefined => kid(kid(p, 'pPr'), local);

describe('export: GB/T 9704-2012 layout in the .docx', () => {
  let d: DocxParts;
  before(async () => {
    d = await exported(FULL_REPORT);
  });

  it('is a Word package with the document, styles, settings and two footers', () => {
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml']) assert.ok(d.files[part], part);
    const footers = Object.keys(d.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    assert.equal(footers.length, 2);
  });

  it('A4 with margins 37 / 35 / 28 / 26 mm in exact twips, footer distance per 7.5', () => {
    const sect = all(d.xml('word/document.xml'), 'sectPr')[0];
    const pgSz = kid(sect, 'pgSz');
    assert.deepEqual([attr(pgSz, 'w'), attr(pgSz, 'h')], ['11906', '16838']);
    const m = kid(sect, 'pgMar');
    assert.deepEqual(
      ['top', 'bottom', 'left', 'right', 'footer', 'gutter'].map((k) => attr(m, k)),
      ['2098', '1984', '1587', '1474', '1447', '0'],
    );
    assert.equal(mmToTwip(37), 2098); // docx's own converter would truncate to 2097
    // 版心 156 × 225 mm
    assert.equal(11906 - 1587 - 1474, 8845);
    assert.equal(16838 - 2098 - 1984, 12756);
  });

  it('Word grid: linesAndChars, 579 line pitch, charSpace −842 (28 字 × 22 行); 22 × 579 fits the 版心', () => {
    const grid = kid(all(d.xml('word/document.xml'), 'sectPr')[0], 'docGrid');
    assert.deepEqual([attr(grid, 'type'), attr(grid, 'linePitch'), attr(grid, 'charSpace')], ['linesAndChars', '579', '-842']);
    assert.ok(22 * 579 <= 12756 && 22 * 580 > 12756);
    assert.equal(Math.floor((8845 / 20 / 28 - 16) * 4096), -842);
  });

  it('portable grid: no character grid, every text style condensed by 0.25 pt (characterSpacing −5)', async () => {
    const p = await exported(FULL_REPORT, { grid: 'portable' });
    const grid = kid(all(p.xml('word/document.xml'), 'sectPr')[0], 'docGrid');
    assert.equal(attr(grid, 'type'), null);
    assert.equal(attr(grid, 'charSpace'), null);
    const map = styles(p);
    for (const id of ['GwBody', 'GwRecipient', 'GwHeading1', 'GwHeading2', 'GwHeading3', 'GwHeading4', 'GwAttachment', 'GwSignature', 'GwDate']) {
      assert.equal(attr(styleProp(map, id, 'rPr', 'spacing'), 'val'), '-5', id);
    }
    // a run-in heading's body run carries it too (it names its own face)
    const runIn = bodyParagraphs(p).find((x) => paragraphText(x).startsWith('（一）'))!;
    assert.equal(attr(kid(kid(runs(runIn)[1], 'rPr'), 'spacing'), 'val'), '-5');
    // the Word-grid variant has no condensing
    assert.equal(styleProp(styles(d), 'GwBody', 'rPr', 'spacing'), undefined);
  });

  it('paragraphs: one per title line, a blank line, 主送机关 with a full-width colon, headings, body; comments left out', () => {
    const got = bodyParagraphs(d).map((p) => `${styleOf(p)}|${paragraphText(p)}`);
    assert.deepEqual(got, [
      'GwTitle|中共某某县委宣传部',
      'GwTitle|关于2023年度意识形态工作情况的报告',
      'GwBody|',
      'GwRecipient|县委：',
      'GwBody|2023年，我部认真落实意识形态工作责任制。现将有关情况报告如下：',
      'GwHeading1|一、工作开展情况',
      'GwHeading2|（一）强化组织领导。全年召开专题会议4次。',
      'GwHeading3|1.完善制度',
      'GwBody|制定责任清单。',
      'GwHeading4|（1）抓好学习。开展学习12次。',
      'GwHeading1|二、存在问题',
      'GwBody|理论学习还不够深入。',
      'GwHeading1|三、下一步工作打算',
      'GwBody|持续深化理论武装。',
      'GwBody|',
      'GwAttachment|附件：1.意识形态工作责任清单',
      'GwAttachment|2.意识形态工作考核办法',
      'GwBody|',
      'GwBody|',
      'GwSignature|县退役军人事务局',
      'GwDate|2022年12月20日',
    ]);
    assert.ok(!d.text('word/document.xml').includes('批注'));
  });

  it('every paragraph, empty ones included: exact 579 spacing (lineRule "exact", not "exactly"), no space before/after, widow control off', () => {
    const ps = bodyParagraphs(d);
    assert.ok(ps.length > 10);
    for (const p of ps) {
      const s = pPr(p, 'spacing');
      assert.deepEqual([attr(s, 'line'), attr(s, 'lineRule'), attr(s, 'before'), attr(s, 'after')], ['579', 'exact', '0', '0'], paragraphText(p));
      assert.equal(attr(pPr(p, 'widowControl'), 'val'), 'false');
    }
    assert.ok(!d.text('word/document.xml').includes('"exactly"'));
    assert.ok(!d.text('word/styles.xml').includes('"exactly"'));
    // the defaults and Normal carry it too (paragraphs a user adds in Word)
    const def = all(d.xml('word/styles.xml'), 'pPrDefault')[0];
    assert.equal(attr(all(def, 'spacing')[0], 'lineRule'), 'exact');
  });

  it('fonts and sizes per level: title 2号 小标宋, body 3号 仿宋_GB2312, 一级 黑体, 二级 楷体_GB2312, 三、四级 仿宋_GB2312; East Asian slot with hint', () => {
    const map = styles(d);
    const face = (id: string) => attr(styleProp(map, id, 'rPr', 'rFonts'), 'eastAsia');
    const size = (id: string) => attr(styleProp(map, id, 'rPr', 'sz'), 'val');
    assert.deepEqual(
      ['Normal', 'GwTitle', 'GwBody', 'GwRecipient', 'GwHeading1', 'GwHeading2', 'GwHeading3', 'GwHeading4', 'GwAttachment', 'GwSignature', 'GwDate'].map(
        (id) => `${id}:${face(id)}:${size(id)}`,
      ),
      [
        'Normal:仿宋_GB2312:32',
        'GwTitle:方正小标宋简体:44',
        'GwBody:仿宋_GB2312:32',
        'GwRecipient:仿宋_GB2312:32',
        'GwHeading1:黑体:32',
        'GwHeading2:楷体_GB2312:32',
        'GwHeading3:仿宋_GB2312:32',
        'GwHeading4:仿宋_GB2312:32',
        'GwAttachment:仿宋_GB2312:32',
        'GwSignature:仿宋_GB2312:32',
        'GwDate:仿宋_GB2312:32',
      ],
    );
    for (const id of ['Normal', 'GwTitle', 'GwBody', 'GwHeading1']) {
      const f = styleProp(map, id, 'rPr', 'rFonts');
      assert.deepEqual([attr(f, 'ascii'), attr(f, 'hAnsi'), attr(f, 'hint')], ['Times New Roman', 'Times New Roman', 'eastAsia'], id);
    }
    const lang = styleProp(map, 'Normal', 'rPr', 'lang');
    assert.equal(attr(lang, 'eastAsia'), 'zh-CN');
    // the title does not snap to the 3号 grid (it would take two cells a character)
    assert.equal(attr(styleProp(map, 'GwTitle', 'rPr', 'snapToGrid'), 'val'), 'false');
    // no bold in the report's styles or text (the standard has none)
    for (const id of ['GwTitle', 'GwBody', 'GwHeading1', 'GwHeading2', 'GwHeading3', 'GwHeading4']) assert.equal(styleProp(map, id, 'rPr', 'b'), undefined, id);
    assert.equal(all(d.xml('word/document.xml'), 'b').length, 0);
  });

  it('alignment and indents: title centred; body, headings 左空二字 (firstLineChars 200 + firstLine 632) justified; 主送机关 flush left', () => {
    const map = styles(d);
    const jc = (id: string) => attr(styleProp(map, id, 'pPr', 'jc'), 'val');
    const ind = (id: string) => {
      const i = styleProp(map, id, 'pPr', 'ind');
      return `${attr(i, 'firstLineChars')}/${attr(i, 'firstLine')}`;
    };
    assert.equal(jc('GwTitle'), 'center');
    assert.equal(ind('GwTitle'), '0/0');
    for (const id of ['GwBody', 'GwHeading1', 'GwHeading2', 'GwHeading3', 'GwHeading4']) {
      assert.equal(jc(id), 'both', id);
      assert.equal(ind(id), '200/632', id);
    }
    assert.equal(ind('GwRecipient'), '0/0');
  });

  it('outline levels 0–3 on the own heading styles (Word navigation pane), not docx’s Heading styles', () => {
    const map = styles(d);
    const lvl = (id: string) => attr(styleProp(map, id, 'pPr', 'outlineLvl'), 'val');
    assert.deepEqual(['GwHeading1', 'GwHeading2', 'GwHeading3', 'GwHeading4'].map(lvl), ['0', '1', '2', '3']);
    assert.equal(lvl('GwBody'), null);
    const used = new Set(bodyParagraphs(d).map(styleOf));
    for (const builtIn of ['Heading1', 'Heading2', 'Title']) assert.ok(!used.has(builtIn));
  });

  it('run-in headings: the heading face only up to the first 。, the rest a body run; keepNext only on headings that stand alone', () => {
    const ps = bodyParagraphs(d);
    const h2 = ps.find((p) => paragraphText(p).startsWith('（一）'))!;
    const [head, body] = runs(h2);
    assert.equal(paragraphText(head), '（一）强化组织领导。');
    assert.equal(kid(kid(head, 'rPr'), 'rFonts'), undefined, 'the heading run takes the style’s 楷体');
    assert.equal(paragraphText(body), '全年召开专题会议4次。');
    assert.equal(attr(kid(kid(body, 'rPr'), 'rFonts'), 'eastAsia'), '仿宋_GB2312');
    assert.equal(attr(kid(kid(body, 'rPr'), 'rFonts'), 'hint'), 'eastAsia');
    assert.equal(pPr(h2, 'keepNext'), undefined);
    const h4 = ps.find((p) => paragraphText(p).startsWith('（1）'))!;
    assert.deepEqual(runs(h4).map(paragraphText), ['（1）抓好学习。', '开展学习12次。']);
    const h1 = ps.find((p) => paragraphText(p) === '一、工作开展情况')!;
    assert.ok(pPr(h1, 'keepNext'));
    assert.equal(runs(h1).length, 1);
  });

  it('a 一级标题 run into its text, or a title before spaces standing for a lost line break, becomes two paragraphs', async () => {
    const p = await exported('一、工作开展情况。我局全年开展学习12次。\n（一）强化组织领导   全年召开专题会议4次，研究部署工作。\n');
    assert.deepEqual(
      bodyParagraphs(p).map((x) => `${styleOf(x)}|${paragraphText(x)}`),
      ['GwHeading1|一、工作开展情况。', 'GwBody|我局全年开展学习12次。', 'GwHeading2|（一）强化组织领导', 'GwBody|全年召开专题会议4次，研究部署工作。'],
    );
  });

  it('附件说明 (7.3.4): 左空二字, wrapped lines under the name, later numbers under “1.”', () => {
    const ps = bodyParagraphs(d).filter((p) => styleOf(p) === 'GwAttachment');
    const ind = (p: Element) => [attr(pPr(p, 'ind'), 'left'), attr(pPr(p, 'ind'), 'hanging'), attr(pPr(p, 'ind'), 'firstLineChars')];
    // 附件：(3 字) + “1.” (1 字): left = (2 + 3 + 1) 字, first line starts at 2 字
    assert.deepEqual(ind(ps[0]), [String(6 * CHAR), String(4 * CHAR), '0']);
    assert.deepEqual(ind(ps[1]), [String(6 * CHAR), String(1 * CHAR), '0']);
    // one blank line between the body and 附件说明
    const all_ = bodyParagraphs(d);
    assert.equal(paragraphText(all_[all_.indexOf(ps[0]) - 1]), '');
  });

  it('署名 and 成文日期, sealed (7.3.5.1): date 右空四字, organisation centred over it, automatic 中/西 spacing off, 2 blank lines', () => {
    const ps = bodyParagraphs(d);
    const org = ps.find((p) => styleOf(p) === 'GwSignature')!;
    const date = ps.find((p) => styleOf(p) === 'GwDate')!;
    // 县退役军人事务局 (8 字), 2022年12月20日 (7 字): org right = 4 + (7 − 8) / 2 = 3.5 字
    assert.equal(attr(pPr(date, 'ind'), 'right'), String(4 * CHAR));
    assert.equal(attr(pPr(org, 'ind'), 'right'), String(Math.round(3.5 * CHAR)));
    for (const p of [org, date]) assert.equal(attr(pPr(p, 'autoSpaceDN'), 'val'), 'false');
    assert.equal(attr(styleProp(styles(d), 'GwDate', 'pPr', 'jc'), 'val'), 'right');
    const i = ps.indexOf(org);
    assert.deepEqual([paragraphText(ps[i - 1]), paragraphText(ps[i - 2])], ['', '']);
    assert.notEqual(paragraphText(ps[i - 3]), '');
  });

  it('署名 and 成文日期, unsealed (7.3.5.2): the spec’s example gives organisation 3 字 and date 2 字 from the right; 1 blank line', async () => {
    const p = await exported(FULL_REPORT, { signature: 'unsealed' });
    const ps = bodyParagraphs(p);
    const org = ps.find((x) => styleOf(x) === 'GwSignature')!;
    const date = ps.find((x) => styleOf(x) === 'GwDate')!;
    assert.equal(attr(pPr(org, 'ind'), 'right'), String(3 * CHAR));
    assert.equal(attr(pPr(date, 'ind'), 'right'), String(2 * CHAR));
    const i = ps.indexOf(org);
    assert.equal(paragraphText(ps[i - 1]), '');
    assert.notEqual(paragraphText(ps[i - 2]), '');
  });

  it('page numbers (7.5): “— N —” 4号 宋体; odd pages right, even pages left, 一字 in; odd/even footers switched on', () => {
    assert.ok(all(d.xml('word/settings.xml'), 'evenAndOddHeaders').length === 1);
    const sect = all(d.xml('word/document.xml'), 'sectPr')[0];
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const refs = new Map(kids(sect, 'footerReference').map((r) => [attr(r, 'type'), r.getAttributeNS(R, 'id')]));
    assert.deepEqual([...refs.keys()].sort(), ['default', 'even']);
    const rels = new Map(Array.from(readRels(d).getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
    const footer = (type: string) => d.xml(`word/${rels.get(refs.get(type)!)}`);
    for (const [type, side, jc] of [['default', 'right', 'right'], ['even', 'left', 'left']] as const) {
      const f = footer(type);
      const p = all(f, 'p')[0];
      assert.equal(attr(pPr(p, 'jc'), 'val'), jc, type);
      assert.equal(attr(pPr(p, 'ind'), side), '280', type);
      const s = pPr(p, 'spacing');
      assert.deepEqual([attr(s, 'line'), attr(s, 'lineRule')], ['280', 'exact']);
      assert.equal(all(f, 't').map((t) => t.textContent).join('|'), '— | —');
      assert.equal(all(f, 'instrText')[0].textContent?.trim(), 'PAGE');
      for (const r of all(f, 'r')) {
        assert.equal(attr(kid(kid(r, 'rPr'), 'sz'), 'val'), '28');
        const fonts = kid(kid(r, 'rPr'), 'rFonts');
        assert.deepEqual([attr(fonts, 'eastAsia'), attr(fonts, 'ascii')], ['宋体', '宋体']);
      }
    }
  });

  it('font options replace the faces (e.g. 仿宋 and 楷体 where the _GB2312 faces are missing)', async () => {
    const fonts = { ...DEFAULT_EXPORT_OPTIONS.fonts, body: '仿宋', heading2: '楷体', title: '华文中宋', latin: '仿宋', pageNumber: 'SimSun' };
    const p = await exported(FULL_REPORT, { fonts });
    const map = styles(p);
    const f = (id: string) => styleProp(map, id, 'rPr', 'rFonts');
    assert.equal(attr(f('GwBody'), 'eastAsia'), '仿宋');
    assert.equal(attr(f('GwBody'), 'ascii'), '仿宋');
    assert.equal(attr(f('GwHeading2'), 'eastAsia'), '楷体');
    assert.equal(attr(f('GwHeading3'), 'eastAsia'), '仿宋');
    assert.equal(attr(f('GwTitle'), 'eastAsia'), '华文中宋');
    assert.ok(p.text('word/footer1.xml').includes('SimSun') || p.text('word/footer2.xml').includes('SimSun'));
  });

  it('an empty report and a report of comments only still give a valid document', async () => {
    for (const text of ['', '// 只有批注\n']) {
      const p = await exported(text);
      assert.equal(bodyParagraphs(p).length, 1);
    }
  });

  it('the bundled sample exports with its title as the document title', async () => {
    const p = await exported(readFileSync(repoPath('samples/report-2023.gw'), 'utf8'));
    assert.match(p.text('docProps/core.xml'), /<dc:title>中共XX县文化和旅游局党组关于2023年度意识形态工作情况的报告<\/dc:title>/);
  });
});

function readRels(d: DocxParts): Document {
  return d.xml('word/_rels/document.xml.rels');
}

describe('export: layout numbers', () => {
  it('text width counts CJK as 1 字 and ASCII as half', () => {
    assert.equal(textWidth('2022年12月20日'), 7);
    assert.equal(textWidth('县退役军人事务局'), 8);
    assert.equal(textWidth('1.'), 1);
    assert.equal(textWidth('“一岗双责”'), 6);
  });

  it('signature indents follow 7.3.5 in both layouts', () => {
    assert.deepEqual(signatureIndents('县退役军人事务局', '2022年12月20日', 'unsealed'), { organisation: 3 * CHAR, date: 2 * CHAR });
    assert.deepEqual(signatureIndents('某局', '2022年12月20日', 'sealed'), { organisation: Math.round(6.5 * CHAR), date: 4 * CHAR });
    // a long organisation: date 2 字 from the right edge, organisation 右空二字
    assert.deepEqual(signatureIndents('中共某某县文化和旅游局党组委员会', '2024年1月5日', 'unsealed'), { organisation: 2 * CHAR, date: 10 * CHAR });
    assert.deepEqual(signatureIndents(undefined, '2024年1月5日', 'sealed'), { date: 4 * CHAR });
  });
});

describe('export: options normaliser', () => {
  it('no settings → the defaults of the spec, no problems', () => {
    const r = normalizeExportOptions(undefined);
    assert.deepEqual(r.options, DEFAULT_EXPORT_OPTIONS);
    assert.deepEqual(r.problems, []);
  });

  it('bad values → defaults and a Chinese problem naming the setting', () => {
    const r = normalizeExportOptions({ grid: 'tight', signature: 3, font: { body: '', heading1: 42, title: 'x'.repeat(40), latin: 'Arial' } });
    assert.deepEqual(r.options.fonts, { ...DEFAULT_EXPORT_OPTIONS.fonts, latin: 'Arial' });
    assert.equal(r.options.grid, 'word');
    assert.equal(r.options.signature, 'sealed');
    assert.equal(r.problems.length, 5, r.problems.join('\n'));
    assert.ok(r.problems.some((p) => p.includes('gongwen.export.grid') && p.includes('tight')));
    assert.ok(r.problems.some((p) => p.includes('gongwen.export.font.body') && p.includes('正文字体')));
    for (const p of r.problems) assert.match(p, /[\u4e00-\u9fff]/);
    assert.equal(normalizeExportOptions('word').problems.length, 1);
    assert.equal(normalizeExportOptions({ font: 'x' }).problems.length, 1);
  });

  it('good values pass through', () => {
    const r = normalizeExportOptions({ grid: 'portable', signature: 'unsealed', font: { body: ' 仿宋 ' } });
    assert.deepEqual(r.problems, []);
    assert.equal(r.options.grid, 'portable');
    assert.equal(r.options.signature, 'unsealed');
    assert.equal(r.options.fonts.body, '仿宋');
  });
});
