// Drafting aids in the real workbench: completion, hover, formatting, fix-all on save, placeholder
// navigation and the insert-section command's server side.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, isPlaceholder, open, scratchCopy, waitForDiagnostics, workspaceUri } from './helpers';

const DUPLICATE = 'numbering/duplicate';

suite('gongwen e2e: drafting aids', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'gongwen' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completion offers the next heading number at the start of a line, and accepting it inserts it', async () => {
    const doc = await open(await scratchCopy('duplicate.gw', 'complete.gw'));
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the file');
    const editor = vscode.window.activeTextEditor!;
    // a new empty line after “（二）守好宣传文化阵地……” (line 7)
    await editor.edit((e) => e.insert(new vscode.Position(8, 0), '\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(8, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('（三）'), labels.join(','));
    editor.selection = new vscode.Selection(8, 0, 8, 0);
    // The suggest widget has no "shown" event: trigger and accept until the line changes (bounded).
    // acceptSelectedSuggestion picks the top-ranked item: the same level as the last heading.
    for (let i = 0; i < 50 && doc.lineAt(8).text === ''; i++) {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
    }
    assert.strictEqual(doc.lineAt(8).text, '（三）');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hover explains a placeholder finding and a standard term', async () => {
    const doc = await open(workspaceUri('report.gw'));
    const [d] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isPlaceholder), 'a placeholder')).filter(isPlaceholder);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /占位符未填写/);
    assert.match(text, /依据/);
    const at = doc.getText().indexOf('意识形态工作责任制');
    const termHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 3));
    const termText = termHovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(termText, /第一责任人/);
  });

  test('fix-all runs on save when editor.codeActionsOnSave asks for source.fixAll.gongwen', async () => {
    await vscode.workspace
      .getConfiguration('editor', { languageId: 'gongwen' })
      .update('codeActionsOnSave', { 'source.fixAll.gongwen': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const doc = await open(await scratchCopy('duplicate.gw', 'fix-on-save.gw'));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === DUPLICATE), `a ${DUPLICATE} diagnostic`);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(11, 0), ' ')); // make it dirty
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.strictEqual(doc.lineAt(7).text, '（三）守好宣传文化阵地。审核发布信息156条。');
    assert.ok(!doc.isDirty, 'saved');
  });

  test('Format Document fixes heading-number forms only', async () => {
    const target = workspaceUri('format-me.gw');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('一.工作情况\n(一)加强领导。正文。\n（一）强化责任。正文。\n'));
    const doc = await open(target);
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the file');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
    const we = new vscode.WorkspaceEdit();
    we.set(doc.uri, edits);
    await vscode.workspace.applyEdit(we);
    assert.strictEqual(doc.getText(), '一、工作情况\n（一）加强领导。正文。\n（一）强化责任。正文。\n');
  });

  test('next/previous placeholder commands select the placeholders in turn', async () => {
    const doc = await open(workspaceUri('report.gw'));
    const diags = (await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length >= 2, 'two placeholders')).filter(isPlaceholder);
    const starts = diags.map((d) => d.range.start).sort((a, b) => a.compareTo(b));
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.strictEqual(doc.getText(editor.selection), 'XX');
    assert.ok(editor.selection.start.isEqual(starts[0]) || editor.selection.start.isEqual(starts[1]));
    const first = editor.selection.start;
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.ok(!editor.selection.start.isEqual(first), 'moved to the other placeholder');
    await vscode.commands.executeCommand('gongwen.previousPlaceholder');
    assert.ok(editor.selection.start.isEqual(first), 'and back');
  });
});
