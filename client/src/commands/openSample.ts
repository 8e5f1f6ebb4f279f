/** 公文: 打开示例报告 — the bundled sample as an untitled copy, so the installed file is never edited. */
import * as vscode from 'vscode';

export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'samples', 'report-2023.gw');
  let content: string;
  try {
    content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    void vscode.window.showErrorMessage(`公文助手：找不到示例报告 ${uri.fsPath}（${e instanceof Error ? e.message : String(e)}）。`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content });
  await vscode.window.showTextDocument(doc);
}
