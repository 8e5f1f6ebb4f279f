// Shared helpers for the extension-host suites: event-driven waits, workspace files, symbols.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..'); // out/test/e2e/suite → repo root
export const PLACEHOLDER = 'placeholder/unfilled';
export const WAIT_MS = 30_000;

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

export const isPlaceholder = (d: vscode.Diagnostic) => d.source === 'gongwen' && codeOf(d) === PLACEHOLDER;
export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');

export function describe(diags: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diags.map((d) => ({
    code: codeOf(d), source: d.source, severity: d.severity, message: d.message, line: d.range.start.line,
  })));
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds for them — checked now and
 * on every onDidChangeDiagnostics event for `uri`. Rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      fn();
    };
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (predicate(diags)) finish(() => resolve(diags));
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => finish(() => reject(new Error(
      `timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; ` +
      `diagnostics now: ${describe(vscode.languages.getDiagnostics(uri))}`))), timeoutMs);
    check(); // subscribed first, so nothing published in between is missed
  });
}

/** Bounded polling for state that has no change event (extension activation). */
export async function until(cond: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the e2e workspace folder to be open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** A fresh file in the (temporary) workspace, so tests do not share documents. */
export async function scratchCopy(from: string, to: string): Promise<vscode.Uri> {
  const target = workspaceUri(to);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(from)));
  return target;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

