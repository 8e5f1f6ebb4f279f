/**
 * The word lexicon of the typo detector: a trie in typed arrays, built from the front-coded text of
 * data/typo-lexicon.txt (derived from jieba's dict.txt by server/scripts/build-typo-data.mjs).
 *
 * Every node lists its children contiguously and sorted (CSR), so a transition is a binary search in a small
 * range and the detector can enumerate children; the root's children are a direct table. Each node holds the
 * natural log of its word's probability (0 when the node ends no word: probabilities are < 1, so logs are < 0).
 */

export interface LexiconStats {
  words: number;
  nodes: number;
  bytes: number;
}

export class Lexicon {
  /** Natural log of the word probability at each node; 0 = no word ends here. */
  readonly logp: Float32Array;
  /** Character (UTF-16 code) of the edge into each node. */
  readonly edge: Uint16Array;
  readonly parent: Int32Array;
  /**
   * Children of node n are children[childStart[n] .. childStart[n + 1]), sorted by character; childChar holds
   * their characters alongside, so that a lookup is a binary search in one small contiguous range.
   */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  readonly childChar: Uint16Array;
  /** Root's child for a character code (0 = none). */
  readonly rootChild: Int32Array;
  /** One bit per (first, second) character pair that begins some word: a cheap filter before a lookup. */
  private readonly bigram: Int32Array;
  /** Dense id (1-based) of every character of the lexicon; 0 = not in the lexicon. */
  private readonly ids: Uint16Array;
  /** Depth-two nodes by (first id, second id): open addressing, keys = id1 · 2^14 + id2. */
  private readonly pairKey: Int32Array;
  private readonly pairNode: Int32Array;
  private readonly pairMask: number;
  /** ln(1 / total frequency): the score of a character the lexicon does not know. */
  readonly unknownLogp: number;
  readonly wordCount: number;
  readonly nodeCount: number;

  private constructor(nodeCount: number, wordCount: number, edge: Uint16Array, parent: Int32Array, logp: Float32Array, unknownLogp: number) {
    this.nodeCount = nodeCount;
    this.wordCount = wordCount;
    this.edge = edge;
    this.parent = parent;
    this.logp = logp;
    this.unknownLogp = unknownLogp;
    // Nodes are created in sorted word order, so every parent's children come in increasing character order.
    const childStart = new Int32Array(nodeCount + 1);
    for (let n = 1; n < nodeCount; n++) childStart[parent[n] + 1]++;
    for (let n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
    const fill = childStart.slice(0, nodeCount);
    const children = new Int32Array(Math.max(0, nodeCount - 1));
    const childChar = new Uint16Array(Math.max(0, nodeCount - 1));
    for (let n = 1; n < nodeCount; n++) {
      const k = fill[parent[n]]++;
      children[k] = n;
      childChar[k] = edge[n];
    }
    this.childStart = childStart;
    this.children = children;
    this.childChar = childChar;
    this.rootChild = new Int32Array(65536);
    for (let k = childStart[0]; k < childStart[1]; k++) this.rootChild[childChar[k]] = children[k];
    this.bigram = new Int32Array(1 << (BIGRAM_BITS - 5));
    this.ids = new Uint16Array(65536);
    let nextId = 1;
    let pairs = 0;
    for (let n = 1; n < nodeCount; n++) {
      if (!this.ids[edge[n]] && nextId < 16383) this.ids[edge[n]] = nextId++;
      const p = parent[n];
      if (p !== 0 && parent[p] === 0) {
        const h = bigramHash(edge[p], edge[n]);
        this.bigram[h >>> 5] |= 1 << (h & 31);
        pairs++;
      }
    }
    let size = 1024;
    while (size < pairs * 2) size <<= 1;
    this.pairMask = size - 1;
    this.pairKey = new Int32Array(size).fill(-1);
    this.pairNode = new Int32Array(size);
    for (let n = 1; n < nodeCount; n++) {
      const p = parent[n];
      if (p === 0 || parent[p] !== 0) continue;
      const i1 = this.ids[edge[p]];
      const i2 = this.ids[edge[n]];
      if (!i1 || !i2) continue;
      const key = i1 * 16384 + i2;
      let h = Math.imul(key, 0x9e3779b1) >>> 0 & this.pairMask;
      while (this.pairKey[h] !== -1) h = (h + 1) & this.pairMask;
      this.pairKey[h] = key;
      this.pairNode[h] = n;
    }
  }

  /** The node of the two-character prefix (a, b), or 0. */
  pair(a: number, b: number): number {
    const i1 = this.ids[a];
    const i2 = this.ids[b];
    if (!i1 || !i2) return 0;
    const key = i1 * 16384 + i2;
    const mask = this.pairMask;
    let h = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = this.pairKey[h];
      if (k === key) return this.pairNode[h];
      if (k === -1) return 0;
      h = (h + 1) & mask;
    }
  }

