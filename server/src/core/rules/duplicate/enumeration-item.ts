import { charTable, occurrences } from '../../consistency/context';
import type { Rule, RuleContext } from '../../rule';
import type { Span } from '../../types';

/** A clause ends at these marks; items inside it are separated by 、. */
const CLAUSE_END = charTable('，。；：！？,;:!?（）()\n');
/** The last item may join one more with 和/及/与 (A、B和C). */
const JOINER = /以及|和|及|与/g;
const HAS_JOINER = /[和及与]/;
const JOINER_CHAR = charTable('和及与');
const YI = '以'.charCodeAt(0);
const JI = '及'.charCodeAt(0);
/** Item bounds (start, end, …) of the clause being looked at, for the quick test. */
const ITEMS = new Int32Array(128);
/** Quotes and spaces around an item do not make it another item. */
const SKIP = charTable('“”‘’"\'《》 \t\u3000');
/** What may follow the final item's repeated head: the clause's predicate (同部署的要求, 进校园活动). */
const PREDICATE_AFTER = /^(?:的|等|之|上|中|为|作为|相结合|相统一|全覆盖|一体|活动|工作|要求|机制|格局|制度)/;

interface Item extends Span {
  /** Where a 和/及 joining this item starts (the item is removed together with it). */
  joiner?: number;
}

