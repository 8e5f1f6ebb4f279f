/**
 * Paired marks in a report (GB/T 15834-2011 4.8 引号, 4.9 括号, 4.15 书名号), analysed once per parsed report
 * and shared by the punctuation rules:
 *
 * - double quotes (“ ” and ASCII ") and single quotes (‘ ’): quotes of one kind do not nest, so their roles
 *   alternate open, close, open, …; a two-state dynamic programme assigns each quote a role (open, close or
 *   unmatched) at the least cost, where a quote written in the other direction costs 10, a role its
 *   neighbours contradict 6 (“，”后 opens, “”，” closes), an unmatched quote 12, and a tiny cost per character
 *   of a pair keeps pairs short. The result names quotes written in the wrong direction, unmatched quotes, and
 *   the direction an ASCII quote should take. Double quotes properly nested in double quotes are reported
 *   as nested (GB/T 15834-2011 4.8.3.2: the inner pair should be single quotes).
 * - brackets （） 《》 〈〉 【】 「」 『』 〔〕 ［］ (half-width ( ) pair with （ ）): a stack that recovers from
 *   a missing half by looking a few levels down. Item numbers such as “1）” “a）” are not brackets.
 *
 * A multi-line title is one unit; a paragraph that starts a quotation continued in the next paragraph (both
 * start with “, GB/T 15834-2011 4.8.3.4) is not unmatched.
 */
import { isChineseAt, isDigitCode, isHanAt, isLatinCode, isSpaceCode } from './cjk';
import { changesSince } from '../parse/incremental';
import type { PairUnit, PunctView } from './punctuation';

export interface UnmatchedMark {
  pos: number;
  ch: string;
  /** The missing half. */
  partner: string;
  opening: boolean;
}

export interface WrongDirection {
  pos: number;
  ch: string;
  want: string;
  /** The surrounding marks agree with the role: the fix is safe. */
  confident: boolean;
}

export interface NestedQuote {
  pos: number;
  ch: string;
  want: string;
}

export interface AsciiQuote {
  pos: number;
  /** “ or ” by the quote's role; undefined when the role cannot be told. */
  want?: string;
  /** Offset of the other half, or -1. */
  partner: number;
  /** The quote stands in Chinese text (its pair encloses or touches Chinese). */
  chinese: boolean;
}

export interface HalfParen {
  pos: number;
  want: string;
  /** The other half is a full-width bracket. */
  mixed: boolean;
}

export interface PairAnalysis {
  unmatched: UnmatchedMark[];
  direction: WrongDirection[];
  nested: NestedQuote[];
  asciiQuotes: AsciiQuote[];
  halfParens: HalfParen[];
}

const cache = new WeakMap<PunctView, PairAnalysis>();

export function pairAnalysis(view: PunctView): PairAnalysis {
  let a = cache.get(view);
  if (!a) {
    a = analyse(view);
    cache.set(view, a);
  }
  return a;
}

const CLAUSE_MARK = /[，。；：？！]/;
const NONE = 0;
const OPEN = 1;
const CLOSE = 2;
const SKIP = 3;

const W_DIR = 10;
const W_CTX = 6;
const W_SKIP = 12;
const W_LEN = 1e-4;
/** A quotation that runs over a sentence end without being introduced by a colon (：“……。……”). */
const W_SPAN = 11;
/** How many quotes back a closing quote looks for its opening one. */
const MAX_BACK = 40;

/** A quote after one of these (or at the start, or after a space) opens a quotation. */
const OPEN_BEFORE = '，、；：（《【〈「『—(:,;';
/** A quote before one of these (or at the end, or before a space) closes a quotation. */
const CLOSE_AFTER = '，。、；：？！）》】〉」』…—,.;:?!)';

interface Quote {
  pos: number;
  ch: string;
  segStart: number;
  segEnd: number;
}

