/**
 * The TextMate grammar (syntaxes/gongwen.tmLanguage.json), run through the engine VS Code uses:
 * vscode-textmate + vscode-oniguruma.
 *
 * - Snapshots: every test/unit/grammar/<name>.gw is tokenized and compared with <name>.snap, a text file that
 *   lists each source line followed by one line per token: `  「text」 scope scope …` (root scope omitted).
 *   Regenerate with `UPDATE_SNAPSHOTS=1 npx mocha out/test/unit/grammar.test.js`, then read the diff.
 * - Explicit assertions for the key cases, so a wrong snapshot cannot be accepted silently.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

// The compiled test lives in out/test/unit/: the repository root is three levels up.
const REPO_ROOT = resolve(__dirname, '../../..');
const GRAMMAR_PATH = resolve(REPO_ROOT, 'syntaxes/gongwen.tmLanguage.json');
const FIXTURE_DIR = resolve(REPO_ROOT, 'test/unit/grammar');
const SCOPE_NAME = 'source.gongwen';
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const HEADING = (level: number): string => `markup.heading.${level}.gongwen`;
const PLACEHOLDER = 'invalid.illegal.placeholder.gongwen';
const DATE = 'constant.numeric.date.gongwen';
const COMMENT = 'comment.line.double-slash.gongwen';
const TITLE = 'markup.heading.title.gongwen';

interface Token {
  text: string;
  start: number;
  end: number;
  /** Scopes without the root scope, outermost first. */
  scopes: string[];
}

