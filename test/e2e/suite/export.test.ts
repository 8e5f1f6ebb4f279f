// “导出为 Word” and “从 Word 导入” in the real workbench: the commands write a valid .docx next to the report and a
// .gw next to a .docx, an existing file triggers the replace prompt and stays untouched when it is declined, a
// failed write leaves the old file intact, and “转到第一处” goes to the first placeholder. The commands' test
// options skip the native dialogs (a target, or the default next to the report) and answer the prompts; the
// prompt path itself is taken and reported in the result's `prompts`.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { strFromU8, unzipSync } from 'fflate';
import { isPlaceholder, open, scratchCopy, waitForDiagnostics, workspaceUri } from './helpers';

interface ExportResult {
  status: string;
  target?: string;
  prompts: string[];
  placeholders?: number;
  errors?: number;
  message?: string;
}

const read = async (uri: vscode.Uri) => vscode.workspace.fs.readFile(uri);
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']);

async function siblings(uri: vscode.Uri): Promise<string[]> {
  const folder = vscode.Uri.joinPath(uri, '..');
  return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
}

/** Opens a fresh copy of the e2e report (two placeholders) and waits until the server has checked it. */
async function report(name: string): Promise<vscode.TextDocument> {
  const doc = await open(await scratchCopy('report.gw', name));
  await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length === 2, 'the two placeholders');
  return doc;
}

suite('gongwen e2e: export to Word / import from Word', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the export command writes a valid .docx next to the report, after the placeholder prompt', async () => {
    const doc = await report('export-a.gw');
    const result = await vscode.commands.executeCommand<ExportResult>('gongwen.exportDocx', doc.uri, { noDialog: true, answers: { problems: '仍然导出' } });
    assert.strictEqual(result.status, 'written', JSON.stringify(result));
    assert.deepStrictEqual(result.prompts, ['problems']);
    assert.strictEqual(result.placeholders, 2);
    const target = workspaceUri('export-a.docx');
    assert.strictEqual(result.target, target.toString());
    const xml = documentXml(await read(target));
    assert.ok(xml.includes('XX县文化和旅游局2024年度意识形态工作情况报告'));
    assert.ok(xml.includes('w:val="GwHeading1"') && xml.includes('w:lineRule="exact"'));
    assert.deepStrictEqual((await siblings(target)).filter((n) => n.includes('.tmp-')), []);
  });

  test('an existing file triggers the replace prompt and is not overwritten when it is declined', async () => {
    const doc = await report('export-b.gw');
    const target = workspaceUri('export-b.docx');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('old contents'));
    const declined = await vscode.commands.executeCommand<ExportResult>('gongwen.exportDocx', doc.uri, {
      noDialog: true,
      answers: { problems: '仍然导出', overwrite: undefined },
    });
    assert.strictEqual(declined.status, 'cancelled');
    assert.deepStrictEqual(declined.prompts, ['problems', 'overwrite']);
    assert.strictEqual(new TextDecoder().decode(await read(target)), 'old contents');

    const replaced = await vscode.commands.executeCommand<ExportResult>('gongwen.exportDocx', doc.uri, {
      noDialog: true,
      answers: { problems: '仍然导出', overwrite: '替换' },
    });
    assert.strictEqual(replaced.status, 'written');
    assert.ok(documentXml(await read(target)).includes('守好阵地管理'));
  });

  test('a failed write leaves the old file as it was and no temporary file behind', async () => {
    const doc = await report('export-c.gw');
    const target = workspaceUri('export-c.docx');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('old contents'));
    const failed = await vscode.commands.executeCommand<ExportResult>('gongwen.exportDocx', doc.uri, {
      target,
      failAfterTemp: true,
      answers: { problems: '仍然导出', overwrite: '替换' },
    });
    assert.strictEqual(failed.status, 'failed');
    assert.match(failed.message ?? '', /无法写入 .*export-c\.docx/);
    assert.strictEqual(new TextDecoder().decode(await read(target)), 'old contents');
    assert.deepStrictEqual((await siblings(target)).filter((n) => n.includes('.tmp-')), []);
  });

  test('“转到第一处” goes to the first placeholder and writes nothing', async () => {
    const doc = await report('export-d.gw');
    const result = await vscode.commands.executeCommand<ExportResult>('gongwen.exportDocx', doc.uri, { noDialog: true, answers: { problems: '转到第一处' } });
    assert.strictEqual(result.status, 'went-to-problem');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), doc.uri.toString());
    const first = vscode.languages.getDiagnostics(doc.uri).filter(isPlaceholder).sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    assert.ok(editor.selection.active.isEqual(first.range.start), `${editor.selection.active.line}:${editor.selection.active.character}`);
    assert.ok(!(await siblings(doc.uri)).includes('export-d.docx'));
  });

  test('the import command turns the .docx back into the report text and opens it', async () => {
    const doc = await report('export-e.gw');
    await vscode.commands.executeCommand('gongwen.exportDocx', doc.uri, { noDialog: true, answers: { problems: '仍然导出' } });
    const target = workspaceUri('imported-e.gw');
    const result = await vscode.commands.executeCommand<{ status: string; prompts: string[]; tables: number }>('gongwen.importDocx', workspaceUri('export-e.docx'), { target });
    assert.strictEqual(result.status, 'written', JSON.stringify(result));
    assert.strictEqual(result.tables, 0);
    const text = new TextDecoder().decode(await read(target));
    const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.deepStrictEqual(lines(text), lines(doc.getText()));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, 'gongwen');

    // importing again: the .gw exists, the prompt is declined, the file stays
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('我的修改'));
    const again = await vscode.commands.executeCommand<{ status: string; prompts: string[] }>('gongwen.importDocx', workspaceUri('export-e.docx'), { target, answers: { overwrite: undefined } });
    assert.strictEqual(again.status, 'cancelled');
    assert.deepStrictEqual(again.prompts, ['overwrite']);
    assert.strictEqual(new TextDecoder().decode(await read(target)), '我的修改');
  });

  test('the commands are registered and contributed to the editor title and the Explorer menus', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('gongwen.exportDocx') && commands.includes('gongwen.importDocx'));
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gongwen');
    const menus = ext?.packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    assert.ok(menus['editor/title'].some((m) => m.command === 'gongwen.exportDocx' && m.when?.includes('gongwen')));
    assert.ok(menus['explorer/context'].some((m) => m.command === 'gongwen.exportDocx' && m.when?.includes('.gw')));
    assert.ok(menus['explorer/context'].some((m) => m.command === 'gongwen.importDocx' && m.when?.includes('.docx')));
  });
});
