/**
 * Completion while drafting: the next heading number at the start of a line, standard heading titles for
 * the level and part, the next run-in item (三是 after 一是……二是……), and standard formulations as the
 * writer starts them.
 */
import { parse } from 'yaml';
import phrasesText from './data/phrases.yml';
import { glossary } from './glossary';
import { matchMarkerAt, standardMarker, type HeadingLevel } from './parse/markers';
import { toChineseNumber } from './parse/numerals';
import type { ParsedReport } from './parse/report';
import { missingParts, PARTS, partsOf, type PartKind } from './parts';
import type { Resources } from './resources';
import type { Span } from './types';

export type CompletionKind = 'heading-number' | 'heading-title' | 'run-in' | 'formulation';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Replaces `span` (the part the writer already typed). */
  insertText: string;
  span: Span;
  /** Chinese detail shown beside the label. */
  detail: string;
  /** Lower sorts first. */
  rank: number;
}

const LEVEL_NAMES = ['', '一级标题', '二级标题', '三级标题', '四级标题'];

/** Typical sub-headings (二级标题) per part of a 意识形态工作情况报告. */
const SUB_HEADINGS: Record<PartKind, string[]> = {
  work: ['压紧压实意识形态工作责任', '加强党的创新理论武装', '强化意识形态阵地建设和管理', '加强正面宣传和舆论引导', '加强网络意识形态工作', '加强意识形态工作队伍建设'],
  problems: ['理论学习的深度和广度还不够', '阵地管理还有薄弱环节', '舆情应对能力有待提升', '队伍专业化水平有待提高'],
  plans: ['持续深化理论武装', '严格落实意识形态工作责任制', '加强阵地建设和管理', '提升网络舆情应对处置能力', '加强意识形态工作队伍建设'],
};

const LEVEL1_TITLES = ['工作开展情况', '主要做法和成效', '亮点成效', '存在的问题', '下一步工作打算', '整改措施'];

let phrases: string[] | undefined;

function formulationList(resources: Resources): string[] {
  if (!phrases) {
    const data = parse(phrasesText) as { phrases?: string[] };
    phrases = (data.phrases ?? []).filter((p) => typeof p === 'string');
  }
  const all = new Set<string>([...phrases, ...glossary().map((t) => t.term)]);
  for (const e of resources.matchers.formulation.entries) if (e.expected.length >= 4) all.add(e.expected);
  return [...all];
}

export function completionsAt(doc: ParsedReport, offset: number, resources: Resources): CompletionItem[] {
  const { text } = doc;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const typed = text.slice(lineStart, offset);
  const trimmed = typed.replace(/^[ \t\u3000]+/, '');
  const typedStart = offset - trimmed.length;
  const items: CompletionItem[] = [];

  // 1. At the start of a line (or on a partly typed number): the next heading numbers.
  if (/^(?:[（(]?[一二三四五六七八九十\d]{0,2}[）)]?)$/.test(trimmed)) {
    items.push(...nextHeadingNumbers(doc, lineStart, { start: typedStart, end: offset }));
  }

  // 2. Right after a heading number: standard titles for that level and part.
  const marker = trimmed ? matchMarkerAt(text, typedStart, true) : undefined;
  if (marker && offset >= marker.end && !/[，。；：,.;:]/.test(text.slice(marker.end, offset))) {
    items.push(...headingTitles(doc, marker.level, lineStart, { start: marker.end, end: offset }));
  } else if (/^(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十]+[）)]|\d+\.)$/.test(trimmed)) {
    const level: HeadingLevel = trimmed.endsWith('、') ? 1 : /^\d/.test(trimmed) ? 3 : 2;
    items.push(...headingTitles(doc, level, lineStart, { start: offset, end: offset }));
  }

  // 3. After a sentence end inside a paragraph with run-in items: the next item.
  if (/(^|[。；])$/.test(trimmed) && trimmed.length > 0) items.push(...nextRunIn(doc, offset));

  // 4. Standard formulations, completing the Chinese characters just typed.
  items.push(...formulations(text, offset, resources));
  return items;
}

