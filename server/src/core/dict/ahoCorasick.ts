/**
 * Aho-Corasick over UTF-16 code units: all occurrences of many literal patterns in one pass. In Chinese text
 * most characters start no pattern, and one typed-array read decides that: a large automaton's root
 * transitions are a dense table; a small one's (the hundreds built to test dictionary specs) are a Map behind
 * a bitmap of the characters that start a pattern (a 256 KB table each made loading the dictionaries slow).
 * Deeper states keep Maps. Shared by the dictionary matcher and the formulation passes.
 */
export class AhoCorasick<T> {
  /** Root transitions while adding, and of a small automaton: child node id. */
  private readonly rootMap = new Map<number, number>();
  /** Dense root transitions (0: none; node 0 is the root), for automata with many first characters. */
  private root: Int32Array | undefined;
  /** Bit c set when character c starts a pattern (small automata). */
  private starts: Uint8Array = new Uint8Array(0);
  private readonly goto: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  private readonly outputs: [number, T][][] = [[]];
  /** 1 where a node has outputs (a typed-array read instead of an array's length). */
  private hasOutput: Uint8Array = new Uint8Array(1);
  private built = false;

  add(pattern: string, value: T): void {
    if (!pattern) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const transitions = node === 0 ? this.rootMap : this.goto[node];
      let next = transitions.get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.outputs.push([]);
        transitions.set(c, next);
      }
      node = next;
    }
    this.outputs[node].push([pattern.length, value]);
    this.built = false;
  }

  private rootStep(c: number): number {
    if (this.root) return this.root[c];
    return this.starts[c >> 3] & (1 << (c & 7)) ? this.rootMap.get(c)! : 0;
  }

  private step(node: number, c: number): number {
    for (;;) {
      if (node === 0) return this.rootStep(c);
      const next = this.goto[node].get(c);
      if (next !== undefined) return next;
      node = this.fail[node];
    }
  }

  private build(): void {
    if (this.rootMap.size > DENSE_ROOT) {
      this.root = new Int32Array(65536);
      for (const [c, next] of this.rootMap) this.root[c] = next;
    } else {
      this.root = undefined;
      this.starts = new Uint8Array(8192);
      for (const c of this.rootMap.keys()) this.starts[c >> 3] |= 1 << (c & 7);
    }
    this.fail = new Int32Array(this.goto.length);
    const queue: number[] = [...this.rootMap.values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, next] of this.goto[node]) {
        queue.push(next);
        const f = this.step(this.fail[node], c);
        this.fail[next] = f === next ? 0 : f;
        if (this.outputs[this.fail[next]].length) this.outputs[next] = this.outputs[next].concat(this.outputs[this.fail[next]]);
      }
    }
    this.hasOutput = new Uint8Array(this.goto.length);
    for (let n = 0; n < this.goto.length; n++) if (this.outputs[n].length) this.hasOutput[n] = 1;
    this.built = true;
  }

  /** Calls `onMatch(start, end, value)` for every occurrence in text[from, to). */
  search(text: string, from: number, to: number, onMatch: (start: number, end: number, value: T) => void): void {
    if (!this.built) this.build();
    const root = this.root;
    const starts = this.starts;
    const hasOutput = this.hasOutput;
    let node = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (node === 0) {
        if (root) node = root[c];
        else if (starts[c >> 3] & (1 << (c & 7))) node = this.rootMap.get(c)!;
        if (node === 0) continue;
      } else node = this.step(node, c);
      if (hasOutput[node] === 0) continue;
      const outs = this.outputs[node];
      for (let k = 0; k < outs.length; k++) onMatch(i + 1 - outs[k][0], i + 1, outs[k][1]);
    }
  }
}

/** Above this many first characters, the root's transitions are a dense table. */
const DENSE_ROOT = 64;
