/**
 * A linear-time regular-expression matcher for user-written dictionary patterns.
 *
 * User dictionaries may contain patterns such as /(a+)+b/ that make a backtracking engine (JavaScript's
 * RegExp) take exponential time and hang the server. This matcher compiles a safe subset to a Thompson NFA
 * and simulates it, so a search costs O(text × pattern) whatever the pattern.
 *
 * Subset: literals, escapes (\. \( \\ …, \d \s \w), character classes [...] with ranges and negation, `.`,
 * groups (...) and (?:...), alternation |, and the quantifiers ? * + {m} {m,} {m,n} (bounds ≤ 50).
 * Not supported (rejected with a Chinese reason): backreferences, lookaround, anchors other than ^ $.
 */

type CharTest = (c: number) => boolean;

interface State {
  /** Character transition: to `out` when `test` accepts the character. */
  test?: CharTest;
  out?: State;
  /** Epsilon transitions. */
  eps: State[];
  accept?: boolean;
  /** Assertion states: ^ (line start) and $ (line end); zero-width. */
  assert?: '^' | '$';
  id: number;
}

interface Fragment {
  start: State;
  ends: State[]; // states whose `out`/eps must be patched to the next fragment
}

type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'repeat'; node: Node; min: number; max: number } // max = Infinity for unbounded
  | { t: 'assert'; kind: '^' | '$' }
  | { t: 'empty' };

export class SafeRegexError extends Error {}

const MAX_BOUND = 50;
const MAX_STATES = 20_000;
/** Longest match reported; dictionary patterns are short, and the bound keeps matching linear. */
const MAX_MATCH = 200;

export class SafeRegex {
  private readonly start: State;
  private readonly stateCount: number;

  private constructor(start: State, count: number, readonly source: string) {
    this.start = start;
    this.stateCount = count;
  }

  /** Compiles the pattern; throws SafeRegexError with a Chinese reason when it is outside the subset. */
  static compile(source: string, flags = ''): SafeRegex {
    const ignoreCase = flags.includes('i');
    const ast = new Parser(source, ignoreCase).parse();
    const builder = new Builder();
    const frag = builder.build(ast);
    const accept = builder.state();
    accept.accept = true;
    builder.patch(frag.ends, accept);
    return new SafeRegex(frag.start, builder.count, source);
  }

  /**
   * All leftmost-longest, non-overlapping, non-empty matches in text[from, to). One Pike-VM pass per match:
   * threads remember the earliest start that reached each state; once a thread accepts, no later start is
   * injected, and the match is extended while threads of that start live — at most MAX_MATCH characters,
   * so the whole search stays linear in the text whatever the pattern.
   */
  matchAll(text: string, from = 0, to = text.length): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    let pos = from;
    while (pos < to) {
      const m = this.scan(text, pos, from, to);
      if (!m) break;
      out.push(m);
      pos = m.end;
    }
    return out;
  }

  /** Whether the pattern matches anywhere in text[from, to). */
  test(text: string, from = 0, to = text.length): boolean {
    return this.scan(text, from, from, to) !== undefined;
  }

  private scan(text: string, pos: number, lineFrom: number, to: number): { start: number; end: number } | undefined {
    let threads = new Map<State, number>();
    let bestStart = -1;
    let bestEnd = -1;
    for (let i = pos; ; i++) {
      if (bestStart === -1 && i <= to) {
        const injected = new Set<State>();
        this.addState(injected, this.start, text, i, lineFrom, to);
        for (const s of injected) if (!threads.has(s)) threads.set(s, i);
      }
      for (const [s, st] of threads) {
        if (!s.accept || st === i) continue; // empty matches do not count
        if (bestStart === -1 || st < bestStart) {
          bestStart = st;
          bestEnd = i;
        } else if (st === bestStart) bestEnd = i;
      }
      if (bestStart !== -1) {
        for (const [s, st] of threads) if (st > bestStart) threads.delete(s);
        if (threads.size === 0 || i - bestStart >= MAX_MATCH) return { start: bestStart, end: bestEnd };
      }
      if (i >= to) break;
      if (threads.size === 0 && bestStart === -1) continue;
      const c = text.charCodeAt(i);
      const next = new Map<State, number>();
      for (const [s, st] of threads) {
        if (!s.test || !s.out || !s.test(c)) continue;
        const reached = new Set<State>();
        this.addState(reached, s.out, text, i + 1, lineFrom, to);
        for (const r of reached) {
          const prev = next.get(r);
          if (prev === undefined || st < prev) next.set(r, st);
        }
      }
      threads = next;
    }
    return bestStart === -1 ? undefined : { start: bestStart, end: bestEnd };
  }

  private addState(set: Set<State>, s: State, text: string, pos: number, lineFrom: number, to: number): void {
    const stack = [s];
    while (stack.length) {
      const st = stack.pop()!;
      if (set.has(st)) continue;
      if (st.assert === '^' && !(pos === lineFrom || text.charCodeAt(pos - 1) === 10)) continue;
      if (st.assert === '$' && !(pos === to || text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13)) continue;
      set.add(st);
      for (const e of st.eps) stack.push(e);
    }
  }

  get size(): number {
    return this.stateCount;
  }
}

