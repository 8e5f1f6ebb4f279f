/**
 * A Word report (.docx) → the text of a .gw report. Node glue around two well-kept readers:
 *  - mammoth reads the document body (runs, fields, hyperlinks, tracked insertions/deletions, text boxes, tables);
 *  - it drops Word's automatic list numbers, so before it runs, the numbers are computed here from numbering.xml
 *    (core/import/numbering.ts counts like Word) and written into each list paragraph as a text run.
 * Tables and pictures cannot become report text: each leaves a comment line (“// [表格已略去]”) where it was, and the
 * result counts them so the caller can warn. Nothing is dropped silently.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import mammoth from 'mammoth';
import { ListCounter, type AbstractList, type ListInstance, type ListLevel } from '../core/import/numbering';
import { GRAPHIC_COMMENT, paragraphsToReport, TABLE_COMMENT } from '../core/import/text';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Marks a picture, chart or shape in the body so that mammoth's output shows where it was. */
const GRAPHIC_MARK = '\uE000';

export interface ImportResult {
  text: string;
  /** Paragraph lines written (without blank and comment lines). */
  paragraphs: number;
  /** List paragraphs whose automatic number was written as text. */
  numbered: number;
  tables: number;
  graphics: number;
}

export class ImportFailure extends Error {}

const MAX_BYTES = 64 * 1024 * 1024;

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_BYTES) throw new ImportFailure(`文件过大（${Math.round(bytes.length / 1048576)} MB），超过 64 MB 上限。`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const doc = bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw new ImportFailure(doc ? '这是旧版 Word 文档（.doc）或加密的文档，请先在 Word 或 WPS 中取消密码、另存为 .docx 再导入。' : '这不是 Word 文档（.docx）。');
  }
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ImportFailure('文件已损坏，无法作为 Word 文档（.docx）打开。');
  }
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new ImportFailure('文件中没有 Word 正文（word/document.xml），可能不是 Word 文档。');

  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined } });
  const parse = (name: string): Document | undefined => {
    const data = files[name];
    return data ? parser.parseFromString(strFromU8(data), 'text/xml') : undefined;
  };
  const doc = parse('word/document.xml')!;
  const numbered = writeListNumbers(doc, parse('word/numbering.xml'), parse('word/styles.xml'));
  markGraphics(doc);
  files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(doc));

  const lines: string[] = [];
  let tables = 0;
  let graphics = 0;
  let paragraphs = 0;
  const pushParagraph = (text: string): void => {
    const marks = text.split(GRAPHIC_MARK).length - 1;
    const clean = text.split(GRAPHIC_MARK).join('');
    if (clean.trim()) paragraphs++;
    lines.push(clean);
    if (marks) {
      graphics += marks;
      lines.push(GRAPHIC_COMMENT);
    }
  };
  // A paragraph's text; paragraphs nested in it (text boxes) follow as lines of their own.
  const paragraphText = (element: MammothElement, nested: MammothElement[]): string => {
    switch (element.type) {
      case 'text':
        return element.value ?? '';
      case 'tab':
        return '\t';
      case 'break':
        return element.breakType === 'line' ? '\n' : '';
      case 'paragraph':
      case 'table':
        nested.push(element);
        return '';
      default:
        return (element.children ?? []).map((c) => paragraphText(c, nested)).join('');
    }
  };
  const visit = (element: MammothElement): void => {
    if (element.type === 'table') {
      tables++;
      lines.push(TABLE_COMMENT);
      return;
    }
    if (element.type === 'paragraph') {
      const nested: MammothElement[] = [];
      pushParagraph((element.children ?? []).map((c) => paragraphText(c, nested)).join(''));
      nested.forEach(visit);
      return;
    }
    (element.children ?? []).forEach(visit);
  };
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(zipSync(files, { level: 0 })) },
      {
        transformDocument: (document: MammothElement) => {
          visit(document);
          return { ...document, children: [] }; // nothing left to turn into HTML
        },
      },
    );
  } catch (e) {
    throw new ImportFailure(`无法读取 Word 正文：${e instanceof Error ? e.message : String(e)}`);
  }
  return { text: paragraphsToReport(lines), paragraphs, numbered, tables, graphics };
}

interface MammothElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: MammothElement[];
}

// ---------------------------------------------------------------------------------------------------- numbering

const childrenNamed = (el: Element | undefined, local: string): Element[] => {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
};
const child = (el: Element | undefined, local: string): Element | undefined => childrenNamed(el, local)[0];
const val = (el: Element | undefined): string | undefined => (el && el.getAttributeNS(W, 'val')) || undefined;
const intVal = (el: Element | undefined): number | undefined => {
  const v = val(el);
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
};

interface NumPr {
  numId?: string;
  ilvl?: number;
}

function readNumPr(pPr: Element | undefined): NumPr | undefined {
  const numPr = child(pPr, 'numPr');
  if (!numPr) return undefined;
  return { numId: val(child(numPr, 'numId')), ilvl: intVal(child(numPr, 'ilvl')) };
}

