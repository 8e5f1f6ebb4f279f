/**
 * parseReport(text) → ParsedReport. Never throws: any text, however broken, yields a tree.
 *
 * Real reports arrive pasted from Word, WPS or web pages, so the parser finds headings inside lines too
 * (a whole report may be one line), accepts the variants of heading numbers (see markers.ts) and classifies
 * the parts of a report (title, 主送机关, 导语, body, 附件说明, 署名, 成文日期) by position and shape.
 */
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../types';
import { matchMarkerAt, type HeadingLevel, type HeadingMarker } from './markers';
import { parseChineseNumber } from './numerals';
import type {
  Block,
  Heading,
  ParagraphHead,
  ParsedReport,
  RunInFamily,
  RunInItem,
  RunInList,
  Section,
} from './report';

const SPACE = /[ \t\u3000\u00a0\u2002\u2003\ufeff]/;
const SENTENCE_END = '。！？!?';
const CLAUSE_END = '。！？!?；;：:';
/** Longest title a heading run into other text is given when nothing else ends it. */
const MAX_INLINE_TITLE = 40;

const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);

// The same classes as a table over UTF-16 code units, for the per-character loop of splitLine (no one-character
// strings, no regex test per character: it ran for every character of every document version).
const C_SPACE = 1;
const C_CLAUSE = 2;
const C_SENTENCE = 4;
const C_OPEN = 8;
const CHAR_CLASS = new Uint8Array(65536);
for (const ch of ' \t\u3000\u00a0\u2002\u2003\ufeff') CHAR_CLASS[ch.charCodeAt(0)] |= C_SPACE;
for (const ch of CLAUSE_END) CHAR_CLASS[ch.charCodeAt(0)] |= C_CLAUSE;
for (const ch of SENTENCE_END) CHAR_CLASS[ch.charCodeAt(0)] |= C_SENTENCE;
for (const ch of '（(') CHAR_CLASS[ch.charCodeAt(0)] |= C_OPEN;
/** The next character that has a class in CHAR_CLASS, or a line break. */
const NEXT_CLASSED = /[ \t\u3000\u00a0\u2002\u2003\ufeff。！？!?；;：:（(\n\r]/g;
/** A run-in item inside a heading's title; 统一是/唯一是 … are words, not items. */
const RUN_IN_INSIDE_TITLE = /(?<=[\p{Script=Han}”])(?<![统唯同单划专])(?:[一][是要]|第一[，,])/u;

/** Headings of standard report parts; used to end a heading title that is run into its body with no mark. */
const KNOWN_PART_TITLES = [
  '工作开展情况',
  '工作总体情况',
  '基本情况',
  '主要做法',
  '主要做法和成效',
  '工作成效',
  '亮点成效',
  '存在的问题',
  '存在问题',
  '存在的不足',
  '不足之处及改进方向',
  '问题和不足',
  '下一步工作打算',
  '下一步工作计划',
  '下一步打算',
  '下步工作计划',
  '整改措施',
];

export interface Segment {
  start: number;
  end: number;
  line: number;
  marker?: HeadingMarker;
  inline: boolean;
}

export function parseReport(text: string): ParsedReport {
  try {
    return parseUnsafe(text);
  } catch {
    // Defence in depth: the parser is written not to throw (property-tested); should it ever, the user
    // still gets a flat report rather than no checking at all.
    return flatReport(text);
  }
}

function emptyReport(text: string, lineStarts: number[]): ParsedReport {
  return {
    text,
    blocks: [],
    title: [],
    opening: [],
    headings: [],
    sections: [],
    runInLists: [],
    paragraphHeads: [],
    attachments: [],
    comments: [],
    lineStarts,
  };
}

function flatReport(text: string): ParsedReport {
  const index = new LineIndex(text);
  const report = emptyReport(text, index.lineStarts);
  for (let line = 0; line < index.lineCount; line++) {
    const span = trimSpan(text, index.lineStarts[line], index.lineEnd(line));
    if (span.end > span.start) report.blocks.push({ kind: 'paragraph', span, line });
  }
  return report;
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** Tracks the numbering seen so far, so that a marker inside a line is only believed when it fits. */
export class NumberingState {
  private last: number[] = [0, 0, 0, 0, 0];
  private deepest = 0;

  fits(m: HeadingMarker): boolean {
    const level = m.level;
    const last = this.last[level];
    // The next number, or the same one again (a duplicate the numbering rules will report).
    if ((m.ordinal === last + 1 || (last > 0 && m.ordinal === last)) && level <= this.deepest + 1) return true;
    // The first heading of a deeper level under the current one.
    return m.ordinal === 1 && level > this.deepest;
  }

  accept(m: HeadingMarker): void {
    this.last[m.level] = m.ordinal;
    for (let l = m.level + 1; l <= 4; l++) this.last[l] = 0;
    this.deepest = m.level;
  }
}

/** Believes every marker: a line that splits into no headings even so has none whatever came before it. */
export class PermissiveNumbering extends NumberingState {
  override fits(): boolean {
    return true;
  }
}

function parseUnsafe(text: string): ParsedReport {
  const index = new LineIndex(text);
  const report = emptyReport(text, index.lineStarts);
  const numbering = new NumberingState();

  // 1. Lines → segments: comment lines, and text split where a heading starts inside a line.
  const segments: Segment[] = [];
  const commentLines = new Set<number>();
  for (let line = 0; line < index.lineCount; line++) {
    const { start, end } = trimSpan(text, index.lineStarts[line], index.lineEnd(line));
    if (start >= end) continue;
    if (text.startsWith('//', start)) {
      report.comments.push({ kind: 'comment', span: { start, end }, line });
      commentLines.add(line);
      continue;
    }
    splitLine(text, start, end, line, numbering, segments);
  }

  // 2. Segments → blocks, with headings.
  for (const seg of segments) {
    const span = trimSpan(text, seg.start, seg.end);
    if (span.end <= span.start) continue;
    if (seg.marker) {
      const block: Block = { kind: 'heading', span, line: seg.line };
      const heading = makeHeading(text, seg.marker, span, seg.inline, block);
      block.heading = heading;
      report.blocks.push(block);
      report.headings.push(heading);
    } else {
      report.blocks.push({ kind: 'paragraph', span, line: seg.line });
    }
  }

  classifyFrontMatter(report);
  classifyBackMatter(report);
  // Without headings the 导语 runs to the end; the back matter found there is not part of it.
  if (report.opening.length && report.opening[report.opening.length - 1].kind !== 'opening') report.opening = report.opening.filter((b) => b.kind === 'opening');
  buildSections(report);
  findRunInItems(report);
  findParagraphHeads(report);
  if (report.comments.length) {
    report.blocks.push(...report.comments);
    report.blocks.sort((a, b) => a.span.start - b.span.start);
  }
  return report;
}

/** Splits one trimmed line into segments at heading markers (at the line start, or run into the line). */
export function splitLine(
  text: string,
  start: number,
  end: number,
  line: number,
  numbering: NumberingState,
  out: Segment[],
): void {
  let segStart = start;
  let segMarker: HeadingMarker | undefined;
  let segInline = false;
  const first = matchMarkerAt(text, start, true);
  if (first && first.end <= end) {
    segMarker = first;
    numbering.accept(first);
  }
  let pos = segMarker ? segMarker.end : start;
  let sawSentenceEnd = false;
  while (pos < end) {
    // Characters of no class change nothing: jump to the next one that has one (a native scan; it stops at the
    // line's end, so a line costs its own length whatever follows).
    NEXT_CLASSED.lastIndex = pos;
    const next = NEXT_CLASSED.exec(text);
    if (!next || next.index >= end) break;
    pos = next.index;
    const cls = CHAR_CLASS[text.charCodeAt(pos)];
    // A heading title pasted with the next heading and no mark between: “一、工作开展情况（一）压紧……”.
    if (cls & C_OPEN && segMarker && !sawSentenceEnd && pos - segMarker.end <= MAX_INLINE_TITLE) {
      const m = matchMarkerAt(text, pos, false);
      if (m && m.end <= end && (m.level === 2 || m.level === 4) && m.level > segMarker.level && numbering.fits(m)) {
        numbering.accept(m);
        out.push({ start: segStart, end: pos, line, marker: segMarker, inline: segInline });
        segStart = pos;
        segMarker = m;
        segInline = true;
        pos = m.end;
        continue;
      }
    }
    // A heading can start after a clause end (levels 1–2 also after ：；) or after spaces that replaced a line break.
    const boundary = (cls & (C_CLAUSE | C_SPACE)) !== 0;
    if (cls & C_SENTENCE) sawSentenceEnd = true;
    pos++;
    if (!boundary) continue;
    const afterMark = (cls & C_SPACE) === 0;
    let p = pos;
    while (p < end && CHAR_CLASS[text.charCodeAt(p)] & C_SPACE) p++;
    if (p >= end) break;
    // Each space up to p would find this same marker at p and judge it alike (no stricter): go on from p, or a
    // long run of spaces costs quadratic time.
    pos = p;
    const m = matchMarkerAt(text, p, false);
    if (!m || m.end > end) continue;
    // Levels 3–4 inside a line only after a sentence end: “主要有：（1）……；（2）……” is an enumeration.
    if (m.level > 2 && !(afterMark && cls & C_SENTENCE)) continue;
    if (!numbering.fits(m)) continue;
    numbering.accept(m);
    out.push({ start: segStart, end: p, line, marker: segMarker, inline: segInline });
    segStart = p;
    segMarker = m;
    segInline = true;
    sawSentenceEnd = false;
    pos = m.end;
  }
  out.push({ start: segStart, end, line, marker: segMarker, inline: segInline });
}

const SPACE_RUN = /[ \t\u3000]+/g;
const AFTER_GAP = /[^ \t\u3000]{5}|[^ \t\u3000]*[。！？]/y;

/**
 * Start of the first run of spaces followed by five non-spaces or by words ending a sentence (spaces standing
 * for a lost line break), or -1. Same as /[ \t\u3000]+(?=[^ \t\u3000]{5}|[^ \t\u3000]*[。！？])/, whose
 * backtracking takes quadratic time on a long run of spaces; here each run is tried once, at its end.
 */
function firstGap(s: string): number {
  SPACE_RUN.lastIndex = 0;
  for (let m = SPACE_RUN.exec(s); m; m = SPACE_RUN.exec(s)) {
    AFTER_GAP.lastIndex = m.index + m[0].length;
    if (AFTER_GAP.test(s)) return m.index;
  }
  return -1;
}

export function makeHeading(text: string, marker: HeadingMarker, span: Span, inline: boolean, block: Block): Heading {
  const titleStart = Math.min(marker.end, span.end);
  const rest = text.slice(titleStart, span.end);
  // The title ends at the first of: a sentence end (kept in the title), spaces standing for a lost line
  // break, a run-in item (“二、存在问题一是……”), or — on a long line without marks — a standard part title.
  let cut = rest.length;
  const sentenceEnd = rest.search(/[。！？!?]/);
  if (sentenceEnd !== -1) cut = sentenceEnd + 1;
  const gap = firstGap(rest);
  if (gap > 0 && gap < cut) cut = gap;
  const item = RUN_IN_INSIDE_TITLE.exec(rest.slice(0, Math.min(cut, MAX_INLINE_TITLE + 3)));
  if (item && item.index >= 2) cut = item.index;
  if (cut === rest.length && rest.length > MAX_INLINE_TITLE) {
    const known = KNOWN_PART_TITLES.filter((t) => rest.startsWith(t)).sort((a, b) => b.length - a.length)[0];
    if (known) cut = known.length;
  }
  const titleEnd = titleStart + cut;
  const bodyStart = cut < rest.length ? titleEnd : undefined;
  const heading: Heading = {
    level: marker.level,
    marker,
    titleSpan: trimSpan(text, titleStart, titleEnd),
    inline,
    block,
    section: undefined as unknown as Section,
  };
  if (bodyStart !== undefined) {
    const body = trimSpan(text, bodyStart, span.end);
    if (body.end > body.start) heading.bodySpan = body;
  }
  return heading;
}

const DATE_LINE =
  /^(\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3}|[Xx×]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3}|[Xx×]{1,2})\s*日$/;
