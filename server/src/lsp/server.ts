/**
 * startServer(connection): capabilities and handlers. The only module that wires the protocol to the core;
 * every feature reads the same cached parse of a document version.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RENUMBER_COMMAND, REPORT_LANGUAGE_ID, SETTINGS_SECTION } from '../protocol';
import { AnalysisCache } from './analysis';
import { codeActions } from './codeActions';
import { toDiagnostic } from './convert';
import { foldingRanges, selectionRanges } from './ranges';
import { renumberEdit } from './renumber';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { documentSymbols } from './symbols';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsCache = new Map<string, Promise<Settings>>();
  const reportedProblems = new Set<string>();
  let canPullConfiguration = false;
  let clientPullsDiagnostics = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    clientPullsDiagnostics = !!caps.textDocument?.diagnostic;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
        documentSymbolProvider: { label: '公文大纲' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.gongwen', CodeActionKind.Source],
          resolveProvider: false,
        },
        executeCommandProvider: { commands: [RENUMBER_COMMAND] },
      },
      serverInfo: { name: 'gongwen', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  });

  function settingsFor(uri: string): Promise<Settings> {
    if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw) => {
          const settings = normalizeSettings(raw);
          for (const p of settings.problems) {
            if (reportedProblems.has(p)) continue;
            reportedProblems.add(p);
            void connection.window.showWarningMessage(`公文助手：${p}`);
          }
          return settings;
        })
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Whether this document is checked at all under its settings (plain text and Markdown are opt-in). */
  function isChecked(doc: TextDocument, settings: Settings): boolean {
    if (!settings.enable) return false;
    return doc.languageId === REPORT_LANGUAGE_ID || settings.checkPlainText;
  }

  async function diagnosticsFor(doc: TextDocument, isCancelled?: () => boolean): Promise<Diagnostic[] | undefined> {
    const settings = await settingsFor(doc.uri);
    if (!isChecked(doc, settings)) return [];
    const findings = cache.findings(doc.uri, doc.version, () => doc.getText(), settings.rules, isCancelled, (id, err) =>
      connection.console.error(`规则 ${id} 运行出错：${err}`),
    );
    return findings?.map((f) => toDiagnostic(doc, f));
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    if (clientPullsDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedulePush(doc);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: 'full', items: [] };
    const items = await diagnosticsFor(doc, () => token.isCancellationRequested);
    return { kind: 'full', items: items ?? [] };
  });

  // Clients without pull diagnostics (some editors) get them pushed, debounced per document.
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function schedulePush(doc: TextDocument): void {
    if (clientPullsDiagnostics) return;
    clearTimeout(pushTimers.get(doc.uri));
    pushTimers.set(
      doc.uri,
      setTimeout(async () => {
        pushTimers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        const items = await diagnosticsFor(current);
        if (items) void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: items });
      }, 150),
    );
  }
  documents.onDidOpen((e) => schedulePush(e.document));
  documents.onDidChangeContent((e) => schedulePush(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    if (!clientPullsDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** Runs `fn` on a checked document's parse; returns `empty` for unknown or unchecked documents. */
  async function withParsed<T>(uri: string, empty: T, fn: (doc: TextDocument, settings: Settings) => T): Promise<T> {
    const doc = documents.get(uri);
    if (!doc) return empty;
    const settings = await settingsFor(uri);
    if (!isChecked(doc, settings)) return empty;
    return fn(doc, settings);
  }

  connection.onDocumentSymbol((params) =>
    withParsed(params.textDocument.uri, [], (doc) => documentSymbols(doc, cache.parsed(doc.uri, doc.version, () => doc.getText()))),
  );

  connection.onFoldingRanges((params) =>
    withParsed(params.textDocument.uri, [], (doc) => foldingRanges(doc, cache.parsed(doc.uri, doc.version, () => doc.getText()))),
  );

  connection.onSelectionRanges((params) =>
    withParsed(params.textDocument.uri, [], (doc) =>
      selectionRanges(doc, cache.parsed(doc.uri, doc.version, () => doc.getText()), params.positions),
    ),
  );

  connection.onCodeAction((params) =>
    withParsed(params.textDocument.uri, [] as CodeAction[], (doc, settings) => {
      const findings = cache.findings(doc.uri, doc.version, () => doc.getText(), settings.rules) ?? [];
      return codeActions(doc, cache.parsed(doc.uri, doc.version, () => doc.getText()), findings, params, settings);
    }),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== RENUMBER_COMMAND) return;
    const [uri] = (params.arguments ?? []) as [string];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) {
      void connection.window.showErrorMessage('公文助手：找不到要重新编号的文档。');
      return;
    }
    const edit = renumberEdit(doc, cache.parsed(doc.uri, doc.version, () => doc.getText()));
    if (!edit) {
      void connection.window.showInformationMessage('公文助手：标题序号已连续，无需重新编号。');
      return;
    }
    await connection.workspace.applyEdit({ label: '重新编号标题', edit });
  });

  documents.listen(connection);
  connection.listen();
}