/** Every character the analysis looks at: quotes and brackets. */
const MARK = /["()\u2018\u2019\u201c\u201d\u3008-\u3011\u3014\u3015\uff08\uff09\uff3b\uff3d]/g;

/** What analyse carries from one mark to the next: the marks of the unit being read. */
interface UnitMarks {
  doubles: Quote[];
  singles: Quote[];
  stack: number[];
  dirty: boolean;
}

/** The marks as constant strings (no string made per mark). */
const MARK_CHAR: string[] = [];
for (const ch of '"()\u2018\u2019\u201c\u201d\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\u3014\u3015\uff08\uff09\uff3b\uff3d') MARK_CHAR[ch.charCodeAt(0)] = ch;

/**
 * The last analysis of a whole report, unit by unit, so that the next one reads again only the units an edit
 * touched. What a unit yields depends on the text of its lines and on whether the next unit starts with “
 * (nothing else: pairs, protected spans and the marks' surroundings never reach past a line feed). `ranges`
 * holds per unit: start, end, continues, and the end of its entries in each list of `raw` (in LISTS order).
 */
let last: { text: string; raw: PairAnalysis; ranges: Int32Array; count: number } | undefined;
const W = 8;
const LISTS = ['unmatched', 'direction', 'nested', 'asciiQuotes', 'halfParens'] as const;

function analyse(view: PunctView): PairAnalysis {
  const raw: PairAnalysis = { unmatched: [], direction: [], nested: [], asciiQuotes: [], halfParens: [] };
  const { text, units } = view;
  const marks: UnitMarks = { doubles: [], singles: [], stack: [], dirty: false };
  const before = view.partial ? undefined : last;
  let same = 0; // text[0, same) is unchanged since `before` …
  let after = text.length; // … and text[after, end), which was at offset − delta
  let delta = 0;
  let identical = false;
  if (before) {
    const r = changesSince(before.text, text, view.edit);
    identical = r.start === text.length && before.text.length === text.length;
    same = r.start;
    after = r.newEnd;
    delta = r.newEnd - r.oldEnd;
  }
  const ranges = view.partial ? undefined : new Int32Array(units.length * W);
  let k = 0; // next unit of `before` to compare with
  // The line feeds around each unit, found by one walk over the text (units come in order): searching from
  // each unit took time quadratic in the length of a line holding many units (a report pasted on one line).
  let lineFeed = before ? text.indexOf('\n') : -1; // the first line feed not before the current unit
  let lastLineFeed = -1; // the last line feed before the current unit
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const next = units[u + 1];
    const continues = next !== undefined && text[next.start] === '“';
    let reused = false;
    if (before) {
      while (lineFeed !== -1 && lineFeed < unit.start) {
        lastLineFeed = lineFeed;
        lineFeed = text.indexOf('\n', lineFeed + 1);
      }
      const lo = lastLineFeed + 1;
      let hiFeed = lineFeed;
      while (hiFeed !== -1 && hiFeed < unit.end) hiFeed = text.indexOf('\n', hiFeed + 1);
      const hi = hiFeed === -1 ? text.length : hiFeed;
      // The unit's lines, with the line feeds around them, lie in the unchanged head or tail of the text.
      const head = hi < same || identical;
      if (head || lo > after) {
        const shift = head ? 0 : delta;
        const os = unit.start - shift;
        const br = before.ranges;
        while (k < before.count && br[k * W] < os) k++;
        if (k < before.count && br[k * W] === os && br[k * W + 1] === unit.end - shift && br[k * W + 2] === (continues ? 1 : 0)) {
          copyUnit(before.raw, br, k, raw, shift);
          reused = true;
        }
      }
    }
    if (!reused) readUnit(view, unit, next, marks, raw);
    if (ranges) {
      ranges[u * W] = unit.start;
      ranges[u * W + 1] = unit.end;
      ranges[u * W + 2] = continues ? 1 : 0;
      for (let l = 0; l < LISTS.length; l++) ranges[u * W + 3 + l] = raw[LISTS[l]].length;
    }
  }
  if (ranges) last = { text, raw, ranges, count: units.length };
  // The lists in report order (copies: `raw` is kept for the next analysis).
  return {
    unmatched: joinBrokenLines(text, units, raw.unmatched.slice().sort(byPos)),
    direction: raw.direction.slice().sort(byPos),
    nested: raw.nested.slice(),
    asciiQuotes: raw.asciiQuotes.slice().sort(byPos),
    halfParens: raw.halfParens.slice().sort(byPos),
  };
}

