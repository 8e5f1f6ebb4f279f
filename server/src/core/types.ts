/**
 * Core value types. Offsets are UTF-16 code-unit offsets into the document text (what JS strings index and
 * what LSP positions count), so spans convert to LSP ranges without re-encoding.
 */

/** Half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A replacement of `span` by `newText`; an insertion has start === end. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A named set of edits that is applied together or not at all. Edits never overlap. */
export interface Fix {
  /** Chinese title shown in the quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /**
   * false: offered as a quick fix only, never applied by fix-all / fix on save — for fixes that insert
   * template text or guess (a missing part, an uncertain typo). Default true.
   */
  auto?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese message: what is wrong and what is expected. */
  message: string;
  span: Span;
  /** Safe fixes; the first is the preferred one. Absent when the rule cannot fix this finding safely. */
  fixes?: Fix[];
}

export const span = (start: number, end: number): Span => ({ start, end });
