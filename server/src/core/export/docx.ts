/**
 * buildDocx(parsed, options) → the bytes of a .docx laid out per GB/T 9704-2012 (A4, 版心 156 × 225 mm, 22 行 ×
 * 28 字, 3号仿宋 body, headings per 7.3.3, 署名/成文日期 per 7.3.5, page numbers “— N —” per 7.5). Pure: a tree in,
 * bytes out; no file system. Every number comes from layout.ts (see the design note gbt9704-export.md).
 *
 * docx 9.15.2 pitfalls this follows: LineRuleType.EXACT (EXACTLY writes an invalid value); East Asian font slots as
 * an object with hint eastAsia; own styles with outline levels instead of docx's coloured Heading styles; Normal
 * overridden with an explicit 3号 size (the grid's charSpace is relative to it); widowControl only per paragraph;
 * the footer with its own exact spacing; evenAndOddHeaderAndFooters on the Document.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionPropertiesOptions,
} from 'docx';
import type { ParsedReport } from '../parse/report';
import {
  CHAR_SPACE,
  FIRST_LINE_CHARS,
  FIRST_LINE_TWIPS,
  LINE_PITCH,
  PAGE,
  PAGE_NUMBER_CHAR,
  PORTABLE_CHARACTER_SPACING,
  SIZE,
} from './layout';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './options';
import { planParagraphs, type Face, type PlannedParagraph } from './plan';

export type BuildOptions = ExportOptions;

/** Style ids (ASCII) and the Chinese names Word shows in its style gallery. */
export const STYLE = {
  title: { id: 'GwTitle', name: '公文标题' },
  body: { id: 'GwBody', name: '公文正文' },
  recipient: { id: 'GwRecipient', name: '公文主送机关' },
  h1: { id: 'GwHeading1', name: '公文一级标题' },
  h2: { id: 'GwHeading2', name: '公文二级标题' },
  h3: { id: 'GwHeading3', name: '公文三级标题' },
  h4: { id: 'GwHeading4', name: '公文四级标题' },
  attachment: { id: 'GwAttachment', name: '公文附件说明' },
  signature: { id: 'GwSignature', name: '公文署名' },
  date: { id: 'GwDate', name: '公文成文日期' },
} as const;

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const BODY_INDENT = { firstLineChars: FIRST_LINE_CHARS, firstLine: FIRST_LINE_TWIPS } as const;
const NO_INDENT = { firstLineChars: 0, firstLine: 0 } as const;

