/** 公文: 报告统计 and the status bar item (字数 and problem count; a click opens the statistics). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATISTICS_REQUEST, type ReportStatisticsResult } from '../../../server/src/protocol';

export const STATISTICS_COMMAND = 'gongwen.statistics';

async function fetchStatistics(client: LanguageClient, doc: vscode.TextDocument): Promise<ReportStatisticsResult | null> {
  return client.sendRequest<ReportStatisticsResult | null>(STATISTICS_REQUEST, { uri: doc.uri.toString() });
}

export async function showStatistics(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('公文助手：请先打开一份报告。');
    return;
  }
  const s = await fetchStatistics(client, editor.document);
  if (!s) {
    void vscode.window.showWarningMessage('公文助手：当前文件未启用检查（纯文本需打开设置 gongwen.checkPlainText）。');
    return;
  }
  const lines = [
    `字数（不含标点和空格）：${s.characters}`,
    `段落：${s.paragraphs}`,
    `标题：一级 ${s.headings[0]}，二级 ${s.headings[1]}，三级 ${s.headings[2]}，四级 ${s.headings[3]}；分项 ${s.runInItems}`,
    `未填写的占位符：${s.placeholders}`,
    `问题：错误 ${s.errors}，警告 ${s.warnings}`,
    ...s.byCategory.map((c) => `　${c.title}：${c.count}`),
  ];
  await vscode.window.showInformationMessage(`报告统计：${vscode.workspace.asRelativePath(editor.document.uri)}`, { modal: true, detail: lines.join('\n') });
}

/** The status bar item: shown for checked reports, refreshed on edits (debounced) and on new diagnostics. */
export function createStatusBar(context: vscode.ExtensionContext, client: LanguageClient): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('gongwen.status', vscode.StatusBarAlignment.Right, 100);
  item.name = '公文助手';
  item.command = STATISTICS_COMMAND;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const update = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const my = ++generation;
    if (!editor || !['gongwen', 'plaintext', 'markdown'].includes(editor.document.languageId)) {
      item.hide();
      return;
    }
    let s: ReportStatisticsResult | null = null;
    try {
      s = await fetchStatistics(client, editor.document);
    } catch {
      s = null;
    }
    if (my !== generation) return;
    if (!s) {
      item.hide();
      return;
    }
    const problems = s.errors + s.warnings;
    item.text = `$(book) 字数 ${s.characters}　$(warning) ${problems}`;
    item.tooltip = `公文助手：${s.characters} 字，错误 ${s.errors}，警告 ${s.warnings}，占位符 ${s.placeholders}。点击查看报告统计。`;
    item.accessibilityInformation = { label: `公文助手 字数 ${s.characters} 问题 ${problems}` };
    item.show();
  };
  const schedule = (delay = 300): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), delay);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) schedule(50);
    }),
    { dispose: () => clearTimeout(timer) },
  );
  schedule(0);
  return item;
}
