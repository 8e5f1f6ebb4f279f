/**
 * Aho-Corasick over UTF-16 code units: all occurrences of many literal patterns in one pass. The root's
 * transitions are a dense table — in Chinese text most characters start no pattern, and one typed-array
 * read decides that; deeper states keep Maps. Shared by the dictionary matcher and the formulation passes.
 */
export class AhoCorasick<T> {
  /** Root transitions: child node id, or 0 for none (node 0 is the root). */
  private readonly root = new Int32Array(65536);
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
      let next = node === 0 ? this.root[c] || undefined : this.goto[node].get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.outputs.push([]);
        if (node === 0) this.root[c] = next;
        else this.goto[node].set(c, next);
      }
      node = next;
    }
    this.outputs[node].push([pattern.length, value]);
    this.built = false;
  }

  private step(node: number, c: number): number {
    for (;;) {
      if (node === 0) return this.root[c];
      const next = this.goto[node].get(c);
      if (next !== undefined) return next;
      node = this.fail[node];
    }
  }

  private build(): void {
    this.fail = new Int32Array(this.goto.length);
    const queue: number[] = [];
    for (let c = 0; c < 65536; c++) if (this.root[c]) queue.push(this.root[c]);
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
    const hasOutput = this.hasOutput;
    let node = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (node === 0) {
        node = root[c];
        if (node === 0) continue;
      } else node = this.step(node, c);
      if (hasOutput[node] === 0) continue;
      const outs = this.outputs[node];
      for (let k = 0; k < outs.length; k++) onMatch(i + 1 - outs[k][0], i + 1, outs[k][1]);
    }
  }
}
