// The report engine in the real workbench: the Outline of a real sample, the quick fix for a
// duplicate heading number, fix-all on the whole document, and the renumber command.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, flatten, open, REPO, scratchCopy, waitForDiagnostics, workspaceUri, type AnySymbol } from './helpers';

const DUPLICATE = 'numbering/duplicate';
const isDuplicate = (d: vscode.Diagnostic) => d.source === 'gongwen' && codeOf(d) === DUPLICATE;

suite('gongwen e2e: report structure', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the Outline of a real sample shows its title, headings and run-in items', async () => {
    const target = workspaceUri('sample-001.gw');
    await vscode.workspace.fs.writeFile(target, fs.readFileSync(path.join(REPO, 'test/fixtures/samples/001_028c584844040bc1.txt')));
    const doc = await open(target);
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.source === 'gongwen'), 'the server to check the sample');
    const roots = (await vscode.commands.executeCommand<AnySymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) as vscode.DocumentSymbol[];
    assert.deepStrictEqual(roots.map((s) => s.name), ['县退役军人事务局关于2022年意识形态工作情况的报告']);
    const top = roots[0].children.map((s) => s.name);
    assert.deepStrictEqual(top, ['一、工作总体情况', '二、亮点成效', '三、不足之处及改进方向']);
    const first = roots[0].children[0].children.map((s) => s.name);
    assert.deepStrictEqual(first.slice(0, 2), ['1.坚持培根铸魂，强化思想政治建设质量', '2.坚持文化引领，提升精神文明建设水平']);
    assert.ok(flatten(roots).some((s) => s.name === '一是夯实党建引领'), 'run-in items are leaves');
    // selection on the heading line itself
    assert.strictEqual(roots[0].children[1].selectionRange.start.line, 8);
  });

  test('the quick fix for a duplicate heading number renumbers the level', async () => {
    const doc = await open(await scratchCopy('duplicate.gw', 'dup-quickfix.gw'));
    const [dup] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isDuplicate), `a ${DUPLICATE} diagnostic`)).filter(isDuplicate);
    assert.strictEqual(dup.range.start.line, 7);
    assert.match(dup.message, /标题序号重复/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, dup.range);
    const fix = actions.find((a) => a.title.startsWith('重新编号本级标题'));
    assert.ok(fix?.edit, `the renumbering quick fix: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(7).text, '（三）守好宣传文化阵地。审核发布信息156条。');
    assert.strictEqual(doc.lineAt(6).text, '（二）加强理论武装。开展集中学习12次。');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isDuplicate), 'the duplicate to be gone');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the renumber command renumbers every level', async () => {
    const doc = await open(await scratchCopy('duplicate.gw', 'dup-renumber.gw'));
    await waitForDiagnostics(doc.uri, (ds) => ds.some(isDuplicate), `a ${DUPLICATE} diagnostic`);
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === doc.uri.toString()) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('gongwen.renumber');
    await changed;
    assert.strictEqual(doc.lineAt(7).text, '（三）守好宣传文化阵地。审核发布信息156条。');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('source.fixAll.gongwen is offered and fixes the document', async () => {
    const doc = await open(await scratchCopy('duplicate.gw', 'dup-fixall.gw'));
    await waitForDiagnostics(doc.uri, (ds) => ds.some(isDuplicate), `a ${DUPLICATE} diagnostic`);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.gongwen');
    assert.ok(fixAll?.edit, `fix-all offered: ${actions.map((a) => a.kind?.value).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.ok(doc.getText().includes('（三）守好宣传文化阵地'));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isDuplicate), 'the duplicate to be gone');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
