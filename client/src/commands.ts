/** Client commands: thin wrappers that ask the server to do the work. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, RENUMBER_COMMAND } from '../../server/src/protocol';
import { insertSection } from './commands/insertSection';
import { openSample } from './commands/openSample';
import { goToPlaceholder } from './commands/placeholders';
import { showStatistics, STATISTICS_COMMAND } from './commands/statistics';
import { registerDocxCommands } from './commands/docx';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.renumber', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('公文助手：请先打开一份报告。');
        return;
      }
      await client.sendRequest('workspace/executeCommand', {
        command: RENUMBER_COMMAND,
        arguments: [editor.document.uri.toString()],
      });
    }),
    vscode.commands.registerCommand('gongwen.insertSection', () => insertSection(client)),
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => goToPlaceholder(1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => goToPlaceholder(-1)),
    vscode.commands.registerCommand(STATISTICS_COMMAND, () => showStatistics(client)),
    vscode.commands.registerCommand('gongwen.openSample', () => openSample(context)),
    // “关闭此规则” quick fix: gongwen.rules[ruleId] = "off" in the workspace (user settings without a folder).
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, async (ruleId: string, uri?: string) => {
      if (typeof ruleId !== 'string') return;
      const scope = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      const config = vscode.workspace.getConfiguration('gongwen', scope);
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const current = { ...(config.get<Record<string, string>>('rules') ?? {}) };
      current[ruleId] = 'off';
      await config.update('rules', current, target);
      void vscode.window.showInformationMessage(`公文助手：已关闭规则 ${ruleId}（可在设置“gongwen.rules”中重新打开）。`);
    }),
  );
  // 导出为 Word / 从 Word 导入 (client/src/commands/docx.ts).
  registerDocxCommands(context, client);
}
