/**
 * Huge and hostile input over the protocol: the built server keeps answering, checks less on documents too large
 * to check in full (server/src/lsp/limits.ts) and says so once, and survives broken settings and dictionaries.
 * Nothing here is timed (the benchmark measures): order of answers and content only.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { buildCorpus } from '../bench/corpus';
import { change, open, pull, startServer, type Diag, type TestServer } from './lspClient';

const SMALL = 'file:///tmp/gongwen-robust/small.gw';
const SMALL_TEXT = ['关于2023年度意识形态工作情况的报告', '县委宣传部：', '现将有关情况报告如下：', '一、工作开展情况', '全年开展活动XX次。', '二、存在的问题', '学习不够深入。', '三、下一步工作打算', '持续加强理论武装。'].join('\n');

/** A deterministic pseudo-random generator (mulberry32), so the garbage is the same in every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const symbolsOf = (server: TestServer, uri: string): Promise<unknown[]> =>
  server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<unknown[]>;

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(cond(), what);
}

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

describe('huge and hostile documents over the protocol', function () {
  this.timeout(120_000);
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('a 10 MB document: placeholders only, told once in Chinese, and a small document is answered while it is checked', async () => {
    let big = buildCorpus(3_600_000, 'lines').text;
    big = 'XX' + big;
    assert.ok(Buffer.byteLength(big) > 10_000_000, 'the document is larger than 10 MB');
    const BIG = 'file:///tmp/gongwen-robust/big.gw';
    await open(server, BIG, big);
    await open(server, SMALL, SMALL_TEXT);
    const order: string[] = [];
    const bigPull = pull(server, BIG).then((d) => {
      order.push('big');
      return d;
    });
    const smallSymbols = symbolsOf(server, SMALL).then((s) => {
      order.push('small');
      return s;
    });
    const [diags, symbols] = await Promise.all([bigPull, smallSymbols]);
    assert.deepEqual(order, ['small', 'big'], 'the small document was answered before the 10 MB check finished');
    assert.equal(symbols.length, 1);
    assert.ok(diags.length > 100, `placeholders found: ${diags.length}`);
    assert.ok(diags.every((d) => d.code === 'placeholder/unfilled'), 'only placeholders are checked');
    assert.deepEqual(diags[0].range.start, { line: 0, character: 0 });
    const told = server.messages.filter((m) => m.includes('文档过大'));
    assert.equal(told.length, 1, server.messages.join('\n'));
    assert.match(told[0], /^公文助手：文档过大（\d+\.\d MB），只检查占位符/);
    // No outline, folding or formatting for it; editing it does not repeat the message.
    assert.deepEqual(await symbolsOf(server, BIG), []);
    assert.deepEqual(await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri: BIG }, options: { tabSize: 2, insertSpaces: true } }), []);
    await change(server, BIG, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '全年' }]);
    const after = await pull(server, BIG);
    assert.equal(after.length, diags.length - 1, 'the filled-in placeholder is gone');
    assert.equal(server.messages.filter((m) => m.includes('文档过大')).length, 1, 'told once per document');
  });

  it('one 1 MB line: parsed, the cheap rules only, told why', async () => {
    const line = buildCorpus(360_000, 'one-line').text;
    assert.ok(Buffer.byteLength(line) > 1_000_000 && !line.includes('\n'));
    const URI = 'file:///tmp/gongwen-robust/one-line.gw';
    await open(server, URI, line);
    const diags = await pull(server, URI);
    assert.ok(diags.length > 0);
    assert.ok(diags.every((d) => /^(placeholder|numbering|structure)\//.test(d.code)), [...new Set(diags.map((d) => d.code))].join(' '));
    await until('the reduced-check message', () => server.messages.some((m) => m.includes('超长的行')));
    assert.ok((await symbolsOf(server, URI)).length > 0, 'the outline still works');
  });

  it('binary garbage, unpaired surrogates and control characters: checked, every range inside the document', async () => {
    const next = random(7);
    const parts: string[] = [];
    for (let i = 0; i < 20; i++) parts.push(String.fromCharCode(...Array.from({ length: 10_000 }, () => Math.floor(next() * 0x10000))));
    const garbage = parts.join('');
    const hostile = ('\ud800XX\u0000一、标题\u001b\u007f（\udc00）\u2028\u200b\ufeff\r\r\n' + '\udbff\ud800' + '“”"\'（（((').repeat(2000);
    for (const [i, text] of [garbage, hostile].entries()) {
      const uri = `file:///tmp/gongwen-robust/hostile-${i}.gw`;
      await open(server, uri, text);
      const diags = await pull(server, uri);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of diags) {
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line}`);
          assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} on line ${p.line}`);
        }
      }
      if (i === 1) assert.ok(diags.some((d) => d.code === 'placeholder/unfilled'));
    }
    await open(server, SMALL, SMALL_TEXT);
    assert.equal((await symbolsOf(server, SMALL)).length, 1, 'still answering');
  });

  it('10,000 nested brackets (full-width and half-width)', async () => {
    for (const [i, [open_, close]] of [['（', '）'], ['(', ')'], ['“', '”'], ['《', '》']].entries()) {
      const uri = `file:///tmp/gongwen-robust/nested-${i}.gw`;
      await open(server, uri, `一、标题\n${open_.repeat(10_000)}全年开展活动XX次${close.repeat(10_000)}`);
      const diags = await pull(server, uri);
      assert.ok(diags.some((d) => d.code === 'placeholder/unfilled'), `${open_}: ${[...new Set(diags.map((d) => d.code))].join(' ')}`);
    }
    await open(server, SMALL, SMALL_TEXT);
    assert.equal((await symbolsOf(server, SMALL)).length, 1, 'still answering');
  });

  it('a document above the full-check limit is parsed and checked in part; one below it in full', async () => {
    const medium = buildCorpus(600_000, 'lines').text;
    const URI = 'file:///tmp/gongwen-robust/medium.gw';
    await open(server, URI, medium);
    const diags = await pull(server, URI);
    assert.ok(diags.every((d) => /^(placeholder|numbering|structure)\//.test(d.code)));
    await until('the reduced-check message', () => server.messages.some((m) => m.includes('文档较大')));
    assert.match(server.messages.find((m) => m.includes('文档较大'))!, /^公文助手：文档较大（\d+\.\d MB），只检查占位符、标题序号和结构/);
    await open(server, SMALL, SMALL_TEXT);
    await pull(server, SMALL);
    assert.equal(server.messages.filter((m) => m.includes('文档')).length, 1, 'nothing said about a normal document');
  });

  it('typing back and forth across the limit says so once', async () => {
    const URI = 'file:///tmp/gongwen-robust/at-the-limit.gw';
    const text = buildCorpus(500_000, 'lines').text; // exactly at the full-check limit
    await open(server, URI, text);
    await pull(server, URI);
    const end = text.split('\n').length - 1;
    const lastLine = text.split('\n')[end].length;
    for (let v = 2; v < 8; v++) {
      const typed = v % 2 === 0;
      await change(server, URI, v, [
        typed
          ? { range: { start: { line: end, character: lastLine }, end: { line: end, character: lastLine } }, text: '。' }
          : { range: { start: { line: end, character: lastLine }, end: { line: end, character: lastLine + 1 } }, text: '' },
      ]);
      const diags = await pull(server, URI);
      if (typed) assert.ok(diags.every((d) => /^(placeholder|numbering|structure)\//.test(d.code)), 'reduced above the limit');
    }
    await until('the message', () => server.messages.some((m) => m.includes('文档较大')));
    assert.equal(server.messages.filter((m) => m.includes('文档较大')).length, 1, server.messages.join('\n'));
  });
});

describe('hostile configuration over the protocol', function () {
  this.timeout(120_000);
  let server: TestServer;
  let dir: string;
  beforeEach(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'gongwen-robust-'));
  });
  afterEach(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const placeholders = (ds: Diag[]): Diag[] => ds.filter((d) => d.code === 'placeholder/unfilled');

  it('settings of the wrong type everywhere: Chinese warnings, defaults kept, checking goes on', async () => {
    server.settings = {
      enable: 'yes',
      checkPlainText: 7,
      rules: ['placeholder/unfilled'],
      dictionaries: { a: 1 },
      export: 'pdf',
      trace: { server: 42 },
    };
    await open(server, SMALL, SMALL_TEXT);
    assert.equal(placeholders(await pull(server, SMALL)).length, 1, 'defaults: enabled, the placeholder is an error');
    await until('warnings', () => server.messages.length >= 3);
    assert.ok(server.messages.every(hasChinese), server.messages.join('\n'));
    assert.ok(server.messages.some((m) => m.includes('gongwen.enable')));
    assert.ok(server.messages.some((m) => m.includes('gongwen.rules')));
    assert.ok(server.messages.some((m) => m.includes('gongwen.dictionaries')));
    // A rules object with nonsense values and unknown rules.
    server.settings = { rules: { 'placeholder/unfilled': { level: 'off' }, 'no/rule': 'error', 'numbering/gap': null } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(placeholders(await pull(server, SMALL))[0]?.severity, 1);
  });

  it('a client that refuses window/showMessageRequest does not bring the server down', async () => {
    server.connection.onRequest('window/showMessageRequest', () => {
      throw new ResponseError(-32601, 'window/showMessageRequest is not supported');
    });
    server.settings = { enable: 'yes' };
    await open(server, SMALL, SMALL_TEXT);
    assert.equal(placeholders(await pull(server, SMALL)).length, 1);
    await new Promise((r) => setTimeout(r, 200)); // the refused message's answer arrives and is rejected
    assert.equal(server.process.exitCode, null, 'still running');
    assert.equal(placeholders(await pull(server, SMALL)).length, 1);
    assert.equal((await symbolsOf(server, SMALL)).length, 1);
  });

  it('dictionaries with catastrophic and unsupported patterns: a Chinese error for what is rejected, nothing hangs', async () => {
    mkdirSync(join(dir, '.gongwen'));
    writeFileSync(
      join(dir, '.gongwen', 'bad.yml'),
      [
        'version: 1',
        'rules:',
        "  - expected: 甲",
        "    patterns: ['/(a+)+b/', '/(a|a)*b/', '/(.*a){20}b/', '/(?:a|aa)+b/']",
        "  - expected: 乙",
        "    patterns: ['/(a)\\1/', '/(?=a)b/']",
        "  - expected: 部署",
        "    patterns: [布署]",
      ].join('\n'),
    );
    const uri = pathToFileURL(join(dir, 'report.gw')).href;
    await open(server, uri, `${SMALL_TEXT}\n${'a'.repeat(50_000)}!\n统一布署。`);
    const diags = await pull(server, uri);
    assert.equal(placeholders(diags).length, 1);
    assert.ok(diags.some((d) => d.message.includes('部署')), 'the good entry of the same file is used');
    await until('a warning about the rejected pattern', () => server.messages.some((m) => m.includes('bad.yml')));
    const warning = server.messages.find((m) => m.includes('bad.yml'))!;
    assert.ok(hasChinese(warning) && /第 \d+ 行/.test(warning), warning);
  });

  it('a dictionary of 50,000 entries is used; more are cut off with a Chinese warning', async () => {
    mkdirSync(join(dir, '.gongwen'));
    const entries = (n: number): string => ['version: 1', 'rules:', ...Array.from({ length: n }, (_, i) => `  - { expected: 正确${i}号, patterns: [错误${i}号] }`)].join('\n');
    writeFileSync(join(dir, '.gongwen', 'big.yml'), entries(50_001));
    const uri = pathToFileURL(join(dir, 'report.gw')).href;
    await open(server, uri, `${SMALL_TEXT}\n错误0号和错误49999号都写错了，错误50000号不在词典里。`);
    const diags = await pull(server, uri);
    const messages = diags.map((d) => d.message).join('\n');
    assert.ok(messages.includes('正确0号') && messages.includes('正确49999号'), messages);
    assert.ok(!messages.includes('正确50000号'));
    await until('the cut-off warning', () => server.messages.some((m) => m.includes('条目过多')));
    assert.equal(placeholders(diags).length, 1, 'the shipped rules still work');
  });
});
