/** Client commands: thin wrappers that ask the server to do the work. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENUMBER_COMMAND } from '../../server/src/protocol';

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
  );
}
