/**
 * What the punctuation rules scan: the report's text regions (blocks without comments and without heading
 * numbers), the spans no punctuation rule may touch (URLs, e-mail addresses, HTML entities), and a single
 * linear scan of a global regex over those regions. Computed once per parsed report and shared by the rules.
 */
import type { Block, ParsedReport, ReportEdit } from '../parse/report';
import { wholeReport } from '../rule';
import { isSpaceCode } from './cjk';

/** A region of one block that punctuation rules check. */
export interface Segment {
  start: number;
  end: number;
  block: Block;
}

/** Segments analysed together for paired marks: a multi-line title is one unit, every other block its own. */
export interface PairUnit {
  start: number;
  end: number;
  segments: Segment[];
}

export interface PunctView {
  text: string;
  segments: Segment[];
  units: PairUnit[];
  /** Whether the offset lies in a URL, an e-mail address or an HTML entity. */
  isProtected(pos: number): boolean;
  /** The view is of a few blocks of the report (a block rule re-checking them, see restrictedReport). */
  partial: boolean;
  /** How the report was derived from the previous version's (incremental parse), if it was. */
  edit?: ReportEdit;
}

const cache = new WeakMap<ParsedReport, PunctView>();

/**
 * blockContext of the block rules that read paired marks (pairAnalysis): a title of several lines is analysed
 * as one unit, so a title line's findings depend on the other lines. The key is the whole title region (with
 * the spaces around it, which are part of each title block's cache identity): any change to a title line
 * re-checks every block; an edit elsewhere keeps it. Empty for a title of one line.
 */
export function titleUnitKey(doc: ParsedReport): string {
  const title = wholeReport(doc).title;
  if (title.length < 2) return '';
  const text = doc.text;
  let lead = title[0].span.start;
  while (lead > 0 && /[\s\u200b-\u200d\u2060\ufeff]/.test(text[lead - 1])) lead--;
  let trail = title[title.length - 1].span.end;
  while (trail < text.length && /[\s\u200b-\u200d\u2060\ufeff]/.test(text[trail])) trail++;
  return `${title.length}\u0000${text.slice(lead, trail)}`;
}

/** Characters a URL may contain (RFC 3986 unreserved, reserved and %). */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;
const ENTITY = /&(?:[A-Za-z]{2,8}|#\d{2,6});/y;
const MAX_URL = 2000;
/** Marks that end a sentence around a URL rather than belong to it. */
const URL_TAIL = '.,;:!?\'")]';

export function punctView(doc: ParsedReport): PunctView {
  let view = cache.get(doc);
  if (!view) {
    view = buildView(doc);
    cache.set(doc, view);
  }
  return view;
}

function buildView(doc: ParsedReport): PunctView {
  const text = doc.text;
  const segments: Segment[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'comment') continue;
    let start = block.span.start;
    if (block.kind === 'heading' && block.heading) start = Math.max(start, Math.min(block.heading.marker.end, block.span.end));
    if (start < block.span.end) segments.push({ start, end: block.span.end, block });
  }
  // Blocks come in document order; sort only if some did not.
  for (let i = 1; i < segments.length; i++) {
    if (segments[i].start < segments[i - 1].start) {
      segments.sort((a, b) => a.start - b.start);
      break;
    }
  }

  const units: PairUnit[] = [];
  for (const seg of segments) {
    const last = units[units.length - 1];
    if (last && seg.block.kind === 'title' && last.segments[last.segments.length - 1].block.kind === 'title') {
      last.segments.push(seg);
      last.end = seg.end;
    } else {
      units.push({ start: seg.start, end: seg.end, segments: [seg] });
    }
  }

  const partial = wholeReport(doc) !== doc;
  const spans = partial ? protectedSpansOnLines(text, segments) : protectedSpans(text);
  const starts = spans.starts;
  const ends = spans.ends;
  const isProtected = (pos: number): boolean => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] > pos) hi = mid - 1;
      else if (ends[mid] <= pos) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return { text, segments, units, isProtected, partial, edit: doc.edit };
}

/**
 * URLs (with a scheme or starting with www.), e-mail addresses and HTML entities, found from their anchors
 * (“://”, “www.”, “@”, “&”) and grown by character class: linear, and nothing to do in text without them.
 */
/**
 * protectedSpans of the lines holding these segments only (a view of a few blocks): nothing protected runs
 * over a line break, so each line's spans are those a scan of the whole text finds there.
 */
function protectedSpansOnLines(text: string, segments: readonly Segment[]): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let done = 0; // the lines before this offset are read
  for (const seg of segments) {
    if (seg.end <= done) continue;
    const from = Math.max(done, text.lastIndexOf('\n', seg.start - 1) + 1);
    let to = text.indexOf('\n', seg.end);
    if (to === -1) to = text.length;
    const line = protectedSpans(text.slice(from, to));
    for (let i = 0; i < line.starts.length; i++) {
      starts.push(line.starts[i] + from);
      ends.push(line.ends[i] + from);
    }
    done = to;
  }
  return { starts, ends };
}

