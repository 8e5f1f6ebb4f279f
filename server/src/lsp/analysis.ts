/** One parse per document version, one lint per (version, rule settings): shared by every feature. */
import { lint, parseReport, type Finding, type ParsedReport, type Resources, type RuleConfig } from '../core';

interface Entry {
  version: number;
  parsed: ParsedReport;
  findings?: { key: string; findings: Finding[] };
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  parsed(uri: string, version: number, text: () => string): ParsedReport {
    let e = this.entries.get(uri);
    if (!e || e.version !== version) {
      e = { version, parsed: parseReport(text()) };
      this.entries.set(uri, e);
    }
    return e.parsed;
  }

  /**
   * Findings for this version under these rule settings and dictionaries (`resourcesKey` names their
   * versions); undefined when linting was cancelled.
   */
  findings(
    uri: string,
    version: number,
    text: () => string,
    check: { rules: RuleConfig; resources: Resources; resourcesKey: string },
    isCancelled?: () => boolean,
    onFailure?: (ruleId: string, error: string) => void,
  ): Finding[] | undefined {
    const parsed = this.parsed(uri, version, text);
    const e = this.entries.get(uri)!;
    const key = JSON.stringify(check.rules) + '\n' + check.resourcesKey;
    if (e.findings && e.findings.key === key) return e.findings.findings;
    const result = lint(parsed, { rules: check.rules, resources: check.resources, isCancelled });
    for (const f of result.failures) onFailure?.(f.ruleId, f.error);
    if (result.cancelled) return undefined;
    e.findings = { key, findings: result.findings };
    return result.findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