const ATTACHMENT_LINE = /^附\s*件\s*[0-9０-９]*\s*[:：]?/;
const ATTACHMENT_ITEM = /^[0-9０-９]+\s*[.．、]/;

/**
 * Whether a body block with this text could be read as back matter (附件说明 or a numbered line continuing it,
 * 成文日期) when it stands at the end: the incremental parse re-parses such blocks in full.
 */
export function mayBeBackMatter(blockText: string): boolean {
  return ATTACHMENT_LINE.test(blockText) || ATTACHMENT_ITEM.test(blockText) || DATE_LINE.test(blockText.replace(/\s+/g, ''));
}

function classifyFrontMatter(report: ParsedReport): void {
  const { text, blocks } = report;
  let i = 0;
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  const limit = firstHeading === -1 ? blocks.length : firstHeading;
  // Title: short lines at the top, not ending like a sentence or a 主送机关, while more follows.
  while (i < limit && report.title.length < 3) {
    const b = blocks[i];
    const s = text.slice(b.span.start, b.span.end);
    const hasMore = i + 1 < blocks.length;
    if (!hasMore || s.length > 50 || /[。，；：:;,！？]$/.test(s) || s.includes('如下')) break;
    if (i > 0 && blocks[i - 1].line + 1 < b.line - 1) break; // a gap of more than one blank line ends it
    b.kind = 'title';
    report.title.push(b);
    i++;
  }
  if (i < limit) {
    const b = blocks[i];
    const s = text.slice(b.span.start, b.span.end);
    if (s.length <= 60 && /[:：]$/.test(s) && !s.includes('如下') && !/[。，]/.test(s)) {
      b.kind = 'recipient';
      report.recipient = b;
      i++;
    }
  }
  for (; i < limit; i++) {
    blocks[i].kind = 'opening';
    report.opening.push(blocks[i]);
  }
}

