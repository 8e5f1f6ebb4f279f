/** The report's time frame for the formulation rules, from reportYear. */
import { latestWriting, yearRange, type ReportYear } from '../reportYear';
import type { TimelinePhrase } from './data';

/** The time frame of the report: the years it can be about and the latest month it can have been written. */
export interface ReportTime {
  min: number;
  max: number;
  /** Year * 12 + month − 1; undefined when unknown. */
  latest?: number;
  label: string;
}

export function reportTime(r: ReportYear): ReportTime | undefined {
  const range = yearRange(r);
  if (!range) return undefined;
  const period =
    r.period === 'first-half' ? '年上半年' : r.period === 'second-half' ? '年下半年' : r.period === 'quarter' ? `年第${'一二三四'[(r.quarter ?? 1) - 1]}季度` : r.period === 'months' ? '年' : '年度';
  const label = r.source === 'date' && r.date ? `本报告成文于${r.date.year}年${r.date.month}月` : `本报告为${r.year}${period}报告`;
  return { ...range, latest: latestWriting(r), label };
}

/** Whether a dated phrase can matter at all for a report of this time (else its hits are not collected). */
export function phraseApplies(p: TimelinePhrase, t: ReportTime | undefined): boolean {
  if (!t) return false;
  if (p.since !== undefined && t.latest !== undefined && p.since > t.latest) return true;
  return p.outdatedFrom !== undefined && t.min >= p.outdatedFrom;
}
