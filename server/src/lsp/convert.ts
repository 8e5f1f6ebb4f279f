/** The only place where core spans become LSP ranges and findings become diagnostics. */
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, type Severity, type Span, type TextEdit } from '../core';

export const SOURCE = 'gongwen';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toLspEdit(doc: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(doc, edit.span), newText: edit.newText };
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  };
}

/** Whether two lists of our diagnostics say the same, in the same order (the fields toDiagnostic sets). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.message !== y.message ||
      x.code !== y.code ||
      x.severity !== y.severity ||
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character
    )
      return false;
  }
  return true;
}
