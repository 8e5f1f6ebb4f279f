/** The language client: which documents the server sees, and how diagnostics are pulled. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OPTIONAL_LANGUAGE_IDS, REPORT_LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';
import { crashHandling } from './crash';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = [REPORT_LANGUAGE_ID, ...OPTIONAL_LANGUAGE_IDS];
  // A crashed server is restarted and the user told once, in Chinese (crash.ts).
  const crash = crashHandling();
  const clientOptions: LanguageClientOptions = {
    ...crash.options,
    // Plain text and Markdown are sent too; the server checks them only when gongwen.checkPlainText is on.
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // Workspace dictionaries: the server reloads them when they change on disk.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwen/*.{yml,yaml}'),
    },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    outputChannel: vscode.window.createOutputChannel('公文助手', { log: true }),
  };
  const client = new LanguageClient('gongwen', '公文助手', serverOptions, clientOptions);
  crash.attach(context, client);
  return client;
}