interface Line {
  text: string;
  tokens: Token[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** Loads the grammar once; loadWASM itself returns the same promise when called again. */
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(resolve(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar(SCOPE_NAME);
    if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load`);
    return grammar;
  })();
  return grammarPromise;
}

/** Splits a document into lines as VS Code does (a final newline does not start another line to show). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function tokenize(text: string): Promise<Line[]> {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const out: Line[] = [];
  for (const line of splitLines(text)) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens: Token[] = [];
    for (const t of result.tokens) {
      const end = Math.min(t.endIndex, line.length);
      if (end <= t.startIndex) continue; // the engine's token for the appended "\n" or an empty line
      tokens.push({ text: line.slice(t.startIndex, end), start: t.startIndex, end, scopes: t.scopes.slice(1) });
    }
    out.push({ text: line, tokens });
  }
  return out;
}

function render(lines: Line[]): string {
  const out: string[] = [];
  for (const line of lines) {
    out.push(line.text);
    for (const t of line.tokens) out.push(`  「${t.text}」 ${t.scopes.join(' ')}`.trimEnd());
  }
  return out.join('\n') + '\n';
}

/** All tokens of a document whose text is exactly `text`. */
function tokensWithText(lines: Line[], text: string): Token[] {
  return lines.flatMap((l) => l.tokens.filter((t) => t.text === text));
}

/** The scopes of the only token whose text is `text` (fails when there is none or several). */
function scopesOf(lines: Line[], text: string): string[] {
  const found = tokensWithText(lines, text);
  assert.equal(found.length, 1, `expected one token 「${text}」, got ${found.length}:\n${render(lines)}`);
  return found[0].scopes;
}

function assertScope(lines: Line[], text: string, scope: string): void {
  const scopes = scopesOf(lines, text);
  assert.ok(scopes.includes(scope), `「${text}」 should have ${scope}, has [${scopes.join(', ')}]`);
}

/** The spans of a line covered by a scope, adjacent tokens merged, as [start, end) pairs. */
function spansWith(line: Line, scope: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const t of line.tokens) {
    if (!t.scopes.includes(scope)) continue;
    const last = spans[spans.length - 1];
    if (last && last[1] === t.start) last[1] = t.end;
    else spans.push([t.start, t.end]);
  }
  return spans;
}

/** The text of the spans a scope covers on one line, e.g. ['XX', 'X月X日']. */
function textsWith(line: Line, scope: string): string[] {
  return spansWith(line, scope).map(([s, e]) => line.text.slice(s, e));
}

/** Every regex source in the raw grammar (match, begin, end, while), with its JSON path. */
function collectRegexes(node: unknown, path: string, out: Array<{ path: string; source: string }>): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectRegexes(child, `${path}[${i}]`, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
        out.push({ path: `${path}.${key}`, source: value });
      } else {
        collectRegexes(value, `${path}.${key}`, out);
      }
    }
  }
}

describe('TextMate grammar (source.gongwen)', function () {
  // Loading the WASM engine and the long-line cases take a few seconds; no test asserts on timing.
  this.timeout(60_000);

  before(async () => {
    await loadGrammar();
  });

  describe('grammar file', () => {
    it('is valid JSON with the scope name the extension registers', () => {
      const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName?: string; patterns?: unknown[] };
      assert.equal(raw.scopeName, SCOPE_NAME);
      assert.ok(Array.isArray(raw.patterns) && raw.patterns.length > 0);
    });

    it('every regex compiles with Oniguruma (also rules no fixture reaches)', () => {
      const regexes: Array<{ path: string; source: string }> = [];
      collectRegexes(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')), '$', regexes);
      assert.ok(regexes.length > 20);
      for (const { path, source } of regexes) {
        assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${path}: ${source}`);
      }
    });

    it('every include points at a repository entry', () => {
      const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { repository: Record<string, unknown> };
      const includes: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) {
            if (k === 'include' && typeof v === 'string') includes.push(v);
            else walk(v);
          }
        }
      };
      walk(raw);
      for (const inc of includes) {
        if (inc === '$self' || inc === '$base') continue;
        assert.ok(inc.startsWith('#') && inc.slice(1) in raw.repository, `unknown include ${inc}`);
      }
    });
  });

  describe('snapshots', () => {
    const fixtures = readdirSync(FIXTURE_DIR)
      .filter((f) => f.endsWith('.gw'))
      .sort();

    it('has fixtures', () => {
      assert.ok(fixtures.length >= 3, `fixtures in ${FIXTURE_DIR}: ${fixtures.join(', ')}`);
    });

    for (const fixture of fixtures) {
      it(fixture, async () => {
        const source = readFileSync(resolve(FIXTURE_DIR, fixture), 'utf8');
        const actual = render(await tokenize(source));
        const snapPath = resolve(FIXTURE_DIR, fixture.replace(/\.gw$/, '.snap'));
        if (UPDATE) {
          writeFileSync(snapPath, actual);
          return;
        }
        assert.ok(existsSync(snapPath), `missing snapshot ${snapPath}; run with UPDATE_SNAPSHOTS=1 and review it`);
        assert.equal(actual, readFileSync(snapPath, 'utf8').replace(/\r\n/g, '\n'), `snapshot ${fixture} differs`);
      });
    }
  });

  describe('headings', () => {
    it('gives each of the four levels its own heading scope; the marker is punctuation', async () => {
      const doc = await tokenize('正文。\n一、工作情况\n（一）压实责任\n1.加强领导\n（1）明确分工\n');
      const cases: Array<[string, string, number]> = [
        ['一、', '工作情况', 1],
        ['（一）', '压实责任', 2],
        ['1.', '加强领导', 3],
        ['（1）', '明确分工', 4],
      ];
      for (const [marker, title, level] of cases) {
        assertScope(doc, marker, HEADING(level));
        assertScope(doc, marker, 'punctuation.definition.heading.gongwen');
        assertScope(doc, title, HEADING(level));
        assertScope(doc, title, 'entity.name.section.gongwen');
        for (const other of [1, 2, 3, 4].filter((l) => l !== level)) {
          assert.ok(!scopesOf(doc, title).includes(HEADING(other)), `${title} is not level ${other}`);
        }
      }
    });

    it('accepts the messy variants: half-width brackets, spaces, wrong separators', async () => {
      const doc = await tokenize(
        '正文。\n一.甲\n二．乙\n三，丙\n  四 、丁\n(一)戊\n( 二 ）己\n（三）、庚\n2．辛\n3、壬\n(2)癸\n（ 3 ）子\n',
      );
      const expected: Array<[string, number]> = [
        ['一.', 1], ['二．', 1], ['三，', 1], ['四 、', 1],
        ['(一)', 2], ['( 二 ）', 2], ['（三）、', 2],
        ['2．', 3], ['3、', 3],
        ['(2)', 4], ['（ 3 ）', 4],
      ];
      for (const [marker, level] of expected) assertScope(doc, marker, HEADING(level));
    });

    it('the heading title ends at the first 。 and the rest of the line is body text', async () => {
      const doc = await tokenize('正文。\n（一）加强理论武装。坚持中心组学习制度。\n');
      assertScope(doc, '加强理论武装', HEADING(2));
      assert.deepEqual(scopesOf(doc, '坚持中心组学习制度。'), []);
    });

    it('colours level 1 and 2 headings that follow a sentence end inside a line', async () => {
      const doc = await tokenize('正文。\n会议指出，要抓好落实。二、存在问题\n完成任务。（三）加强阵地管理。后续正文。\n');
      assertScope(doc, '二、', HEADING(1));
      assertScope(doc, '存在问题', HEADING(1));
      assertScope(doc, '（三）', HEADING(2));
      assertScope(doc, '加强阵地管理', HEADING(2));
    });

    it('does not take decimals, enumerations or words for headings', async () => {
      const doc = await tokenize('正文。\n1.5万元用于建设。\n一、二、三季度开展检查。\n统一是前提。\n');
      for (const line of doc.slice(1)) {
        for (const level of [1, 2, 3, 4]) assert.deepEqual(spansWith(line, HEADING(level)), [], line.text);
        assert.deepEqual(spansWith(line, 'keyword.other.run-in.gongwen'), [], line.text);
      }
    });
  });

  describe('title', () => {
    it('colours the first line as the title, and a title line that continues it', async () => {
      const doc = await tokenize('XX县文化和旅游局\n关于2023年度意识形态工作情况的报告\n\n县委宣传部：\n\n正文。\n');
      assert.deepEqual(textsWith(doc[0], TITLE), ['XX县文化和旅游局']);
      assert.deepEqual(textsWith(doc[1], TITLE), ['关于2023年度意识形态工作情况的报告']);
      assertScope(doc, '县委宣传部', 'entity.name.tag.recipient.gongwen');
      assert.deepEqual(textsWith(doc[5], TITLE), []);
      // a placeholder in the title is still a placeholder
      assert.deepEqual(textsWith(doc[0], PLACEHOLDER), ['XX']);
    });

    it('// lines and blank lines before the title do not hide it', async () => {
      const doc = await tokenize('// 模板说明\n\n关于XX的报告\n县委：\n正文。\n');
      assert.deepEqual(spansWith(doc[0], COMMENT), [[0, doc[0].text.length]]);
      assert.deepEqual(textsWith(doc[2], TITLE), ['关于XX的报告']);
      assertScope(doc, '县委', 'entity.name.tag.recipient.gongwen');
    });

    it('a first line that is a heading or a sentence is not a title', async () => {
      for (const text of ['一、工作情况\n', '我局认真落实责任制。\n', '县委宣传部：\n']) {
        const doc = await tokenize(text);
        assert.deepEqual(textsWith(doc[0], TITLE), [], text);
      }
    });

    it('further down, a short line ending with 报告/请示/… is a title; 特此报告 is not', async () => {
      const doc = await tokenize('正文。\n关于XX县意识形态工作的请示\n特此报告\n');
      assert.deepEqual(textsWith(doc[1], TITLE), ['关于XX县意识形态工作的请示']);
      assert.deepEqual(textsWith(doc[2], TITLE), []);
    });
  });

  describe('run-in items', () => {
    it('marks 一是/二要/第一， as keywords and the lead phrase up to 。 or ； as bold', async () => {
      const doc = await tokenize('正文。\n一是健全机制，完善制度；二是强化检查。工作中，一要提高认识，二要狠抓落实；第一，完善制度。\n');
      for (const marker of ['一是', '二是', '一要', '二要', '第一，']) {
        assertScope(doc, marker, 'keyword.other.run-in.gongwen');
      }
      assertScope(doc, '健全机制，完善制度', 'markup.bold.gongwen');
      assertScope(doc, '强化检查', 'markup.bold.gongwen');
      assertScope(doc, '提高认识', 'markup.bold.gongwen');
    });
  });

  describe('placeholders', () => {
    it('XX in XX县 is a placeholder; Xbox is not', async () => {
      const doc = await tokenize('正文。\nXX县使用Xbox。\n');
      assert.deepEqual(textsWith(doc[1], PLACEHOLDER), ['XX']);
      assert.deepEqual(scopesOf(doc, 'XX'), [PLACEHOLDER]);
    });

    // The same cases as the placeholder/unfilled rule: ⟦…⟧ marks exactly what must be coloured.
    const cases = [
      '⟦XX⟧县召开专题会议⟦X⟧次，开展活动⟦xx⟧场，覆盖⟦××⟧人。',
      '定于⟦XXXX年X月X日⟧召开，请于⟦X月X日⟧前报送，⟦**年*月⟧完成。',
      '承办⟦**⟧县活动，退役军人⟦***⟧获表彰，⟦○○⟧同志发言，⟦□□⟧乡镇，⟦【待补充】⟧，第⟦X⟧届。',
      '参加人数⟦（  ）⟧人，名单见⟦【】⟧。',
      '使用Xbox和XML格式，面积3×4米，二〇〇〇年以来，X光机一台，第一届。',
      '第⟦X⟧次会议；全角ＸＸ、xxl码与Linux都不算。',
    ];
    for (const marked of cases) {
      it(marked, async () => {
        const expected: string[] = [];
        const re = /⟦([^⟧]*)⟧/g;
        for (let m = re.exec(marked); m; m = re.exec(marked)) expected.push(m[1]);
        const plain = marked.replace(/[⟦⟧]/g, '');
        const doc = await tokenize(`正文。\n${plain}\n`);
        assert.deepEqual(textsWith(doc[1], PLACEHOLDER), expected);
      });
    }

    it('is not coloured inside a // comment line', async () => {
      const doc = await tokenize('正文。\n// 这里的XX是批注\n');
      assert.deepEqual(textsWith(doc[1], PLACEHOLDER), []);
    });
  });

  describe('dates, quotations, book titles, comments', () => {
    it('2023年12月20日 and 二〇二三年十二月二十日 are dates', async () => {
      const doc = await tokenize('正文。\n于2023年12月20日召开，二〇二三年十二月二十日印发，12月20日前报送，2023-12-20归档。\n');
      assert.deepEqual(textsWith(doc[1], DATE), ['2023年12月20日', '二〇二三年十二月二十日', '12月20日', '2023-12-20']);
    });

    it('a line holding only a date is the 成文日期', async () => {
      const doc = await tokenize('正文。\n县文化和旅游局\n2023年12月20日\n');
      assertScope(doc, '2023年12月20日', DATE);
      assertScope(doc, '2023年12月20日', 'meta.signature.date.gongwen');
    });

    it('a // line is a comment, also indented; http:// inside a line is not', async () => {
      const doc = await tokenize('正文。\n// 批注：这里要改\n    // 缩进的批注\n网址http://example.com。\n');
      for (const line of [doc[1], doc[2]]) {
        assert.deepEqual(spansWith(line, COMMENT), [[0, line.text.length]], line.text);
      }
      for (const t of tokensWithText(doc, '//')) assert.ok(t.scopes.includes('punctuation.definition.comment.gongwen'));
      assert.deepEqual(spansWith(doc[3], COMMENT), []);
    });

    it('quotations and book titles', async () => {
      const doc = await tokenize('正文。\n强调“四个意识”和‘两个维护’，学习《关于〈XX条例〉的说明》。\n');
      assertScope(doc, '四个意识', 'string.quoted.double.gongwen');
      assertScope(doc, '两个维护', 'string.quoted.single.gongwen');
      assertScope(doc, '关于', 'entity.name.type.book-title.gongwen');
      assertScope(doc, '条例', 'entity.name.type.book-title.gongwen');
      assertScope(doc, 'XX', PLACEHOLDER);
    });

    it('附件说明 with its numbered continuation lines', async () => {
      const doc = await tokenize('正文。\n\n附件：1.责任清单\n      2.考核办法\n\n县文化和旅游局\n');
      assertScope(doc, '附件', 'keyword.other.attachment.gongwen');
      assertScope(doc, '1.', 'punctuation.definition.list.begin.gongwen');
      assertScope(doc, '2.', 'punctuation.definition.list.begin.gongwen');
      assertScope(doc, '考核办法', 'meta.attachment.gongwen');
      assert.deepEqual(spansWith(doc[5], 'meta.attachment.gongwen'), []);
    });
  });

  describe('long lines', () => {
    it('tokenizes a 100,000-character line', async () => {
      const segment =
        '一是加强XX县“学习‘两个确立’”，召开X次会议，学习《习近平谈治国理政》；二是2023年12月20日完成12.5%任务。' +
        '二、存在问题（一）深化改革。第一，完善制度；';
      const line = segment.repeat(Math.ceil(100_000 / segment.length)).slice(0, 100_000);
      const grammar = await loadGrammar();
      for (const state of [vsctm.INITIAL, grammar.tokenizeLine('正文。', vsctm.INITIAL).ruleStack]) {
        const result = grammar.tokenizeLine(line, state);
        assert.equal(result.stoppedEarly, false);
        assert.ok(result.tokens.length > 1000, `${result.tokens.length} tokens`);
        assert.ok(result.tokens[result.tokens.length - 1].endIndex >= line.length);
      }
    });

    it('tokenizes 100,000-character lines built to provoke backtracking', async () => {
      const grammar = await loadGrammar();
      const lines = [
        ' '.repeat(100_000),
        '\u3000'.repeat(99_998) + '报告',
        '“'.repeat(100_000),
        '《'.repeat(100_000),
        'X'.repeat(99_999) + 'b',
        '〇'.repeat(99_999) + '年',
        '1'.repeat(99_999) + 'a',
        '，一是好'.repeat(25_000),
        '。二、好'.repeat(25_000),
        '【'.repeat(100_000),
      ];
      for (const line of lines) {
        const result = grammar.tokenizeLine(line, vsctm.INITIAL);
        assert.equal(result.stoppedEarly, false);
        assert.ok(result.tokens.length > 0);
      }
    });
  });
});
