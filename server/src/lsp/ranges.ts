/** Folding per section and expand-selection (sentence → paragraph → section → … → document). */
import type { FoldingRange, Position, SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedReport, Section, Span } from '../core';
import { toRange } from './convert';

export function foldingRanges(doc: TextDocument, parsed: ParsedReport): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (s: Section): void => {
    const startLine = doc.positionAt(s.heading.block.span.start).line;
    const endLine = doc.positionAt(s.span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
    s.children.forEach(visit);
  };
  parsed.sections.forEach(visit);
  if (parsed.title.length && parsed.opening.length) {
    const startLine = doc.positionAt(parsed.opening[0].span.start).line;
    const endLine = doc.positionAt(parsed.opening[parsed.opening.length - 1].span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}

const SENTENCE_END = /[。！？!?；;]/;

export function selectionRanges(doc: TextDocument, parsed: ParsedReport, positions: Position[]): SelectionRange[] {
  const text = parsed.text;
  return positions.map((pos) => {
    const offset = doc.offsetAt(pos);
    const spans: Span[] = [];
    const block = parsed.blocks.find((b) => b.span.start <= offset && offset <= b.span.end);
    if (block) {
      let s = offset;
      while (s > block.span.start && !SENTENCE_END.test(text[s - 1])) s--;
      let e = offset;
      while (e < block.span.end && !SENTENCE_END.test(text[e])) e++;
      if (e < block.span.end) e++;
      spans.push({ start: s, end: e }, block.span);
      for (let sec = block.section; sec; sec = sec.parent) spans.push({ start: sec.heading.block.span.start, end: sec.span.end });
    }
    spans.push({ start: 0, end: text.length });
    // Innermost first; each parent must strictly contain its child.
    let result: SelectionRange | undefined;
    const chain: Span[] = [];
    for (const sp of spans) {
      const last = chain[chain.length - 1];
      if (last && sp.start === last.start && sp.end === last.end) continue;
      if (last && !(sp.start <= last.start && sp.end >= last.end)) continue;
      chain.push(sp);
    }
    for (let i = chain.length - 1; i >= 0; i--) result = { range: toRange(doc, chain[i]), parent: result };
    return result ?? { range: { start: pos, end: pos } };
  });
}
