/**
 * The standard paragraphs in snippets/gongwen.code-snippets: valid JSON, prefixes a Chinese writer can type,
 * bodies in VS Code snippet syntax, and — expanded to their default text — well-formed reports by our own parser
 * and rules. The expander below follows the VS Code snippet grammar
 * (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar), but is stricter than VS Code:
 * where VS Code silently inserts a malformed `${…` or a stray `}` as text, it throws.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  buildOutline,
  lint,
  parseReport,
  standardMarker,
  type Finding,
  type HeadingLevel,
  type ParsedReport,
} from '../../server/src/core';
import { repoPath } from './paths';

// ------------------------------------------------------------------------------------------ expander

interface FormatPart {
  /** Literal text, or a reference to a capture group. */
  text?: string;
  group?: number;
  shorthand?: string;
  ifValue?: string;
  elseValue?: string;
}

interface Transform {
  regexp: RegExp;
  format: FormatPart[];
}

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; transform?: Transform }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

class SnippetSyntaxError extends Error {}

/** Parses a snippet body (grammar: any ::= tabstop | placeholder | choice | variable | text). */
class SnippetParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseNodes(false);
    if (this.pos < this.src.length) this.fail('unexpected “}”');
    return nodes;
  }

  private fail(message: string): never {
    const near = this.src.slice(Math.max(0, this.pos - 15), this.pos + 15);
    throw new SnippetSyntaxError(`${message} at ${this.pos} (…${near}…)`);
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** Nodes up to the end, or (inside a placeholder) up to the closing `}`, which is consumed. */
  private parseNodes(inside: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.peek(1);
        if (next !== '$' && next !== '}' && next !== '\\') this.fail('a backslash must escape $, } or \\');
        text += next;
        this.pos += 2;
      } else if (c === '$') {
        flush();
        nodes.push(this.parseDollar());
      } else if (c === '}') {
        if (!inside) this.fail('unescaped “}” outside a placeholder');
        this.pos++;
        flush();
        return nodes;
      } else {
        text += c;
        this.pos++;
      }
    }
    if (inside) this.fail('unclosed “${”');
    flush();
    return nodes;
  }

  private readInt(): number | undefined {
    const m = /^\d+/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private readName(): string | undefined {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private parseDollar(): SnippetNode {
    this.pos++; // $
    if (this.peek() !== '{') {
      const index = this.readInt();
      if (index !== undefined) return { kind: 'tabstop', index };
      const name = this.readName();
      if (name !== undefined) return { kind: 'variable', name };
      this.fail('unescaped “$” (write \\$ for a dollar sign)');
    }
    this.pos++; // {
    const index = this.readInt();
    if (index !== undefined) {
      const c = this.src[this.pos++];
      if (c === '}') return { kind: 'tabstop', index };
      if (c === ':') return { kind: 'tabstop', index, children: this.parseNodes(true) };
      if (c === '|' && index > 0) return { kind: 'choice', index, options: this.parseChoice() };
      if (c === '/') return { kind: 'tabstop', index, transform: this.parseTransform() };
      this.pos--;
      this.fail(`malformed tab stop \${${index}`);
    }
    const name = this.readName();
    if (name === undefined) this.fail('“${” must be followed by a number or a variable name');
    const c = this.src[this.pos++];
    if (c === '}') return { kind: 'variable', name };
    if (c === ':') return { kind: 'variable', name, children: this.parseNodes(true) };
    if (c === '/') return { kind: 'variable', name, transform: this.parseTransform() };
    this.pos--;
    return this.fail(`malformed variable \${${name}`);
  }

  /** `one,two,three|}` after `${1|`; `\,` `\|` `\\` are escapes. */
  private parseChoice(): string[] {
    const options: string[] = [];
    let current = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unclosed choice');
      if (c === '\\' && [',', '|', '\\'].includes(this.src[this.pos + 1])) {
        current += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',' || c === '|') {
        if (!current) this.fail('empty choice option');
        options.push(current);
        current = '';
        this.pos++;
        if (c === '|') {
          if (this.src[this.pos] !== '}') this.fail('a choice must end with “|}”');
          this.pos++;
          return options;
        }
        continue;
      }
      current += c;
      this.pos++;
    }
  }

  /** `regex/format/options}` after `${X/`. */
  private parseTransform(): Transform {
    let regex = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unclosed transform');
      this.pos++;
      if (c === '/') break;
      if (c === '\\' && this.src[this.pos] === '/') {
        regex += '/';
        this.pos++;
      } else if (c === '\\') {
        regex += c + (this.src[this.pos++] ?? '');
      } else regex += c;
    }
    const format: FormatPart[] = [];
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unclosed transform format');
      if (c === '/') {
        this.pos++;
        break;
      }
      if (c === '\\' && (this.src[this.pos + 1] === '\\' || this.src[this.pos + 1] === '/')) {
        format.push({ text: this.src[this.pos + 1] });
        this.pos += 2;
        continue;
      }
      if (c === '$') {
        const m = /^\$(?:(\d+)|\{(\d+)(?::\/(upcase|downcase|capitalize|camelcase|pascalcase)|:\+([^}]*)|:\?([^:}]*):([^}]*)|:-([^}]*)|:([^}]*))?\})/.exec(
          this.src.slice(this.pos),
        );
        if (m) {
          format.push({
            group: Number(m[1] ?? m[2]),
            shorthand: m[3],
            ifValue: m[4] ?? m[5],
            elseValue: m[6] ?? m[7] ?? m[8],
          });
          this.pos += m[0].length;
          continue;
        }
      }
      format.push({ text: c });
      this.pos++;
    }
    let options = '';
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) this.fail('unclosed transform options');
      if (c === '}') break;
      options += c;
    }
    try {
      return { regexp: new RegExp(regex, options), format };
    } catch (e) {
      return this.fail(`invalid regular expression /${regex}/${options}: ${(e as Error).message}`);
    }
  }
}