/** Writes the automatic number of every list paragraph into it as text; returns how many. */
function writeListNumbers(doc: Document, numberingDoc: Document | undefined, stylesDoc: Document | undefined): number {
  if (!numberingDoc) return 0;
  const abstracts = new Map<string, AbstractList>();
  const styleLinks = new Map<string, string>(); // abstractNumId → numbering style id (w:numStyleLink)
  for (const a of Array.from(numberingDoc.getElementsByTagNameNS(W, 'abstractNum'))) {
    const id = a.getAttributeNS(W, 'abstractNumId');
    if (!id) continue;
    const levels = new Map<number, ListLevel>();
    for (const lvl of childrenNamed(a, 'lvl')) levels.set(Number(lvl.getAttributeNS(W, 'ilvl') || 0), readLevel(lvl));
    abstracts.set(id, { levels });
    const link = val(child(a, 'numStyleLink'));
    if (link) styleLinks.set(id, link);
  }
  const instances = new Map<string, ListInstance>();
  for (const n of Array.from(numberingDoc.getElementsByTagNameNS(W, 'num'))) {
    const id = n.getAttributeNS(W, 'numId');
    const abstractId = val(child(n, 'abstractNumId'));
    if (!id || abstractId === undefined) continue;
    const startOverrides = new Map<number, number>();
    for (const o of childrenNamed(n, 'lvlOverride')) {
      const start = intVal(child(o, 'startOverride'));
      if (start !== undefined) startOverrides.set(Number(o.getAttributeNS(W, 'ilvl') || 0), start);
      // A w:lvl inside the override replaces that level's definition for this instance only: rare; not modelled.
    }
    instances.set(id, { abstractId, startOverrides });
  }

  // Paragraph styles: numPr through basedOn, and the level a list level names with w:pStyle.
  const styles = new Map<string, { basedOn?: string; numPr?: NumPr }>();
  for (const s of stylesDoc ? Array.from(stylesDoc.getElementsByTagNameNS(W, 'style')) : []) {
    if (s.getAttributeNS(W, 'type') !== 'paragraph') continue;
    const id = s.getAttributeNS(W, 'styleId');
    if (id) styles.set(id, { basedOn: val(child(s, 'basedOn')), numPr: readNumPr(child(s, 'pPr')) });
  }
  const styleNumPr = (styleId: string | undefined): NumPr | undefined => {
    const merged: NumPr = {};
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const p = styles.get(id)?.numPr;
      if (p?.numId !== undefined && merged.numId === undefined) merged.numId = p.numId;
      if (p?.ilvl !== undefined && merged.ilvl === undefined) merged.ilvl = p.ilvl;
    }
    return merged.numId === undefined ? undefined : merged;
  };
  // A numbering style (numStyleLink) points to the instance that holds the real levels.
  const resolveAbstract = (numId: string): string | undefined => {
    let abstractId = instances.get(numId)?.abstractId;
    for (let hops = 0; abstractId && styleLinks.has(abstractId) && hops < 5; hops++) {
      const viaStyle = styleNumPr(styleLinks.get(abstractId))?.numId;
      const next = viaStyle ? instances.get(viaStyle)?.abstractId : undefined;
      if (!next || next === abstractId) break;
      abstractId = next;
    }
    return abstractId;
  };
  for (const [numId, inst] of instances) {
    const real = resolveAbstract(numId);
    if (real && real !== inst.abstractId) instances.set(numId, { ...inst, abstractId: real });
  }
  const levelOfStyle = (abstractId: string | undefined, styleId: string | undefined): number | undefined => {
    if (!abstractId || !styleId || !numberingDoc) return undefined;
    for (const a of Array.from(numberingDoc.getElementsByTagNameNS(W, 'abstractNum'))) {
      if (a.getAttributeNS(W, 'abstractNumId') !== abstractId) continue;
      for (const lvl of childrenNamed(a, 'lvl')) if (val(child(lvl, 'pStyle')) === styleId) return Number(lvl.getAttributeNS(W, 'ilvl') || 0);
    }
    return undefined;
  };

  const counter = new ListCounter(abstracts, instances);
  let count = 0;
  for (const p of Array.from(doc.getElementsByTagNameNS(W, 'p'))) {
    const pPr = child(p, 'pPr');
    const styleId = val(child(pPr, 'pStyle'));
    const direct = readNumPr(pPr);
    const fromStyle = styleNumPr(styleId);
    const numId = direct?.numId ?? fromStyle?.numId;
    if (!numId || numId === '0') continue;
    const ilvl = direct?.ilvl ?? fromStyle?.ilvl ?? levelOfStyle(instances.get(numId)?.abstractId, styleId) ?? 0;
    const text = counter.next(numId, ilvl);
    if (!text) continue;
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(text));
    r.appendChild(t);
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
    count++;
  }
  return count;
}

function readLevel(lvl: Element): ListLevel {
  const lvlText = child(lvl, 'lvlText');
  return {
    start: intVal(child(lvl, 'start')) ?? 0,
    numFmt: val(child(lvl, 'numFmt')) ?? 'decimal',
    lvlText: lvlText ? (lvlText.getAttributeNS(W, 'val') ?? '') : undefined,
    restart: intVal(child(lvl, 'lvlRestart')),
    legal: !!child(lvl, 'isLgl') && val(child(lvl, 'isLgl')) !== 'false' && val(child(lvl, 'isLgl')) !== '0',
  };
}

// ----------------------------------------------------------------------------------------------------- graphics

const GRAPHIC_PARENTS = new Set(['drawing', 'pict', 'object']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Puts a mark before every picture, chart, shape or embedded object that sits directly in a run. */
function markGraphics(doc: Document): void {
  for (const r of Array.from(doc.getElementsByTagNameNS(W, 'r'))) {
    for (let n = r.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const graphic = (el.namespaceURI === W && GRAPHIC_PARENTS.has(el.localName)) || (el.namespaceURI === MC && el.localName === 'AlternateContent');
      if (!graphic) continue;
      const t = doc.createElementNS(W, 'w:t');
      t.appendChild(doc.createTextNode(GRAPHIC_MARK));
      r.insertBefore(t, el);
    }
  }
}
