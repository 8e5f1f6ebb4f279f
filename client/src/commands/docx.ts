/** Export to Word and import from Word: registered from ../commands.ts (registerDocxCommands). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_DOCX_COMMAND, IMPORT_DOCX_COMMAND } from '../../../server/src/protocol';
import { exportDocxCommand, type ExportCommandOptions } from './exportDocx';
import { importDocxCommand, type ImportCommandOptions } from './importDocx';

export function registerDocxCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    // From the Explorer the second argument is the list of selected files, not options.
    vscode.commands.registerCommand(EXPORT_DOCX_COMMAND, (resource?: unknown, options?: unknown) =>
      exportDocxCommand(client, resource, isOptions(options) ? (options as ExportCommandOptions) : {}),
    ),
    vscode.commands.registerCommand(IMPORT_DOCX_COMMAND, (resource?: unknown, options?: unknown) =>
      importDocxCommand(client, resource, isOptions(options) ? (options as ImportCommandOptions) : {}),
    ),
  );
}

const isOptions = (o: unknown): boolean => typeof o === 'object' && o !== null && !Array.isArray(o);
