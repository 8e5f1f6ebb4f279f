/** Quick fixes, fix-all and renumbering through the protocol, applied as an editor would apply them. */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { open, pull, startServer, type Diag, type TestServer } from './lspClient';

const URI = 'file:///tmp/gongwen-test/actions.gw';
const REPORT = [
  '关于2023年度意识形态工作情况的报告',
  '',
  '今年以来，我局认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、工作开展情况',
  '（一）压紧压实主体责任。正文。',
  '（二）加强理论武装。正文。',
  '（二）守好宣传阵地。正文。',
  '二、存在问题',
  '一是学习不深。三是宣传不足。',
  '三、下一步打算',
  '持续加强理论武装。',
].join('\n');

type Edit = { range: Diag['range']; newText: string };
type Action = { title: string; kind: string; isPreferred?: boolean; diagnostics?: Diag[]; edit?: { documentChanges: { edits: Edit[] }[] } };

function apply(text: string, action: Action): string {
  const doc = TextDocument.create(URI, 'gongwen', 1, text);
  const edits = action.edit!.documentChanges.flatMap((c) => c.edits);
  return TextDocument.applyEdits(doc, edits);
}

async function actionsAt(server: TestServer, range: Diag['range'], diagnostics: Diag[], only?: string[]): Promise<Action[]> {
  return (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  })) as Action[];
}

describe('code actions over the protocol', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
    await open(server, URI, REPORT);
  });
  afterEach(() => server.stop());

  it('offers the renumbering quick fix for a duplicate heading number, and it renumbers the level', async () => {
    const diags = await pull(server, URI);
    const dup = diags.find((d) => d.code === 'numbering/duplicate')!;
    assert.ok(dup, JSON.stringify(diags));
    assert.equal(dup.range.start.line, 6);
    const actions = await actionsAt(server, dup.range, [dup]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'numbering/duplicate'))!;
    assert.ok(fix.isPreferred);
    assert.match(fix.title, /重新编号/);
    const fixed = apply(REPORT, fix).split('\n');
    assert.deepEqual(fixed.slice(4, 7), ['（一）压紧压实主体责任。正文。', '（二）加强理论武装。正文。', '（三）守好宣传阵地。正文。']);
    assert.deepEqual(fixed.filter((_, i) => i < 4 || i > 6), REPORT.split('\n').filter((_, i) => i < 4 || i > 6), 'nothing else moved');
  });

  it('renumbers a run-in item gap', async () => {
    const diags = await pull(server, URI);
    const gap = diags.find((d) => d.code === 'numbering/run-in-sequence')!;
    const [fix] = (await actionsAt(server, gap.range, [gap])).filter((a) => a.kind === 'quickfix');
    assert.equal(apply(REPORT, fix).split('\n')[8], '一是学习不深。二是宣传不足。');
  });

  it('source.fixAll.gongwen fixes everything fixable, and a second request finds nothing left', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } };
    const [fixAll] = await actionsAt(server, whole, [], ['source.fixAll']);
    assert.equal(fixAll.kind, 'source.fixAll.gongwen');
    const fixed = apply(REPORT, fixAll);
    assert.match(fixed, /（三）守好宣传阵地/);
    assert.match(fixed, /二是宣传不足/);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(await actionsAt(server, whole, [], ['source.fixAll']), []);
    const left = (await pull(server, URI)).filter((d) => ['numbering/duplicate', 'numbering/run-in-sequence'].includes(d.code));
    assert.deepEqual(left, []);
  });

  it('the renumber command asks the editor to apply the renumbering', async () => {
    await server.connection.sendRequest('workspace/executeCommand', { command: 'gongwen.server.renumber', arguments: [URI] });
    assert.equal(server.appliedEdits.length, 1);
    const edit = server.appliedEdits[0] as { edit: Action['edit'] };
    assert.match(apply(REPORT, { title: '', kind: '', edit: edit.edit }), /（三）守好宣传阵地/);
  });

  it('inserts a missing standard part with its heading numbered in sequence', async () => {
    const text = ['关于2023年工作情况的报告', '', '现将有关情况报告如下：', '一、工作开展情况', '正文。', '二、下一步打算', '正文。'].join('\n');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text }] });
    const d = (await pull(server, URI)).find((x) => x.code === 'structure/missing-part')!;
    assert.match(d.message, /存在问题/);
    const [fix] = (await actionsAt(server, d.range, [d])).filter((a) => a.kind === 'quickfix' && a.title.includes('插入'));
    assert.deepEqual(apply(text, fix).split('\n').slice(3), ['一、工作开展情况', '正文。', '二、存在的问题', '【待补充】', '三、下一步打算', '正文。']);
  });

  it('offers “忽略此处” for any finding, which writes a suppression comment that silences it', async () => {
    const text = '一、情况\n开展活动XX次。\n';
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text }] });
    const d = (await pull(server, URI)).find((x) => x.code === 'placeholder/unfilled')!;
    const actions = await actionsAt(server, d.range, [d]);
    const ignore = actions.find((a) => a.title.startsWith('忽略此处'))!;
    const ignored = apply(text, ignore);
    assert.equal(ignored, '一、情况\n// gongwen-disable-next-line placeholder/unfilled\n开展活动XX次。\n');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: ignored }] });
    assert.deepEqual((await pull(server, URI)).filter((x) => x.code === 'placeholder/unfilled'), []);
    const off = actions.find((a) => a.title.startsWith('关闭规则')) as Action & { command?: { command: string; arguments: unknown[] } };
    assert.deepEqual(off.command, { title: '关闭此规则', command: 'gongwen.disableRule', arguments: ['placeholder/unfilled', URI] });
  });

  it('expands the selection sentence → paragraph → section → document', async () => {
    const [sel] = (await server.connection.sendRequest('textDocument/selectionRange', {
      textDocument: { uri: URI },
      positions: [{ line: 4, character: 14 }],
    })) as { range: Diag['range']; parent?: unknown }[];
    const chain: string[] = [];
    const lines = REPORT.split('\n');
    const doc = TextDocument.create(URI, 'gongwen', 1, REPORT);
    for (let s: any = sel; s; s = s.parent) chain.push(doc.getText(s.range));
    assert.equal(chain[0], '正文。');
    assert.equal(chain[1], lines[4]);
    assert.equal(chain[chain.length - 1], REPORT);
    assert.ok(chain.some((c) => c.startsWith('一、工作开展情况') && c.endsWith('（二）守好宣传阵地。正文。')));
  });
});
