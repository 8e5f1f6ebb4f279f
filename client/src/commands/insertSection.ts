/** 公文: 插入标准部分 — QuickPick of the standard parts the report lacks; the server places and numbers them. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MISSING_PARTS_REQUEST, type MissingPartResult } from '../../../server/src/protocol';

export async function insertSection(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'gongwen') {
    void vscode.window.showWarningMessage('公文助手：请先打开一份公文报告（.gw 文件）。');
    return;
  }
  const doc = editor.document;
  const parts = await client.sendRequest<MissingPartResult[]>(MISSING_PARTS_REQUEST, { uri: doc.uri.toString() });
  if (!parts.length) {
    void vscode.window.showInformationMessage('公文助手：报告已包含工作开展情况、存在问题、下一步打算三个部分。');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    parts.map((p) => ({ label: p.heading, description: `插入“${p.title}”部分`, part: p })),
    { title: '插入标准部分', placeHolder: '选择要插入的部分（按顺序编号，其后的标题自动顺延）' },
  );
  if (!picked) return;
  if (doc.version !== picked.part.version) {
    void vscode.window.showWarningMessage('公文助手：文档已被修改，请重新执行“插入标准部分”。');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of picked.part.edits) {
    edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  await vscode.workspace.applyEdit(edit);
  // Put the cursor on the inserted body so the writer can start filling it in.
  const at = doc.getText().indexOf(picked.part.heading);
  if (at !== -1) {
    const pos = doc.positionAt(at).translate(1, 0);
    editor.selection = new vscode.Selection(pos, doc.lineAt(pos.line).range.end);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
