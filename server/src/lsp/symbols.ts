/** Outline → hierarchical DocumentSymbols (Outline view, breadcrumbs, Go to Symbol). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildOutline, type OutlineKind, type OutlineNode, type ParsedReport } from '../core';
import { toRange } from './convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  heading1: SymbolKind.Namespace,
  heading2: SymbolKind.Module,
  heading3: SymbolKind.Class,
  heading4: SymbolKind.Method,
  'paragraph-head': SymbolKind.Key,
  'run-in-item': SymbolKind.EnumMember,
  attachment: SymbolKind.Package,
  signature: SymbolKind.Event,
};

const DETAIL: Record<OutlineKind, string> = {
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  'paragraph-head': '段首标题',
  'run-in-item': '分项',
  attachment: '附件说明',
  signature: '落款',
};

function toSymbol(doc: TextDocument, node: OutlineNode): DocumentSymbol {
  const range = toRange(doc, node.span);
  let selectionRange = toRange(doc, node.selectionSpan);
  // LSP requires the selection to lie inside the range.
  if (node.selectionSpan.start < node.span.start || node.selectionSpan.end > node.span.end) selectionRange = range;
  return {
    name: node.name,
    detail: DETAIL[node.kind],
    kind: KIND[node.kind],
    range,
    selectionRange,
    children: node.children.map((c) => toSymbol(doc, c)),
  };
}

export function documentSymbols(doc: TextDocument, parsed: ParsedReport): DocumentSymbol[] {
  return buildOutline(parsed).map((n) => toSymbol(doc, n));
}
