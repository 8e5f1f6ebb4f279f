import { standardMarker } from '../../parse/markers';
import type { Section } from '../../parse/report';
import { isWorkReport, PARTS, partsOf, PART_TITLES, type PartKind } from '../../parts';
import type { Rule } from '../../rule';
import type { TextEdit } from '../../types';

const ORDER: PartKind[] = ['work', 'problems', 'plans'];
const BODY_TO_FILL = '【待补充】';

const rule: Rule = {
  meta: {
    id: 'structure/missing-part',
    category: 'structure',
    defaultSeverity: 'warning',
    title: '报告缺少基本组成部分',
    description:
      '工作情况报告（如年度、半年度意识形态工作情况报告）一般由三部分组成：工作开展情况（主要做法、成效），' +
      '存在的问题（不足、短板），下一步工作打算（计划、整改措施、改进方向）。常见同义标题都可识别，' +
      '一个标题可同时包含两部分（如“存在问题及下步工作计划”）。快速修复在正确位置插入缺少的部分，' +
      '按顺序编号（其后的一级标题顺延），正文留“【待补充】”供填写。',
    standard: '《党政机关公文处理工作条例》报告文种；各级党委关于意识形态工作责任制情况报告的通行要求',
    fixable: true,
  },
  check(ctx) {
    const { doc } = ctx;
    if (!isWorkReport(doc)) return;
    const top = doc.sections.filter((s) => s.heading.level === 1);
    const present = new Map<PartKind, Section>();
    for (const s of top) for (const k of partsOf(doc, s)) if (!present.has(k)) present.set(k, s);
    const missing = ORDER.filter((k) => !present.has(k));
    // A report none of whose headings looks like a part is of another kind: say nothing rather than guess.
    if (!missing.length || present.size === 0) return;
    const anchor = doc.title.length ? doc.title[0].span : { start: top[0].heading.marker.start, end: top[0].heading.titleSpan.end };
    for (const kind of missing) {
      // Insert before the first heading whose earliest part comes after the missing one; else at the end.
      const rank = (sec: Section): number => Math.min(...[...partsOf(doc, sec)].map((k) => ORDER.indexOf(k)), Infinity);
      const before = top.find((sec) => rank(sec) !== Infinity && rank(sec) > ORDER.indexOf(kind));
      const index = before ? top.indexOf(before) : top.length;
      const title = PARTS.find((p) => p.kind === kind)!.standardTitle;
      const heading = `${standardMarker(1, index + 1)}${title}`;
      const edits: TextEdit[] = [];
      if (before) {
        const at = before.heading.block.span.start;
        edits.push({ span: { start: at, end: at }, newText: `${heading}\n${BODY_TO_FILL}\n` });
      } else {
        const at = top[top.length - 1].span.end;
        edits.push({ span: { start: at, end: at }, newText: `\n${heading}\n${BODY_TO_FILL}` });
      }
      // The level-1 headings after the insertion move up by one.
      top.slice(index).forEach((s, i) => {
        const m = s.heading.marker;
        const want = standardMarker(1, index + i + 2);
        if (m.raw !== want) edits.push({ span: { start: m.start, end: m.start + m.raw.length }, newText: want });
      });
      ctx.report({
        span: anchor,
        message: `报告缺少“${PART_TITLES[kind]}”部分：工作情况报告一般包括工作开展情况、存在问题和下一步打算`,
        fixes: [{ title: `插入“${heading}”部分`, edits }],
      });
    }
  },
};

export default rule;
