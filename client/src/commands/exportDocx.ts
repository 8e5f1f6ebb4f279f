/**
 * “公文: 导出为 Word”: the server builds the .docx from its parse of the current text (the client never parses);
 * here only the dialogs, the confirmation before replacing a file, and the whole-or-nothing write.
 *
 * Arguments: [resource?: Uri (Explorer / editor title), options?: ExportCommandOptions]. The options exist for tests
 * and automation: a target that skips the save dialog, and answers for the prompts (the prompt path is still taken
 * and recorded in the result's `prompts`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_DOCX_REQUEST, type ExportDocxParams, type ExportDocxResult } from '../../../server/src/protocol';
import { describeWriteError, displayPath, exists, withExtension, writeWholeFile } from './fileWrite';

export const REPLACE = '替换';
export const CONTINUE = '仍然导出';
export const GO_TO_FIRST = '转到第一处';
const OPEN = '打开';
const REVEAL = '在文件夹中显示';
const REVEAL_IN_EXPLORER = '在资源管理器中显示';

export interface ExportCommandOptions {
  /** Write here; no save dialog. */
  target?: vscode.Uri;
  /** Write next to the report (its name with .docx); no save dialog. */
  noDialog?: boolean;
  /** Prompt answers (tests): `undefined` stands for dismissing the prompt. */
  answers?: { overwrite?: string; problems?: string };
  /** Test hook: fail after the temporary file is written, before the rename. */
  failAfterTemp?: boolean;
}

export type Prompt = 'problems' | 'overwrite';

export interface ExportCommandResult {
  status: 'written' | 'cancelled' | 'failed' | 'went-to-problem';
  target?: string;
  prompts: Prompt[];
  placeholders?: number;
  errors?: number;
  message?: string;
}

export async function exportDocxCommand(client: LanguageClient, resource?: unknown, options: ExportCommandOptions = {}): Promise<ExportCommandResult> {
  const prompts: Prompt[] = [];
  const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showWarningMessage('公文助手：请先打开要导出的报告。');
    return { status: 'cancelled', prompts, message: 'no document' };
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(source);
  } catch (e) {
    const message = `公文助手：无法打开 ${displayPath(source)}：${e instanceof Error ? e.message : String(e)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', prompts, message };
  }

  let result: ExportDocxResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: '公文助手：正在按公文格式生成 Word 文件……' },
      () => client.sendRequest<ExportDocxResult>(EXPORT_DOCX_REQUEST, { uri: doc.uri.toString() } satisfies ExportDocxParams),
    );
  } catch (e) {
    const message = `公文助手：导出失败：${e instanceof Error ? e.message : String(e)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', prompts, message };
  }
  const counts = { placeholders: result.placeholders, errors: result.errors };

  // Unfinished work: say how much, and let the writer go on or go to the first one.
  if (result.placeholders || result.errors) {
    prompts.push('problems');
    const what = [result.placeholders ? `${result.placeholders} 处占位符未填写` : '', result.errors ? `${result.errors} 个错误` : '']
      .filter(Boolean)
      .join('、');
    const answer =
      options.answers && 'problems' in options.answers
        ? options.answers.problems
        : await vscode.window.showWarningMessage(
            `报告中还有 ${what}。仍要导出吗？`,
            { modal: true, detail: result.first ? `第一处在第 ${result.first.line + 1} 行：${result.first.message}` : undefined },
            CONTINUE,
            GO_TO_FIRST,
          );
    if (answer === GO_TO_FIRST && result.first) {
      const pos = new vscode.Position(result.first.line, result.first.character);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
      return { status: 'went-to-problem', prompts, ...counts };
    }
    if (answer !== CONTINUE) return { status: 'cancelled', prompts, ...counts };
  }

  // Where: the save dialog (which itself asks before replacing a file), or the given target.
  const defaultTarget = doc.isUntitled ? untitledTarget(result.title) : withExtension(doc.uri, '.docx');
  let target = options.target ?? (options.noDialog ? defaultTarget : undefined);
  let confirmedByDialog = false;
  if (!target) {
    target = await vscode.window.showSaveDialog({
      defaultUri: defaultTarget,
      filters: { 'Word 文档': ['docx'] },
      saveLabel: '导出',
      title: '导出为 Word（GB/T 9704 公文格式）',
    });
    if (!target) return { status: 'cancelled', prompts, ...counts };
    confirmedByDialog = true;
    if (!/\.docx$/i.test(target.path)) {
      target = target.with({ path: `${target.path}.docx` });
      confirmedByDialog = false; // the dialog asked about another name
    }
  }
  if (!confirmedByDialog && (await exists(target))) {
    prompts.push('overwrite');
    const answer =
      options.answers && 'overwrite' in options.answers
        ? options.answers.overwrite
        : await vscode.window.showWarningMessage(
            `${displayPath(target)} 已存在。要替换它吗？`,
            { modal: true, detail: '替换后，原文件的内容将被新导出的内容取代。' },
            REPLACE,
          );
    if (answer !== REPLACE) return { status: 'cancelled', target: target.toString(), prompts, ...counts };
  }

  try {
    const bytes = Buffer.from(result.data, 'base64');
    const where = target;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `公文助手：正在写入 ${displayPath(where)}……` },
      () => writeWholeFile(where, bytes, { failAfterTemp: options.failAfterTemp }),
    );
  } catch (e) {
    const message = `公文助手：${describeWriteError(e, target)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', target: target.toString(), prompts, message, ...counts };
  }
  void announce(target);
  return { status: 'written', target: target.toString(), prompts, ...counts };
}

function untitledTarget(title: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = (title || '未命名报告').replace(/[\\/:*?"<>|]/g, '').slice(0, 60) || '未命名报告';
  return folder ? vscode.Uri.joinPath(folder, `${name}.docx`) : undefined;
}

/** Success: open the file in Word, or show it in its folder (the Explorer where the OS folder is out of reach). */
async function announce(target: vscode.Uri): Promise<void> {
  const local = target.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
  const buttons = local ? [OPEN, REVEAL] : [REVEAL_IN_EXPLORER];
  const choice = await vscode.window.showInformationMessage(`公文助手：已导出为 Word：${displayPath(target)}`, ...buttons);
  if (choice === OPEN) await vscode.env.openExternal(target);
  else if (choice === REVEAL) await vscode.commands.executeCommand('revealFileInOS', target);
  else if (choice === REVEAL_IN_EXPLORER) await vscode.commands.executeCommand('revealInExplorer', target);
}