function classifyBackMatter(report: ParsedReport): void {
  const { text, blocks } = report;
  let j = blocks.length - 1;
  const minIndex = report.title.length + (report.recipient ? 1 : 0);
  const lineText = (b: Block): string => text.slice(b.span.start, b.span.end);
  // 成文日期 and the 署名 above it.
  if (j >= minIndex && blocks[j].kind !== 'heading' && DATE_LINE.test(lineText(blocks[j]).replace(/\s+/g, ''))) {
    blocks[j].kind = 'date';
    report.date = blocks[j];
    j--;
    if (j >= minIndex && blocks[j].kind !== 'heading') {
      const s = lineText(blocks[j]);
      if (s.length <= 30 && !/[。，；：:;,！？]/.test(s)) {
        blocks[j].kind = 'signature';
        report.signature = blocks[j];
        j--;
      }
    }
  }
  // 附件说明: “附件：1.……” and the numbered lines that continue it (“2.……” reads like a level-3 heading,
  // so those become attachment lines again).
  let k = j;
  const continues = (b: Block): boolean => (b.kind !== 'heading' || b.heading?.level === 3) && ATTACHMENT_ITEM.test(lineText(b));
  while (k >= minIndex && continues(blocks[k])) k--;
  if (k >= minIndex && blocks[k].kind !== 'heading' && ATTACHMENT_LINE.test(lineText(blocks[k]))) {
    const dropped = new Set<Heading>();
    for (let a = k; a <= j; a++) {
      const b = blocks[a];
      if (b.heading) dropped.add(b.heading);
      b.heading = undefined;
      b.kind = 'attachment';
      report.attachments.push(b);
    }
    // one pass: removing each heading with splice(indexOf) would be quadratic on long attachment lists
    if (dropped.size) report.headings = report.headings.filter((h) => !dropped.has(h));
  }
}