/** Unit k's entries of an earlier analysis, moved by `shift`. */
function copyUnit(from: PairAnalysis, ranges: Int32Array, k: number, to: PairAnalysis, shift: number): void {
  for (let l = 0; l < LISTS.length; l++) {
    const list = LISTS[l];
    const end = ranges[k * W + 3 + l];
    const start = k === 0 ? 0 : ranges[(k - 1) * W + 3 + l];
    const src = from[list] as { pos: number }[];
    const dst = to[list] as { pos: number }[];
    for (let i = start; i < end; i++) {
      const e = src[i];
      if (shift === 0) dst.push(e);
      else if (list === 'asciiQuotes') {
        const q = e as AsciiQuote;
        const moved: AsciiQuote = { ...q, pos: q.pos + shift, partner: q.partner === -1 ? -1 : q.partner + shift };
        dst.push(moved);
      } else dst.push({ ...e, pos: e.pos + shift });
    }
  }
}

/** One unit's marks, read and paired. One regex over the unit: test() and lastIndex, no match object per mark. */
function readUnit(view: PunctView, unit: PairUnit, next: PairUnit | undefined, marks: UnitMarks, out: PairAnalysis): void {
  const text = view.text;
  MARK.lastIndex = unit.start;
  while (MARK.test(text)) {
    const p = MARK.lastIndex - 1;
    if (p >= unit.end) break;
    let seg = unit.segments[0];
    if (unit.segments.length > 1) for (const sg of unit.segments) if (p >= sg.start) seg = sg;
    if (p < seg.start || p >= seg.end || view.isProtected(p)) continue;
    const ch = MARK_CHAR[text.charCodeAt(p)];
    marks.dirty = true;
    if (ch === '“' || ch === '”' || ch === '"') marks.doubles.push({ pos: p, ch, segStart: seg.start, segEnd: seg.end });
    else if (ch === '‘' || ch === '’') {
      if (!isApostrophe(text, p)) marks.singles.push({ pos: p, ch, segStart: seg.start, segEnd: seg.end });
    } else if (BR_OPEN.includes(ch)) marks.stack.push(p);
    else closeBracket(text, p, seg.start, marks.stack, out);
  }
  finishUnit(text, marks, unit, next, out);
}

const byPos = (a: { pos: number }, b: { pos: number }): number => a.pos - b.pos;

/** The end of a unit: its brackets left open, its quotes paired. */
function finishUnit(text: string, marks: UnitMarks, unit: PairUnit, next: PairUnit | undefined, out: PairAnalysis): void {
  if (!marks.dirty) return;
  marks.dirty = false;
  const { doubles, singles, stack } = marks;
  for (const p of stack) if (text[p] !== '(') out.unmatched.push({ pos: p, ch: text[p], partner: BR_CLOSE[BR_OPEN.indexOf(text[p])], opening: true });
  const continues = next !== undefined && text[next.start] === '“';
  if (doubles.length) quotes(text, doubles, '“', '”', unit, continues, out);
  if (singles.length) quotes(text, singles, '‘', '’', unit, false, out);
  doubles.length = 0;
  singles.length = 0;
  stack.length = 0;
}

/**
 * Text pasted from a PDF or a narrow column breaks lines inside sentences, and a quotation or bracket then
 * opens on one line and closes on the next. An opening half left unmatched in a block that does not end a
 * sentence, and the first unmatched closing half of its kind in the next block, are a pair.
 */
