/** Extension entry: start the language client and register the commands. Wiring only. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createStatusBar } from './commands/statistics';
import { createClient } from './client';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  registerCommands(context, client);
  await client.start();
  createStatusBar(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
