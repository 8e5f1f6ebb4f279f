/** Writing assistance over LSP: completion, hover, formatting (safe fixes only), statistics, missing parts. */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  completionsAt,
  fixAll,
  hoverAt,
  minimalEdit,
  missingParts,
  partInsertion,
  PART_TITLES,
  reportStatistics,
  type CompletionKind,
  type Finding,
  type ParsedReport,
  type Resources,
  type RuleConfig,
} from '../core';
import type { MissingPartResult, ReportStatisticsResult } from '../protocol';
import { toLspEdit, toRange } from './convert';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  'heading-number': CompletionItemKind.Enum,
  'heading-title': CompletionItemKind.Text,
  'run-in': CompletionItemKind.EnumMember,
  formulation: CompletionItemKind.Constant,
};

export function completions(doc: TextDocument, parsed: ParsedReport, offset: number, resources: Resources): CompletionItem[] {
  return completionsAt(parsed, offset, resources).map((item) => ({
    label: item.label,
    kind: KIND[item.kind],
    detail: item.detail,
    sortText: String(item.rank).padStart(4, '0'),
    // Filter on what the writer typed in the replaced range (for CJK the label itself).
    filterText: doc.getText(toRange(doc, item.span)) + item.label,
    textEdit: { range: toRange(doc, item.span), newText: item.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

export function hover(doc: TextDocument, offset: number, findings: readonly Finding[]): Hover | null {
  const info = hoverAt(doc.getText(), offset, findings);
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(doc, info.span) };
}

/** Rules whose fixes only touch punctuation, heading-number form and whitespace: what Format Document applies. */
export function isFormattingRule(ruleId: string): boolean {
  return ruleId.startsWith('punctuation/') || ruleId === 'numbering/separator' || ruleId === 'numbering/inconsistent-separator';
}

export function formatting(doc: TextDocument, rules: RuleConfig, resources: Resources): LspTextEdit[] {
  const text = doc.getText();
  const result = fixAll(text, { rules, resources, accept: (f) => isFormattingRule(f.ruleId) });
  const change = minimalEdit(text, result.text);
  return change ? [toLspEdit(doc, { span: { start: change.start, end: change.end }, newText: change.newText })] : [];
}

export function statistics(parsed: ParsedReport, findings: readonly Finding[]): ReportStatisticsResult {
  return reportStatistics(parsed, findings);
}

export function missingPartEdits(doc: TextDocument, parsed: ParsedReport): MissingPartResult[] {
  return missingParts(parsed).map((kind) => {
    const insertion = partInsertion(parsed, kind);
    return {
      kind,
      title: PART_TITLES[kind],
      heading: insertion.heading,
      edits: insertion.edits.map((e) => toLspEdit(doc, e)),
      version: doc.version,
    };
  });
}
