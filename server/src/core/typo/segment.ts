/**
 * Best segmentation over the lexicon (jieba's DAG with unigram probabilities, maximised from right to left):
 * the score of a text range is the log probability of its most probable split into words. Used twice by the
 * detector: once over a whole run of Han characters (which characters stand alone = weak spots), and on
 * small windows with one character swapped (how much a correction improves the text).
 */
import type { Lexicon } from './lexicon';

/** Known words (user and 公文 words) occurring in the run: the end of the longest one starting at each position. */
export type ExtraEnds = Int32Array | undefined;

/** Log probability given to a user's known word: a common word (frequency 2000 of jieba's 60 million). */
export const KNOWN_WORD_LOGP = -10.3;

export class Segmenter {
  private best = new Float64Array(256);
  private len = new Int32Array(256);
  private codes = new Uint16Array(256);
  private node = new Int32Array(256);

  /** Extra cost of a single-character token (unigram models overrate characters standing alone). */
  singlePenalty = 0;

  constructor(readonly lex: Lexicon) {}

  private ensure(n: number): void {
    if (this.best.length > n + 1) return;
    let size = this.best.length;
    while (size <= n + 1) size *= 2;
    this.best = new Float64Array(size);
    this.len = new Int32Array(size);
    this.codes = new Uint16Array(size);
    this.node = new Int32Array(size);
  }

  /**
   * Scores text[from, to) (optionally with the character at `swapAt` replaced by code `swapCode`) and
   * leaves the chosen word length of every position in `lengths` (relative to `from`).
   * `extra` (relative to `extraBase`) adds the user's known words as single tokens.
   */
  score(text: string, from: number, to: number, swapAt = -1, swapCode = 0, extra?: ExtraEnds, extraBase = 0): number {
    const n = to - from;
    this.ensure(n);
    const best = this.best;
    const len = this.len;
    const codes = this.codes;
    for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(from + i);
    if (swapAt >= from && swapAt < to) codes[swapAt - from] = swapCode;
    const lex = this.lex;
    const logp = lex.logp;
    const root = lex.rootChild;
    const single = lex.unknownLogp - this.singlePenalty;
    const sp = this.singlePenalty;
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      const c0 = codes[i];
      const n1 = root[c0];
      let bv = (n1 && logp[n1] < 0 ? logp[n1] - sp : single) + best[i + 1];
      let bl = 1;
      let bn = 0;
      if (n1 && i + 1 < n) {
        let node = lex.pair(c0, codes[i + 1]);
        for (let j = i + 1; node; ) {
          const lp = logp[node];
          if (lp < 0) {
            const v = lp + best[j + 1];
            if (v > bv) {
              bv = v;
              bl = j - i + 1;
              bn = node;
            }
          }
          if (++j >= n) break;
          node = lex.childDeep(node, codes[j]);
        }
      }
      if (extra) {
        const at = from + i;
        const e = extra[at - extraBase];
        if (e > at && e <= to && (swapAt < at || swapAt >= e)) {
          const v = KNOWN_WORD_LOGP + best[e - from];
          if (v > bv) {
            bv = v;
            bl = e - at;
            bn = 0;
          }
        }
      }
      best[i] = bv;
      len[i] = bl;
      this.node[i] = bn;
    }
    return best[0];
  }

  /**
   * After `score(text, from, to, …)` without a swap: the score of the same range with the character at
   * `swapAt` replaced by `swapCode`. Positions right of the swap are unchanged and reused, so only
   * [from, swapAt] is recomputed; the arrays then describe the swapped text (call `score` again before
   * another position).
   */
  rescoreSwap(text: string, from: number, to: number, swapAt: number, swapCode: number, extra?: ExtraEnds, extraBase = 0): number {
    const n = to - from;
    const best = this.best;
    const len = this.len;
    const codes = this.codes;
    const k = swapAt - from;
    codes[k] = swapCode;
    const lex = this.lex;
    const logp = lex.logp;
    const root = lex.rootChild;
    const sp = this.singlePenalty;
    const single = lex.unknownLogp - sp;
    for (let i = k; i >= 0; i--) {
      const c0 = codes[i];
      const n1 = root[c0];
      let bv = (n1 && logp[n1] < 0 ? logp[n1] - sp : single) + best[i + 1];
      let bl = 1;
      if (n1 && i + 1 < n) {
        let node = lex.pair(c0, codes[i + 1]);
        for (let j = i + 1; node; ) {
          const lp = logp[node];
          if (lp < 0) {
            const v = lp + best[j + 1];
            if (v > bv) {
              bv = v;
              bl = j - i + 1;
            }
          }
          if (++j >= n) break;
          node = lex.childDeep(node, codes[j]);
        }
      }
      if (extra) {
        const at = from + i;
        const e = extra[at - extraBase];
        if (e > at && e <= to && (swapAt < at || swapAt >= e)) {
          const v = KNOWN_WORD_LOGP + best[e - from];
          if (v > bv) {
            bv = v;
            bl = e - at;
          }
        }
      }
      best[i] = bv;
      len[i] = bl;
      this.node[i] = 0;
    }
    codes[k] = text.charCodeAt(swapAt);
    return best[0];
  }

  /** The length of the word chosen at offset i (relative to `from`) by the last `score` call. */
  lengthAt(i: number): number {
    return this.len[i];
  }

  /** The trie node of the word of two or more characters chosen at offset i (0 for others). */
  nodeAt(i: number): number {
    return this.node[i];
  }

  /** Word lengths of the last `score` call, as token boundaries: [start, end) pairs in text offsets. */
  tokens(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < to - from; ) {
      const l = this.len[i];
      out.push(from + i, from + i + l);
      i += l;
    }
    return out;
  }
}