function nextHeadingNumbers(doc: ParsedReport, lineStart: number, span: Span): CompletionItem[] {
  const before = doc.headings.filter((h) => h.marker.start < lineStart);
  const last = before[before.length - 1];
  const items: CompletionItem[] = [];
  if (!last) {
    items.push({ label: standardMarker(1, 1), kind: 'heading-number', insertText: standardMarker(1, 1), span, detail: '一级标题（第一个）', rank: 0 });
    return items;
  }
  // The chain from the last heading up to its top-level ancestor: each can continue; the last can also nest.
  const chain = [];
  for (let s: typeof last.section | undefined = last.section; s; s = s.parent) chain.push(s);
  let rank = 0;
  const seen = new Set<string>();
  const push = (level: HeadingLevel, n: number, detail: string): void => {
    const label = standardMarker(level, n);
    if (seen.has(label)) return;
    seen.add(label);
    items.push({ label, kind: 'heading-number', insertText: label, span, detail, rank: rank++ });
  };
  push(chain[0].heading.level, chain[0].heading.marker.ordinal + 1, `${LEVEL_NAMES[chain[0].heading.level]}（接“${chain[0].heading.marker.raw}”）`);
  if (last.level < 4) push((last.level + 1) as HeadingLevel, 1, `${LEVEL_NAMES[last.level + 1]}（“${last.marker.raw}”的下一级）`);
  for (const s of chain.slice(1)) push(s.heading.level, s.heading.marker.ordinal + 1, `${LEVEL_NAMES[s.heading.level]}（接“${s.heading.marker.raw}”）`);
  return items;
}

function headingTitles(doc: ParsedReport, level: HeadingLevel, lineStart: number, span: Span): CompletionItem[] {
  let titles: string[] = [];
  if (level === 1) {
    const missing = missingParts(doc).map((k) => PARTS.find((p) => p.kind === k)!.standardTitle);
    titles = [...missing, ...LEVEL1_TITLES.filter((t) => !missing.includes(t))];
  } else {
    const parent = [...doc.headings].reverse().find((h) => h.marker.start < lineStart && h.level === 1);
    const kinds = parent ? [...partsOf(doc, parent.section)] : [];
    titles = kinds.length ? kinds.flatMap((k) => SUB_HEADINGS[k]) : SUB_HEADINGS.work;
  }
  return titles.map((t, i) => ({ label: t, kind: 'heading-title', insertText: t, span, detail: `${LEVEL_NAMES[level]}常用标题`, rank: 10 + i }));
}

function nextRunIn(doc: ParsedReport, offset: number): CompletionItem[] {
  const list = [...doc.runInLists].reverse().find((l) => l.items.length && l.items[l.items.length - 1].markerSpan.start < offset);
  if (!list) return [];
  const lastItem = list.items[list.items.length - 1];
  const block = lastItem.block;
  if (offset < block.span.start || offset > block.span.end + 1) return [];
  const n = lastItem.ordinal + 1;
  const label = list.family === '第' ? `第${toChineseNumber(n)}，` : `${toChineseNumber(n)}${list.family}`;
  return [{ label, kind: 'run-in', insertText: label, span: { start: offset, end: offset }, detail: '下一个分项', rank: 5 }];
}

const HAN = /[\u3400-\u9fff“”]/;

function formulations(text: string, offset: number, resources: Resources): CompletionItem[] {
  let start = offset;
  while (start > 0 && offset - start < 12 && HAN.test(text[start - 1])) start--;
  const run = text.slice(start, offset);
  if (run.length < 2) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const list = formulationList(resources);
  // Longest typed suffix first: “习近平新时” completes 习近平新时代中国特色社会主义思想.
  for (let k = run.length; k >= 2; k--) {
    const suffix = run.slice(run.length - k);
    for (const f of list) {
      if (f.length <= suffix.length || !f.startsWith(suffix) || seen.has(f)) continue;
      seen.add(f);
      items.push({ label: f, kind: 'formulation', insertText: f, span: { start: offset - k, end: offset }, detail: '规范表述', rank: 20 + (run.length - k) });
    }
  }
  return items.slice(0, 30);
}