function joinBrokenLines(text: string, units: readonly PairUnit[], unmatched: UnmatchedMark[]): UnmatchedMark[] {
  if (unmatched.length < 2) return unmatched;
  const drop = new Uint8Array(unmatched.length);
  let u = 0;
  for (let i = 0; i < unmatched.length; i++) {
    const a = unmatched[i];
    while (u < units.length && units[u].end <= a.pos) u++;
    if (!a.opening || u + 1 >= units.length) continue;
    if ('。！？…'.includes(text[units[u].end - 1])) continue;
    const next = units[u + 1];
    for (let j = i + 1; j < unmatched.length; j++) {
      const b = unmatched[j];
      if (b.pos >= next.end) break;
      if (b.pos < next.start || b.opening || drop[j] || b.ch !== a.partner) continue;
      drop[i] = 1;
      drop[j] = 1;
      break;
    }
  }
  return unmatched.filter((_, k) => !drop[k]);
}

const BR_OPEN = '（《〈【「『〔［(';
const BR_CLOSE = '）》〉】」』〕］)';
/** Characters of an item number before a lone closing bracket: “1）” “a）” “一）” “①）”. */
const ITEM = /[0-9A-Za-z一二三四五六七八九十①-⑳]/;

function family(ch: string): string {
  return ch === '(' ? '（' : ch === ')' ? '）' : ch;
}

function closeBracket(text: string, p: number, segStart: number, stack: number[], out: PairAnalysis): void {
  const ch = text[p];
  const wantOpen = BR_OPEN[BR_CLOSE.indexOf(family(ch))];
  let k = stack.length - 1;
  const floor = Math.max(0, stack.length - 4);
  while (k >= floor && family(text[stack[k]]) !== wantOpen) k--;
  if (k < floor) {
    if (ch === ')') return; // a lone half-width bracket: “1)” item numbers, emoticons — not ours to judge
    if (isItemNumber(text, p, segStart)) return;
    out.unmatched.push({ pos: p, ch, partner: wantOpen, opening: false });
    return;
  }
  for (let j = stack.length - 1; j > k; j--) {
    const o = stack[j];
    if (text[o] !== '(') out.unmatched.push({ pos: o, ch: text[o], partner: BR_CLOSE[BR_OPEN.indexOf(text[o])], opening: true });
  }
  const o = stack[k];
  stack.length = k;
  const openHalf = text[o] === '(';
  const closeHalf = ch === ')';
  if (openHalf && closeHalf) {
    let hasContent = false;
    let han = false;
    for (let q = o + 1; q < p; q++) {
      if (!isSpaceCode(text.charCodeAt(q))) hasContent = true;
      if (isHanAt(text, q)) {
        han = true;
        break;
      }
    }
    if (!hasContent) return; // “( )” is a placeholder
    if (han || o === segStart || isChineseAt(text, o - 1)) {
      out.halfParens.push({ pos: o, want: '（', mixed: false }, { pos: p, want: '）', mixed: false });
    }
  } else if (openHalf) {
    out.halfParens.push({ pos: o, want: '（', mixed: true });
  } else if (closeHalf) {
    out.halfParens.push({ pos: p, want: '）', mixed: true });
  }
}

/** ’ as an apostrophe: an abbreviated year (’23) or inside a Latin word (don’t). */
function isApostrophe(text: string, p: number): boolean {
  if (text[p] !== '’') return false;
  const next = text.charCodeAt(p + 1);
  if (isDigitCode(next) && isDigitCode(text.charCodeAt(p + 2))) return true;
  return isLatinCode(text.charCodeAt(p - 1)) && isLatinCode(next);
}

