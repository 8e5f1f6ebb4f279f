/**
 * The typo engine shared by the typo rules: lexicon, confusion sets and collocations, loaded lazily on
 * first use (never on the activation path), plus the users' known words and a per-paragraph cache so that
 * typing re-checks one paragraph, not the whole report.
 */
import charsText from '../data/typo-chars.txt';
import collocationsText from '../data/typo-collocations.yml';
import lexiconText from '../data/typo-lexicon.txt';
import { AhoCorasick } from '../dict/ahoCorasick';
import { CharTable } from './chars';
import { Collocations } from './collocations';
import { Detector, type Suggestion } from './detect';
import { Lexicon } from './lexicon';

export interface TypoData {
  lexicon: Lexicon;
  chars: CharTable;
  detector: Detector;
  collocations: Collocations;
  /** Milliseconds spent loading (parse and build). */
  loadMs: number;
}

let data: TypoData | undefined;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The shipped typo data, built on first call. */
export function typoData(): TypoData {
  if (!data) {
    const t0 = now();
    const lexicon = Lexicon.parse(lexiconText);
    const chars = CharTable.parse(charsText);
    const detector = new Detector(lexicon, chars);
    const collocations = Collocations.parse(collocationsText);
    data = { lexicon, chars, detector, collocations, loadMs: now() - t0 };
  }
  return data;
}

/** Is the character a Han ideograph (the detector's alphabet)? */
export const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || c === 0x3007;

/**
 * Known words (users' and the shipped 公文 words), indexed once per set: those that are lexicon words are
 * flagged on their trie node (they segment as words anyway); only the rest need an automaton.
 */
interface KnownIndex {
  /** Known words the lexicon lacks (an automaton when there are many, else plain searches). */
  residual?: AhoCorasick<number>;
  residualWords: string[];
  /** Trie nodes of known words that the lexicon has. */
  protectedNodes?: Uint8Array;
}

const knownIndexes = new WeakMap<ReadonlySet<string>, KnownIndex>();

export function knownIndex(known: ReadonlySet<string>): KnownIndex {
  let idx = knownIndexes.get(known);
  if (!idx) {
    idx = { residualWords: [] };
    const lex = typoData().lexicon;
    for (const w of known) {
      if (w.length < 2) continue;
      const node = lex.find(w);
      if (node && lex.logp[node] < 0) (idx.protectedNodes ??= new Uint8Array(lex.nodeCount))[node] = 1;
      else idx.residualWords.push(w);
    }
    if (idx.residualWords.length > 32) {
      idx.residual = new AhoCorasick<number>();
      for (const w of idx.residualWords) idx.residual.add(w, w.length);
    }
    knownIndexes.set(known, idx);
  }
  return idx;
}

/**
 * Occurrences of known words that the lexicon lacks in text[from, to), as “end of the longest one starting
 * at each offset” (relative to from), or undefined when there are none.
 */
export function knownEnds(text: string, from: number, to: number, known: ReadonlySet<string>): Int32Array | undefined {
  if (!known.size) return undefined;
  const idx = knownIndex(known);
  let ends: Int32Array | undefined;
  const hit = (s: number, e: number): void => {
    ends ??= new Int32Array(to - from);
    if (e > ends[s - from]) ends[s - from] = e;
  };
  if (idx.residual) idx.residual.search(text, from, to, hit);
  else {
    for (const w of idx.residualWords) {
      for (let k = text.indexOf(w, from); k !== -1 && k + w.length <= to; k = text.indexOf(w, k + 1)) hit(k, k + w.length);
    }
  }
  return ends;
}

/** Runs of Han characters in text[from, to): [start, end) pairs. */
export function hanRuns(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !isHan(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && isHan(text.charCodeAt(i))) i++;
    if (i > s) out.push(s, i);
  }
  return out;
}

export interface TypoFinding {
  /** Span of the suspected text (from the first to the last changed word). */
  start: number;
  end: number;
  /** Character edits, in order; each replaces [at, at + from.length). */
  edits: { at: number; from: string; to: string }[];
  /** Pieces of the message: the suspected words and their suggested forms. */
  words: { wrong: string; right: string }[];
}

const cacheByKnown = new WeakMap<ReadonlySet<string>, Map<string, TypoFinding[]>>();
const CACHE_LIMIT = 20_000;

