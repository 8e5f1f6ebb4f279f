/** Writing assistance over the protocol: completion, hover, formatting, statistics, inserting a missing part. */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { open, startServer, type TestServer } from './lspClient';

const URI = 'file:///tmp/gongwen-test/assist.gw';
const REPORT = [
  '关于2023年度意识形态工作情况的报告', // 0
  '',
  '县委宣传部：', // 2
  '今年以来，我局认真落实意识形态工作责任制。现将有关情况报告如下：', // 3
  '一、工作开展情况', // 4
  '（一）压紧压实主体责任。局党组增强“四个意识”，全年召开会议XX次。', // 5
  '（二）加强理论武装。一是开展集中学习。二是组织专题研讨。', // 6
  '', // 7
  '三、下一步工作打算', // 8
  '持续深化理论武装。', // 9
].join('\n');

type Item = { label: string; detail?: string; textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } };

describe('writing assistance over the protocol', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
    await open(server, URI, REPORT);
  });
  afterEach(() => server.stop());

  const complete = async (line: number, character: number): Promise<Item[]> => {
    const r = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line, character } })) as Item[] | { items: Item[] };
    return Array.isArray(r) ? r : r.items;
  };

  it('completes the next heading numbers on an empty line: the same level, the next level down, the level up', async () => {
    const labels = (await complete(7, 0)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['（三）', '1.', '二、']);
  });

  it('completes standard titles after a level-1 number, the missing part first', async () => {
    const text = REPORT.replace('\n\n三、', '\n二、\n三、');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
    const items = await complete(7, 2);
    assert.equal(items[0].label, '存在的问题');
    assert.deepEqual(items[0].textEdit!.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 2 } });
  });

  it('completes the next run-in item after a sentence end', async () => {
    const items = await complete(6, REPORT.split('\n')[6].length);
    assert.ok(items.some((i) => i.label === '三是'), items.map((i) => i.label).join(','));
  });

  it('completes a standard formulation from its first characters, replacing what was typed', async () => {
    const text = REPORT + '\n坚持习近平新时';
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text }] });
    const items = await complete(10, 7);
    const item = items.find((i) => i.label === '习近平新时代中国特色社会主义思想')!;
    assert.ok(item, items.map((i) => i.label).join(','));
    assert.deepEqual(item.textEdit!.range, { start: { line: 10, character: 2 }, end: { line: 10, character: 7 } });
  });

  it('explains a finding on hover, with its standard', async () => {
    const line = REPORT.split('\n')[5];
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: line.indexOf('XX') + 1 } })) as {
      contents: { kind: string; value: string };
    };
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /占位符未填写/);
    assert.match(h.contents.value, /placeholder\/unfilled/);
    assert.match(h.contents.value, /依据：/);
  });

  it('explains a standard term on hover', async () => {
    const line = REPORT.split('\n')[5];
    const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: line.indexOf('四个意识') + 2 } })) as {
      contents: { value: string };
    };
    assert.match(h.contents.value, /政治意识、大局意识、核心意识、看齐意识/);
  });

  it('Format Document applies only the safe form fixes (heading-number form), not renumbering', async () => {
    const text = ['一.工作开展情况', '（一）加强领导。正文。', '（一）强化责任。正文。'].join('\n');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text }] });
    const edits = (await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as Item['textEdit'][];
    const formatted = TextDocument.applyEdits(TextDocument.create(URI, 'gongwen', 4, text), edits as never);
    assert.equal(formatted, ['一、工作开展情况', '（一）加强领导。正文。', '（一）强化责任。正文。'].join('\n'));
  });

  it('reports statistics: 字数 without punctuation, headings per level, placeholders and problems by family', async () => {
    const s = (await server.connection.sendRequest('gongwen/statistics', { uri: URI })) as Record<string, any>;
    assert.deepEqual(s.headings, [2, 2, 0, 0]);
    assert.equal(s.placeholders, 1);
    assert.equal(s.runInItems, 2);
    const expected = REPORT.replace(/[^\p{L}\p{N}]/gu, '').length;
    assert.equal(s.characters, expected);
    assert.ok(s.byCategory.some((c: { category: string; title: string }) => c.category === 'placeholder' && c.title === '占位符'));
  });

  it('lists the missing standard parts with the edits that insert them in place', async () => {
    const parts = (await server.connection.sendRequest('gongwen/missingParts', { uri: URI })) as { heading: string; title: string; edits: never[] }[];
    assert.deepEqual(parts.map((p) => p.heading), ['二、存在的问题']);
    const after = TextDocument.applyEdits(TextDocument.create(URI, 'gongwen', 1, REPORT), parts[0].edits);
    assert.deepEqual(after.split('\n').slice(7, 11), ['', '二、存在的问题', '【待补充】', '三、下一步工作打算']);
  });
});