  /** Parses data/typo-lexicon.txt (see the script for the format). */
  static parse(text: string): Lexicon {
    // Upper bound of nodes: one per character of the text.
    const cap = text.length + 1;
    let edge = new Uint16Array(cap);
    let parent = new Int32Array(cap);
    let code = new Int8Array(cap).fill(-1);
    let nodes = 1;
    let words = 0;
    const counts = new Float64Array(128);
    const path = new Int32Array(64); // path[d] = node at depth d of the previous word
    let prevLen = 0;
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = n;
      if (end - pos >= 3 && text.charCodeAt(pos) !== 35 /* # */) {
        const shared = text.charCodeAt(pos) - 48;
        const q = text.charCodeAt(end - 1) - 33;
        let depth = shared < prevLen ? shared : prevLen;
        let node = path[depth];
        for (let k = pos + 1; k < end - 1 && depth < 63; k++) {
          const child = nodes++;
          edge[child] = text.charCodeAt(k);
          parent[child] = node;
          node = child;
          path[++depth] = node;
        }
        prevLen = depth;
        if (q >= 0 && q < 128) {
          code[node] = q;
          counts[q]++;
          words++;
        }
      }
      pos = end + 1;
    }
    edge = edge.slice(0, nodes);
    parent = parent.slice(0, nodes);
    code = code.slice(0, nodes);
    let total = 0;
    for (let q = 0; q < 128; q++) total += counts[q] * Math.exp(q / 4);
    const logTotal = Math.log(Math.max(total, 1));
    const logp = new Float32Array(nodes);
    for (let k = 0; k < nodes; k++) if (code[k] >= 0) logp[k] = Math.min(-1e-6, code[k] / 4 - logTotal);
    return new Lexicon(nodes, words, edge, parent, logp, -logTotal);
  }

  /** Child of `node` along character code `c`, or 0. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c];
    if (this.parent[node] === 0) return this.pair(this.edge[node], c);
    return this.childDeep(node, c);
  }

  /** Child of a node of depth two or more (no root or pair shortcut). */
  childDeep(node: number, c: number): number {
    let lo = this.childStart[node];
    let hi = this.childStart[node + 1] - 1;
    const cc = this.childChar;
    if (hi - lo < 8) {
      for (let k = lo; k <= hi; k++) if (cc[k] === c) return this.children[k];
      return 0;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = cc[mid];
      if (m < c) lo = mid + 1;
      else if (m > c) hi = mid - 1;
      else return this.children[mid];
    }
    return 0;
  }

  /** May some word begin with characters a, b? (false = certainly not). */
  mayBegin(a: number, b: number): boolean {
    const h = bigramHash(a, b);
    return (this.bigram[h >>> 5] & (1 << (h & 31))) !== 0;
  }

  /** The node of a whole string, or 0. */
  find(s: string): number {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      node = this.child(node, s.charCodeAt(i));
      if (!node) return 0;
    }
    return node;
  }

  /** Log probability of a word, or 0 when it is not a word. */
  wordLogp(s: string): number {
    const node = this.find(s);
    return node ? this.logp[node] : 0;
  }

  has(s: string): boolean {
    return this.wordLogp(s) < 0;
  }

  /** The word spelled by the path to `node`. */
  wordAt(node: number): string {
    let s = '';
    for (let n = node; n; n = this.parent[n]) s = String.fromCharCode(this.edge[n]) + s;
    return s;
  }

  stats(): LexiconStats {
    const bytes =
      this.logp.byteLength + this.edge.byteLength + this.parent.byteLength + this.childStart.byteLength + this.children.byteLength +
      this.childChar.byteLength + this.rootChild.byteLength + this.bigram.byteLength + this.ids.byteLength + this.pairKey.byteLength +
      this.pairNode.byteLength;
    return { words: this.wordCount, nodes: this.nodeCount, bytes };
  }
}

const BIGRAM_BITS = 21;

function bigramHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> (32 - BIGRAM_BITS);
}
