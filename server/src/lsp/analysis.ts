/**
 * One parse per document version, one lint per (version, rule settings): shared by every feature. How much is
 * checked depends on the document's size (limits.ts). A version's parse is derived from the previous one's
 * when typing allows (reparse), and its check re-runs only what the edit can affect (BlockCache, one per
 * document); a check can run in slices that let other requests in (findingsAsync).
 */
import { BlockCache, lint, parseReport, reparse, RULES, startLint, type Finding, type ParsedReport, type Resources, type RuleConfig } from '../core';
import { chunks, planCheck, type CheckPlan, type TimeSlicer } from './limits';

interface Entry {
  version: number;
  parsed?: ParsedReport;
  /** The latest parse of an earlier version, from which this one's is derived when typing allows (reparse). */
  previous?: ParsedReport;
  plan?: CheckPlan;
  findings?: { key: string; findings: Finding[] };
}

type Check = { rules: RuleConfig; resources: Resources; resourcesKey: string };

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly blockCaches = new Map<string, BlockCache>();
  /** Huge documents: findings per slice text, for the settings key they were found with. */
  private readonly sliceMemos = new Map<string, { key: string; bySlice: Map<string, Finding[]> }>();

  private entry(uri: string, version: number): Entry {
    let e = this.entries.get(uri);
    if (!e || e.version !== version) {
      e = { version, previous: e?.parsed ?? e?.previous };
      this.entries.set(uri, e);
    }
    return e;
  }

  parsed(uri: string, version: number, text: () => string): ParsedReport {
    const e = this.entry(uri, version);
    if (!e.parsed) {
      e.parsed = reparse(e.previous, text());
      e.previous = undefined; // taken over by the new parse
    }
    return e.parsed;
  }

  /** How much of this version is checked (by its size and longest line). */
  plan(uri: string, version: number, text: () => string): CheckPlan {
    const e = this.entry(uri, version);
    e.plan ??= planCheck(text());
    return e.plan;
  }

  /**
   * Findings for this version under these rule settings and dictionaries (`resourcesKey` names their
   * versions); undefined when linting was cancelled.
   */
  findings(
    uri: string,
    version: number,
    text: () => string,
    check: Check,
    isCancelled?: () => boolean,
    onFailure?: (ruleId: string, error: string) => void,
  ): Finding[] | undefined {
    const steps = this.check(uri, version, text, check, isCancelled, onFailure);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** The same check in slices: between rules (and slices of a huge document) it lets other requests in. */
  async findingsAsync(
    uri: string,
    version: number,
    text: () => string,
    check: Check,
    slicer: TimeSlicer,
    isCancelled?: () => boolean,
    onFailure?: (ruleId: string, error: string) => void,
  ): Promise<Finding[] | undefined> {
    const steps = this.check(uri, version, text, check, isCancelled, onFailure);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      const pause = slicer.maybeYield();
      if (pause) await pause;
    }
  }

  /** The check as steps (parse, then one rule or slice at a time); the value is undefined when cancelled. */
  private *check(
    uri: string,
    version: number,
    text: () => string,
    check: Check,
    isCancelled?: () => boolean,
    onFailure?: (ruleId: string, error: string) => void,
  ): Generator<void, Finding[] | undefined> {
    const e = this.entry(uri, version);
    const plan = this.plan(uri, version, text);
    const key = plan.tier + '\n' + JSON.stringify(check.rules) + '\n' + check.resourcesKey;
    if (e.findings && e.findings.key === key) return e.findings.findings;
    const only = plan.tier === 'full' ? undefined : RULES.filter((r) => plan.allows(r.meta.id, r.meta.category)).map((r) => r.meta.id);
    let findings: Finding[];
    if (plan.parse) {
      const parsed = this.parsed(uri, version, text);
      yield;
      let blockCache = this.blockCaches.get(uri);
      if (!blockCache) this.blockCaches.set(uri, (blockCache = new BlockCache()));
      const run = startLint(parsed, { rules: check.rules, resources: check.resources, isCancelled, only, blockCache });
      while (run.step()) yield;
      const result = run.result();
      for (const f of result.failures) onFailure?.(f.ruleId, f.error);
      if (result.cancelled) return undefined;
      findings = result.findings;
    } else {
      // Too large to parse: slice by slice, each parsed on its own; slices that did not change keep their findings.
      const t = text();
      const previous = this.sliceMemos.get(uri);
      const memo = previous?.key === key ? previous.bySlice : new Map<string, Finding[]>();
      const next = new Map<string, Finding[]>();
      findings = [];
      for (const c of chunks(t)) {
        if (isCancelled?.()) return undefined;
        const slice = t.slice(c.start, c.end);
        let found = next.get(slice) ?? memo.get(slice);
        if (!found) {
          const result = lint(parseReport(slice), { rules: check.rules, resources: check.resources, only });
          for (const f of result.failures) onFailure?.(f.ruleId, f.error);
          found = result.findings;
        }
        next.set(slice, found);
        for (const f of found) findings.push(shiftFinding(f, c.start));
        yield;
      }
      if (isCancelled?.()) return undefined;
      this.sliceMemos.set(uri, { key, bySlice: next });
    }
    e.findings = { key, findings };
    return findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.blockCaches.delete(uri);
    this.sliceMemos.delete(uri);
  }
}

function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const shifted: Finding = { ...f, span: { start: f.span.start + by, end: f.span.end + by } };
  if (f.fixes) shifted.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: { start: e.span.start + by, end: e.span.end + by } })) }));
  return shifted;
}
