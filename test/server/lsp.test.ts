/** Protocol tests: the built server over stdio, spoken to as an editor would. */
import { strict as assert } from 'node:assert';
import { startServer, open, change, pull, type TestServer } from './lspClient';

const URI = 'file:///tmp/gongwen-test/report.gw';
// 𠮷 is outside the BMP: two UTF-16 code units, so positions after it test UTF-16 counting.
const REPORT = [
  '关于2023年度意识形态工作情况的报告',
  '',
  '县委宣传部：',
  '𠮷年来，我局认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、工作开展情况',
  '（一）加强组织领导。全年召开专题会议XX次。',
  '（二）强化理论武装。开展学习12次。',
  '二、存在问题',
  '一是学习不够深入。二是宣传不够有力。',
  '三、下一步打算',
  '持续加强理论武装。',
].join('\n');

describe('language server over stdio', function () {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('announces incremental sync, pull diagnostics, symbols, folding, selection and code actions', () => {
    const c = server.capabilities as Record<string, any>;
    assert.equal(c.textDocumentSync, 2);
    assert.deepEqual(c.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    assert.ok(c.documentSymbolProvider && c.foldingRangeProvider && c.selectionRangeProvider);
    assert.ok(c.codeActionProvider.codeActionKinds.includes('quickfix'));
    assert.ok(c.codeActionProvider.codeActionKinds.includes('source.fixAll.gongwen'));
  });

  it('pulls diagnostics with rule id, Chinese message and UTF-16 positions', async () => {
    await open(server, URI, REPORT);
    const diags = await pull(server, URI);
    const placeholder = diags.filter((d) => d.code === 'placeholder/unfilled');
    assert.equal(placeholder.length, 1);
    const d = placeholder[0];
    assert.equal(d.source, 'gongwen');
    assert.equal(d.severity, 1);
    assert.match(d.message, /占位符“XX”尚未填写/);
    const line = REPORT.split('\n')[5];
    assert.deepEqual(d.range, { start: { line: 5, character: line.indexOf('XX') }, end: { line: 5, character: line.indexOf('XX') + 2 } });
  });

  it('counts UTF-16 code units after a character outside the BMP', async () => {
    const text = '𠮷XX';
    await open(server, URI, text);
    const [d] = await pull(server, URI);
    assert.deepEqual(d.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } });
  });

  it('follows incremental edits: filling in the placeholder clears the error', async () => {
    await open(server, URI, REPORT);
    const line = REPORT.split('\n')[5];
    const c = line.indexOf('XX');
    await change(server, URI, 2, [{ range: { start: { line: 5, character: c }, end: { line: 5, character: c + 2 } }, text: '6' }]);
    const diags = await pull(server, URI);
    assert.equal(diags.filter((d) => d.code === 'placeholder/unfilled').length, 0);
    await change(server, URI, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'xx' }]);
    const again = await pull(server, URI);
    assert.equal(again.filter((d) => d.code === 'placeholder/unfilled')[0]?.range.start.line, 0);
  });

  it('answers a pull “unchanged” while typing leaves the diagnostics as they were, and in full when it does not', async () => {
    await open(server, URI, REPORT);
    type Report = { kind: string; resultId?: string; items?: { code: string; range: { start: { line: number } } }[] };
    const pullWith = async (previousResultId?: string): Promise<Report> =>
      (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, ...(previousResultId ? { previousResultId } : {}) })) as Report;
    const first = await pullWith();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    // Typing on line 10 (no diagnostics there) moves nothing the editor shows.
    await change(server, URI, 2, [{ range: { start: { line: 10, character: 2 }, end: { line: 10, character: 2 } }, text: '和' }]);
    const same = await pullWith(first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });
    // Without the earlier result id the client gets everything again.
    assert.equal((await pullWith()).kind, 'full');
    // Typing before the placeholder on its line moves its diagnostic: a full answer with a new id.
    await change(server, URI, 3, [{ range: { start: { line: 5, character: 3 }, end: { line: 5, character: 3 } }, text: '的' }]);
    const moved = await pullWith(first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.equal(moved.items!.filter((d) => d.code === 'placeholder/unfilled')[0].range.start.line, 5);
  });

  it('gives a hierarchical outline: title → 一、 → （一）', async () => {
    await open(server, URI, REPORT);
    type Sym = { name: string; children?: Sym[]; selectionRange: { start: { line: number } } };
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as Sym[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, '关于2023年度意识形态工作情况的报告');
    const level1 = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(level1, ['一、工作开展情况', '二、存在问题', '三、下一步打算']);
    const first = symbols[0].children![0];
    assert.deepEqual(first.children!.map((s) => s.name), ['（一）加强组织领导', '（二）强化理论武装']);
    assert.equal(first.selectionRange.start.line, 4);
  });

  it('folds sections', async () => {
    await open(server, URI, REPORT);
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as { startLine: number; endLine: number }[];
    assert.ok(ranges.some((r) => r.startLine === 4 && r.endLine === 6), JSON.stringify(ranges));
  });

  it('pulls settings per document: a rule set to off is not reported, and a change triggers a refresh', async () => {
    await open(server, URI, REPORT);
    assert.equal((await pull(server, URI)).filter((d) => d.code === 'placeholder/unfilled').length, 1);
    server.settings = { rules: { 'placeholder/unfilled': 'off' } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (let i = 0; i < 50 && server.refreshes === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(server.refreshes, 1);
    assert.equal((await pull(server, URI)).filter((d) => d.code === 'placeholder/unfilled').length, 0);
  });

  it('warns in Chinese about a bad setting and keeps the default', async () => {
    server.settings = { rules: { 'placeholder/unfilled': 'loud', 'no/such-rule': 'off' } };
    await open(server, URI, REPORT);
    assert.equal((await pull(server, URI)).filter((d) => d.code === 'placeholder/unfilled')[0].severity, 1);
    for (let i = 0; i < 50 && server.messages.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(server.messages.some((m) => m.includes('loud') && m.includes('无效')), server.messages.join('\n'));
    assert.ok(server.messages.some((m) => m.includes('no/such-rule')), server.messages.join('\n'));
  });

  it('checks plain-text files only when gongwen.checkPlainText is on', async () => {
    const txt = 'file:///tmp/gongwen-test/notes.txt';
    await open(server, txt, '请于X月X日前报送XX材料。', 'plaintext');
    assert.deepEqual(await pull(server, txt), []);
    server.settings = { checkPlainText: true };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await pull(server, txt)).length, 2);
  });
});

describe('language server for editors without pull diagnostics', () => {
  it('pushes diagnostics after open', async () => {
    const server = await startServer({ pullDiagnostics: false });
    try {
      const got = new Promise<{ uri: string; diagnostics: { code: string }[] }>((resolve) =>
        server.connection.onNotification('textDocument/publishDiagnostics', resolve),
      );
      await open(server, URI, '开展活动XX次。');
      const p = await got;
      assert.equal(p.uri, URI);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['placeholder/unfilled']);
    } finally {
      await server.stop();
    }
  });
});