function protectedSpans(text: string): { starts: number[]; ends: number[] } {
  const found: [number, number][] = [];
  // Growth is capped so that text made of anchors (http://http://…) stays linear.
  const growRight = (from: number, cls: RegExp): number => {
    let q = from;
    const max = Math.min(text.length, from + MAX_URL);
    while (q < max && cls.test(text[q])) q++;
    return q;
  };
  const trimTail = (start: number, end: number): number => {
    while (end > start && URL_TAIL.includes(text[end - 1])) end--;
    return end;
  };
  let covered = 0; // anchors inside a URL already found are part of it
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    if (at < covered) continue;
    let start = at;
    while (start > 0 && at - start < 5 && /[A-Za-z]/.test(text[start - 1])) start--;
    if (!/^(?:https?|ftp)$/i.test(text.slice(start, at))) continue;
    const grown = growRight(at + 3, URL_CHAR);
    covered = grown;
    const end = trimTail(start, grown);
    if (end > at + 3) found.push([start, end]);
  }
  covered = 0;
  for (let at = text.indexOf('www.'); at !== -1; at = text.indexOf('www.', at + 4)) {
    if (at < covered || (at > 0 && URL_CHAR.test(text[at - 1]))) continue; // part of a URL
    const grown = growRight(at + 4, URL_CHAR);
    covered = grown;
    const end = trimTail(at, grown);
    if (end > at + 4) found.push([at, end]);
  }
  covered = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < covered) continue;
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1])) start--;
    const grown = growRight(at + 1, EMAIL_DOMAIN);
    covered = grown;
    const end = trimTail(at, grown);
    if (start < at && text.slice(at + 1, end).includes('.')) found.push([start, end]);
  }
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    ENTITY.lastIndex = at;
    if (ENTITY.test(text)) found.push([at, ENTITY.lastIndex]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s0, e0] of found) {
    if (ends.length && s0 < ends[ends.length - 1]) {
      ends[ends.length - 1] = Math.max(ends[ends.length - 1], e0);
      continue;
    }
    starts.push(s0);
    ends.push(e0);
  }
  return { starts, ends };
}

/**
 * Runs a global regex once over the whole text and calls `visit` for every match that lies inside a segment
 * (matches in comments, heading numbers or between blocks are skipped). Linear in the text length; for a view
 * of a few blocks, in their length. The regex must not match a line feed (scanSome).
 */
export function scanSegments(view: PunctView, re: RegExp, visit: (m: RegExpExecArray, seg: Segment) => void): void {
  const { text, segments } = view;
  if (segments.length === 0) return;
  let i = 0;
  re.lastIndex = 0;
  if (view.partial) return scanSome(view, re, visit);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    i = visitInSegment(m, segments, i, visit);
    if (i >= segments.length) break;
  }
}

/**
 * Moves `i` to the first segment not ending before the match, and visits the match when it lies inside that
 * segment. Returns the new `i` (segments.length: no segment is left).
 */
function visitInSegment(m: RegExpExecArray, segments: Segment[], i: number, visit: (m: RegExpExecArray, seg: Segment) => void): number {
  const start = m.index;
  while (i < segments.length && segments[i].end <= start) i++;
  if (i < segments.length) {
    const seg = segments[i];
    if (start >= seg.start && start + m[0].length <= seg.end) visit(m, seg);
  }
  return i;
}

/**
 * scanSegments for a view of a few blocks: the same matches, without reading the rest of the text. The scan
 * starts again after the last line feed before each segment it has not reached: no pattern given to
 * scanSegments matches a line feed, so no match of the whole text's scan runs over that point, and the
 * matches after it are the ones a scan of the whole text finds.
 */
function scanSome(view: PunctView, re: RegExp, visit: (m: RegExpExecArray, seg: Segment) => void): void {
  const { text, segments } = view;
  let i = 0;
  for (;;) {
    const seg = segments[i];
    if (re.lastIndex < seg.start) re.lastIndex = Math.max(re.lastIndex, text.lastIndexOf('\n', seg.start - 1) + 1);
    const m = re.exec(text);
    if (!m) return;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    i = visitInSegment(m, segments, i, visit);
    if (i >= segments.length) return;
  }
}

/** Offset of the nearest non-space character before `pos` (not before `min`), or -1. */
export function prevNonSpace(text: string, pos: number, min: number): number {
  let p = pos - 1;
  while (p >= min && isSpaceCode(text.charCodeAt(p))) p--;
  return p >= min ? p : -1;
}

/** Offset of the nearest non-space character at or after `pos` (before `max`), or -1. */
export function nextNonSpace(text: string, pos: number, max: number): number {
  let p = pos;
  while (p < max && isSpaceCode(text.charCodeAt(p))) p++;
  return p < max ? p : -1;
}

/** The segment that contains `pos` (binary search), if any. */
export function segmentAt(view: PunctView, pos: number): Segment | undefined {
  const segs = view.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].start > pos) hi = mid - 1;
    else if (segs[mid].end <= pos) lo = mid + 1;
    else return segs[mid];
  }
  return undefined;
}
