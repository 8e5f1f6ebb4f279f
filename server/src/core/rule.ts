/** The contract every rule file fulfils: metadata plus a check over the parsed report. */
import type { Block, ParsedReport } from './parse/report';
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
  | 'duplicate'
  | 'grammar';

export const CATEGORY_TITLES: Record<RuleCategory, string> = {
  placeholder: '占位符',
  numbering: '序号',
  structure: '结构',
  punctuation: '标点',
  typo: '错别字',
  formulation: '规范表述',
  consistency: '日期与一致性',
  duplicate: '重复',
  grammar: '语病',
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
  /**
   * 'block': every finding lies inside one block and depends only on that block — its text, its kind and its
   * heading (level, marker, inline) — never on other blocks, its position or its line. The rule reads
   * `ctx.doc.blocks` (and each block's own fields) and nothing else of the tree. lint may then run it on the
   * changed blocks only and reuse earlier findings for blocks whose content is unchanged (a property test holds
   * every 'block' rule to this). Absent or 'document': the rule sees and checks the whole report every time.
   */
  scope?: 'block' | 'document';
  /**
   * For 'document' rules only: 'structure' promises that the findings depend on the report's skeleton alone —
   * headings (their whole blocks), sections, run-in items, paragraph heads, the title, 主送机关, 导语,
   * 附件说明, 署名 and 成文日期 blocks, and which blocks each section holds — and never on the other text of
   * body paragraphs. After an edit inside a body paragraph that leaves the skeleton as it was, lint may then
   * reuse the rule's earlier findings, moved with the text (a property test holds every such rule to this).
   */
  reads?: 'structure';
}

export interface ReportedFinding {
  span: Span;
  message: string;
  fixes?: Fix[];
  /**
   * This finding's own severity (e.g. a dictionary entry's), used unless the user set a severity for the
   * rule in gongwen.rules; absent = the rule's default.
   */
  severity?: Severity;
}

export interface RuleContext {
  doc: ParsedReport;
  text: string;
  /** Dictionaries and known words (shipped plus the user's). */
  resources: Resources;
  report(finding: ReportedFinding): void;
  /**
   * True once the check is no longer wanted (the document changed, the editor cancelled, a time budget ran
   * out). A long rule may poll it, e.g. once per block, and return early: what it reported so far is dropped.
   */
  isCancelled?: () => boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * For 'block' rules whose findings also depend on a fact of the whole report (its year and period): a key
   * of those facts, computed on the whole report. Findings kept for unchanged blocks are reused only while the
   * key stays the same. Inside check, read such facts through `wholeReport(ctx.doc)`: lint may hand a block
   * rule a view of the report restricted to the blocks to check.
   */
  blockContext?(doc: ParsedReport): string;
}

const WHOLE = Symbol('whole report');

/** A view of `doc` whose `blocks` are only `blocks` (what a 'block' rule is given to re-check). */
export function restrictedReport(doc: ParsedReport, blocks: Block[]): ParsedReport {
  const view: ParsedReport = { ...doc, blocks };
  Object.defineProperty(view, WHOLE, { value: wholeReport(doc), enumerable: false });
  return view;
}

/** The whole report behind a restricted view (or the report itself). */
export function wholeReport(doc: ParsedReport): ParsedReport {
  return (doc as ParsedReport & { [WHOLE]?: ParsedReport })[WHOLE] ?? doc;
}
