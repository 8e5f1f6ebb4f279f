/**
 * Renumbering: heading numbers (and run-in items) made consecutive again after sections were added, cut
 * or moved. Shared by the numbering rules' fixes, the renumber command and the missing-part fix.
 */
import { standardMarker, type HeadingLevel } from './parse/markers';
import { toChineseNumber } from './parse/numerals';
import type { ParsedReport, RunInList, Section } from './parse/report';
import type { TextEdit } from './types';

/** Sibling headings that are numbered as one list: same parent, same level, in document order. */
export function siblingGroups(doc: ParsedReport): Section[][] {
  let groups = groupsCache.get(doc);
  if (groups) return groups;
  const found: Section[][] = [];
  const visit = (list: Section[]): void => {
    if (!list.length) return;
    const byLevel = new Map<HeadingLevel, Section[]>();
    for (const s of list) {
      const g = byLevel.get(s.heading.level) ?? [];
      g.push(s);
      byLevel.set(s.heading.level, g);
      visit(s.children);
    }
    found.push(...byLevel.values());
  };
  visit(doc.sections);
  groups = found;
  groupsCache.set(doc, groups);
  return groups;
}

/** Several numbering rules ask for the same report's groups in one check: found once (read-only for callers). */
const groupsCache = new WeakMap<ParsedReport, Section[][]>();

/** The group a section is numbered in. */
export function groupOf(doc: ParsedReport, section: Section): Section[] {
  const siblings = section.parent ? section.parent.children : doc.sections;
  return siblings.filter((s) => s.heading.level === section.heading.level);
}

/** Edits that number a group 1, 2, 3 … in the standard form; markers already right are left alone. */
export function renumberGroup(group: readonly Section[], startAt = 1): TextEdit[] {
  const edits: TextEdit[] = [];
  group.forEach((s, i) => {
    const m = s.heading.marker;
    const want = standardMarker(m.level, startAt + i);
    if (m.raw !== want || m.ordinal !== startAt + i) {
      edits.push({ span: { start: m.start, end: m.start + m.raw.length }, newText: want });
    }
  });
  return edits;
}

/** Edits that renumber the items of a run-in list 一是, 二是 … keeping its family (是/要/第). */
export function renumberRunInList(list: RunInList): TextEdit[] {
  const edits: TextEdit[] = [];
  list.items.forEach((item, i) => {
    if (item.ordinal === i + 1) return;
    const n = toChineseNumber(i + 1);
    const newText = item.family === '第' ? `第${n}` : `${n}${item.family}`;
    edits.push({ span: item.markerSpan, newText });
  });
  return edits;
}

/** Every heading group of the document renumbered. */
export function renumberAll(doc: ParsedReport): TextEdit[] {
  return siblingGroups(doc).flatMap((g) => renumberGroup(g));
}
