/** Report statistics for the status bar and the statistics command. */
import { CATEGORY_TITLES, type RuleCategory } from './rule';
import type { ParsedReport } from './parse/report';
import type { Finding } from './types';

export interface ReportStatistics {
  /** 字数: letters and digits of the report text (comment lines, punctuation and spaces not counted). */
  characters: number;
  /** Paragraphs (text blocks) of the report. */
  paragraphs: number;
  /** Headings per level: [一级, 二级, 三级, 四级]. */
  headings: [number, number, number, number];
  runInItems: number;
  placeholders: number;
  errors: number;
  warnings: number;
  /** Problems per rule category, with the Chinese category name. */
  byCategory: { category: RuleCategory; title: string; count: number }[];
}

const COUNTED = /[\p{L}\p{N}]/u;

export function reportStatistics(doc: ParsedReport, findings: readonly Finding[]): ReportStatistics {
  let characters = 0;
  let paragraphs = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'comment') continue;
    paragraphs++;
    for (let i = b.span.start; i < b.span.end; i++) {
      const c = doc.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        characters++;
        i++;
      } else if (c < 128 ? /[A-Za-z0-9]/.test(doc.text[i]) : COUNTED.test(doc.text[i])) characters++;
    }
  }
  const headings: [number, number, number, number] = [0, 0, 0, 0];
  for (const h of doc.headings) headings[h.level - 1]++;
  const counts = new Map<RuleCategory, number>();
  for (const f of findings) {
    const category = f.ruleId.split('/')[0] as RuleCategory;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return {
    characters,
    paragraphs,
    headings,
    runInItems: doc.runInLists.reduce((n, l) => n + l.items.length, 0),
    placeholders: findings.filter((f) => f.ruleId.startsWith('placeholder/')).length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    byCategory: (Object.keys(CATEGORY_TITLES) as RuleCategory[])
      .filter((c) => counts.has(c))
      .map((category) => ({ category, title: CATEGORY_TITLES[category], count: counts.get(category)! })),
  };
}