export function buildSections(report: ParsedReport): void {
  const stack: Section[] = [];
  const bodyEndOf = (s: Section, end: number): void => {
    for (let p: Section | undefined = s; p; p = p.parent) if (end > p.span.end) p.span.end = end;
  };
  for (const block of report.blocks) {
    if (block.kind === 'heading' && block.heading) {
      const heading = block.heading;
      while (stack.length && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
      const parent = stack[stack.length - 1];
      const section: Section = { heading, parent, children: [], blocks: [], span: { ...block.span } };
      heading.section = section;
      block.section = section;
      if (parent) parent.children.push(section);
      else report.sections.push(section);
      bodyEndOf(section, block.span.end);
      stack.push(section);
    } else if (block.kind === 'paragraph' && stack.length) {
      const section = stack[stack.length - 1];
      section.blocks.push(block);
      block.section = section;
      bodyEndOf(section, block.span.end);
    }
  }
}

/**
 * 一是 二是 …, 一要 二要 …, 第一， 第二， … at the start of a body block or after a clause mark (and spaces):
 * the same as /(?:^|(?<=[。；;！？!?，,：:]\s*))(?:([一…十]{1,3})([是要])|第([一…十]{1,3})(?=[，、,]))/gu over the
 * block, found by a scan that tries the item pattern only where a numeral stands after such a mark (a regex
 * over every paragraph of every version was the parser's largest cost).
 */
const RUN_IN_AT = /(?:([一二三四五六七八九十]{1,3})([是要])|第([一二三四五六七八九十]{1,3})(?=[，、,]))/y;
const ITEM_FIRST = new Uint8Array(65536);
for (const ch of '一二三四五六七八九十第') ITEM_FIRST[ch.charCodeAt(0)] = 1;
const ITEM_AFTER = new Set([...'。；;！？!?，,：:'].map((c) => c.charCodeAt(0)));
const JS_SPACE = /\s/;

function findRunInItems(report: ParsedReport): void {
  const items: RunInItem[] = [];
  for (const block of report.blocks) runInItemsOf(report.text, block, items);
  groupRunInItems(report, items);
}

/** Appends the run-in items of one block (a body paragraph, or a heading's run-in body) to `out`. */
export function runInItemsOf(text: string, block: Block, out: RunInItem[]): void {
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return;
  const span = block.kind === 'heading' ? block.heading?.bodySpan : block.span;
  if (!span) return;
  // One loop and no callback: it runs for every block of every version.
  const body = text.slice(span.start, span.end);
  for (let p = 0; p < body.length; p++) {
    if (!ITEM_FIRST[body.charCodeAt(p)]) continue;
    if (p > 0) {
      let q = p - 1;
      while (q >= 0 && JS_SPACE.test(body[q])) q--;
      if (q < 0 || !ITEM_AFTER.has(body.charCodeAt(q))) continue;
    }
    RUN_IN_AT.lastIndex = p;
    const m = RUN_IN_AT.exec(body);
    if (!m) continue;
    const markerStart = span.start + p;
    const markerEnd = markerStart + m[0].length;
    p += m[0].length - 1; // the next item is looked for after this one, as a global regex goes on
    const family: RunInFamily = m[3] ? '第' : (m[2] as RunInFamily);
    const ordinal = parseChineseNumber(m[1] ?? m[3]);
    if (ordinal === undefined) continue;
    // 一是 must be followed by the item's words, not by a punctuation mark or the end.
    if (markerEnd >= span.end || (ITEM_NOT_BEFORE.has(text.charCodeAt(markerEnd)) && family !== '第')) continue;
    let titleEnd = span.end;
    for (let e = markerEnd; e < span.end; e++) {
      if (TITLE_END.has(text.charCodeAt(e))) {
        titleEnd = e + 1;
        break;
      }
    }
    out.push({ family, ordinal, markerSpan: { start: markerStart, end: markerEnd }, titleSpan: { start: markerStart, end: titleEnd }, block });
  }
}
const ITEM_NOT_BEFORE = new Set([...'，。、；'].map((c) => c.charCodeAt(0)));
const TITLE_END = new Set([...'。；;！？!?'].map((c) => c.charCodeAt(0)));

/** Groups run-in items (in document order, their blocks in sections) into lists: report.runInLists. */
export function groupRunInItems(report: ParsedReport, items: readonly RunInItem[]): void {
  let current: RunInList | undefined;
  for (const item of items) {
    const { family, ordinal } = item;
    const section = item.block.section;
    if (!current || current.family !== family || current.section !== section || ordinal === 1) {
      current = { family, items: [], section };
      report.runInLists.push(current);
    }
    current.items.push(item);
  }
}


function findParagraphHeads(report: ParsedReport): void {
  const heads: ParagraphHead[] = [];
  for (const block of report.blocks) {
    const head = headPhraseOf(report.text, block);
    if (head) heads.push(head);
  }
  chooseParagraphHeads(report, heads);
}

/** The short phrase ending in 。 that opens a body paragraph, if it has one: a paragraph head, maybe. */
export function headPhraseOf(text: string, block: Block): ParagraphHead | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const { start, end } = block.span;
  const phraseEnd = headPhraseEnd(text, start, Math.min(end, start + 30));
  if (phraseEnd === -1 || phraseEnd >= end) return undefined;
  return { span: { start, end: phraseEnd }, block };
}

