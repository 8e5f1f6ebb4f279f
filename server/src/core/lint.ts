/** Runs the registered rules over a parsed report. One failing rule never stops the others. */
import type { BlockCache } from './blockCache';
import type { RuleConfig } from './config';
import type { ParsedReport } from './parse/report';
import type { ReportedFinding, Rule } from './rule';
import { RULES } from './rules';
import { defaultResources, type Resources } from './resources';
import { applySuppressions } from './suppress';
import type { Finding } from './types';

export interface LintOptions {
  rules?: RuleConfig;
  /** Checked between rules; when it returns true, linting stops and returns what it has. */
  isCancelled?: () => boolean;
  /** Restrict to these rules (tests, “fix all of this rule”). */
  only?: readonly string[];
  /** Dictionaries; the shipped ones when absent. */
  resources?: Resources;
  /**
   * Findings of earlier checks of the same document: after an edit, rules check only what it can affect (see
   * BlockCache). The host keeps one per document.
   */
  blockCache?: BlockCache;
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw, with the error text; the glue logs them. */
  failures: { ruleId: string; error: string }[];
  cancelled: boolean;
}

export function lint(doc: ParsedReport, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const run = startLint(doc, options, rules);
  while (run.step()) {
    // every rule, one after another
  }
  return run.result();
}

/** A check in progress: `step()` runs the next rule. Hosts that must stay responsive yield between steps. */
export interface LintRun {
  /** Runs the next enabled rule; false when none is left (or the check was cancelled). */
  step(): boolean;
  /** The findings so far, sorted, with inline suppressions applied. */
  result(): LintResult;
}

export function startLint(doc: ParsedReport, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintRun {
  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  let cancelled = false;
  const resources = options.resources ?? defaultResources();
  const queue = rules.filter((rule) => {
    if (options.only && !options.only.includes(rule.meta.id)) return false;
    return (options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity) !== 'off';
  });
  let next = 0;
  const runRule = (rule: Rule): void => {
    const configured = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    const setting = configured === 'off' ? rule.meta.defaultSeverity : configured; // 'off' rules are not queued
    try {
      const ctx = {
        doc,
        text: doc.text,
        resources,
        isCancelled: options.isCancelled,
        report: (f: ReportedFinding) => {
          const start = Math.max(0, Math.min(f.span.start, doc.text.length));
          const end = Math.max(start, Math.min(f.span.end, doc.text.length));
          const severity = options.rules?.[rule.meta.id] === undefined && f.severity ? f.severity : setting;
          findings.push({ ruleId: rule.meta.id, severity, message: f.message, span: { start, end }, fixes: f.fixes });
        },
      };
      if (options.blockCache) options.blockCache.run(rule, ctx, ctx.report);
      else rule.check(ctx);
    } catch (e) {
      failures.push({ ruleId: rule.meta.id, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    step() {
      if (cancelled || next >= queue.length) return false;
      if (options.isCancelled?.()) {
        cancelled = true;
        return false;
      }
      runRule(queue[next++]);
      return next < queue.length;
    },
    result() {
      // A rule may stop early when cancelled (RuleContext.isCancelled): then even the last one's findings are partial.
      if (!cancelled && options.isCancelled?.()) cancelled = true;
      const sorted = [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
      return { findings: applySuppressions(doc, sorted), failures, cancelled };
    },
  };
}
