/**
 * Unseen typos. In the best segmentation of a run of Han characters, a character that stands alone and is not
 * a common word by itself is a weak spot (an anchor). Around each anchor we try swapping one character — the
 * anchor or one in the short tokens beside it — for a confusable one (same or similar sound, similar shape);
 * a swap is a candidate when it yields a lexicon word that covers an anchor. A candidate is suggested when it
 * raises the best-segmentation log probability of the ±5 characters around it by more than a threshold,
 * after a penalty for the kind of confusion (and for taking a character from an existing word).
 *
 *   组织建设簿弱 → 组织建设 / 簿 / 弱     簿 → 薄 (similar shape and sound) gives 薄弱: score ≈ 10  ⇒ suggested
 *   推近学习   → 推 / 近 / 学习          近 → 进 (same sound) gives 推进: score ≈ 6.9       ⇒ below 7, not
 *   思政课教师 → 思政 / 课 / 教师         课 → 客 gives 政客, breaking the word 思政           ⇒ not suggested
 *
 * The hot path uses typed arrays only; candidates are generated once per swapped position per run.
 */
import { doubled } from '../doubled';
import { CharTable, SHAPE, SOUND_EXACT, SOUND_FUZZY, SOUND_TONE } from './chars';
import type { Lexicon } from './lexicon';
import { Segmenter, type ExtraEnds } from './segment';

export interface Suggestion {
  /** The span of the intended word in the text (what the finding underlines). */
  start: number;
  end: number;
  /** The character to replace and its replacement. */
  at: number;
  from: string;
  to: string;
  /** The intended word (the text of [start, end) after the swap). */
  word: string;
  /** Confusion kind bits (chars.ts). */
  kind: number;
  /** Gain in log probability minus the penalties. */
  score: number;
}

export interface DetectorOptions {
  /** Minimum score (natural-log units) for a suggestion. */
  threshold: number;
  /** Penalty per kind of confusion (the best applicable one is used). */
  penaltyExact: number;
  penaltyTone: number;
  penaltyFuzzy: number;
  penaltyShape: number;
  /** Bonus when a pair is both sound- and shape-confusable. */
  bonusBoth: number;
  /** A single character whose own word log probability is above this is a common word, not a weak spot. */
  strongSingle: number;
  /** The intended word must be at least this probable. */
  minWordLogp: number;
  /** Characters on each side of the swap that the gain is measured on. */
  window: number;
  /** Extra cost of a single-character token in the segmentation score. */
  singlePenalty: number;
  /** Penalty when every word the swap makes takes a character from a longer word (思政 / 课 → 政客). */
  breakPenalty: number;
  /** Tokens beside an anchor up to this length may hold the swapped character (0 = only the anchor). */
  neighbourTokens: number;
}

export const DEFAULT_OPTIONS: DetectorOptions = {
  threshold: 7,
  penaltyExact: 1,
  penaltyTone: 2,
  penaltyFuzzy: 4,
  penaltyShape: 3,
  bonusBoth: 1,
  strongSingle: -7.5,
  minWordLogp: -14,
  window: 5,
  singlePenalty: 0,
  breakPenalty: 2,
  neighbourTokens: 1,
};

/** Characters never swapped, and never proposed: numerals (dates, counts) and a few grammatical particles. */
const NEVER_CHARS = '〇零一二三四五六七八九十百千万亿两廿卅第初的地得了着过吗呢吧啊之';
/** A character right before one of these, standing alone, is probably part of a place name (柳林 / 镇). */
const PLACE_CHARS = '省市县区乡镇村屯寨庄街路巷湾沟坪岭峪河山湖岛';
const MAX_WORD = 6;
/** How far before a swapped character a candidate word may start. */
const MAX_BACK = 3;

