/** Applying edits and fixes without corrupting text: edits never overlap, text outside them never moves. */
import type { Finding, Fix, TextEdit } from './types';

/** Sorts edits and drops any that overlap an earlier one; insertions at the same point keep their order. */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.span.start < lastEnd) continue;
    if (e.span.start > e.span.end) continue;
    out.push(e);
    lastEnd = Math.max(lastEnd, e.span.end);
  }
  return out;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of normalizeEdits(edits)) {
    if (e.span.start < pos || e.span.end > text.length) continue;
    parts.push(text.slice(pos, e.span.start), e.newText);
    pos = e.span.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point, or an insertion at the edge of a replacement, still conflict: their
  // order would be arbitrary.
  return a.span.start <= b.span.end && b.span.start <= a.span.end;
}

/**
 * Chooses the preferred fix of each finding, skipping fixes that conflict with one already chosen, and
 * returns their edits. Applying them once and re-linting until nothing changes reaches the fixed point.
 */
export function collectFixAllEdits(
  findings: readonly Finding[],
  accept?: (f: Finding) => boolean,
  includeManual = false,
): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const f of findings) {
    if (accept && !accept(f)) continue;
    const fix: Fix | undefined = f.fixes?.[0];
    if (!fix || fix.edits.length === 0 || (fix.auto === false && !includeManual)) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    chosen.push(...fix.edits);
  }
  return normalizeEdits(chosen);
}
