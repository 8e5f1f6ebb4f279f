/**
 * startServer(connection): capabilities and handlers. The only module that wires the protocol to the core;
 * every feature reads the same cached parse of a document version.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Hover,
  type TextEdit as LspTextEdit,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedReport } from '../core';
import type { MissingPartResult, ReportStatisticsResult } from '../protocol';
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';
import { addKnownWord, DEFAULT_DICTIONARY_FILE, dictionaryFiles, DICTIONARY_DIR, DictionaryStore, findDictionaryDir, type LoadedResources } from '../host/dictionaries';
import { ADD_TO_DICTIONARY_COMMAND, MISSING_PARTS_REQUEST, RENUMBER_COMMAND, REPORT_LANGUAGE_ID, SETTINGS_SECTION, STATISTICS_REQUEST } from '../protocol';
import { PROCESS_INFO_REQUEST, type ProcessInfoResult } from '../protocol';
import { completions, formatting, hover, missingPartEdits, statistics } from './assist';
import { AnalysisCache } from './analysis';
import { TimeSlicer } from './limits';
import { codeActions } from './codeActions';
import { sameDiagnostics, toDiagnostic } from './convert';
import { foldingRanges, selectionRanges } from './ranges';
import { renumberEdit } from './renumber';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { documentSymbols } from './symbols';
import { createExportHandlers } from './exportDocx';
import { EXPORT_DOCX_REQUEST, IMPORT_DOCX_REQUEST, type ExportDocxParams, type ImportDocxParams } from '../protocol';

export function startServer(connection: Connection): void {
  // One failed promise (say, a client that rejects window/showMessageRequest) must not end the server: Node
  // would exit on an unhandled rejection. Log it and go on.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`公文助手内部错误（已忽略，服务继续运行）：${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
  });
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsCache = new Map<string, Promise<Settings>>();
  const reportedProblems = new Set<string>();
  let canPullConfiguration = false;
  let clientPullsDiagnostics = false;
  const dictionaries = new DictionaryStore();
  let workspaceRoots: string[] = [];

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    clientPullsDiagnostics = !!caps.textDocument?.diagnostic;
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((f) => filePath(f.uri))
      .filter((p): p is string => !!p);
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
        completionProvider: { triggerCharacters: ['、', '）', ')', '.', '。', '；'], resolveProvider: false },
        hoverProvider: true,
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [RENUMBER_COMMAND, ADD_TO_DICTIONARY_COMMAND] },
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

  function filePath(uri: string): string | undefined {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The folder a document's dictionaries are looked up from: its own folder, else the workspace root. */
  function baseDirOf(uri: string): string | undefined {
    const p = filePath(uri);
    if (p) return dirname(p);
    return workspaceRoots[0];
  }

  function workspaceRootOf(dir: string): string {
    return workspaceRoots.filter((r) => dir === r || dir.startsWith(r + '/') || dir.startsWith(r + '\\')).sort((a, b) => b.length - a.length)[0] ?? dir;
  }

  /** The shipped dictionaries plus the user's (.gongwen/ above the document, and gongwen.dictionaries). */
  function resourcesFor(uri: string, settings: Settings): LoadedResources {
    const dir = baseDirOf(uri);
    const files = dir ? dictionaryFiles(dir, settings.dictionaries, workspaceRootOf(dir)) : [];
    const loaded = dictionaries.load(files);
    for (const p of loaded.problems) {
      const root = dir ? workspaceRootOf(dir) : undefined;
      const where = root && p.file.startsWith(root) ? relative(root, p.file) : p.file;
      const text = `词典 ${where} 第 ${p.line} 行：${p.message}`;
      if (reportedProblems.has(text)) continue;
      reportedProblems.add(text);
      connection.console.warn(text);
      void connection.window.showWarningMessage(`公文助手：${text}（其余词条照常使用）`);
    }
    return loaded;
  }

  function findingsFor(doc: TextDocument, settings: Settings, isCancelled?: () => boolean) {
    const loaded = resourcesFor(doc.uri, settings);
    return cache.findings(
      doc.uri,
      doc.version,
      () => doc.getText(),
      { rules: settings.rules, resources: loaded.resources, resourcesKey: loaded.key },
      isCancelled,
      (id, err) => connection.console.error(`规则 ${id} 运行出错：${err}`),
    );
  }

  /** Whether this document is checked at all under its settings (plain text and Markdown are opt-in). */
  function isChecked(doc: TextDocument, settings: Settings): boolean {
    if (!settings.enable) return false;
    return doc.languageId === REPORT_LANGUAGE_ID || settings.checkPlainText;
  }

  /**
   * Documents told that they are checked only in part (limits.ts), with the tiers they were told about: each
   * message once per open document, even when typing at a limit moves it back and forth across it.
   */
  const toldLimits = new Map<string, Set<string>>();
  function tellLimits(doc: TextDocument): void {
    const plan = cache.plan(doc.uri, doc.version, () => doc.getText());
    if (!plan.message) return;
    const told = toldLimits.get(doc.uri) ?? new Set<string>();
    if (told.has(plan.tier)) return;
    told.add(plan.tier);
    toldLimits.set(doc.uri, told);
    void connection.window.showInformationMessage(plan.message);
  }

  /**
   * Diagnostics of the document's current version, checked in slices so that other requests are answered in
   * between. Undefined when cancelled; throws ServerCancelled (the client pulls again) when the document
   * changed while it was being checked.
   */
  async function diagnosticsFor(doc: TextDocument, isCancelled?: () => boolean): Promise<Diagnostic[] | undefined> {
    const settings = await settingsFor(doc.uri);
    if (!isChecked(doc, settings)) return [];
    tellLimits(doc);
    const version = doc.version;
    const changed = (): boolean => documents.get(doc.uri)?.version !== version;
    const loaded = resourcesFor(doc.uri, settings);
    const findings = await cache.findingsAsync(
      doc.uri,
      version,
      () => doc.getText(),
      { rules: settings.rules, resources: loaded.resources, resourcesKey: loaded.key },
      new TimeSlicer(),
      () => !!isCancelled?.() || changed(),
      (id, err) => connection.console.error(`规则 ${id} 运行出错：${err}`),
    );
    if (changed()) throw new ResponseError(LSPErrorCodes.ServerCancelled, '文档已修改，重新检查。', { retriggerRequest: true });
    return findings?.map((f) => toDiagnostic(doc, f));
  }

  function refreshAll(): void {
    if (clientPullsDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedulePush(doc);
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    refreshAll();
  });

  // A dictionary file changed on disk (the client watches .gongwen/*.yml): reload and re-check.
  connection.onDidChangeWatchedFiles(() => {
    dictionaries.clear();
    refreshAll();
  });

  // The diagnostics last sent for each document: a pull whose answer would be the same (typing seldom changes
  // the diagnostics on other lines, which keep their line and character) is answered “unchanged”, so that a
  // long report's thousands of diagnostics are not sent again for every keystroke.
  const sentDiagnostics = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let resultCounter = 0;
  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return { kind: 'full', items: [] };
    const items = await diagnosticsFor(doc, () => token.isCancellationRequested);
    if (!items) return { kind: 'full', items: [] }; // cancelled by the client, which drops this answer
    const sent = sentDiagnostics.get(uri);
    if (sent && params.previousResultId === sent.resultId && sameDiagnostics(sent.items, items)) return { kind: 'unchanged', resultId: sent.resultId };
    const resultId = String(++resultCounter);
    sentDiagnostics.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
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
        const items = await diagnosticsFor(current).catch(() => undefined); // changed meanwhile: its own push follows
        if (items) void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: items });
      }, 150),
    );
  }
  documents.onDidOpen((e) => schedulePush(e.document));
  documents.onDidChangeContent((e) => schedulePush(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    sentDiagnostics.delete(e.document.uri);
    toldLimits.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    if (!clientPullsDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The one parse of this document version, shared by every feature. */
  function parsedOf(doc: TextDocument): ParsedReport {
    return cache.parsed(doc.uri, doc.version, () => doc.getText());
  }

  /** Runs `fn` on a checked document's parse; returns `empty` for unknown or unchecked documents. */
  async function withParsed<T>(uri: string, empty: T, fn: (doc: TextDocument, settings: Settings) => T): Promise<T> {
    const doc = documents.get(uri);
    if (!doc) return empty;
    const settings = await settingsFor(uri);
    if (!isChecked(doc, settings)) return empty;
    // Too large to parse (limits.ts): no tree, so nothing of what needs one.
    if (!cache.plan(doc.uri, doc.version, () => doc.getText()).parse) return empty;
    return fn(doc, settings);
  }

  connection.onDocumentSymbol((params) =>
    withParsed(params.textDocument.uri, [], (doc) => documentSymbols(doc, parsedOf(doc))),
  );

  connection.onFoldingRanges((params) =>
    withParsed(params.textDocument.uri, [], (doc) => foldingRanges(doc, parsedOf(doc))),
  );

  connection.onSelectionRanges((params) =>
    withParsed(params.textDocument.uri, [], (doc) =>
      selectionRanges(doc, parsedOf(doc), params.positions),
    ),
  );

  connection.onCodeAction((params) =>
    withParsed(params.textDocument.uri, [] as CodeAction[], (doc, settings) => {
      const findings = findingsFor(doc, settings) ?? [];
      return codeActions(doc, parsedOf(doc), findings, params, settings);
    }),
  );

  connection.onCompletion((params) =>
    withParsed(params.textDocument.uri, [] as CompletionItem[], (doc, settings) =>
      completions(doc, parsedOf(doc), doc.offsetAt(params.position), resourcesFor(doc.uri, settings).resources),
    ),
  );

  connection.onHover((params) =>
    withParsed(params.textDocument.uri, null as Hover | null, (doc, settings) =>
      hover(doc, doc.offsetAt(params.position), findingsFor(doc, settings) ?? []),
    ),
  );

  connection.onDocumentFormatting((params) =>
    withParsed(params.textDocument.uri, [] as LspTextEdit[], (doc, settings) =>
      cache.plan(doc.uri, doc.version, () => doc.getText()).tier !== 'full' ? [] : formatting(doc, settings.rules, resourcesFor(doc.uri, settings).resources),
    ),
  );

  connection.onRequest(STATISTICS_REQUEST, (params: { uri: string }) =>
    withParsed(params.uri, null as ReportStatisticsResult | null, (doc, settings) => statistics(parsedOf(doc), findingsFor(doc, settings) ?? [])),
  );

  connection.onRequest(MISSING_PARTS_REQUEST, (params: { uri: string }) =>
    withParsed(params.uri, [] as MissingPartResult[], (doc) => missingPartEdits(doc, parsedOf(doc))),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command === ADD_TO_DICTIONARY_COMMAND) return addToDictionary(params.arguments ?? []);
    if (params.command !== RENUMBER_COMMAND) return;
    const [uri] = (params.arguments ?? []) as [string];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) {
      void connection.window.showErrorMessage('公文助手：找不到要重新编号的文档。');
      return;
    }
    const edit = renumberEdit(doc, parsedOf(doc));
    if (!edit) {
      void connection.window.showInformationMessage('公文助手：标题序号已连续，无需重新编号。');
      return;
    }
    await connection.workspace.applyEdit({ label: '重新编号标题', edit });
  });

  /** “加入词典”: the word goes into the nearest .gongwen/dictionary.yml (created in the workspace root). */
  async function addToDictionary(args: unknown[]): Promise<void> {
    const [uri, word] = args as [string, string];
    if (typeof uri !== 'string' || typeof word !== 'string' || !word.trim()) return;
    const dir = baseDirOf(uri);
    if (!dir) {
      void connection.window.showErrorMessage('公文助手：未保存的文档没有所属文件夹，无法写入工作区词典。请先保存文件。');
      return;
    }
    const dictDir = findDictionaryDir(dir) ?? `${workspaceRootOf(dir)}/${DICTIONARY_DIR}`;
    const file = `${dictDir}/${DEFAULT_DICTIONARY_FILE}`;
    try {
      const { added } = addKnownWord(file, word.trim());
      dictionaries.clear();
      refreshAll();
      void connection.window.showInformationMessage(
        added ? `公文助手：已将“${word}”加入词典 ${file}。` : `公文助手：“${word}”已在词典 ${file} 中。`,
      );
    } catch (e) {
      void connection.window.showErrorMessage(`公文助手：无法写入词典 ${file}：${e instanceof Error ? e.message : String(e)}。词典文件未被修改。`);
    }
  }

  // Export to Word / import from Word (lsp/exportDocx.ts): the .docx is built from this version's cached parse.
  const exporter = createExportHandlers({
    document: (uri) => documents.get(uri),
    parsed: parsedOf,
    findings: async (doc) => findingsFor(doc, await settingsFor(doc.uri)) ?? [],
    exportSettings: async (uri) =>
      canPullConfiguration ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })) as { export?: unknown } | null)?.export : undefined,
    warn: (message) => void connection.window.showWarningMessage(message),
  });
  connection.onRequest(EXPORT_DOCX_REQUEST, (params: ExportDocxParams) => exporter.exportDocx(params));
  connection.onRequest(IMPORT_DOCX_REQUEST, (params: ImportDocxParams) => exporter.importDocx(params));

  connection.onRequest(PROCESS_INFO_REQUEST, (): ProcessInfoResult => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    return { pid: process.pid, memory: { rss, heapUsed, heapTotal, external }, documents: documents.all().length };
  });

  documents.listen(connection);
  connection.listen();
}
