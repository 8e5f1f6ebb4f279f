/**
 * What is wrong with a found list (formulation/enumeration) and what the outdated version of a list becomes
 * (formulation/outdated). Fixes are offered only where the right text is certain: a reorder of members that
 * are all there, the one missing member in place of the one odd item, insertions into a list of 、.
 */
import type { ReportedFinding } from '../rule';
import type { TextEdit } from '../types';
import type { Enumeration } from './data';
import { stemsOf, type FoundList, type ListItem } from './enumerations';
import { q } from './text';

const quoteList = (xs: string[]): string => xs.map((x) => q(x)).join('、');

function canonical(e: Enumeration): string {
  return e.members.join('、');
}

/** The text a member takes in this list (the stem in a compressed list). */
function memberText(list: FoundList, member: number): string {
  if (list.compressed) return stemsOf(list.enumeration)?.[member] ?? list.enumeration.members[member];
  return list.enumeration.members[member];
}

const sourceNote = (e: Enumeration): string => (e.source ? `依据：${e.source}` : '');

export function enumerationFindings(text: string, list: FoundList): ReportedFinding[] {
  const out: ReportedFinding[] = [];
  const e = list.enumeration;
  const recognised = list.items.filter((x) => x.kind !== 'odd');
  const odd = list.items.filter((x) => x.kind === 'odd');
  const members = recognised.map((x) => x.member);
  const distinct = new Set(members);
  const written = (x: ListItem): string => text.slice(x.span.start, x.span.end);

  // 1. Certainly wrong spellings of a member (马列主义 in the full list of the guiding thoughts).
  for (const x of recognised) {
    if (x.kind !== 'wrong') continue;
    const right = memberText(list, x.member);
    out.push({
      span: x.span,
      message: `在${q(e.name)}的列举中，${q(written(x))}应为${q(right)}（${sourceNote(e)}）`,
      fixes: [{ title: `改为${q(right)}`, edits: [{ span: x.span, newText: right }] }],
    });
  }

  // 2. Order.
  if (e.ordered && distinct.size === members.length && members.some((m, i) => i > 0 && m < members[i - 1])) {
    const sorted = [...members].sort((a, b) => a - b);
    const edits: TextEdit[] = [];
    recognised.forEach((x, i) => {
      const want = memberText(list, sorted[i]);
      if (written(x) !== want) edits.push({ span: x.span, newText: want });
    });
    const listedNames = sorted.map((m) => e.members[m]);
    const moved = edits.length ? edits : recognised.map((x) => ({ span: x.span }));
    out.push({
      span: { start: moved[0].span.start, end: moved[moved.length - 1].span.end },
      message: `${q(e.name)}的顺序不对，应依次为${quoteList(distinct.size === e.members.length ? e.members : listedNames)}（${sourceNote(e)}）`,
      fixes: odd.length === 0 && edits.length ? [{ title: '按标准顺序排列', edits }] : undefined,
    });
  }

  if (e.outdatedFrom !== undefined || distinct.size !== members.length) return out;
  const missing = e.members.map((_, i) => i).filter((i) => !distinct.has(i));

  // 3. An item that is not a member (服务意识 among the 四个意识).
  if (odd.length && (e.closed || list.named)) {
    if (odd.length === missing.length) {
      for (const x of odd) {
        const certain = odd.length === 1;
        const right = certain ? memberText(list, missing[0]) : '';
        out.push({
          span: x.span,
          message: certain
            ? `${q(written(x))}不属于${q(e.name)}，应为${q(right)}（${q(e.name)}即${canonical(e)}；${sourceNote(e)}）`
            : `${q(written(x))}不属于${q(e.name)}（${q(e.name)}即${canonical(e)}；${sourceNote(e)}）`,
          fixes: certain ? [{ title: `改为${q(right)}`, edits: [{ span: x.span, newText: right }] }] : undefined,
        });
      }
    } else if (list.named) {
      for (const x of odd) {
        out.push({ span: x.span, message: `${q(written(x))}不属于${q(e.name)}（${q(e.name)}即${canonical(e)}；${sourceNote(e)}）` });
      }
    }
    return out;
  }

  // 4. Missing members: with the name next to the list, or one missing from a closed list of four or more.
  if (!odd.length && missing.length && recognised.length >= 2 && (list.named || (e.closed && e.members.length >= 4 && missing.length === 1))) {
    const inOrder = members.every((m, i) => i === 0 || m > members[i - 1]);
    const edits: TextEdit[] = [];
    if (inOrder && list.separators.every((s) => s === '、')) {
      for (const k of missing) {
        const before = [...recognised].reverse().find((x) => x.member < k);
        if (before) edits.push({ span: { start: before.span.end, end: before.span.end }, newText: `、${memberText(list, k)}` });
        else edits.push({ span: { start: recognised[0].span.start, end: recognised[0].span.start }, newText: `${memberText(list, k)}、` });
      }
    }
    // Insertions at the same point, in member order, simply concatenate (“、甲”“、乙” → “、甲、乙”).
    const merged: TextEdit[] = [];
    for (const ed of edits) {
      const same = merged.find((m) => m.span.start === ed.span.start);
      if (same) same.newText += ed.newText;
      else merged.push({ ...ed });
    }
    out.push({
      span: list.span,
      message: `${q(e.name)}缺少${quoteList(missing.map((m) => e.members[m]))}，应为${canonical(e)}（${sourceNote(e)}）`,
      fixes: merged.length ? [{ title: `补全为${q(canonical(e))}`, edits: merged }] : undefined,
    });
  }
  return out;
}

/** The fix that turns an outdated list into its successor (四个全面 of 2014 → of 2020), when certain. */
export function supersedingEdits(text: string, list: FoundList, successor: Enumeration): TextEdit[] | undefined {
  const e = list.enumeration;
  const recognised = list.items.filter((x) => x.kind !== 'odd');
  if (list.items.length !== recognised.length || recognised.length !== e.members.length) return undefined;
  if (!recognised.every((x, i) => x.member === i)) return undefined;
  const succ = (m: number): string | undefined => {
    if (!list.compressed) return successor.members[m];
    return stemsOf(successor)?.[m];
  };
  const edits: TextEdit[] = [];
  if (successor.members.length === e.members.length) {
    recognised.forEach((x, i) => {
      const want = succ(i);
      if (want === undefined) return;
      if (text.slice(x.span.start, x.span.end) !== want) edits.push({ span: x.span, newText: want });
    });
    return edits.length ? edits : undefined;
  }
  if (successor.members.length > e.members.length && e.members.every((m, i) => successor.members[i] === m) && list.separators.every((s) => s === '、')) {
    const extra: string[] = [];
    for (let i = e.members.length; i < successor.members.length; i++) {
      const t = succ(i);
      if (t === undefined) return undefined;
      extra.push(t);
    }
    const last = recognised[recognised.length - 1];
    return [{ span: { start: last.span.end, end: last.span.end }, newText: extra.map((x) => `、${x}`).join('') }];
  }
  return undefined;
}