export async function buildDocx(parsed: ParsedReport, options: Partial<BuildOptions> = {}): Promise<Uint8Array> {
  const doc = buildDocument(parsed, options);
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The docx Document object (exposed for tests and the benchmark, which time building and packing apart). */
export function buildDocument(parsed: ParsedReport, options: Partial<BuildOptions> = {}): Document {
  const o: ExportOptions = {
    fonts: { ...DEFAULT_EXPORT_OPTIONS.fonts, ...options.fonts },
    signature: options.signature ?? DEFAULT_EXPORT_OPTIONS.signature,
    grid: options.grid ?? DEFAULT_EXPORT_OPTIONS.grid,
  };
  const portable = o.grid === 'portable';
  const faceName: Record<Face, string> = { title: o.fonts.title, body: o.fonts.body, heading1: o.fonts.heading1, heading2: o.fonts.heading2 };
  /** East Asian slot from the face; Latin letters and digits in the Latin font; hint so “” — … are drawn full width. */
  const font = (eastAsia: string) => ({ ascii: o.fonts.latin, hAnsi: o.fonts.latin, cs: o.fonts.latin, eastAsia, hint: 'eastAsia' });
  const condensed = portable ? { characterSpacing: PORTABLE_CHARACTER_SPACING } : {};

  const textStyle = (
    s: { id: string; name: string },
    face: string,
    paragraph: IParagraphStyleOptions['paragraph'],
    run: IParagraphStyleOptions['run'] = {},
  ): IParagraphStyleOptions => ({
    id: s.id,
    name: s.name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: font(face), size: SIZE.body, ...condensed, ...run },
    paragraph: { spacing: EXACT_LINE, ...paragraph },
  });

  const paragraphStyles: IParagraphStyleOptions[] = [
    // Normal carries 3号 explicitly: Word's charSpace and LibreOffice's grid both measure from it.
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: font(o.fonts.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: EXACT_LINE },
    },
    textStyle(STYLE.title, o.fonts.title, { alignment: AlignmentType.CENTER, indent: NO_INDENT }, { size: SIZE.title, snapToGrid: false, characterSpacing: undefined }),
    textStyle(STYLE.body, o.fonts.body, { alignment: AlignmentType.BOTH, indent: BODY_INDENT }),
    textStyle(STYLE.recipient, o.fonts.body, { alignment: AlignmentType.BOTH, indent: NO_INDENT }),
    textStyle(STYLE.h1, o.fonts.heading1, { alignment: AlignmentType.BOTH, indent: BODY_INDENT, outlineLevel: 0 }),
    textStyle(STYLE.h2, o.fonts.heading2, { alignment: AlignmentType.BOTH, indent: BODY_INDENT, outlineLevel: 1 }),
    textStyle(STYLE.h3, o.fonts.body, { alignment: AlignmentType.BOTH, indent: BODY_INDENT, outlineLevel: 2 }),
    textStyle(STYLE.h4, o.fonts.body, { alignment: AlignmentType.BOTH, indent: BODY_INDENT, outlineLevel: 3 }),
    textStyle(STYLE.attachment, o.fonts.body, { alignment: AlignmentType.LEFT, indent: NO_INDENT }),
    textStyle(STYLE.signature, o.fonts.body, { alignment: AlignmentType.RIGHT, indent: NO_INDENT }),
    textStyle(STYLE.date, o.fonts.body, { alignment: AlignmentType.RIGHT, indent: NO_INDENT }),
  ];

  const children = planParagraphs(parsed, o.signature).map((p) => toParagraph(p, faceName, font, condensed));
  if (children.length === 0) children.push(new Paragraph({ style: STYLE.body.id, spacing: EXACT_LINE, widowControl: false }));

  const pageNumber = (odd: boolean) =>
    new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      // 单页码居右空一字, 双页码居左空一字 (7.5): one 4号 字 = 280 twips.
      indent: odd ? { right: PAGE_NUMBER_CHAR, firstLine: 0 } : { left: PAGE_NUMBER_CHAR, firstLine: 0 },
      spacing: { line: PAGE_NUMBER_CHAR, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      widowControl: false,
      children: [
        new TextRun({
          font: { ascii: o.fonts.pageNumber, hAnsi: o.fonts.pageNumber, eastAsia: o.fonts.pageNumber, cs: o.fonts.pageNumber, hint: 'eastAsia' },
          size: SIZE.pageNumber,
          // 一字线 (U+2014) with a half-width space on each side of the number.
          children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'],
        }),
      ],
    });

  const properties: ISectionPropertiesOptions = {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: {
        top: PAGE.marginTop,
        bottom: PAGE.marginBottom,
        left: PAGE.marginLeft,
        right: PAGE.marginRight,
        header: PAGE.header,
        footer: PAGE.footer,
        gutter: 0,
      },
    },
    grid: portable
      ? { linePitch: LINE_PITCH }
      : { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
  };

  const title = parsed.title.map((b) => parsed.text.slice(b.span.start, b.span.end)).join('');
  return new Document({
    creator: '公文助手',
    lastModifiedBy: '公文助手',
    title: title || undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(o.fonts.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT_LINE },
        },
      },
      paragraphStyles,
    },
    sections: [
      {
        properties,
        footers: { default: new Footer({ children: [pageNumber(true)] }), even: new Footer({ children: [pageNumber(false)] }) },
        children,
      },
    ],
  });
}

type FontOf = (eastAsia: string) => { ascii: string; hAnsi: string; cs: string; eastAsia: string; hint: string };

function toParagraph(p: PlannedParagraph, faceName: Record<Face, string>, font: FontOf, condensed: { characterSpacing?: number }): Paragraph {
  const style = styleOf(p);
  const runs = p.runs.map((r, i) => {
    // The first run takes the paragraph style's face; a run-in heading's body run names the body face itself.
    const own = i > 0 || (p.kind === 'heading' && r.face !== faceOfStyle(p));
    return new TextRun({ text: r.text, ...(own ? { font: font(faceName[r.face]), ...condensed } : {}) });
  });
  const signatureLike = p.kind === 'signature' || p.kind === 'date';
  return new Paragraph({
    style,
    spacing: EXACT_LINE,
    widowControl: false,
    ...(p.indent ? { indent: { ...NO_INDENT, ...p.indent } } : {}),
    ...(p.keepNext ? { keepNext: true } : {}),
    // 署名/成文日期 are placed by counting 字: Word's automatic 中/西 spacing would shift them.
    ...(signatureLike ? { autoSpaceEastAsianText: false } : {}),
    children: runs,
  });
}

function styleOf(p: PlannedParagraph): string {
  switch (p.kind) {
    case 'title':
      return STYLE.title.id;
    case 'recipient':
      return STYLE.recipient.id;
    case 'heading':
      return [STYLE.h1, STYLE.h2, STYLE.h3, STYLE.h4][(p.level ?? 1) - 1].id;
    case 'attachment':
      return STYLE.attachment.id;
    case 'signature':
      return STYLE.signature.id;
    case 'date':
      return STYLE.date.id;
    default:
      return STYLE.body.id;
  }
}

function faceOfStyle(p: PlannedParagraph): Face {
  if (p.kind === 'title') return 'title';
  if (p.kind === 'heading') return p.level === 1 ? 'heading1' : p.level === 2 ? 'heading2' : 'body';
  return 'body';
}
