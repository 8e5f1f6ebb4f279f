/**
 * How much of a document the server checks, by its size and shape, so that a huge or hostile document never
 * stops the server from answering (every step it takes stays short, see `TimeSlicer`):
 *
 *   full     ≤ 500,000 characters and no line longer than 100,000 — every rule, outline, quick fixes, formatting.
 *   reduced  ≤ 1,200,000 characters (or a line longer than 100,000) — the report is parsed (outline, folding,
 *            quick fixes work) but only the cheap rules run: placeholders, heading numbers and structure.
 *            No formatting.
 *   huge     larger — no report tree at all (parsing alone would take seconds): placeholders only, found in
 *            slices of 50,000 characters; no outline, folding, hover, quick fixes or formatting.
 *
 * The server says so once per document (a Chinese window message). Characters are UTF-16 code units, as
 * everywhere in the server. A real 公文 has 3,000–30,000; a 500,000-character one would be some 800 pages.
 */
import type { RuleCategory } from '../core';

export type CheckTier = 'full' | 'reduced' | 'huge';

export const LIMITS = {
  /** Largest document checked in full. */
  fullMaxChars: 500_000,
  /** Longest line checked in full (pasted text without line breaks is one line; a report is ~30,000). */
  fullMaxLineChars: 100_000,
  /** Largest document that is parsed at all (parsing 1.2 million characters takes about 0.2 s on one core). */
  reducedMaxChars: 1_200_000,
  /** Size of the slices a huge document is scanned in. */
  hugeChunkChars: 50_000,
  /** Longest a check runs before it lets other requests in (ms). */
  sliceMs: 25,
} as const;

/** Rule categories that stay on for a reduced check: cheap, linear, and what matters most in a draft. */
const REDUCED_CATEGORIES: readonly RuleCategory[] = ['placeholder', 'numbering', 'structure'];
/** The only rule run on a huge document (block-local, one regex per block). */
export const HUGE_RULES: readonly string[] = ['placeholder/unfilled'];

export interface CheckPlan {
  tier: CheckTier;
  /** Whether the report tree is built (outline, folding, selection ranges, quick fixes). */
  parse: boolean;
  /** Whether a rule runs at this tier (the user's settings apply on top). */
  allows(ruleId: string, category: RuleCategory): boolean;
  /** Chinese message for the user, shown once per document; absent for a full check. */
  message?: string;
}

const FULL: CheckPlan = { tier: 'full', parse: true, allows: () => true };

export function planCheck(text: string): CheckPlan {
  const length = text.length;
  if (length <= LIMITS.fullMaxChars && longestLine(text, LIMITS.fullMaxLineChars) <= LIMITS.fullMaxLineChars) return FULL;
  const size = describeSize(text);
  if (length <= LIMITS.reducedMaxChars) {
    const why = length > LIMITS.fullMaxChars ? `文档较大（${size}）` : `文档中有超长的行（超过 ${LIMITS.fullMaxLineChars / 10_000} 万字、没有换行）`;
    return {
      tier: 'reduced',
      parse: true,
      allows: (_id, category) => REDUCED_CATEGORIES.includes(category),
      message: `公文助手：${why}，只检查占位符、标题序号和结构，不检查标点、错别字等，也不提供格式化。`,
    };
  }
  return {
    tier: 'huge',
    parse: false,
    allows: (id) => HUGE_RULES.includes(id),
    message: `公文助手：文档过大（${size}），只检查占位符；大纲、折叠、快速修复和格式化不可用。`,
  };
}

/** Length of the longest line, or of the first line longer than `cap` (enough to compare with a limit). */
export function longestLine(text: string, cap = Infinity): number {
  let longest = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > longest) longest = end - start;
    if (longest > cap || nl === -1) return longest;
    start = nl + 1;
  }
}

/** “10.2 MB” (UTF-8, as the file on disk) for large texts, “85 万字” below a megabyte. */
export function describeSize(text: string): string {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair: 4 bytes in all
  }
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.round(text.length / 10_000)} 万字`;
}

/**
 * Slices of a huge text, at most `size` characters, cut after a line break where there is one (so an edit
 * leaves the other slices as they were and their findings can be reused), never inside a surrogate pair.
 */
export function chunks(text: string, size: number = LIMITS.hugeChunkChars): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= start + (size >> 1)) end = nl + 1;
      else {
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end--;
      }
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

/**
 * Lets a long check share the thread: `maybeYield()` returns a promise that resolves on the next turn of the
 * event loop once `sliceMs` have passed since the last yield (so pending requests and cancellations are
 * handled in between), and undefined otherwise (go on at once).
 */
export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly sliceMs: number = LIMITS.sliceMs) {}

  maybeYield(): Promise<void> | undefined {
    if (performance.now() - this.last < this.sliceMs) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.last = performance.now();
        resolve();
      }),
    );
  }
}