const NORM = /[“”‘’"'《》\s]/g;
const HAS_NORM = /[“”‘’"'《》\s]/;
const norm = (s: string): string => (HAS_NORM.test(s) ? s.replace(NORM, '') : s);

const rule: Rule = {
  meta: {
    id: 'duplicate/enumeration-item',
    category: 'duplicate',
    defaultSeverity: 'warning',
    title: '并列项重复',
    description:
      '用顿号隔开的并列项中，同一项出现了两次（“同部署、同落实、同部署”“政治意识、大局意识、政治意识”），' +
      '多是改稿时漏删或误粘。结构相同而内容不同的并列项（“守土有责、守土负责、守土尽责”“导学、领学、促学、帮学”）' +
      '不在此列。快速修复删去后一次出现及其前面的顿号。',
    standard: 'GB/T 15834-2011 4.5（顿号用于并列词语之间）；公文校对通行要求（重复）',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const { doc, text } = ctx;
    for (const block of doc.blocks) {
      if (block.kind === 'comment') continue;
      const lo = block.span.start;
      const hi = block.span.end;
      // Only clauses with a 顿号 matter: jump from one 、 to the next and take its clause once.
      let done = lo;
      for (const d of occurrences(text, '、', lo, hi)) {
        if (d < done) continue;
        let start = d;
        while (start > lo && !CLAUSE_END[text.charCodeAt(start - 1)]) start--;
        let end = d;
        while (end < hi && !CLAUSE_END[text.charCodeAt(end)]) end++;
        if (mayRepeatQuick(text, start, end)) checkClause(ctx, start, end);
        done = end;
      }
    }
  },
};

// The helpers are module functions, not closures made per check: a closure's optimised code may be dropped
// by a full garbage collection, and each check would then start again in the interpreter.

const t = (text: string, s: Span): string => norm(text.slice(s.start, s.end));

/** First character of text[start, end) that is not a quote or a space, or -1. */
function headAt(text: string, start: number, end: number): number {
  let p = start;
  while (p < end && SKIP[text.charCodeAt(p)]) p++;
  return p < end ? text.charCodeAt(p) : -1;
}

/** Appends an item to ITEMS: the new length, or -1 when full (a long list: no shortcut). */
function pushItem(n: number, start: number, end: number): number {
  if (n === ITEMS.length) return -1;
  ITEMS[n] = start;
  ITEMS[n + 1] = end;
  return n + 2;
}

/**
 * `items.length >= 2 && mayRepeat(items)` for the items checkClause makes of the clause, worked out without
 * building them (in ITEMS, as start, end, …): most clauses end here.
 */
function mayRepeatQuick(text: string, start: number, end: number): boolean {
  let n = 0;
  let s = start;
  for (let p = start; p < end; p++) {
    if (text.charCodeAt(p) !== 0x3001) continue;
    if ((n = pushItem(n, s, p)) === -1) return true;
    s = p + 1;
  }
  // The last item may hold more items joined by 和/及/与 (as JOINER divides it in checkClause).
  let from = s;
  for (let p = s; p < end; ) {
    const c = text.charCodeAt(p);
    const len = c === YI && p + 1 < end && text.charCodeAt(p + 1) === JI ? 2 : JOINER_CHAR[c] ? 1 : 0;
    if (len === 0) {
      p++;
      continue;
    }
    if (p !== from) {
      if ((n = pushItem(n, from, p)) === -1) return true;
      from = p + len;
    }
    p += len;
  }
  if ((n = pushItem(n, from, end)) === -1) return true;
  if (n < 4) return false;
  for (let j = 2; j < n; j += 2) {
    const h = headAt(text, ITEMS[j], ITEMS[j + 1]);
    if (h === -1) continue;
    for (let i = 0; i < j; i += 2) if (headAt(text, ITEMS[i], ITEMS[i + 1]) === h) return true;
    for (let p = ITEMS[0]; p < ITEMS[1]; p++) if (text.charCodeAt(p) === h) return true;
  }
  return false;
}

/** Cheap test before the real one: a repeated item starts like an earlier item or occurs in the first. */
function mayRepeat(text: string, items: Item[]): boolean {
  const heads: number[] = [];
  for (let j = 0; j < items.length; j++) {
    const h = headAt(text, items[j].start, items[j].end);
    if (j > 0 && h !== -1) {
      if (heads.includes(h)) return true;
      for (let p = items[0].start; p < items[0].end; p++) if (text.charCodeAt(p) === h) return true;
    }
    heads.push(h);
  }
  return false;
}

function checkClause(ctx: RuleContext, start: number, end: number): void {
  const text = ctx.text;
    const items: Item[] = [];
    let s = start;
    for (let p = start; p <= end; p++) {
      if (p === end || text.charCodeAt(p) === 0x3001) {
        items.push({ start: s, end: p });
        s = p + 1;
      }
    }
    // The last item may hold more items joined by 和/及: A、B和C.
    const last = items.pop()!;
    const lastText = text.slice(last.start, last.end);
    let from = last.start;
    let joiner: number | undefined;
    JOINER.lastIndex = 0;
    for (let m = HAS_JOINER.test(lastText) ? JOINER.exec(lastText) : null; m; m = JOINER.exec(lastText)) {
      const at = last.start + m.index;
      if (at === from) continue;
      items.push({ start: from, end: at, joiner });
      joiner = at;
      from = at + m[0].length;
    }
    items.push({ start: from, end: last.end, joiner });
    if (items.length < 2 || !mayRepeat(text, items)) return;
    const norms = items.map((it) => t(text, it));
    const first = norms[0];
    const middle = norms.slice(1, -1);
    const lengths = middle.length ? middle.map((n) => n.length) : [norms[norms.length - 1].length];
    const rawLengths = items.slice(1, -1).map((it) => it.end - it.start);
    const near = (list: number[], L: number): boolean => list.some((n) => Math.abs(n - L) <= 2);
    const seen = new Set<string>();

    for (let j = 1; j < items.length; j++) {
      const later = items[j];
      seen.add(norms[j - 1]);
      const cands: Span[] = [{ start: later.start, end: later.end }];
      if (j === items.length - 1 && j >= 2) {
        // The final item's head may repeat an earlier item, the clause's predicate following (同部署的要求).
        const raw = text.slice(later.start, later.end);
        for (let i = 1; i < j; i++) {
          const e = text.slice(items[i].start, items[i].end).trim();
          if (e.length >= 2 && e.length < raw.length && raw.startsWith(e)) cands.push({ start: later.start, end: later.start + e.length });
        }
        // …or the first item's tail (通过“三会一课”、主题党日、“三会一课”等形式): as long as the items around.
        const firstRaw = text.slice(items[0].start, items[0].end);
        for (let L = Math.min(firstRaw.length, raw.length - 1); L >= 2; L--) {
          if (near(rawLengths, L) && firstRaw.endsWith(raw.slice(0, L))) cands.push({ start: later.start, end: later.start + L });
        }
      }
      let hit: Span | undefined;
      for (const c of cands) {
        const v = c.end === later.end ? norms[j] : t(text, c);
        if (!v) continue;
        // The first item may carry the clause's lead-in (与各项工作同部署): compare its tail.
        if (!seen.has(v) && !(v.length >= 2 && first.endsWith(v) && near(lengths, v.length))) continue;
        if (c.end < later.end) {
          // The rest must be the predicate, not the rest of a compound (党员、干部、党员干部).
          const rest = text.slice(c.end, later.end);
          if (!PREDICATE_AFTER.test(rest) || norms.some((n) => n && rest.startsWith(n))) continue;
        }
        hit = c;
        break;
      }
      if (!hit) continue;
      // 学习、学习、再学习: a deliberate repetition that builds up.
      if (/^再/.test(text.slice(items[items.length - 1].start, items[items.length - 1].end)) && j < items.length - 1) continue;
      const name = text.slice(hit.start, hit.end);
      const cut = { start: later.joiner ?? later.start - 1, end: hit.end };
      ctx.report({
        span: hit,
        message: `并列项“${name}”重复出现，前面已有“${name}”，应删去重复的一项`,
        fixes: [{ title: `删去重复的“${name}”`, edits: [{ span: cut, newText: '' }] }],
      });
    }
  }

export default rule;
