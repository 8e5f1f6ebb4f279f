/**
 * “公文: 从 Word 导入”: the server turns the .docx into report text (numbering kept, tables and pictures marked);
 * here the file choice, the confirmation before replacing a .gw, the whole-or-nothing write, and opening the result.
 * Arguments: [resource?: Uri (Explorer), options?: ImportCommandOptions (tests: target, prompt answers)].
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_DOCX_REQUEST, type ImportDocxParams, type ImportDocxResult } from '../../../server/src/protocol';
import { describeWriteError, displayPath, exists, withExtension, writeWholeFile } from './fileWrite';
import { REPLACE } from './exportDocx';

const SAVE_AS = '另存为……';

export interface ImportCommandOptions {
  target?: vscode.Uri;
  answers?: { overwrite?: string };
}

export interface ImportCommandResult {
  status: 'written' | 'cancelled' | 'failed';
  target?: string;
  prompts: 'overwrite'[];
  tables?: number;
  graphics?: number;
  numbered?: number;
  message?: string;
}

export async function importDocxCommand(client: LanguageClient, resource?: unknown, options: ImportCommandOptions = {}): Promise<ImportCommandResult> {
  const prompts: 'overwrite'[] = [];
  let source = resource instanceof vscode.Uri ? resource : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'Word 文档': ['docx'] },
      openLabel: '导入',
      title: '从 Word 导入报告',
    });
    source = picked?.[0];
    if (!source) return { status: 'cancelled', prompts };
  }
  let result: ImportDocxResult;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `公文助手：正在读取 ${displayPath(source)}……` },
      () => client.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { data: Buffer.from(bytes).toString('base64') } satisfies ImportDocxParams),
    );
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (!result.ok) {
    const message = `公文助手：无法导入 ${displayPath(source)}：${result.error}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', prompts, message };
  }

  let target = options.target ?? withExtension(source, '.gw');
  if (await exists(target)) {
    prompts.push('overwrite');
    const answer =
      options.answers && 'overwrite' in options.answers
        ? options.answers.overwrite
        : await vscode.window.showWarningMessage(`${displayPath(target)} 已存在。要替换它吗？`, { modal: true }, REPLACE, SAVE_AS);
    if (answer === SAVE_AS) {
      const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: { 公文报告: ['gw'] }, saveLabel: '保存', title: '导入为' });
      if (!chosen) return { status: 'cancelled', prompts };
      target = chosen;
    } else if (answer !== REPLACE) return { status: 'cancelled', target: target.toString(), prompts };
  }
  try {
    await writeWholeFile(target, new TextEncoder().encode(result.text));
  } catch (e) {
    const message = `公文助手：${describeWriteError(e, target)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', target: target.toString(), prompts, message };
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  const numbered = result.numbered ? `，${result.numbered} 段的自动编号已转为文字` : '';
  if (result.warning) void vscode.window.showWarningMessage(`公文助手：已导入 ${displayPath(target)}${numbered}。${result.warning}`);
  else void vscode.window.showInformationMessage(`公文助手：已导入 ${displayPath(target)}${numbered}。`);
  return { status: 'written', target: target.toString(), prompts, tables: result.tables, graphics: result.graphics, numbered: result.numbered };
}