function isItemNumber(text: string, p: number, segStart: number): boolean {
  let q = p - 1;
  let n = 0;
  while (q >= segStart && n < 3 && ITEM.test(text[q])) {
    q--;
    n++;
  }
  if (n === 0 || n > 2) return false;
  return q < segStart || isSpaceCode(text.charCodeAt(q)) || '：；。，、:;'.includes(text[q]);
}

function evidence(text: string, q: Quote): number {
  const before = q.pos > q.segStart ? text.charCodeAt(q.pos - 1) : -1;
  const after = q.pos + 1 < q.segEnd ? text.charCodeAt(q.pos + 1) : -1;
  const beforeOpen = before === -1 || isSpaceCode(before) || OPEN_BEFORE.includes(String.fromCharCode(before));
  const afterClose = after === -1 || isSpaceCode(after) || CLOSE_AFTER.includes(String.fromCharCode(after));
  if (beforeOpen && !afterClose) return OPEN;
  if (afterClose && !beforeOpen) return CLOSE;
  return NONE;
}

function quotes(
  text: string,
  qs: Quote[],
  open: string,
  close: string,
  unit: PairUnit,
  continues: boolean,
  out: PairAnalysis,
): void {
  const n = qs.length;
  let ascii = false;
  let alternates = n % 2 === 0;
  for (let i = 0; i < n; i++) {
    if (qs[i].ch === '"') ascii = true;
    if (qs[i].ch !== (i % 2 === 0 ? open : close)) alternates = false;
  }
  if (alternates) return;
  if (!ascii && open === '“' && nestedQuotes(text, qs, out)) return;

  // Dynamic programme over the quotes: best[i] is the least cost of the first i quotes with no quotation
  // left open; quote i-1 is either unmatched or closes a quotation opened at one of the previous MAX_BACK
  // quotes (the quotes between them unmatched). Exact for that window, linear in the number of quotes.
  const openCost = new Float64Array(n);
  const closeCost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = qs[i];
    const ev = evidence(text, q);
    openCost[i] = (q.ch === '"' || q.ch === open ? 0 : W_DIR) + (ev === CLOSE ? W_CTX : 0);
    closeCost[i] = (q.ch === '"' || q.ch === close ? 0 : W_DIR) + (ev === OPEN ? W_CTX : 0);
  }
  // Sentence ends in the unit, for the cost of a quotation that runs over them.
  const ends: number[] = [];
  for (const seg of unit.segments) {
    for (let p = seg.start; p < seg.end; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x3002 || c === 0xff1f || c === 0xff01) ends.push(p);
    }
  }
  const best = new Float64Array(n + 1);
  const opener = new Int32Array(n); // quote i closes the quotation opened at opener[i], or -1: unmatched
  for (let i = 0; i < n; i++) {
    const skip = best[i] + W_SKIP;
    let bestClose = Infinity;
    let bestJ = -1;
    for (let j = i - 1; j >= 0 && j >= i - MAX_BACK; j--) {
      const cost =
        best[j] +
        openCost[j] +
        W_SKIP * (i - j - 1) +
        closeCost[i] +
        W_LEN * Math.min(qs[i].pos - qs[j].pos, 5000) +
        (spansSentences(text, qs[j].pos, qs[i].pos, ends) ? W_SPAN : 0);
      if (cost < bestClose) {
        bestClose = cost;
        bestJ = j;
      }
    }
    if (bestClose <= skip) {
      best[i + 1] = bestClose;
      opener[i] = bestJ;
    } else {
      best[i + 1] = skip;
      opener[i] = -1;
    }
  }
  const roles = new Uint8Array(n);
  for (let i = n - 1; i >= 0; ) {
    const j = opener[i];
    if (j === -1) {
      roles[i] = SKIP;
      i--;
    } else {
      roles[i] = CLOSE;
      roles[j] = OPEN;
      for (let k = j + 1; k < i; k++) roles[k] = SKIP;
      i = j - 1;
    }
  }

  let lastOpen = -1;
  for (let i = 0; i < n; i++) {
    const q = qs[i];
    const role = roles[i];
    let partner = -1;
    if (role === OPEN) {
      lastOpen = i;
      for (let j = i + 1; j < n; j++) {
        if (roles[j] === CLOSE) {
          partner = j;
          break;
        }
      }
    } else if (role === CLOSE) partner = lastOpen;
    const ev = evidence(text, q);
    if (q.ch === '"') {
      let want: string | undefined;
      if (role === OPEN) want = open;
      else if (role === CLOSE) want = close;
      else if (ev === OPEN) want = open;
      else if (ev === CLOSE) want = close;
      const chinese = role === SKIP ? isChineseAt(text, q.pos - 1) || isChineseAt(text, q.pos + 1) : asciiInChinese(text, q, partner === -1 ? undefined : qs[partner], role === OPEN);
      out.asciiQuotes.push({ pos: q.pos, want, partner: partner === -1 ? -1 : qs[partner].pos, chinese });
      continue;
    }
    if (role === SKIP) {
      // A quotation running over several paragraphs opens each of them and closes only in the last.
      if (q.ch === open && continues && q.pos === unit.start) continue;
      out.unmatched.push({ pos: q.pos, ch: q.ch, partner: q.ch === open ? close : open, opening: q.ch === open });
    } else {
      const want = role === OPEN ? open : close;
      if (q.ch !== want) out.direction.push({ pos: q.pos, ch: q.ch, want, confident: ev !== (role === OPEN ? CLOSE : OPEN) });
    }
  }
}

