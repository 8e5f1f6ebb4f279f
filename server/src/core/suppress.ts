/**
 * Inline suppression in comment lines (which are not part of the report):
 *   // gongwen-disable-next-line [rule-id …]   the next line of text
 *   // gongwen-disable [rule-id …]             from here …
 *   // gongwen-enable [rule-id …]              … to here (or the end)
 * Without rule ids, every rule. The “忽略此处” quick fix writes the first form.
 */
import type { ParsedReport } from './parse/report';
import { lineOf } from './text/lineIndex';
import type { Finding } from './types';

interface Range {
  startLine: number;
  endLine: number; // inclusive
  rules?: Set<string>; // undefined = all
}

const DIRECTIVE = /^\/\/\s*gongwen-(disable-next-line|disable|enable)\b(.*)$/;

export const DISABLE_NEXT_LINE = 'gongwen-disable-next-line';

export function suppressionRanges(doc: ParsedReport): Range[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule id or '*' → start line
  const textLines = new Set(doc.blocks.filter((b) => b.kind !== 'comment').map((b) => b.line));
  const lastLine = doc.lineStarts.length - 1;
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(doc.text.slice(c.span.start, c.span.end));
    if (!m) continue;
    const ids = m[2].split(/[\s,，]+/).filter(Boolean);
    const rules = ids.length ? new Set(ids) : undefined;
    if (m[1] === 'disable-next-line') {
      let next = c.line + 1;
      while (next <= lastLine && !textLines.has(next)) next++;
      ranges.push({ startLine: next, endLine: next, rules });
    } else if (m[1] === 'disable') {
      for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, c.line);
    } else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const start = open.get(id);
        if (start === undefined) continue;
        open.delete(id);
        ranges.push({ startLine: start, endLine: c.line, rules: id === '*' ? undefined : new Set([id]) });
      }
    }
  }
  for (const [id, start] of open) ranges.push({ startLine: start, endLine: lastLine, rules: id === '*' ? undefined : new Set([id]) });
  return ranges;
}

export function applySuppressions(doc: ParsedReport, findings: Finding[]): Finding[] {
  if (!doc.comments.length) return findings;
  const ranges = suppressionRanges(doc);
  if (!ranges.length) return findings;
  return findings.filter((f) => {
    const line = lineOf(doc.lineStarts, f.span.start);
    return !ranges.some((r) => line >= r.startLine && line <= r.endLine && (!r.rules || r.rules.has(f.ruleId)));
  });
}
