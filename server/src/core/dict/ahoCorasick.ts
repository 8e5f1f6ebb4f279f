/** Aho-Corasick automaton over UTF-16 code units: all occurrences of many literal patterns in one pass. */
export class AhoCorasick<T> {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each node: [length, value]. */
  private readonly outputs: [number, T][][] = [[]];
  private built = false;

  add(pattern: string, value: T): void {
    if (!pattern) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let next = this.goto[node].get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.fail.push(0);
        this.outputs.push([]);
        this.goto[node].set(c, next);
      }
      node = next;
    }
    this.outputs[node].push([pattern.length, value]);
    this.built = false;
  }

  private build(): void {
    const queue: number[] = [];
    for (const next of this.goto[0].values()) {
      this.fail[next] = 0;
      queue.push(next);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, next] of this.goto[node]) {
        queue.push(next);
        let f = this.fail[node];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const target = this.goto[f].get(c);
        this.fail[next] = target !== undefined && target !== next ? target : 0;
        this.outputs[next] = this.outputs[next].concat(this.outputs[this.fail[next]]);
      }
    }
    this.built = true;
  }

  /** Calls `onMatch(start, end, value)` for every occurrence in text[from, to). */
  search(text: string, from: number, to: number, onMatch: (start: number, end: number, value: T) => void): void {
    if (!this.built) this.build();
    let node = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      let next = this.goto[node].get(c);
      while (next === undefined && node !== 0) {
        node = this.fail[node];
        next = this.goto[node].get(c);
      }
      node = next ?? 0;
      const outs = this.outputs[node];
      for (let k = 0; k < outs.length; k++) onMatch(i + 1 - outs[k][0], i + 1, outs[k][1]);
    }
  }

  get size(): number {
    return this.goto.length;
  }
}