/** Unseen typos and collocation typos in one paragraph text[from, to); cached by paragraph text. */
export function findTypos(text: string, from: number, to: number, known: ReadonlySet<string>): TypoFinding[] {
  let cache = cacheByKnown.get(known);
  if (!cache) cacheByKnown.set(known, (cache = new Map()));
  const para = text.slice(from, to);
  let rel = cache.get(para);
  if (!rel) {
    rel = checkParagraph(para, known);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(para, rel);
  }
  if (!rel.length || from === 0) return rel;
  return rel.map((f) => ({ ...f, start: f.start + from, end: f.end + from, edits: f.edits.map((e) => ({ ...e, at: e.at + from })) }));
}

/** The uncached check of one paragraph (offsets relative to it). */
export function checkParagraph(para: string, known: ReadonlySet<string>): TypoFinding[] {
  const d = typoData();
  const pieces: { start: number; end: number; edits: TypoFinding['edits']; wrong: string; right: string }[] = [];
  const extraAll = knownEnds(para, 0, para.length, known);
  const protectedNodes = known.size ? knownIndex(known).protectedNodes : undefined;
  const runs = hanRuns(para, 0, para.length);
  for (let r = 0; r < runs.length; r += 2) {
    const a = runs[r];
    const b = runs[r + 1];
    const extra = extraAll ? extraAll.subarray(a, b) : undefined;
    for (const s of d.detector.checkRun(para, a, b, extra, protectedNodes)) {
      pieces.push({ start: s.start, end: s.end, edits: [{ at: s.at, from: s.from, to: s.to }], wrong: para.slice(s.start, s.end), right: s.word });
    }
  }
  for (const h of d.collocations.find(para, 0, para.length, known, (s, e) => straddles(para, s, e, extraAll))) {
    if (pieces.some((p) => p.start < h.end && h.start < p.end)) continue;
    pieces.push({ start: h.start, end: h.end, edits: diffEdits(h.start, h.wrong, h.right), wrong: h.wrong, right: h.right });
  }
  pieces.sort((x, y) => x.start - y.start);
  // Pieces next to each other in one phrase (负责的形式: 负责→复杂, 形式→形势) become one finding.
  const out: TypoFinding[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && p.start >= last.end && p.start - last.end <= 2 && isHanSpan(para, last.end, p.start)) {
      last.end = p.end;
      last.edits.push(...p.edits);
      last.words.push({ wrong: p.wrong, right: p.right });
    } else out.push({ start: p.start, end: p.end, edits: [...p.edits], words: [{ wrong: p.wrong, right: p.right }] });
  }
  return out;
}

function isHanSpan(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isHan(text.charCodeAt(i))) return false;
  return true;
}

/** One edit per run of differing characters: a fix changes only what differs. */
export function diffEdits(at: number, wrong: string, right: string): TypoFinding['edits'] {
  const out: TypoFinding['edits'] = [];
  let k = 0;
  while (k < wrong.length) {
    if (wrong[k] === right[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e < wrong.length && wrong[e] !== right[e]) e++;
    out.push({ at: at + k, from: wrong.slice(k, e), to: right.slice(k, e) });
    k = e;
  }
  return out;
}

/**
 * Does text[s, e) straddle a word boundary — does a word of the best segmentation around it overlap it and
 * reach beyond it? “按装” in “按装修标准” (按 / 装修) does; in “按装空调” (按 / 装 / 空调) it does not. Only
 * text[lo, hi) is looked at (the block), so that the answer depends on the block alone.
 */
export function straddles(text: string, s: number, e: number, extraAll?: Int32Array, base = 0, lo = 0, hi = text.length): boolean {
  let a = s;
  let b = e;
  for (let k = 0; k < 8 && a > lo && isHan(text.charCodeAt(a - 1)); k++) a--;
  for (let k = 0; k < 8 && b < hi && isHan(text.charCodeAt(b)); k++) b++;
  const seg = typoData().detector.segmenter();
  seg.score(text, a, b, -1, 0, extraAll, base);
  const toks = seg.tokens(a, b);
  for (let t = 0; t < toks.length; t += 2) {
    const ts = toks[t];
    const te = toks[t + 1];
    if (ts < e && te > s && (ts < s || te > e)) return true;
  }
  return false;
}

export type { Suggestion };