const flagTable = (chars: string): Uint8Array => {
  const t = new Uint8Array(65536);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
const NEVER = flagTable(NEVER_CHARS);
const PLACE = flagTable(PLACE_CHARS);

/** Titles after a person's name: a suspected character inside “surname + name + title” is part of a name. */
const TITLES = ['同志', '书记', '主任', '局长', '部长', '县长', '镇长', '乡长', '市长', '区长', '村长', '所长', '校长', '院长', '教授', '主席', '委员', '经理', '老师', '队长', '站长', '科长', '处长', '厅长', '社长', '馆长', '先生', '女士'];
/** The most common Chinese surnames. */
const SURNAMES = flagTable(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
);

/** Is the character at `at` inside a name: a surname one or two characters before it and a title after? */
function inName(text: string, at: number, b: number): boolean {
  for (let p = at + 1; p <= at + 3 && p < b; p++) {
    let title = false;
    for (const t of TITLES) if (text.startsWith(t, p)) title = true;
    if (!title) continue;
    for (let len = 2; len <= 3; len++) if (p - len >= 0 && p - len <= at && SURNAMES[text.charCodeAt(p - len)]) return true;
  }
  return false;
}

/** Growable typed columns for candidates: swap position, code, kind, word start, word end. */
class Candidates {
  at: Int32Array = new Int32Array(64);
  code: Int32Array = new Int32Array(64);
  kind: Int32Array = new Int32Array(64);
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  n = 0;

  push(at: number, code: number, kind: number, start: number, end: number): void {
    if (this.n === this.at.length) {
      this.at = doubled(this.at);
      this.code = doubled(this.code);
      this.kind = doubled(this.kind);
      this.start = doubled(this.start);
      this.end = doubled(this.end);
    }
    const k = this.n++;
    this.at[k] = at;
    this.code[k] = code;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
  }
}

export class Detector {
  private readonly seg: Segmenter;
  private readonly opts: DetectorOptions;
  /** Per character code: the stamp of the position whose confusion set was marked last, and the kind. */
  private readonly markStamp = new Int32Array(65536);
  private readonly markKind = new Uint8Array(65536);
  private stampNo = 0;
  private readonly cands = new Candidates();
  /** Scratch per run (relative to its start): token length, anchor flags, positions to swap. */
  private tokLen = new Uint8Array(256);
  private anchor = new Uint8Array(256);
  private swap = new Uint8Array(256);

  constructor(
    readonly lex: Lexicon,
    readonly chars: CharTable,
    options: Partial<DetectorOptions> = {},
  ) {
    this.seg = new Segmenter(lex);
    this.opts = { ...DEFAULT_OPTIONS, ...options };
    this.seg.singlePenalty = this.opts.singlePenalty;
  }

  get options(): DetectorOptions {
    return this.opts;
  }

  segmenter(): Segmenter {
    return this.seg;
  }

  penalty(kind: number): number {
    const o = this.opts;
    let p = Infinity;
    if (kind & SOUND_EXACT) p = Math.min(p, o.penaltyExact);
    if (kind & SOUND_TONE) p = Math.min(p, o.penaltyTone);
    if (kind & SOUND_FUZZY) p = Math.min(p, o.penaltyFuzzy);
    if (kind & SHAPE) p = Math.min(p, o.penaltyShape);
    if (kind & SHAPE && kind & (SOUND_EXACT | SOUND_TONE | SOUND_FUZZY)) p -= o.bonusBoth;
    return p;
  }

  private scratch(n: number): void {
    if (this.tokLen.length >= n + 1) return;
    let size = this.tokLen.length;
    while (size < n + 1) size *= 2;
    this.tokLen = new Uint8Array(size);
    this.anchor = new Uint8Array(size);
    this.swap = new Uint8Array(size);
  }

  /**
   * Suggestions in the run of Han characters text[a, b). `extra` marks known words the lexicon lacks
   * (relative to a), `protectedNodes` the known words it has: they count as words and are never changed.
   */
  checkRun(text: string, a: number, b: number, extra?: ExtraEnds, protectedNodes?: Uint8Array): Suggestion[] {
    const n = b - a;
    if (n < 2) return [];
    this.scratch(n);
    const lex = this.lex;
    const seg = this.seg;
    seg.score(text, a, b, -1, 0, extra, a);
    const tokLen = this.tokLen;
    const anchor = this.anchor;
    const swap = this.swap;
    anchor.fill(0, 0, n);
    swap.fill(0, 0, n);
    // Token lengths, then anchors: single characters that are not common words by themselves.
    let anchors = 0;
    for (let i = 0; i < n; ) {
      const l = seg.lengthAt(i);
      tokLen.fill(Math.min(255, l), i, i + l);
      i += l;
    }
    let known = extra ? knownMask(extra, a, n) : undefined;
    if (protectedNodes) {
      for (let i = 0; i < n; i += tokLen[i] || 1) {
        const node = seg.nodeAt(i);
        if (node && protectedNodes[node]) (known ??= new Uint8Array(n)).fill(1, i, i + tokLen[i]);
      }
    }
    for (let i = 0; i < n; i++) {
      if (tokLen[i] !== 1) continue;
      const code = text.charCodeAt(a + i);
      if (NEVER[code] || (known && known[i])) continue;
      const single = lex.child(0, code);
      if (single && lex.logp[single] > this.opts.strongSingle) continue;
      anchor[i] = 1;
      anchors++;
      // Swaps at the anchor and in the one- or two-character tokens right beside it
      // (迫不急待 → 迫 / 不急 / 待; 参于 → 参 / 于, where 于 alone is a common word).
      swap[i] = 1;
      const nb = this.opts.neighbourTokens;
      if (i >= 1 && tokLen[i - 1] <= nb) for (let k = i - tokLen[i - 1]; k < i; k++) swap[k] = 1;
      if (i + 1 < n && tokLen[i + 1] <= nb) for (let k = i + 1; k <= i + tokLen[i + 1] && k < n; k++) swap[k] = 1;
    }
    if (!anchors) return [];
    const cands = this.cands;
    cands.n = 0;
    for (let i = 0; i < n; i++) {
      if (!swap[i] || (known && known[i])) continue;
      const pos = a + i;
      const code = text.charCodeAt(pos);
      if (NEVER[code]) continue;
      const rank = this.chars.rank(code);
      if (rank < 0) continue;
      this.mark(rank);
      for (let s = Math.max(a, pos - MAX_BACK); s <= pos; s++) {
        // Read text[s, pos) first; the word must then be able to reach an anchor.
        let node = 0;
        for (let q = s; q < pos && (node || q === s); q++) node = lex.child(node, text.charCodeAt(q));
        if (s < pos && !node) continue;
        this.branch(text, s, pos, a, b, node, rank);
      }
    }
    if (!cands.n) return [];
    return this.score(text, a, b, extra);
  }

  /** Marks the confusion set of the character of this rank (for the children loops). */
  private mark(rank: number): void {
    const st = ++this.stampNo;
    const cs = this.chars.confStart;
    const cc = this.chars.confChar;
    const ct = this.chars.confType;
    for (let k = cs[rank]; k < cs[rank + 1]; k++) {
      this.markStamp[cc[k]] = st;
      this.markKind[cc[k]] = ct[k];
    }
  }

  /** At `node` (text[s, pos) read), swap the character at pos for each confusable one and read on. */
  private branch(text: string, s: number, pos: number, a: number, b: number, node: number, rank: number): void {
    const lex = this.lex;
    const chars = this.chars;
    const k0 = chars.confStart[rank];
    const k1 = chars.confStart[rank + 1];
    const next = pos + 1 < b ? text.charCodeAt(pos + 1) : -1;
    if (node === 0) {
      // The swapped character begins the word: it needs a second character (text[pos + 1]).
      if (next < 0) return;
      for (let k = k0; k < k1; k++) {
        const c = chars.confChar[k];
        if (NEVER[c] || !lex.mayBegin(c, next)) continue;
        const n1 = lex.child(0, c);
        if (n1) this.follow(text, s, a, b, n1, pos, c, chars.confType[k]);
      }
      return;
    }
    const st = this.stampNo;
    const c0 = lex.childStart[node];
    const c1 = lex.childStart[node + 1];
    if (c1 - c0 <= k1 - k0) {
      for (let q = c0; q < c1; q++) {
        const c = lex.childChar[q];
        if (this.markStamp[c] === st && !NEVER[c]) this.follow(text, s, a, b, lex.children[q], pos, c, this.markKind[c]);
      }
    } else {
      const depth1 = lex.parent[node] === 0;
      const first = lex.edge[node];
      for (let k = k0; k < k1; k++) {
        const c = chars.confChar[k];
        if (NEVER[c] || (depth1 && !lex.mayBegin(first, c))) continue;
        const child = lex.child(node, c);
        if (child) this.follow(text, s, a, b, child, pos, c, chars.confType[k]);
      }
    }
  }

  /** node = text[s, at] with the swap; read on and record every word that covers an anchor. */
  private follow(text: string, s: number, a: number, b: number, node: number, at: number, c: number, kind: number): void {
    const lex = this.lex;
    const minLogp = this.opts.minWordLogp;
    const anchor = this.anchor;
    let covers = false;
    for (let q = s; q <= at; q++) if (anchor[q - a]) covers = true;
    for (let pos = at + 1; ; pos++) {
      // node = the word text[s, pos) with the swap
      if (covers && pos - s >= 2) {
        const lp = lex.logp[node];
        if (lp < 0 && lp >= minLogp) this.cands.push(at, c, kind, s, pos);
      }
      if (pos >= b || pos - s >= MAX_WORD) return;
      node = lex.child(node, text.charCodeAt(pos));
      if (!node) return;
      if (anchor[pos - a]) covers = true;
    }
  }

  /** Scores every distinct swap once; keeps the best non-overlapping suggestions above the threshold. */
  private score(text: string, a: number, b: number, extra: ExtraEnds): Suggestion[] {
    const cands = this.cands;
    const m = cands.n;
    const order = new Int32Array(m);
    for (let k = 0; k < m; k++) order[k] = k;
    const key = (k: number): number => cands.at[k] * 65536 + cands.code[k];
    order.sort((x, y) => key(x) - key(y) || x - y);
    const w = this.opts.window;
    let lastAt = -1;
    let orig = 0;
    const out: Suggestion[] = [];
    for (let g = 0; g < m; ) {
      const first = order[g];
      const kk = key(first);
      let h = g;
      let breaks = true;
      let ws = cands.start[first];
      let we = cands.end[first];
      for (; h < m && key(order[h]) === kk; h++) {
        const k = order[h];
        if (!this.breaks(cands.start[k], cands.end[k], a)) breaks = false;
        if (cands.end[k] - cands.start[k] > we - ws) {
          ws = cands.start[k];
          we = cands.end[k];
        }
      }
      g = h;
      const at = cands.at[first];
      const code = cands.code[first];
      const kind = cands.kind[first];
      const from = Math.max(a, at - w);
      const to = Math.min(b, at + w + 1);
      // Swaps at one position come together (sorted by key): the unswapped window is scored once for them,
      // and each swap recomputes only the part left of it.
      if (at !== lastAt) {
        orig = this.seg.score(text, from, to, -1, 0, extra, a);
        lastAt = at;
      }
      const swapped = this.seg.rescoreSwap(text, from, to, at, code, extra, a);
      const score = swapped - orig - this.penalty(kind) - (breaks ? this.opts.breakPenalty : 0);
      if (score < this.opts.threshold) continue;
      if (this.isSuffix(text, a, b, we) || this.isSuffix(text, a, b, at + 1) || inName(text, at, b)) continue;
      const to1 = String.fromCharCode(code);
      out.push({ start: ws, end: we, at, from: text[at], to: to1, word: text.slice(ws, at) + to1 + text.slice(at + 1, we), kind, score });
    }
    return dedupe(out);
  }

  /** Does [s, e) take part of a token of two or more characters of the original segmentation? */
  private breaks(s: number, e: number, a: number): boolean {
    const tl = this.tokLen;
    // The token containing s starts before s, or the token containing e - 1 ends after e.
    let p = a;
    while (p < e) {
      const l = tl[p - a] || 1;
      if (l > 1 && ((p < s && p + l > s) || (p < e && p + l > e))) return true;
      p += l;
    }
    return false;
  }

  /** Is text[p] a place-name suffix (镇, 村, 县 …) standing alone in the segmentation? */
  private isSuffix(text: string, a: number, b: number, p: number): boolean {
    return p >= a && p < b && PLACE[text.charCodeAt(p)] === 1 && this.tokLen[p - a] === 1;
  }
}

/** Positions (relative to a) inside a known word. */
function knownMask(extra: Int32Array, a: number, n: number): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const e = extra[i];
    if (e > a + i) {
      mask ??= new Uint8Array(n);
      mask.fill(1, i, Math.min(n, e - a));
    }
  }
  return mask;
}

/** One suggestion per swapped position; overlapping suggestions keep the higher score. */
function dedupe(list: Suggestion[]): Suggestion[] {
  if (list.length <= 1) return list;
  const sorted = [...list].sort((x, y) => y.score - x.score);
  const kept: Suggestion[] = [];
  for (const s of sorted) if (!kept.some((k) => k.at === s.at || (s.start < k.end && k.start < s.end))) kept.push(s);
  return kept.sort((x, y) => x.start - y.start);
}
