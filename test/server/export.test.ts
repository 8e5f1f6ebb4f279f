/**
 * Export and import through the built bundles: the gongwen/exportDocx and gongwen/importDocx requests of the
 * language server over stdio, and `gongwen export` / `gongwen import` — same bytes, Chinese errors, exit 2 on
 * failure, never replacing a file without --force and never leaving half a file.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { EXPORT_DOCX_REQUEST, IMPORT_DOCX_REQUEST, type ExportDocxResult, type ImportDocxResult } from '../../server/src/protocol';
import { all, attr, bodyParagraphs, kid, paragraphText, readDocx } from '../unit/exportXml';
import { CLI, open, pull, REPO_ROOT, startServer, type TestServer } from './lspClient';

const SAMPLE = join(REPO_ROOT, 'samples/report-2023.gw');
const sampleText = readFileSync(SAMPLE, 'utf8');
/** The sample as the exported document carries it: comment lines left out (the last one, after a blank line). */
const withoutComments = (text: string): string =>
  text.split('\n').filter((l) => !l.startsWith('//')).join('\n').replace(/\n+$/, '\n');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The parts that carry the layout (docProps/core.xml holds the creation time). */
const layoutParts = (bytes: Uint8Array) => {
  const d = readDocx(bytes);
  return ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/footer1.xml', 'word/footer2.xml'].map((n) => d.text(n));
};

describe('export over LSP (gongwen/exportDocx, gongwen/importDocx)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('builds the .docx of the open document and counts what is unfinished', async () => {
    const uri = 'file:///tmp/gongwen-export/report.gw';
    await open(server, uri, sampleText);
    const r = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri })) as ExportDocxResult;
    const d = readDocx(Buffer.from(r.data, 'base64'));
    assert.equal(paragraphText(bodyParagraphs(d)[1]), '关于2023年度意识形态工作情况的报告');
    const diags = await pull(server, uri);
    const placeholders = diags.filter((x) => x.code === 'placeholder/unfilled');
    assert.equal(r.placeholders, placeholders.length);
    assert.ok(r.placeholders > 0);
    assert.equal(r.errors, diags.filter((x) => x.code !== 'placeholder/unfilled' && x.severity === 1).length);
    assert.deepEqual({ line: r.first!.line, character: r.first!.character }, placeholders.map((p) => p.range.start).sort((a, b) => a.line - b.line || a.character - b.character)[0]);
    assert.equal(r.title, '中共XX县文化和旅游局党组关于2023年度意识形态工作情况的报告');
  });

  it('exports the current version after an edit', async () => {
    const uri = 'file:///tmp/gongwen-export/edited.gw';
    await open(server, uri, '关于工作情况的报告\n\n一、工作开展情况\n开展学习12次。\n');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '关于工作情况的报告\n\n一、工作开展情况\n开展学习20次。\n' }],
    });
    const r = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri })) as ExportDocxResult;
    assert.ok(readDocx(Buffer.from(r.data, 'base64')).text('word/document.xml').includes('开展学习20次。'));
    assert.deepEqual([r.placeholders, r.errors, r.first], [0, 0, undefined]);
  });

  it('gives the same layout as the CLI for the same report', async () => {
    const uri = pathToFileURL(SAMPLE).toString();
    await open(server, uri, sampleText);
    const r = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri })) as ExportDocxResult;
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-same-'));
    const out = join(dir, 'cli.docx');
    assert.equal(cli('export', SAMPLE, '-o', out).code, 0);
    assert.deepEqual(layoutParts(Buffer.from(r.data, 'base64')), layoutParts(readFileSync(out)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a report that is not open from disk', async () => {
    const r = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri: pathToFileURL(join(REPO_ROOT, 'test/fixtures/samples/001_028c584844040bc1.txt')).toString() })) as ExportDocxResult;
    assert.match(readDocx(Buffer.from(r.data, 'base64')).text('word/document.xml'), /县退役军人事务局关于2022年意识形态工作情况的报告/);
  });

  it('an unknown document is a Chinese error', async () => {
    await assert.rejects(server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri: 'file:///no/such/report.gw' }), /无法读取.*文件不存在/);
    await assert.rejects(server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri: 'untitled:Untitled-9' }), /找不到要导出的文档/);
  });

  it('uses the gongwen.export settings; a bad value is named once in Chinese and the default used', async () => {
    server.settings = { export: { grid: 'portable', signature: 'unsealed', font: { body: '仿宋', heading1: '' } } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///tmp/gongwen-export/settings.gw';
    await open(server, uri, sampleText);
    const r = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri })) as ExportDocxResult;
    const d = readDocx(Buffer.from(r.data, 'base64'));
    const grid = kid(all(d.xml('word/document.xml'), 'sectPr')[0], 'docGrid');
    assert.equal(attr(grid, 'type'), null);
    assert.ok(d.text('word/styles.xml').includes('w:eastAsia="仿宋"'));
    assert.ok(d.text('word/styles.xml').includes('w:eastAsia="黑体"'));
    for (let i = 0; i < 50 && !server.messages.some((m) => m.includes('gongwen.export.font.heading1')); i++) await new Promise((res) => setTimeout(res, 20));
    assert.ok(server.messages.some((m) => m.includes('gongwen.export.font.heading1') && m.includes('一级标题字体')), server.messages.join('\n'));
    server.settings = {};
  });

  it('imports .docx bytes as report text, and says what a broken file is', async () => {
    const uri = 'file:///tmp/gongwen-export/round.gw';
    await open(server, uri, sampleText);
    const exported = (await server.connection.sendRequest(EXPORT_DOCX_REQUEST, { uri })) as ExportDocxResult;
    const r = (await server.connection.sendRequest(IMPORT_DOCX_REQUEST, { data: exported.data })) as ImportDocxResult;
    assert.ok(r.ok);
    assert.equal(r.text, withoutComments(sampleText));
    const bad = (await server.connection.sendRequest(IMPORT_DOCX_REQUEST, { data: Buffer.from('不是文件').toString('base64') })) as ImportDocxResult;
    assert.deepEqual(bad, { ok: false, error: '这不是 Word 文档（.docx）。' });
  });
});