function applyTransform(t: Transform, value: string): string {
  const build = (groups: string[]): string =>
    t.format
      .map((p) => {
        if (p.text !== undefined) return p.text;
        const g = groups[p.group!] ?? '';
        switch (p.shorthand) {
          case 'upcase':
            return g.toLocaleUpperCase();
          case 'downcase':
            return g.toLocaleLowerCase();
          case 'capitalize':
            return g ? g[0].toLocaleUpperCase() + g.slice(1) : '';
          case undefined:
            break;
          default:
            throw new SnippetSyntaxError(`format /${p.shorthand} is not supported by this test`);
        }
        if (g && p.ifValue !== undefined) return p.ifValue;
        if (!g && p.elseValue !== undefined) return p.elseValue;
        return g;
      })
      .join('');
  let matched = false;
  let out = value.replace(t.regexp, (...args: unknown[]) => {
    matched = true;
    const groups = args.slice(0, -2).filter((a): a is string | undefined => typeof a === 'string' || a === undefined);
    return build(groups.map((g) => g ?? ''));
  });
  if (!matched && t.format.some((p) => p.elseValue !== undefined)) out = build([]);
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** VS Code's date variables for a fixed local date (the only variables our snippets may use). */
function dateVariables(date: Date): Record<string, string> {
  return {
    CURRENT_YEAR: String(date.getFullYear()),
    CURRENT_YEAR_SHORT: String(date.getFullYear()).slice(-2),
    CURRENT_MONTH: pad2(date.getMonth() + 1),
    CURRENT_DATE: pad2(date.getDate()),
  };
}

interface TabStop {
  /** The default text (a choice: its first option). */
  text: string;
  choices?: string[];
}

interface Expansion {
  text: string;
  stops: Map<number, TabStop>;
  variables: Set<string>;
  /** How often each index carries its own default (placeholder or choice), to find conflicting defaults. */
  definitions: Map<number, number>;
  finalTabStops: number;
}

/**
 * Expands a body to the text VS Code inserts before the writer types anything: placeholders give their default,
 * a choice its first option, a mirror ($1 again) the default of its index, date variables the given date
 * (with transforms applied). `typed` stands for what the writer types into a tab stop.
 */
function expand(body: string, date: Date, typed: Record<number, string> = {}): Expansion {
  const nodes = new SnippetParser(body).parse();
  const vars = dateVariables(date);
  const result: Expansion = { text: '', stops: new Map(), variables: new Set(), definitions: new Map(), finalTabStops: 0 };
  const defaults = new Map<number, SnippetNode[] | string[]>();
  // The first tab stop of an index that has a default defines it for all (as in VS Code).
  const collect = (list: SnippetNode[]): void => {
    for (const n of list) {
      if (n.kind === 'choice' || (n.kind === 'tabstop' && n.children)) {
        result.definitions.set(n.index, (result.definitions.get(n.index) ?? 0) + 1);
        if (!defaults.has(n.index)) defaults.set(n.index, n.kind === 'choice' ? n.options : n.children!);
      }
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[]): string =>
    list
      .map((n): string => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'variable': {
            result.variables.add(n.name);
            const value = vars[n.name];
            if (value === undefined) throw new SnippetSyntaxError(`unknown variable ${n.name} (only date variables are allowed)`);
            return n.transform ? applyTransform(n.transform, value) : value;
          }
          case 'choice':
          case 'tabstop': {
            if (n.index === 0) {
              result.finalTabStops++;
              return '';
            }
            const def = defaults.get(n.index);
            const choices = def && typeof def[0] === 'string' ? (def as string[]) : undefined;
            const text = typed[n.index] ?? (choices ? choices[0] : def ? render(def as SnippetNode[]) : '');
            if (!result.stops.has(n.index)) result.stops.set(n.index, { text, choices });
            return n.kind === 'tabstop' && n.transform ? applyTransform(n.transform, text) : text;
          }
        }
      })
      .join('');
  result.text = render(nodes);
  return result;
}