/**
 * Whether a quotation from `open` to `close` runs over a sentence end (。？！ not just before the closing
 * quote) although no colon introduces it: such a “pair” is more likely two unrelated quotes.
 */
function spansSentences(text: string, open: number, close: number, ends: readonly number[]): boolean {
  if (open < 0) return false;
  if (open > 0 && (text[open - 1] === '：' || text[open - 1] === ':')) return false;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= open) lo = mid + 1;
    else hi = mid;
  }
  return lo < ends.length && ends[lo] < close - 1;
}

/** Whether an ASCII quote pair encloses or touches Chinese text. */
function asciiInChinese(text: string, q: Quote, other: Quote | undefined, opening: boolean): boolean {
  if (!other) return isChineseAt(text, q.pos - 1) || isChineseAt(text, q.pos + 1);
  if (other.ch !== '"') return true;
  const o = opening ? q : other;
  const c = opening ? other : q;
  if (isChineseAt(text, o.pos - 1) || isChineseAt(text, c.pos + 1)) return true;
  for (let p = o.pos + 1; p < c.pos; p++) if (isHanAt(text, p)) return true;
  return false;
}

/**
 * “…“…”…” with every quote in its own direction, nested two deep: the inner pair should be ‘ ’. An inner
 * “pair” that encloses a clause mark (开展“三会一课“活动，落实”主题党日”) is rather two quotes written in the
 * wrong direction, left to the alternation.
 */
function nestedQuotes(text: string, qs: Quote[], out: PairAnalysis): boolean {
  let depth = 0;
  let deep = false;
  let innerOpen = -1;
  for (const q of qs) {
    depth += q.ch === '“' ? 1 : -1;
    if (depth < 0 || depth > 2) return false;
    if (depth === 2) {
      deep = true;
      innerOpen = q.pos;
    } else if (innerOpen !== -1 && q.ch === '”') {
      if (CLAUSE_MARK.test(text.slice(innerOpen + 1, q.pos))) return false;
      innerOpen = -1;
    }
  }
  if (depth !== 0 || !deep) return false;
  depth = 0;
  for (const q of qs) {
    if (q.ch === '“') {
      depth++;
      if (depth === 2) out.nested.push({ pos: q.pos, ch: q.ch, want: '‘' });
    } else {
      if (depth === 2) out.nested.push({ pos: q.pos, ch: q.ch, want: '’' });
      depth--;
    }
  }
  return true;
}