class Builder {
  count = 0;

  state(): State {
    if (++this.count > MAX_STATES) throw new SafeRegexError('模式过于复杂（展开后状态过多），请简化。');
    return { eps: [], id: this.count };
  }

  patch(ends: State[], to: State): void {
    for (const e of ends) {
      if (e.test && !e.out) e.out = to;
      else e.eps.push(to);
    }
  }

  build(n: Node): Fragment {
    switch (n.t) {
      case 'empty': {
        const s = this.state();
        return { start: s, ends: [s] };
      }
      case 'char': {
        const s = this.state();
        s.test = n.test;
        return { start: s, ends: [s] };
      }
      case 'assert': {
        const s = this.state();
        s.assert = n.kind;
        return { start: s, ends: [s] };
      }
      case 'seq': {
        if (!n.items.length) return this.build({ t: 'empty' });
        let first: Fragment | undefined;
        let ends: State[] = [];
        for (const item of n.items) {
          const f = this.build(item);
          if (!first) first = f;
          else this.patch(ends, f.start);
          ends = f.ends;
        }
        return { start: first!.start, ends };
      }
      case 'alt': {
        const s = this.state();
        const ends: State[] = [];
        for (const o of n.options) {
          const f = this.build(o);
          s.eps.push(f.start);
          ends.push(...f.ends);
        }
        return { start: s, ends };
      }
      case 'repeat': {
        // Expand {m,n} into m copies then (n - m) optional copies, or a loop for unbounded.
        const parts: Fragment[] = [];
        for (let i = 0; i < n.min; i++) parts.push(this.build(n.node));
        const entry = this.state();
        let ends: State[] = [entry];
        let start = entry;
        if (parts.length) {
          start = parts[0].start;
          for (let i = 1; i < parts.length; i++) this.patch(parts[i - 1].ends, parts[i].start);
          this.patch(parts[parts.length - 1].ends, entry);
        }
        if (n.max === Infinity) {
          const loop = this.build(n.node);
          const exit = this.state();
          entry.eps.push(loop.start, exit);
          this.patch(loop.ends, entry);
          ends = [exit];
        } else {
          const exit = this.state();
          let cur = entry;
          for (let i = n.min; i < n.max; i++) {
            const f = this.build(n.node);
            cur.eps.push(f.start, exit);
            const join = this.state();
            this.patch(f.ends, join);
            cur = join;
          }
          cur.eps.push(exit);
          ends = [exit];
        }
        return { start, ends };
      }
    }
  }
}

