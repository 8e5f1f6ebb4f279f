/** The contract every rule file fulfils: metadata plus a check over the parsed report. */
import type { ParsedReport } from './parse/report';
import type { Resources } from './resources';
import type { Fix, Severity, Span } from './types';

export type RuleCategory =
  | 'placeholder'
  | 'numbering'
  | 'structure'
  | 'punctuation'
  | 'typo'
  | 'formulation'
  | 'consistency'
  | 'duplicate';

export const CATEGORY_TITLES: Record<RuleCategory, string> = {
  placeholder: '占位符',
  numbering: '序号',
  structure: '结构',
  punctuation: '标点',
  typo: '错别字',
  formulation: '规范表述',
  consistency: '日期与一致性',
  duplicate: '重复',
};

export interface RuleMeta {
  /** `category/name`; also the rule file's path under rules/ and the diagnostic code. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Chinese title, a few words. */
  title: string;
  /** Chinese explanation: what the rule checks and why, with the standard it follows. */
  description: string;
  /** The standard or source the rule follows, e.g. “GB/T 9704-2012 7.3.3”. */
  standard: string;
  /** Whether the rule offers a safe fix for (some of) its findings. */
  fixable: boolean;
}

export interface ReportedFinding {
  span: Span;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  doc: ParsedReport;
  text: string;
  /** Dictionaries and known words (shipped plus the user's). */
  resources: Resources;
  report(finding: ReportedFinding): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
