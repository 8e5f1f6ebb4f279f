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
