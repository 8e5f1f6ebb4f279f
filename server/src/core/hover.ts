/** Hover: what a finding means and the standard it follows; what a standard term means. */
import { glossary } from './glossary';
import { RULES_BY_ID } from './rules';
import { CATEGORY_TITLES } from './rule';
import type { Finding, Span } from './types';

export interface HoverInfo {
  /** Markdown, in Chinese. */
  markdown: string;
  span: Span;
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示', hint: '建议' } as const;

export function hoverAt(text: string, offset: number, findings: readonly Finding[]): HoverInfo | undefined {
  const here = findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
  if (here.length) {
    const parts = here.map((f) => {
      const meta = RULES_BY_ID.get(f.ruleId)?.meta;
      if (!meta) return `**${f.message}**`;
      return [
        `**${meta.title}**　\`${meta.id}\`　${CATEGORY_TITLES[meta.category]}·${SEVERITY_ZH[f.severity]}`,
        '',
        f.message,
        '',
        meta.description,
        '',
        `依据：${meta.standard}`,
      ].join('\n');
    });
    const span = { start: Math.min(...here.map((f) => f.span.start)), end: Math.max(...here.map((f) => f.span.end)) };
    return { markdown: parts.join('\n\n---\n\n'), span };
  }
  // A standard term under the cursor (the longest that covers the offset).
  let best: { term: string; meaning: string; source: string; start: number } | undefined;
  for (const t of glossary()) {
    const from = Math.max(0, offset - t.term.length);
    let at = text.indexOf(t.term, from);
    while (at !== -1 && at <= offset) {
      if (at + t.term.length >= offset && (!best || t.term.length > best.term.length)) best = { ...t, start: at };
      at = text.indexOf(t.term, at + 1);
    }
  }
  if (!best) return undefined;
  return {
    markdown: `**${best.term}**\n\n${best.meaning}\n\n出处：${best.source}`,
    span: { start: best.start, end: best.start + best.term.length },
  };
}
