/** A real LSP client for protocol tests: starts the built server (`gongwen lsp --stdio`) as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const CLI = resolve(REPO_ROOT, 'server/out/cli.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Settings the server receives for workspace/configuration (section gongwen). */
  settings: Record<string, unknown>;
  /** Messages the server showed (window/showMessage). */
  messages: string[];
  /** Count of workspace/diagnostic/refresh requests received. */
  refreshes: number;
  /** Edits the server asked the client to apply (workspace/applyEdit). */
  appliedEdits: unknown[];
  stderr: string[];
  /** The server's answer to initialize. */
  capabilities: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function startServer(options: { pullDiagnostics?: boolean } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: TestServer = {
    connection,
    process: child,
    settings: {},
    messages: [],
    refreshes: 0,
    appliedEdits: [],
    stderr: [],
    capabilities: {},
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      await new Promise<void>((r) => {
        if (child.exitCode !== null) return r();
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    },
  };
  child.stderr!.on('data', (d) => server.stderr.push(String(d)));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map(() => server.settings),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    server.refreshes++;
    return null;
  });
  connection.onRequest('workspace/applyEdit', (params: unknown) => {
    server.appliedEdits.push(params);
    return { applied: true };
  });
  connection.onNotification('window/showMessage', (p: { message: string }) => void server.messages.push(p.message));
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    server.messages.push(p.message);
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const pull = options.pullDiagnostics ?? true;
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        foldingRange: {},
        selectionRange: {},
      },
    },
  })) as { capabilities: Record<string, unknown> };
  server.capabilities = init.capabilities;
  await connection.sendNotification('initialized', {});
  return server;
}

let version = 0;
export async function open(server: TestServer, uri: string, text: string, languageId = 'gongwen'): Promise<number> {
  version = 1;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return version;
}

export async function change(
  server: TestServer,
  uri: string,
  v: number,
  changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[],
): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
}

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
}

export async function pull(server: TestServer, uri: string): Promise<Diag[]> {
  const r = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diag[] };
  return r.items;
}
