/** 公文: 下一个/上一个占位符 — moves through the placeholder diagnostics the server published. */
import * as vscode from 'vscode';

const PLACEHOLDER = 'placeholder/unfilled';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export function goToPlaceholder(direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const ranges = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'gongwen' && codeOf(d) === PLACEHOLDER)
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
  if (!ranges.length) {
    void vscode.window.showInformationMessage('公文助手：没有未填写的占位符。');
    return;
  }
  const cursor = editor.selection.active;
  const target =
    direction === 1
      ? ranges.find((r) => r.start.isAfter(cursor)) ?? ranges[0]
      : [...ranges].reverse().find((r) => r.start.isBefore(editor.selection.start)) ?? ranges[ranges.length - 1];
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