// ------------------------------------------------------------------------------------------ the file

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
  isFileTemplate?: boolean;
  scope?: string;
}

const SNIPPETS_FILE = repoPath('snippets/gongwen.code-snippets');
const raw = readFileSync(SNIPPETS_FILE, 'utf8');
const snippets = JSON.parse(raw) as Record<string, SnippetEntry>;
const names = Object.keys(snippets);
const bodyOf = (name: string): string => {
  const entry = snippets[name];
  assert.ok(entry, `snippet “${name}” is missing from snippets/gongwen.code-snippets`);
  return Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
};
const prefixesOf = (e: SnippetEntry): string[] => (Array.isArray(e.prefix) ? e.prefix : [e.prefix]);

const JAN_5 = new Date(2024, 0, 5);
const OCT_30 = new Date(2030, 9, 30);
const expandName = (name: string, date = JAN_5, typed?: Record<number, string>): string => expand(bodyOf(name), date, typed).text;

const HAN = /\p{Script=Han}/u;
const slice = (doc: ParsedReport, b?: { span: { start: number; end: number } }): string =>
  b ? doc.text.slice(b.span.start, b.span.end) : '';
/** A date as GB/T 9704-2012 7.3.5.4 writes it: Arabic numerals, the full year, no leading zeros. */
const GBT_DATE = /^\d{4}年[1-9]\d?月[1-9]\d?日$/;
const at = (doc: ParsedReport, f: Finding): string => `${f.ruleId} ${f.severity} “${doc.text.slice(f.span.start, f.span.end)}”: ${f.message}`;
const serious = (f: Finding): boolean => f.severity === 'warning' || f.severity === 'error';

