/**
 * reparse(previous, text): the report of a new version of a document, derived from the previous version's
 * report when the edit between them is the common case of typing — a change inside one body paragraph, or in
 * the title or run-in body of a heading that keeps its number, adding or removing no line break and no
 * heading — and parsed afresh otherwise. The result always equals parseReport(text) (a property test holds it
 * to that); the derived one also says what changed (ParsedReport.edit), so that the checks re-run only what
 * the edit can affect.
 *
 * Why it is sound: a line whose heading numbers are what they were (none, in a paragraph) leaves the
 * numbering state the parser carries from line to line as it was, so every other line splits into the same
 * blocks; a body block's kind depends on its position only (after the first heading, before the back
 * matter), not on its text, unless its text could make it back matter (mayBeBackMatter); and the run-in
 * lists, paragraph heads and sections are rebuilt from the blocks as the full parse builds them.
 */
import type { HeadingMarker } from './markers';
import type { Block, ParagraphHead, ParsedReport, ReportEdit, RunInItem, Section } from './report';
import { chooseParagraphHeads, groupRunInItems, headPhraseOf, makeHeading, mayBeBackMatter, parseReport, PermissiveNumbering, runInItemsOf, splitLine, trimSpan, type Segment } from './parser';
import { lineOf } from '../text/lineIndex';
import type { Span } from '../types';

