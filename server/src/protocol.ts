/**
 * Names and payloads shared by the language server and the client (custom commands and requests).
 * Plain types only: this file imports nothing, so the client can include it without pulling in the server.
 */

/** Server-side command (workspace/executeCommand): renumber headings. Args: [uri, scope?]. */
export const RENUMBER_COMMAND = 'gongwen.server.renumber';

export type RenumberScope = 'all';

/** The settings section the server reads per document with workspace/configuration. */
export const SETTINGS_SECTION = 'gongwen';

/** Language ids the client hands to the server; plain text and Markdown only when the user opts in. */
export const REPORT_LANGUAGE_ID = 'gongwen';
export const OPTIONAL_LANGUAGE_IDS = ['plaintext', 'markdown'] as const;

/** Server-side command: add a word to the workspace dictionary (.gongwen/dictionary.yml). Args: [uri, word]. */
export const ADD_TO_DICTIONARY_COMMAND = 'gongwen.server.addToDictionary';

/** Client command: set gongwen.rules[ruleId] = "off" for the workspace. Args: [ruleId, uri?]. */
export const DISABLE_RULE_COMMAND = 'gongwen.disableRule';

/** Request: statistics of a report. Params: { uri }. Result: ReportStatisticsResult | null. */
export const STATISTICS_REQUEST = 'gongwen/statistics';

export interface ReportStatisticsResult {
  characters: number;
  paragraphs: number;
  headings: [number, number, number, number];
  runInItems: number;
  placeholders: number;
  errors: number;
  warnings: number;
  byCategory: { category: string; title: string; count: number }[];
}

/** Request: the standard parts a report lacks, each with the edit that inserts it. Params: { uri }. */
export const MISSING_PARTS_REQUEST = 'gongwen/missingParts';

export interface MissingPartResult {
  kind: string;
  /** Chinese name of the part. */
  title: string;
  /** The heading that will be inserted, e.g. “三、存在的问题”. */
  heading: string;
  /** Text edits (LSP ranges) for the document version the request was made for. */
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  version: number;
}

/** Request: the .docx of a document, laid out per GB/T 9704-2012, from the server's parse of its current version. */
export const EXPORT_DOCX_REQUEST = 'gongwen/exportDocx';

export interface ExportDocxParams {
  uri: string;
}

export interface ExportDocxResult {
  /** The .docx bytes, base64. */
  data: string;
  /** Unfilled placeholders (placeholder/unfilled findings) left in the report. */
  placeholders: number;
  /** Other findings of severity error. */
  errors: number;
  /** Where the first placeholder or error is (0-based, UTF-16), for “转到第一处”. */
  first?: { line: number; character: number; message: string };
  /** The report's title (lines joined), for the file name when the document has none. */
  title: string;
}

/** Request: a Word report (.docx bytes, base64) → the text of a .gw report. */
export const IMPORT_DOCX_REQUEST = 'gongwen/importDocx';

export interface ImportDocxParams {
  /** The .docx bytes, base64 (the client reads the file, so any file system works). */
  data: string;
}

export type ImportDocxResult =
  | { ok: true; text: string; paragraphs: number; numbered: number; tables: number; graphics: number; warning?: string }
  | { ok: false; error: string };

/** Client commands: export to Word, import from Word. Args: [resource?: Uri, options?: test hooks]. */
export const EXPORT_DOCX_COMMAND = 'gongwen.exportDocx';
export const IMPORT_DOCX_COMMAND = 'gongwen.importDocx';

/**
 * Request: the server process's id and memory (process.memoryUsage()). Params: none. Used by the client to tell
 * a crash from a restart, by the benchmark (heap) and by the crash-recovery end-to-end test (which kills the pid).
 */
export const PROCESS_INFO_REQUEST = 'gongwen/processInfo';

export interface ProcessInfoResult {
  pid: number;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
  documents: number;
}