/** No mark but 。 may stand in a paragraph head. */
const NOT_IN_HEAD = new Set([...'，,；;：:、！？!?'].map((c) => c.charCodeAt(0)));

/**
 * End of a paragraph head in text[start, limit) — 2 to 24 characters (code points) without marks, then 。 —
 * or -1. The same as /^[^，,；;：:、。！？!?]{2,24}。/u on that slice, without making the slice (it runs for every
 * paragraph of every version).
 */
function headPhraseEnd(text: string, start: number, limit: number): number {
  let count = 0;
  for (let i = start; i < limit; ) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */) return count >= 2 ? i + 1 : -1;
    if (NOT_IN_HEAD.has(c) || ++count > 24) return -1;
    const low = i + 1 < limit ? text.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return -1;
}

/** Of the candidate phrases (document order), the paragraph heads: report.paragraphHeads. */
export function chooseParagraphHeads(report: ParsedReport, phrases: readonly ParagraphHead[]): void {
  const candidates = new Map<Section | undefined, ParagraphHead[]>();
  const itemStarts = new Set<number>();
  for (const list of report.runInLists) for (const item of list.items) itemStarts.add(item.markerSpan.start);
  for (const head of phrases) {
    const block = head.block;
    if (itemStarts.has(block.span.start)) continue; // “一是加强领导。” is an item, not a paragraph head
    const list = candidates.get(block.section) ?? [];
    list.push(head);
    candidates.set(block.section, list);
  }
  for (const heads of candidates.values()) {
    // A single short first sentence is ordinary prose; a paragraph head is one that a run-in item follows,
    // or one of several paragraphs in a section that open the same way.
    for (const head of heads) {
      if (heads.length >= 2 || itemStarts.has(head.span.end)) report.paragraphHeads.push(head);
    }
  }
}

/** Levels as a type guard helper for rules. */
export function isHeadingLevel(n: number): n is HeadingLevel {
  return n === 1 || n === 2 || n === 3 || n === 4;
}