/** The differing middle of two texts: a[start, oldEnd) became b[start, newEnd). */
export function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(a.length, b.length);
  // Whole chunks first: comparing two slices is a native loop, many times faster than one per character.
  let start = 0;
  while (start + CHUNK <= max && a.slice(start, start + CHUNK) === b.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let oldEnd = a.length;
  let newEnd = b.length;
  while (oldEnd - CHUNK >= start && newEnd - CHUNK >= start && a.slice(oldEnd - CHUNK, oldEnd) === b.slice(newEnd - CHUNK, newEnd)) {
    oldEnd -= CHUNK;
    newEnd -= CHUNK;
  }
  while (oldEnd > start && newEnd > start && a.charCodeAt(oldEnd - 1) === b.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}
const CHUNK = 2048;

/**
 * What changed from `before` to `text` (as changedRange): the incremental parse's own record when `edit` was
 * made from a report of that very text, so that a memo kept from the last check does not compare the two
 * texts again; a comparison otherwise.
 */
export function changesSince(before: string, text: string, edit: ReportEdit | undefined): { start: number; oldEnd: number; newEnd: number } {
  if (before === text) return { start: text.length, oldEnd: text.length, newEnd: text.length };
  if (edit && edit.previous.deref()?.text === before) return edit;
  return changedRange(before, text);
}

const hasLineBreak = (s: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
};

/**
 * The report of `text`, the next version of `previous`'s text. Takes `previous` over: when the new report is
 * derived from it, its blocks, headings and sections move into the new one, and `previous` must not be read
 * again (the one owner of a document's parse, the host's cache, hands it on and keeps only the new one).
 */
export function reparse(previous: ParsedReport | undefined, text: string): ParsedReport {
  if (previous && previous.text === text) return previous;
  return (previous && derive(previous, text)) ?? parseReport(text);
}

/** The report of `text` derived from `previous`, or undefined when the edit is not one this handles. */
function derive(previous: ParsedReport, text: string): ParsedReport | undefined {
  const old = previous.text;
  const { start, oldEnd, newEnd } = changedRange(old, text);
  // No line break added, removed or split (a character typed between \r and \n makes two lines of one).
  if (hasLineBreak(old, start, oldEnd) || hasLineBreak(text, start, newEnd) || old.charCodeAt(start - 1) === 13) return undefined;
  const lineStarts = previous.lineStarts;
  const line = lineOf(lineStarts, start);
  const x = blockOnLine(previous.blocks, line);
  if (x === -1) return undefined;
  const oldBlock = previous.blocks[x];
  if (!editable(previous.blocks, x)) return undefined;

  const delta = newEnd - oldEnd;
  const lineStart = lineStarts[line];
  const oldLineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : old.length;
  let lineEnd = oldLineEnd + delta;
  while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
  const span = trimSpan(text, lineStart, lineEnd);
  if (span.end <= span.start || text.startsWith('//', span.start)) return undefined;
  // The old line held this one block; the new one must split the same way whatever numbering came before it:
  // no heading in a paragraph, the same heading number (and no other) at the start of a heading's line.
  const segments: Segment[] = [];
  splitLine(text, span.start, span.end, line, new PermissiveNumbering(), segments);
  if (segments.length !== 1) return undefined;
  const marker = segments[0].marker;
  const oldHeading = oldBlock.heading;
  if (oldHeading ? !marker || !sameMarker(marker, oldHeading.marker) : marker) return undefined;
  const blockText = text.slice(span.start, span.end);
  if (mayBeBackMatter(blockText) || mayBeBackMatter(old.slice(oldBlock.span.start, oldBlock.span.end))) return undefined;

  // The edited block read again (on a probe: nothing of the previous report changes yet).
  const oldItems: RunInItem[] = [];
  for (const list of previous.runInLists) for (const item of list.items) if (item.block === oldBlock) oldItems.push(item);
  const probe: Block = { kind: oldBlock.kind, span, line, section: oldBlock.section };
  // A heading's title and run-in body are read again from its new text.
  const newHeading = oldHeading && makeHeading(text, marker!, span, false, oldBlock);
  if (newHeading) probe.heading = newHeading;
  const newItems: RunInItem[] = [];
  runInItemsOf(text, probe, newItems);
  const oldPhrase = headPhraseOf(old, oldBlock);
  const newPhrase = headPhraseOf(text, probe);
  const oldStart = oldBlock.span.start;
  const itemsKept = sameItems(old, oldItems, oldStart, text, newItems, span.start);
  const phraseKept = oldPhrase && newPhrase ? sameText(old, oldPhrase.span, text, newPhrase.span) : !oldPhrase && !newPhrase;
  const blockBefore = { ...oldBlock.span };
  const skeleton = oldBlock.kind !== 'paragraph' || !itemsKept || !phraseKept || oldStart !== span.start;

  // Everything is decided: from here on the previous report's objects are moved into the new one. Moved spans
  // are new objects, never changed in place: findings of the previous version may hold the tree's spans (a
  // run-in item's marker), and they must keep saying where they were found.
  const moved = (sp: Span): Span => ({ start: sp.start >= oldEnd ? sp.start + delta : sp.start, end: sp.end >= oldEnd ? sp.end + delta : sp.end });
  const report: ParsedReport = { ...previous, text };
  if (delta !== 0) {
    report.lineStarts = previous.lineStarts.slice();
    for (let i = line + 1; i < report.lineStarts.length; i++) report.lineStarts[i] += delta;
    const blocks = previous.blocks;
    for (let i = x + 1; i < blocks.length; i++) {
      const b = blocks[i];
      b.span = moved(b.span);
      const h = b.heading;
      if (h) {
        h.marker = { ...h.marker, start: h.marker.start + delta, end: h.marker.end + delta };
        h.titleSpan = moved(h.titleSpan);
        if (h.bodySpan) h.bodySpan = moved(h.bodySpan);
      }
    }
    for (const list of previous.runInLists) {
      for (const item of list.items) {
        if (item.block === oldBlock) continue;
        item.markerSpan = moved(item.markerSpan);
        item.titleSpan = moved(item.titleSpan);
      }
    }
    for (const head of previous.paragraphHeads) if (head.block !== oldBlock) head.span = moved(head.span);
  }
  oldBlock.span = span;
  if (oldHeading && newHeading) {
    // The heading keeps its identity (its section and the report's heading list hold it).
    oldHeading.marker = newHeading.marker;
    oldHeading.titleSpan = newHeading.titleSpan;
    if (newHeading.bodySpan) oldHeading.bodySpan = newHeading.bodySpan;
    else delete oldHeading.bodySpan;
  }
  resizeSections(report);

  if (itemsKept) {
    // The same items at the same places in the block: only their title ends (up to a 。) may have moved.
    oldItems.forEach((item, i) => {
      item.markerSpan = newItems[i].markerSpan;
      item.titleSpan = newItems[i].titleSpan;
    });
  } else {
    const items: RunInItem[] = [];
    for (const list of previous.runInLists) for (const item of list.items) if (item.block !== oldBlock) items.push(item);
    for (const item of newItems) item.block = oldBlock;
    // the edited block's new items go where its old ones were: after the items of the blocks before it
    let at = 0;
    while (at < items.length && items[at].block.span.start < oldBlock.span.start) at++;
    items.splice(at, 0, ...newItems);
    report.runInLists = [];
    groupRunInItems(report, items);
  }
  if (!phraseKept || !itemsKept) {
    const phrases: ParagraphHead[] = [];
    for (const block of report.blocks) {
      const head = headPhraseOf(text, block);
      if (head) phrases.push(head);
    }
    report.paragraphHeads = [];
    chooseParagraphHeads(report, phrases);
  } else {
    for (const head of report.paragraphHeads) if (head.block === oldBlock) head.span = newPhrase!.span;
  }
  report.edit = { previous: new WeakRef(previous), start, oldEnd, newEnd, block: x, blockBefore, skeleton };
  return report;
}

/** Sections' spans again from their blocks, as buildSections makes them: a heading to its last content. */
function resizeSections(report: ParsedReport): void {
  const grow = (section: Section, end: number): void => {
    for (let s: Section | undefined = section; s; s = s.parent) if (end > s.span.end) s.span.end = end;
  };
  for (const h of report.headings) h.section.span = { start: h.block.span.start, end: h.block.span.end };
  for (const block of report.blocks) {
    if (block.kind === 'heading' && block.heading) grow(block.heading.section, block.span.end);
    else if (block.kind === 'paragraph' && block.section) grow(block.section, block.span.end);
  }
}

/** The same heading number, written the same way at the same place. */
function sameMarker(a: HeadingMarker, b: HeadingMarker): boolean {
  return (
    a.level === b.level &&
    a.ordinal === b.ordinal &&
    a.start === b.start &&
    a.end === b.end &&
    a.raw === b.raw &&
    a.separator === b.separator &&
    a.fullWidthBrackets === b.fullWidthBrackets &&
    a.innerSpaces === b.innerSpaces
  );
}

/** Whether two blocks' run-in items are the same: where they stand in their blocks and what they say. */
function sameItems(aText: string, a: RunInItem[], aBase: number, bText: string, b: RunInItem[], bBase: number): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, i) => {
    const o = b[i];
    return (
      item.family === o.family &&
      item.ordinal === o.ordinal &&
      item.markerSpan.start - aBase === o.markerSpan.start - bBase &&
      item.markerSpan.end - aBase === o.markerSpan.end - bBase &&
      sameText(aText, item.titleSpan, bText, o.titleSpan)
    );
  });
}

