/** The common shape of text rules: a global regex over every block of report text (comment lines skipped). */
import type { Block, ParsedReport } from './parse/report';

/**
 * Calls `onMatch` for every match of `pattern` (which must have the g flag) in each non-comment block, with
 * the match's document offset. `prefilter`, when given, skips blocks it does not match (cheap first test).
 */
export function forEachBlockMatch(
  doc: ParsedReport,
  pattern: RegExp,
  onMatch: (m: RegExpExecArray, start: number, block: Block, blockText: string) => void,
  prefilter?: RegExp,
): void {
  for (const block of doc.blocks) {
    if (block.kind === 'comment') continue;
    const body = doc.text.slice(block.span.start, block.span.end);
    if (prefilter && !prefilter.test(body)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      onMatch(m, block.span.start + m.index, block, body);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
}
