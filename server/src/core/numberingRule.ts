/** Builds the four heading-numbering rules (gap, duplicate, restart, order) from one classification. */
import { standardMarker } from './parse/markers';
import type { ParsedReport, Section } from './parse/report';
import { renumberGroup, siblingGroups } from './renumber';
import type { Rule, RuleMeta } from './rule';
import { sequenceIssues, type SequenceFault } from './sequence';
import { headingLabel } from './headings';

export function headingSequenceRule(
  fault: SequenceFault,
  meta: Omit<RuleMeta, 'category' | 'fixable'>,
  message: (doc: ParsedReport, s: Section, expected: string, previous?: Section) => string,
): Rule {
  return {
    meta: { ...meta, category: 'numbering', fixable: true },
    check(ctx) {
      for (const group of siblingGroups(ctx.doc)) {
        const issues = sequenceIssues(group.map((s) => s.heading.marker.ordinal)).filter((i) => i.fault === fault);
        if (!issues.length) continue;
        const edits = renumberGroup(group);
        for (const issue of issues) {
          const s = group[issue.index];
          const m = s.heading.marker;
          const expected = standardMarker(m.level, issue.expected);
          ctx.report({
            span: { start: m.start, end: m.start + m.raw.length },
            message: message(ctx.doc, s, expected, group[issue.index - 1]),
            fixes: edits.length ? [{ title: `重新编号本级标题（${standardMarker(m.level, 1)}${standardMarker(m.level, 2)}……）`, edits }] : undefined,
          });
        }
      }
    },
  };
}

export { headingLabel };
