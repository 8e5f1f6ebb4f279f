/** Runs the registered rules over a parsed report. One failing rule never stops the others. */
import type { RuleConfig } from './config';
import type { ParsedReport } from './parse/report';
import type { Rule } from './rule';
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
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw, with the error text; the glue logs them. */
  failures: { ruleId: string; error: string }[];
  cancelled: boolean;
}

export function lint(doc: ParsedReport, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  let cancelled = false;
  const resources = options.resources ?? defaultResources();
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue;
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    try {
      rule.check({
        doc,
        text: doc.text,
        resources,
        report: (f) => {
          const start = Math.max(0, Math.min(f.span.start, doc.text.length));
          const end = Math.max(start, Math.min(f.span.end, doc.text.length));
          findings.push({ ruleId: rule.meta.id, severity: setting, message: f.message, span: { start, end }, fixes: f.fixes });
        },
      });
    } catch (e) {
      failures.push({ ruleId: rule.meta.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: applySuppressions(doc, findings), failures, cancelled };
}
