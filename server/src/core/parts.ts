/**
 * The standard parts of a 工作情况报告 and their common synonyms, in the order they appear:
 * what was done (工作开展情况), what is lacking (存在问题), what comes next (下一步打算).
 */
import { standardMarker } from './parse/markers';
import type { ParsedReport, Section } from './parse/report';
import type { TextEdit } from './types';

export type PartKind = 'work' | 'problems' | 'plans';

export interface PartInfo {
  kind: PartKind;
  /** The heading title inserted when the part is missing. */
  standardTitle: string;
  /** Words that mark a heading as this part (any one suffices). */
  cues: RegExp;
}

export const PARTS: readonly PartInfo[] = [
  {
    kind: 'work',
    standardTitle: '工作开展情况',
    cues: /开展情况|总体情况|基本情况|主要做法|做法|成效|落实情况|履职情况|工作情况|进展|亮点|成绩|完成情况|推进情况|主要工作/,
  },
  { kind: 'problems', standardTitle: '存在的问题', cues: /问题|不足|短板|差距|薄弱|困难|弱项/ },
  { kind: 'plans', standardTitle: '下一步工作打算', cues: /下一步|下步|打算|计划|措施|改进方向|努力方向|工作思路|整改|举措|展望/ },
];

export const PART_TITLES: Record<PartKind, string> = { work: '工作开展情况', problems: '存在问题', plans: '下一步打算' };

export function partsOf(doc: ParsedReport, section: Section): Set<PartKind> {
  const t = doc.text.slice(section.heading.titleSpan.start, section.heading.titleSpan.end);
  return new Set(PARTS.filter((p) => p.cues.test(t)).map((p) => p.kind));
}

/** A report about work done (工作情况报告, 总结): the kind whose standard parts we expect. */
export function isWorkReport(doc: ParsedReport): boolean {
  const top = doc.sections.filter((s) => s.heading.level === 1);
  if (top.length < 2) return false;
  const head = [...doc.title, ...doc.opening].map((b) => doc.text.slice(b.span.start, b.span.end)).join('');
  if (/研判|方案|通知|意见|请示|函/.test(doc.title.map((b) => doc.text.slice(b.span.start, b.span.end)).join(''))) return false;
  return /情况|总结|报告如下|汇报如下|述职/.test(head);
}

const ORDER: readonly PartKind[] = ['work', 'problems', 'plans'];

/** Body text of an inserted part: a visible placeholder, so the checker reminds the writer to fill it in. */
export const PART_BODY_TO_FILL = '【待补充】';

/** The standard parts no level-1 heading of the report covers, in report order. */
export function missingParts(doc: ParsedReport): PartKind[] {
  const present = new Set<PartKind>();
  for (const s of doc.sections) if (s.heading.level === 1) for (const k of partsOf(doc, s)) present.add(k);
  return ORDER.filter((k) => !present.has(k));
}

export interface PartInsertion {
  kind: PartKind;
  /** The inserted heading, e.g. “三、存在的问题”. */
  heading: string;
  edits: TextEdit[];
}

/**
 * Where a part goes and how: before the first level-1 heading whose part comes later (else after the last
 * section, before 落款), numbered in sequence, with the following level-1 headings moved up by one.
 */
export function partInsertion(doc: ParsedReport, kind: PartKind): PartInsertion {
  const top = doc.sections.filter((s) => s.heading.level === 1);
  const rank = (sec: Section): number => Math.min(...[...partsOf(doc, sec)].map((k) => ORDER.indexOf(k)), Infinity);
  const before = top.find((sec) => rank(sec) !== Infinity && rank(sec) > ORDER.indexOf(kind));
  const index = before ? top.indexOf(before) : top.length;
  const heading = `${standardMarker(1, index + 1)}${PARTS.find((p) => p.kind === kind)!.standardTitle}`;
  const edits: TextEdit[] = [];
  if (before) {
    const at = before.heading.block.span.start;
    edits.push({ span: { start: at, end: at }, newText: `${heading}\n${PART_BODY_TO_FILL}\n` });
  } else {
    const last = top[top.length - 1];
    const tail = [doc.signature, doc.date, ...doc.attachments].filter((b) => b !== undefined);
    const at = last ? last.span.end : tail.length ? Math.min(...tail.map((b) => b!.span.start)) : doc.text.length;
    const lead = at > 0 && doc.text[at - 1] !== '\n' ? '\n' : '';
    const trail = !last && at < doc.text.length ? '\n' : '';
    edits.push({ span: { start: at, end: at }, newText: `${lead}${heading}\n${PART_BODY_TO_FILL}${trail}` });
  }
  top.slice(index).forEach((s, i) => {
    const m = s.heading.marker;
    const want = standardMarker(1, index + i + 2);
    if (m.raw !== want) edits.push({ span: { start: m.start, end: m.start + m.raw.length }, newText: want });
  });
  return { kind, heading, edits };
}
