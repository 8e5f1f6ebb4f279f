/** Small text helpers shared by the formulation rules. */
import type { Block, ParsedReport } from '../parse/report';
import type { Span } from '../types';

/** The blocks the formulation rules read: everything but comment lines. */
export function checkedBlocks(doc: ParsedReport): Block[] {
  return doc.blocks.filter((b) => b.kind !== 'comment');
}

const CLAUSE_END = '，。；！？：,;!?:\n';

/** The clause (between ，。；！？：) around [start, end), inside the block. */
export function clauseAround(text: string, block: Span, start: number, end: number): Span {
  let s = start;
  while (s > block.start && !CLAUSE_END.includes(text[s - 1])) s--;
  let e = end;
  while (e < block.end && !CLAUSE_END.includes(text[e])) e++;
  return { start: s, end: e };
}

/** The sentence (between 。！？；) around [start, end), inside the block. */
export function sentenceAround(text: string, block: Span, start: number, end: number): Span {
  let s = start;
  while (s > block.start && !'。！？；\n'.includes(text[s - 1])) s--;
  let e = end;
  while (e < block.end && !'。！？；\n'.includes(text[e])) e++;
  return { start: s, end: e };
}

/** Whether `pos` lies inside a 《book title》 (looked for within 80 characters of the block). */
export function insideBookTitle(text: string, block: Span, pos: number): boolean {
  for (let i = pos - 1; i >= Math.max(block.start, pos - 80); i--) {
    const c = text[i];
    if (c === '》') return false;
    if (c === '《') return true;
  }
  return false;
}

/**
 * Whether [start, end) lies inside a quotation “……” (a citation or the title of an activity, quoted as
 * written at the time): an opening mark before it, not closed before it, and the closing mark after it.
 */
export function insideQuotation(text: string, block: Span, start: number, end: number): boolean {
  let open = false;
  for (let i = start - 1; i >= Math.max(block.start, start - 120); i--) {
    const c = text[i];
    if (c === '”') return false;
    if (c === '“') {
      open = true;
      break;
    }
  }
  if (!open) return false;
  const close = text.indexOf('”', start);
  return close !== -1 && close >= end && close < block.end;
}

export const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;

export function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHan(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** Chinese quotation of a text for messages: “…”, with quotes inside it turned into ‘…’. */
export function q(s: string): string {
  return `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