/** What a well-formed report needs: title, opening, level-1 headings in order, 落款 with a GB/T 9704 date. */
function assertWellFormed(text: string, level1: string[], date = '2024年1月5日'): ParsedReport {
  const doc = parseReport(text);
  const head = text.slice(0, 200);
  assert.ok(doc.title.length >= 1, `no title in:\n${head}`);
  assert.ok(doc.recipient && /：$/.test(slice(doc, doc.recipient)), `no 主送机关 ending in ： in:\n${head}`);
  assert.ok(doc.opening.length >= 1, `no opening in:\n${head}`);
  assert.match(slice(doc, doc.opening[doc.opening.length - 1]), /现将.+如下：$/);
  const top = doc.headings.filter((h) => h.level === 1);
  assert.deepEqual(
    top.map((h) => doc.text.slice(h.marker.start, h.titleSpan.end)),
    level1.map((t, i) => `${standardMarker(1, i + 1)}${t}`),
    'level-1 headings',
  );
  // The outline shows the same: the title node holds the level-1 sections, then the 落款.
  const outline = buildOutline(doc);
  assert.equal(outline.length, 1);
  assert.deepEqual(
    outline[0].children.filter((n) => n.kind === 'heading1').map((n) => n.name),
    level1.map((t, i) => `${standardMarker(1, i + 1)}${t}`),
  );
  assert.ok(outline[0].children.some((n) => n.kind === 'signature'), 'the outline shows the 落款');
  assert.ok(doc.signature, 'no 署名 above the date');
  assert.equal(slice(doc, doc.signature), slice(doc, doc.title[0]), 'the 署名 repeats the organisation of the title');
  assert.equal(slice(doc, doc.date), date);
  assert.match(slice(doc, doc.date), GBT_DATE);
  const findings = lint(doc).findings;
  const structural = findings.filter((f) => /^(numbering|structure)\//.test(f.ruleId) && serious(f));
  assert.deepEqual(structural.map((f) => at(doc, f)), [], 'numbering/structure findings');
  const others = findings.filter((f) => f.ruleId !== 'placeholder/unfilled' && serious(f));
  assert.deepEqual(others.map((f) => at(doc, f)), [], 'the standard text itself must not be flagged');
  return doc;
}

describe('snippets/gongwen.code-snippets', () => {
  it('is valid JSON: an object of snippets, each with prefix, body and description', () => {
    assert.doesNotThrow(() => JSON.parse(raw));
    assert.ok(names.length >= 20, `only ${names.length} snippets`);
    for (const name of names) {
      const e = snippets[name];
      assert.ok(typeof e.prefix === 'string' || (Array.isArray(e.prefix) && e.prefix.every((p) => typeof p === 'string')), name);
      assert.ok(typeof e.body === 'string' || (Array.isArray(e.body) && e.body.every((l) => typeof l === 'string')), name);
      assert.equal(typeof e.description, 'string', name);
      assert.ok(e.scope === undefined || e.scope === 'gongwen', `${name}: scope`);
    }
  });

  it('is contributed for the gongwen language and packaged', () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    const entries = (pkg.contributes.snippets ?? []) as { language: string; path: string }[];
    assert.ok(
      entries.some((s) => s.language === 'gongwen' && repoPath(s.path) === SNIPPETS_FILE),
      'package.json contributes.snippets has no entry for snippets/gongwen.code-snippets',
    );
    const ignore = readFileSync(repoPath('.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!snippets/**'), '.vscodeignore must keep snippets/** in the package');
  });

  it('the walkthrough: every step has a Chinese title, an English default and a markdown page that exists and is packaged', () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    const en = JSON.parse(readFileSync(repoPath('package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync(repoPath('package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const walk = (pkg.contributes.walkthroughs ?? []).find((w: { id: string }) => w.id === 'gongwen.start');
    assert.ok(walk, 'contributes.walkthroughs has no gongwen.start');
    const key = (v: string): string => {
      const m = /^%(.+)%$/.exec(v);
      assert.ok(m, `“${v}” is not a %key%`);
      assert.ok(en[m[1]], `package.nls.json lacks ${m[1]}`);
      assert.match(zh[m[1]] ?? '', HAN, `package.nls.zh-cn.json lacks a Chinese ${m[1]}`);
      return m[1];
    };
    assert.equal(zh[key(walk.title)], '公文助手入门');
    key(walk.description);
    const ignore = readFileSync(repoPath('.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!client/media/**'), '.vscodeignore must keep client/media/** in the package');
    assert.ok(walk.steps.length >= 5);
    for (const step of walk.steps as { id: string; title: string; description: string; media: { markdown: string } }[]) {
      key(step.title);
      const desc = key(step.description);
      // Each step offers a button (a command link on its own line) in both languages.
      for (const nls of [en, zh]) assert.match(nls[desc], /\n\[[^\]]+\]\(command:[\w.]+/, `${step.id}: no command button`);
      assert.match(step.media.markdown, /^client\/media\/walkthrough\/[\w-]+\.md$/);
      assert.match(readFileSync(repoPath(step.media.markdown), 'utf8'), HAN, `${step.media.markdown} is not Chinese`);
    }
    // The prefixes the snippets page of the walkthrough teaches exist.
    const page = readFileSync(repoPath('client/media/walkthrough/snippets.md'), 'utf8');
    const taught = page.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    assert.ok(taught.length >= 20, 'the snippets page lists the prefixes');
    const known = new Set(names.flatMap((n) => prefixesOf(snippets[n])));
    for (const p of taught) assert.ok(known.has(p), `client/media/walkthrough/snippets.md teaches “${p}”, which is no prefix`);
    const commands = walk.steps.flatMap((s: { description: string }) => [...en[key(s.description)].matchAll(/command:([\w.]+)/g)].map((m) => m[1]));
    for (const id of ['gongwen.openSample', 'gongwen.exportDocx', 'editor.action.insertSnippet']) assert.ok(commands.includes(id), id);
  });

  it('every snippet has a Chinese description, a Chinese prefix and an ASCII (pinyin) prefix', () => {
    for (const name of names) {
      const e = snippets[name];
      assert.match(e.description, HAN, `${name}: description must be Chinese`);
      const prefixes = prefixesOf(e);
      assert.ok(prefixes.some((p) => /^\p{Script=Han}+$/u.test(p)), `${name}: no Chinese prefix in ${prefixes}`);
      assert.ok(prefixes.some((p) => /^[a-z][a-z0-9]*$/.test(p)), `${name}: no pinyin prefix in ${prefixes}`);
      for (const p of prefixes) assert.match(p, /^(?:\p{Script=Han}+|[a-z][a-z0-9]*)$/u, `${name}: prefix “${p}”`);
    }
  });

  it('prefixes are unique across snippets', () => {
    const owner = new Map<string, string>();
    for (const name of names) {
      for (const p of prefixesOf(snippets[name])) {
        assert.ok(!owner.has(p), `prefix “${p}” is used by both “${owner.get(p)}” and “${name}”`);
        owner.set(p, name);
      }
    }
  });

  it('every body is valid snippet syntax: tab stops 1..n, one default per tab stop, at most one $0, only date variables', () => {
    for (const name of names) {
      let x: Expansion;
      try {
        x = expand(bodyOf(name), JAN_5);
      } catch (e) {
        assert.fail(`${name}: ${(e as Error).message}`);
      }
      const indexes = [...x.stops.keys()].sort((a, b) => a - b);
      assert.deepEqual(indexes, indexes.map((_, i) => i + 1), `${name}: tab stops should be numbered 1..n without gaps`);
      for (const [index, count] of x.definitions) assert.equal(count, 1, `${name}: tab stop ${index} has ${count} defaults`);
      assert.ok(x.finalTabStops <= 1, `${name}: more than one $0`);
      for (const v of x.variables) assert.match(v, /^CURRENT_(YEAR|MONTH|DATE)$/, `${name}: variable ${v}`);
    }
  });

  it('expanded text has no snippet syntax left, no half-width punctuation and no zero-padded month or day', () => {
    for (const name of names) {
      for (const date of [JAN_5, OCT_30]) {
        const text = expandName(name, date);
        assert.doesNotMatch(text, /[${}\\]/, `${name}: snippet syntax left in “${text.slice(0, 60)}”`);
        // Half-width , ; : ! ? ( ) in Chinese text; “1.” as a heading number is the standard form.
        assert.doesNotMatch(text, /[,;:!?()]/, `${name}: half-width punctuation`);
        assert.doesNotMatch(text, /(?<!\d)0\d[月日]/, `${name}: zero-padded month or day`);
        assert.doesNotMatch(text, /[ \t]$/m, `${name}: trailing spaces`);
      }
    }
  });

  it('every 【…】 left in the text is reported by placeholder/unfilled, so the writer is reminded to fill it in', () => {
    for (const name of names) {
      const text = expandName(name);
      const doc = parseReport(text);
      const flagged = lint(doc, { only: ['placeholder/unfilled'] }).findings.map((f) => text.slice(f.span.start, f.span.end));
      const brackets = text.match(/【[^【】]*】/g) ?? [];
      for (const b of brackets) assert.ok(flagged.includes(b), `${name}: “${b}” is not reported as a placeholder`);
      // And no other template placeholders (XX, X次, ○○ …) than these visible ones.
      assert.deepEqual(flagged.filter((f) => !f.startsWith('【')), [], `${name}: other placeholders`);
    }
  });

  it('every tab stop that a writer must fill has a visible default or offers choices', () => {
    // An empty tab stop that is skipped leaves a hole in the sentence nobody is told about.
    for (const name of names) {
      const x = expand(bodyOf(name), JAN_5);
      for (const [index, stop] of x.stops) assert.ok(stop.text.length > 0, `${name}: tab stop ${index} has no default text`);
    }
  });
});

// ------------------------------------------------------------------------------- whole reports

/** The skeletons and the level-1 headings each must produce, in order. */
const SKELETONS: Record<string, string[]> = {
  '全文：年度意识形态工作情况报告': ['工作开展情况', '亮点成效', '存在的问题', '下一步工作打算'],
  '全文：上半年工作总结': ['上半年工作开展情况', '存在的问题', '下半年工作打算'],
  '全文：意识形态分析研判报告': ['意识形态领域总体形势', '需要关注的问题和风险隐患', '原因分析', '下一步应对措施'],
  '全文：专项工作情况报告': ['工作开展情况', '发现的问题', '整改落实情况', '下一步工作打算'],
};

describe('whole-report skeletons (全文)', () => {
  it('every 全文 snippet is listed here and offered as a file template', () => {
    const skeletons = names.filter((n) => n.startsWith('全文：'));
    assert.deepEqual(skeletons.sort(), Object.keys(SKELETONS).sort());
    for (const n of skeletons) assert.equal(snippets[n].isFileTemplate, true, `${n}: isFileTemplate`);
  });

  for (const [name, level1] of Object.entries(SKELETONS)) {
    it(`${name}: title, 主送机关, opening ending in 如下：, ${level1.length} level-1 headings in order, 落款 and date`, () => {
      const doc = assertWellFormed(expandName(name), level1);
      // The organisation typed once (tab stop) fills the title and the 署名.
      const typed = expand(bodyOf(name), JAN_5).stops;
      const orgStop = [...typed].find(([, s]) => s.text === slice(doc, doc.title[0]));
      assert.ok(orgStop, 'the organisation in the title is a tab stop');
      const filled = assertWellFormed(expandName(name, JAN_5, { [orgStop[0]]: '中共某某县文化和旅游局党组' }), level1);
      assert.equal(slice(filled, filled.signature), '中共某某县文化和旅游局党组');
    });

    it(`${name}: the date follows the calendar (2030-10-30 → 2030年10月30日)`, () => {
      const doc = assertWellFormed(expandName(name, OCT_30), level1, '2030年10月30日');
      if (!name.includes('专项')) assert.match(slice(doc, doc.title[1]), /2030年/);
    });
  }
});

describe('a report built from the small snippets alone', () => {
  /** The expanded snippets one after the other, as a writer inserts them line by line ('' is a blank line). */
  const compose = (parts: (string | [string, Record<number, string>])[]): string =>
    parts.map((p) => (p === '' ? '' : typeof p === 'string' ? expandName(p) : expandName(p[0], JAN_5, p[1]))).join('\n').replace(/\n{3,}/g, '\n\n');

  it('标题 + 主送机关 + 导语 + the four parts + 结尾 + 落款', () => {
    const text = compose([
      '标题：工作情况报告',
      '主送机关',
      '导语：年度报告',
      '部分：工作开展情况',
      '部分：亮点成效',
      '部分：存在的问题',
      '部分：下一步工作打算',
      '',
      '结尾：特此报告',
      '',
      '落款',
    ]);
    assertWellFormed(text, ['工作开展情况', '亮点成效', '存在的问题', '下一步工作打算']);
  });

  it('半年导语, 存在的问题 as 二 and 整改措施 as 三, after the writer set the numbers', () => {
    const text = compose([
      '标题：工作情况报告',
      '主送机关',
      '导语：半年报告',
      '部分：工作开展情况',
      ['部分：存在的问题', { 1: '二' }],
      ['部分：整改措施', { 1: '三' }],
      '结尾：特此报告',
      '落款',
    ]);
    assertWellFormed(text, ['工作开展情况', '存在的问题', '整改措施']);
  });

  it('the six sub-items under 一、工作开展情况 are numbered （一）…（六） by default', () => {
    const text = compose([
      '标题：工作情况报告',
      '主送机关',
      '导语：专项报告',
      ['标题：一级', { 2: '工作开展情况' }],
      '二级：责任制落实',
      '二级：理论武装',
      '二级：阵地建设',
      '二级：舆论引导',
      '二级：网络意识形态',
      '二级：队伍建设',
      ['标题：一级', { 1: '二', 2: '存在的问题' }],
      '分项：一是二是三是',
      ['标题：一级', { 1: '三', 2: '下一步工作打算' }],
      '分项：一要二要三要',
      '结尾：特此报告',
      '落款',
    ]);
    const doc = assertWellFormed(text, ['工作开展情况', '存在的问题', '下一步工作打算']);
    const level2 = doc.headings.filter((h) => h.level === 2).map((h) => h.marker.raw);
    assert.deepEqual(level2, ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
    assert.deepEqual(doc.runInLists.map((l) => `${l.family}${l.items.length}`), ['是3', '是3', '是3', '是3', '是3', '是3', '是3', '要3']);
  });
});

describe('headings, 落款, 成文日期 and 附件说明', () => {
  const HEADINGS: [string, HeadingLevel][] = [
    ['标题：一级', 1],
    ['标题：二级', 2],
    ['标题：三级', 3],
    ['标题：四级', 4],
  ];
  for (const [name, level] of HEADINGS) {
    it(`${name}: every choice is the standard marker of level ${level}, in order`, () => {
      const x = expand(bodyOf(name), JAN_5);
      const choices = x.stops.get(1)?.choices;
      assert.ok(choices && choices.length >= 8, 'the number is a choice');
      choices.forEach((choice, i) => {
        const text = expandName(name, JAN_5, { 1: choice, 2: '加强组织领导' });
        const doc = parseReport(`${text}正文。`);
        const h = doc.headings[0];
        assert.ok(h, `“${text}” is not a heading`);
        assert.equal(h.level, level);
        assert.equal(h.marker.ordinal, i + 1);
        assert.equal(h.marker.raw, standardMarker(level, i + 1));
        assert.equal(doc.text.slice(h.titleSpan.start, h.titleSpan.end).replace(/。$/, ''), '加强组织领导');
      });
    });
  }

  it('落款 on 2024-01-05 reads 2024年1月5日 (no leading zeros, GB/T 9704-2012 7.3.5.4)', () => {
    assert.equal(expandName('落款').split('\n')[1], '2024年1月5日');
    assert.equal(expandName('成文日期'), '2024年1月5日');
    assert.equal(expandName('落款', new Date(2024, 11, 31)).split('\n')[1], '2024年12月31日');
    assert.equal(expandName('成文日期', OCT_30), '2030年10月30日');
    assert.equal(expandName('成文日期', new Date(2025, 1, 10)), '2025年2月10日');
  });

  it('落款 after a body is read as 署名 and 成文日期; the organisation is a tab stop', () => {
    const text = `县委宣传部：\n正文。\n\n${expandName('落款', JAN_5, { 1: '县文化和旅游局' })}`;
    const doc = parseReport(text);
    assert.equal(slice(doc, doc.signature), '县文化和旅游局');
    assert.equal(slice(doc, doc.date), '2024年1月5日');
  });

  it('附件说明 has the GB/T 9704-2012 7.3.4 form', () => {
    const many = expandName('附件说明：多个附件', JAN_5, { 1: '意识形态工作责任清单', 2: '舆情处置预案' });
    assert.equal(many, '附件：1.意识形态工作责任清单\n\u3000\u3000\u30002.舆情处置预案');
    const one = expandName('附件说明：一个附件', JAN_5, { 1: '意识形态工作责任清单' });
    assert.equal(one, '附件：意识形态工作责任清单');
    const doc = parseReport(`县委宣传部：\n正文。\n\n${one}\n\n县文化和旅游局\n2024年1月5日`);
    assert.deepEqual(doc.attachments.map((b) => slice(doc, b)), [one]);
  });

  // Pending: the parser reads the continuation line “　　　2.……” of a 附件说明 as a level-3 heading (reported).
  it('附件说明 with two attachments is read as one 附件说明 block by the parser', () => {
    const many = expandName('附件说明：多个附件', JAN_5, { 1: '意识形态工作责任清单', 2: '舆情处置预案' });
    const doc = parseReport(`县委宣传部：\n正文。\n\n${many}\n\n县文化和旅游局\n2024年1月5日`);
    assert.equal(doc.attachments.length, 2);
    assert.equal(doc.headings.length, 0);
  });
});