describe('gongwen export / gongwen import (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-export-cli-'));
  });
  afterEach(() => {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const copySample = (name = '报告.gw') => {
    const p = join(dir, name);
    writeFileSync(p, sampleText);
    return p;
  };
  const noTemps = () => assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.tmp-')), []);

  it('writes 报告.docx next to the report by default and warns about placeholders on stderr', () => {
    const input = copySample();
    const r = cli('export', input);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /已导出：.*报告\.docx（[\d.]+ KB）/);
    assert.match(r.stderr, /警告：报告中还有 4 处占位符未填写，第一处在 .*报告\.gw:1:3/);
    const d = readDocx(readFileSync(join(dir, '报告.docx')));
    assert.equal(paragraphText(bodyParagraphs(d)[0]), '中共XX县文化和旅游局党组');
    noTemps();
  });

  it('refuses to replace an existing file without --force (the file stays as it was); --force replaces it', () => {
    const input = copySample();
    const out = join(dir, 'out.docx');
    writeFileSync(out, 'old contents');
    const r = cli('export', input, '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /out\.docx 已存在，未覆盖。如需替换，请加 --force。/);
    assert.equal(readFileSync(out, 'utf8'), 'old contents');
    const f = cli('export', input, '-o', out, '--force');
    assert.equal(f.code, 0, f.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
    noTemps();
  });

  it('a folder that cannot be written, a missing folder, a folder in the way: exit 2, Chinese message with the path, nothing written', () => {
    const input = copySample();
    const missing = join(dir, '没有', 'x.docx');
    const r1 = cli('export', input, '-o', missing);
    assert.equal(r1.code, 2);
    assert.ok(r1.stderr.includes(missing) && r1.stderr.includes('文件夹不存在'), r1.stderr);
    mkdirSync(join(dir, 'd.docx'));
    assert.equal(cli('export', input, '-o', join(dir, 'd.docx'), '--force').code, 2);
    // Unwritable: a read-only folder (root ignores modes, so it uses /sys, which refuses new files).
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'a.docx'), 'old');
    chmodSync(locked, 0o555);
    const target = process.getuid?.() === 0 ? '/sys/gongwen-test.docx' : join(locked, 'a.docx');
    const r3 = cli('export', input, '-o', target, '--force');
    chmodSync(locked, 0o755);
    assert.equal(r3.code, 2, r3.stdout);
    assert.ok(r3.stderr.includes(target) && /权限|只读/.test(r3.stderr), r3.stderr);
    assert.equal(readFileSync(join(locked, 'a.docx'), 'utf8'), 'old');
    assert.ok(!existsSync('/sys/gongwen-test.docx'));
    noTemps();
  });

  it('usage errors and unreadable input: exit 2 in Chinese', () => {
    assert.equal(cli('export').code, 2);
    const bad = cli('export', copySample(), '--grid', 'tight');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--grid.*tight/);
    const missing = cli('export', join(dir, 'none.gw'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /文件不存在/);
  });

  it('options: portable grid, unsealed signature, fonts', () => {
    const input = copySample();
    const out = join(dir, 'p.docx');
    assert.equal(cli('export', input, '-o', out, '--grid', 'portable', '--signature', 'unsealed', '--body-font', '仿宋').code, 0);
    const d = readDocx(readFileSync(out));
    assert.equal(attr(kid(all(d.xml('word/document.xml'), 'sectPr')[0], 'docGrid'), 'type'), null);
    assert.ok(d.text('word/styles.xml').includes('w:eastAsia="仿宋"'));
  });

  it('import writes 报告.gw with numbering as text, warns about tables, refuses to overwrite, prints with -o -', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('关于工作情况的报告')] }),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('数据')] })] })] }),
            new Paragraph({ children: [new TextRun('一、工作开展情况')] }),
          ],
        },
      ],
    });
    const input = join(dir, '报告.docx');
    writeFileSync(input, new Uint8Array(await Packer.toArrayBuffer(doc)));
    const r = cli('import', input);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /警告：表格 1 个未能导入为文字/);
    assert.equal(readFileSync(join(dir, '报告.gw'), 'utf8'), '关于工作情况的报告\n// [表格已略去]\n一、工作开展情况\n');
    const again = cli('import', input);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已存在，未覆盖/);
    const printed = cli('import', input, '-o', '-');
    assert.equal(printed.stdout, '关于工作情况的报告\n// [表格已略去]\n一、工作开展情况\n');
    const notWord = join(dir, 'x.docx');
    writeFileSync(notWord, 'plain text');
    const bad = cli('import', notWord, '-o', '-');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /不是 Word 文档/);
  });

  it('export then import gives the report back (CLI round trip)', () => {
    const input = copySample();
    assert.equal(cli('export', input).code, 0);
    const back = cli('import', join(dir, '报告.docx'), '-o', '-');
    assert.equal(back.stdout, withoutComments(sampleText));
  });
});
