/** Fix-all: apply every safe fix, re-check, repeat until nothing changes (a fixed point). */
import type { RuleConfig } from './config';
import { collectFixAllEdits, applyEdits } from './fixes';
import { lint } from './lint';
import { parseReport } from './parse/parser';
import type { Resources } from './resources';
import type { Finding } from './types';

export interface FixAllResult {
  text: string;
  /** How many passes changed the text. */
  passes: number;
  /** How many fixes were applied in all. */
  applied: number;
}

const MAX_PASSES = 10;

export function fixAll(
  text: string,
  options: {
    rules?: RuleConfig;
    accept?: (f: Finding) => boolean;
    resources?: Resources;
    /** Also apply fixes marked `auto: false` (tests of a rule's fixes; never for fix on save). */
    includeManual?: boolean;
  } = {},
): FixAllResult {
  let current = text;
  let passes = 0;
  let applied = 0;
  for (; passes < MAX_PASSES; passes++) {
    const { findings } = lint(parseReport(current), { rules: options.rules, resources: options.resources });
    const edits = collectFixAllEdits(findings, options.accept, options.includeManual);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, passes, applied };
}

/** The smallest single replacement that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  if (endB < before.length && isLow(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
