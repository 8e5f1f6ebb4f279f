/**
 * Where in a report a match stands: in which standard part (work done, problems, plans), in which sentence,
 * and whether that sentence looks ahead. Years and anniversaries are judged against the report's period
 * differently in the plans part (next year's events are fine there).
 */
import type { ParsedReport } from '../parse/report';
import { partsOf, type PartKind } from '../parts';
import type { Span } from '../types';

type PartRanges = { span: Span; parts: Set<PartKind> }[];

const cache = new WeakMap<ParsedReport, PartRanges>();

function partRanges(doc: ParsedReport): PartRanges {
  let ranges = cache.get(doc);
  if (!ranges) {
    ranges = doc.sections.filter((s) => s.heading.level === 1).map((s) => ({ span: s.span, parts: partsOf(doc, s) }));
    cache.set(doc, ranges);
  }
  return ranges;
}

/** The standard parts named by the level-1 heading whose section contains `offset` (empty outside sections). */
export function partsAt(doc: ParsedReport, offset: number): Set<PartKind> {
  const ranges = partRanges(doc);
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.span.start) hi = mid - 1;
    else if (offset >= r.span.end) lo = mid + 1;
    else return r.parts;
  }
  return EMPTY;
}

const EMPTY: Set<PartKind> = new Set();

/** Inside a section about plans (下一步打算, 改进方向, 整改措施 …). */
export function inPlansPart(doc: ParsedReport, offset: number): boolean {
  return partsAt(doc, offset).has('plans');
}

const SENTENCE_MARK = /[。！？!?\n]/;

/** The sentence around `offset`: from after the previous 。！？ or line break to the next one (inclusive). */
export function sentenceAt(text: string, offset: number, within?: Span): Span {
  const lo = within?.start ?? 0;
  const hi = within?.end ?? text.length;
  let start = Math.min(offset, hi);
  while (start > lo && !SENTENCE_MARK.test(text[start - 1])) start--;
  let end = offset;
  while (end < hi && !SENTENCE_MARK.test(text[end])) end++;
  if (end < hi && text[end] !== '\n') end++;
  return { start, end };
}

/** The clause around `offset`: the sentence cut further at ，；：. */
export function clauseAt(text: string, offset: number, within?: Span): Span {
  const lo = within?.start ?? 0;
  const hi = within?.end ?? text.length;
  const mark = /[。！？!?\n，,；;：:]/;
  let start = Math.min(offset, hi);
  while (start > lo && !mark.test(text[start - 1])) start--;
  let end = offset;
  while (end < hi && !mark.test(text[end])) end++;
  return { start, end };
}

/** Words that make a sentence look ahead (a plan, a target) rather than report what was done. */
export const FORWARD_WORDS = /下一步|下步|明年|来年|新的一年|今后|计划|拟于|拟在|力争|争取|预计|将|打算/;

export function looksAhead(text: string, span: Span): boolean {
  return FORWARD_WORDS.test(text.slice(span.start, span.end));
}

let positionsCache: { text: string; byNeedle: Map<string, number[]>; scanned: Map<string, number> } | undefined;

/** Offsets of `needle` in text[lo, hi): one scan of the document per needle, then a binary search per block. */
export function occurrences(text: string, needle: string, lo: number, hi: number): number[] {
  if (!positionsCache || positionsCache.text !== text) positionsCache = { text, byNeedle: new Map(), scanned: new Map() };
  let list = positionsCache.byNeedle.get(needle);
  if (!list) {
    // A few blocks of a text (a block rule re-checking the edited ones) are searched where they are: listing
    // the whole text pays only once blocks covering an eighth of it were asked about.
    const scanned = (positionsCache.scanned.get(needle) ?? 0) + (hi - lo);
    if (scanned <= text.length >> 3) {
      positionsCache.scanned.set(needle, scanned);
      return occurrencesIn(text, needle, lo, hi);
    }
    list = [];
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) list.push(i);
    positionsCache.byNeedle.set(needle, list);
  }
  let a = 0;
  let b = list.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (list[m] < lo) a = m + 1;
    else b = m;
  }
  let e = a;
  while (e < list.length && list[e] + needle.length <= hi) e++;
  return a === e ? NONE : list.slice(a, e);
}

/**
 * The same by searching text[lo, hi) itself. Equal to the slice of the whole text's list for the needles used
 * here (、 余 多 第 周年 年0 月0), none of which can overlap itself.
 */
function occurrencesIn(text: string, needle: string, lo: number, hi: number): number[] {
  // Searched in a slice: text.indexOf would run on past hi, to the next occurrence anywhere after it.
  const s = text.slice(lo, hi);
  let out = NONE;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) {
    if (out === NONE) out = [];
    out.push(lo + i);
  }
  return out;
}

const NONE: number[] = [];

/** A lookup table over UTF-16 code units: fast membership tests without making one-character strings. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