const sameText = (aText: string, a: Span, bText: string, b: Span): boolean =>
  a.end - a.start === b.end - b.start && aText.slice(a.start, a.end) === bText.slice(b.start, b.end);

/**
 * Whether block x may be re-parsed on its own: a body paragraph (or a paragraph of the 导语 past the lines that
 * may be title or 主送机关), with two blocks of the report after it (the 成文日期 and 署名 are read from the
 * last two), alone on its line.
 */
function editable(blocks: Block[], x: number): boolean {
  const b = blocks[x];
  if (b.kind !== 'paragraph' && b.kind !== 'opening' && !(b.kind === 'heading' && b.heading && !b.heading.inline)) return false;
  if ((x > 0 && blocks[x - 1].line === b.line) || (x + 1 < blocks.length && blocks[x + 1].line === b.line)) return false;
  let after = 0;
  for (let i = x + 1; i < blocks.length && after < 2; i++) if (blocks[i].kind !== 'comment') after++;
  if (after < 2) return false;
  if (b.kind === 'opening') {
    let before = 0;
    for (let i = x - 1; i >= 0 && before < 4; i--) if (blocks[i].kind !== 'comment') before++;
    if (before < 4) return false;
  }
  return true;
}

/** Index of the first block on `line`, or -1 (blocks are in document order, so their lines ascend). */
function blockOnLine(blocks: readonly Block[], line: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length && blocks[lo].line === line ? lo : -1;
}
