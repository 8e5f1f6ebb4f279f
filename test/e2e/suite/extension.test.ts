// Runs INSIDE a real VS Code extension host with the real `vscode` API (nothing mocked), against
// the development extension (repo root) and a temporary copy of test/e2e/workspace.
// Waits are event-driven (languages.onDidChangeDiagnostics); no fixed sleeps.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

import {
  describe,
  flatten,
  isPlaceholder,
  open,
  ours,
  PLACEHOLDER,
  REPO,
  scratchCopy,
  until,
  waitForDiagnostics,
  workspaceUri,
  type AnySymbol,
} from './helpers';

suite('gongwen e2e (extension host)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const extensionId = `${pkg.publisher}.${pkg.name}`;

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('gongwen').update('checkPlainText', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .gw file opens as language "gongwen" and activates the extension', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is loaded from ${REPO}`);
    const doc = await open(workspaceUri('report.gw'));
    assert.strictEqual(doc.languageId, 'gongwen');
    await until(() => ext.isActive, `activation of ${extensionId}`);
  });

  test('unfilled placeholders are reported as Chinese error diagnostics', async () => {
    const doc = await open(workspaceUri('report.gw'));
    const diags = (await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length >= 2, `two ${PLACEHOLDER} diagnostics`))
      .filter(isPlaceholder);
    assert.strictEqual(diags.length, 2, `exactly the two XX of report.gw: ${describe(diags)}`);
    for (const d of diags) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, describe([d]));
      assert.strictEqual(d.source, 'gongwen');
      assert.match(d.message, /[\u4e00-\u9fff]/, `message is Chinese: ${d.message}`);
      assert.ok(d.message.includes('XX'), `message quotes the placeholder: ${d.message}`);
      assert.ok(doc.getText(d.range).includes('XX'), `range covers the placeholder, got "${doc.getText(d.range)}"`);
    }
    const lines = diags.map((d) => doc.lineAt(d.range.start.line).text);
    assert.ok(lines.some((l) => l.includes('XX县')), `one on the title line (XX县): ${lines}`);
    assert.ok(lines.some((l) => l.includes('活动XX次')), `one on 活动XX次: ${lines}`);
  });

  test('filling in the placeholders makes the diagnostics go away', async () => {
    const doc = await open(await scratchCopy('report.gw', 'edit-me.gw'));
    await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length === 2, `two ${PLACEHOLDER} diagnostics`);

    const edit = new vscode.WorkspaceEdit();
    const text = doc.getText();
    const replacements: Record<string, string> = { XX县: '青山县', 活动XX次: '活动15次' };
    for (const [from, to] of Object.entries(replacements)) {
      const at = text.indexOf(from);
      assert.ok(at >= 0, `fixture contains ${from}`);
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
    }
    assert.ok(await vscode.workspace.applyEdit(edit), 'workspace edit applied');
    assert.ok(!doc.getText().includes('XX'));

    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isPlaceholder), `no ${PLACEHOLDER} diagnostic after the edit`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('typing in a paragraph keeps every diagnostic where its text is (incremental check, unchanged answers)', async () => {
    const doc = await open(await scratchCopy('report.gw', 'typing.gw'));
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length === 2, `two ${PLACEHOLDER} diagnostics`);
    // A few keystrokes inside the paragraph of line 17, one edit at a time as typing sends them: no
    // diagnostic changes, so the server answers “unchanged” and the editor keeps what it has.
    const line = doc.lineAt(16).text;
    const at = line.indexOf('学用结合');
    assert.ok(at > 0, 'fixture has 学用结合 on line 17');
    for (const ch of ['进', '一', '步']) {
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(16, at), ch)));
    }
    // A keystroke before the placeholder of line 13 moves its diagnostic along.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(12, doc.lineAt(12).text.indexOf('XX')), '约')));
    // Then a placeholder typed into the paragraph of line 21: a full answer with three placeholders.
    const end = doc.lineAt(20).text.length - 1;
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(20, end), 'XX')));
    const diags = (await waitForDiagnostics(doc.uri, (ds) => ds.filter(isPlaceholder).length === 3, `three ${PLACEHOLDER} diagnostics`)).filter(isPlaceholder);
    for (const d of diags) assert.strictEqual(doc.getText(d.range), 'XX', `a placeholder diagnostic covers XX: ${describe([d])}`);
    assert.deepStrictEqual(diags.map((d) => d.range.start.line).sort((a, b) => a - b), [0, 12, 20]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('document symbols list the report headings hierarchically', async () => {
    const doc = await open(workspaceUri('report.gw'));
    // diagnostics arriving means the language server is up and serving this document
    await waitForDiagnostics(doc.uri, (ds) => ds.some(isPlaceholder), `a ${PLACEHOLDER} diagnostic`);
    const result = await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(result && result.length > 0, 'document symbols returned');
    for (const s of result) assert.ok(Array.isArray((s as vscode.DocumentSymbol).children), `hierarchical DocumentSymbol: ${s.name}`);
    const roots = result as vscode.DocumentSymbol[];
    const all = flatten(roots);
    const names = all.map((s) => s.name);

    const headings = ['一、工作开展情况', '二、存在问题', '三、下一步工作打算'];
    for (const h of headings) assert.ok(names.includes(h), `outline has "${h}"; got ${JSON.stringify(names)}`);

    // the three top headings are siblings (either the roots, or children of the title symbol)
    const parentOf = (name: string) => [{ children: roots } as { children: vscode.DocumentSymbol[] }, ...all]
      .find((p) => p.children.some((c) => c.name === name));
    const parent = parentOf(headings[0]);
    for (const h of headings.slice(1)) assert.strictEqual(parentOf(h), parent, `"${h}" is a sibling of "${headings[0]}"`);

    // （一）… subheadings are nested under 一、工作开展情况
    const first = all.find((s) => s.name === headings[0])!;
    const nested = flatten(first.children).map((s) => s.name);
    assert.ok(nested.some((n) => n.startsWith('（一）')), `（一） nested under ${headings[0]}: ${JSON.stringify(nested)}`);
    assert.ok(!roots.some((s) => s.name.startsWith('（一）')), '（一） is not a root symbol');
  });

  test('plain-text files are not checked by default', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('gongwen').get('checkPlainText'), false, 'gongwen.checkPlainText defaults to false');
    const notes = await open(workspaceUri('notes.txt'));
    assert.strictEqual(notes.languageId, 'plaintext');
    assert.ok(notes.getText().includes('XX'));
    // Sync point instead of a sleep: a .gw document opened after notes.txt gets its diagnostics,
    // so the server has handled notes.txt by then (messages are processed in order).
    const probe = await open(await scratchCopy('report.gw', 'sync-probe.gw'));
    await waitForDiagnostics(probe.uri, (ds) => ds.some(isPlaceholder), `a ${PLACEHOLDER} diagnostic on the probe`);
    assert.deepStrictEqual(describe(ours(notes.uri)), '[]', 'notes.txt has no gongwen diagnostics');
  });

  test('plain-text files are checked once gongwen.checkPlainText is true', async () => {
    await vscode.workspace.getConfiguration('gongwen').update('checkPlainText', true, vscode.ConfigurationTarget.Global);
    assert.strictEqual(vscode.workspace.getConfiguration('gongwen').get('checkPlainText'), true);
    const later = await open(await scratchCopy('notes.txt', 'later.txt'));
    assert.strictEqual(later.languageId, 'plaintext');
    const diags = (await waitForDiagnostics(later.uri, (ds) => ds.some(isPlaceholder), `a ${PLACEHOLDER} diagnostic on a .txt`))
      .filter(isPlaceholder);
    assert.strictEqual(diags.length, 1, describe(diags));
    assert.ok(diags[0].message.includes('XX'), diags[0].message);
  });
});