class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new SafeRegexError(`第 ${this.i + 1} 个字符“${this.src[this.i]}”处有多余的“)”。`);
    return n;
  }

  private alt(): Node {
    const options = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.seq());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified());
    }
    return { t: 'seq', items };
  }

  private quantified(): Node {
    let node = this.atom();
    for (;;) {
      const c = this.src[this.i];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
        if (!m) throw new SafeRegexError(`第 ${this.i + 1} 个字符处的“{”写法不对，应为 {m}、{m,} 或 {m,n}。`);
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (min > MAX_BOUND || (max !== Infinity && max > MAX_BOUND) || max < min) {
          throw new SafeRegexError(`重复次数 ${m[0]} 超出范围（0 至 ${MAX_BOUND}）。`);
        }
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      if (this.src[this.i] === '?') this.i++; // lazy quantifiers behave like greedy ones for leftmost-longest
      node = { t: 'repeat', node, min, max };
    }
  }

  private atom(): Node {
    const c = this.src[this.i++];
    switch (c) {
      case '(': {
        if (this.src[this.i] === '?') {
          if (this.src[this.i + 1] === ':') this.i += 2;
          else throw new SafeRegexError('不支持前后查找（(?= (?! (?<= (?<!）和命名分组。');
        }
        const inner = this.alt();
        if (this.src[this.i] !== ')') throw new SafeRegexError('括号“(”没有配对的“)”。');
        this.i++;
        return inner;
      }
      case '[':
        return { t: 'char', test: this.charClass() };
      case '.':
        return { t: 'char', test: (x) => x !== 10 && x !== 13 };
      case '^':
        return { t: 'assert', kind: '^' };
      case '$':
        return { t: 'assert', kind: '$' };
      case '\\':
        return { t: 'char', test: this.escape(false) };
      case '*':
      case '+':
      case '?':
        throw new SafeRegexError(`第 ${this.i} 个字符“${c}”前面没有可重复的内容。`);
      default:
        return { t: 'char', test: this.literal(c) };
    }
  }

  private literal(ch: string): CharTest {
    // Surrogate pairs are matched as two code units in sequence by the caller's seq; keep single unit here.
    const code = ch.charCodeAt(0);
    if (this.ignoreCase) {
      const lo = ch.toLowerCase().charCodeAt(0);
      const up = ch.toUpperCase().charCodeAt(0);
      return (x) => x === lo || x === up;
    }
    return (x) => x === code;
  }

  private escape(inClass: boolean): CharTest {
    const c = this.src[this.i++];
    if (c === undefined) throw new SafeRegexError('模式以“\\”结尾。');
    if (/[1-9]/.test(c)) throw new SafeRegexError('不支持反向引用（\\1 等）。');
    if (c === 'b' || c === 'B') {
      if (inClass) return (x) => x === 8;
      throw new SafeRegexError('不支持 \\b：中文没有单词边界，请改用具体的前后文字。');
    }
    const classes: Record<string, CharTest> = {
      d: (x) => x >= 48 && x <= 57,
      D: (x) => !(x >= 48 && x <= 57),
      s: (x) => x === 32 || (x >= 9 && x <= 13) || x === 0x3000 || x === 0xa0,
      S: (x) => !(x === 32 || (x >= 9 && x <= 13) || x === 0x3000 || x === 0xa0),
      w: (x) => (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95,
      W: (x) => !((x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95),
      n: (x) => x === 10,
      r: (x) => x === 13,
      t: (x) => x === 9,
    };
    if (classes[c]) return classes[c];
    if (c === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
      if (!m) throw new SafeRegexError('\\u 后应有 4 位十六进制数。');
      this.i += 4;
      const code = parseInt(m[0], 16);
      return (x) => x === code;
    }
    return this.literal(c);
  }

  private charClass(): CharTest {
    let negate = false;
    if (this.src[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const tests: CharTest[] = [];
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let lo: number;
      if (this.src[this.i] === '\\') {
        this.i++;
        const t = this.escape(true);
        const prev = this.src[this.i - 1];
        if (/[dDsSwW]/.test(prev)) {
          tests.push(t);
          continue;
        }
        lo = prev === 'u' ? parseInt(this.src.slice(this.i - 4, this.i), 16) : prev.charCodeAt(0);
      } else {
        lo = this.src.charCodeAt(this.i++);
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let hi: number;
        if (this.src[this.i] === '\\') {
          this.i++;
          hi = this.src.charCodeAt(this.i++);
        } else hi = this.src.charCodeAt(this.i++);
        if (hi < lo) throw new SafeRegexError('字符范围的顺序颠倒（如 [z-a]）。');
        const [a, b] = [lo, hi];
        tests.push((x) => x >= a && x <= b);
        if (this.ignoreCase) {
          tests.push((x) => {
            const s = String.fromCharCode(x);
            const o = (s === s.toLowerCase() ? s.toUpperCase() : s.toLowerCase()).charCodeAt(0);
            return o >= a && o <= b;
          });
        }
      } else {
        const code = lo;
        tests.push(this.ignoreCase ? this.literal(String.fromCharCode(code)) : (x) => x === code);
      }
    }
    if (this.src[this.i] !== ']') throw new SafeRegexError('字符类“[”没有配对的“]”。');
    this.i++;
    return negate ? (x) => !tests.some((t) => t(x)) : (x) => tests.some((t) => t(x));
  }
}
