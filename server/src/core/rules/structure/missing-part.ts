import { isWorkReport, missingParts, partInsertion, PART_TITLES } from '../../parts';
import type { Rule } from '../../rule';

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
    // Reads heading titles, title and opening; its insertion after the last section moves with the text.
    reads: 'structure',
  },
  check(ctx) {
    const { doc } = ctx;
    if (!isWorkReport(doc)) return;
    const top = doc.sections.filter((s) => s.heading.level === 1);
    const missing = missingParts(doc);
    // A report none of whose headings looks like a part is of another kind: say nothing rather than guess.
    if (!missing.length || missing.length === 3) return;
    const anchor = doc.title.length ? doc.title[0].span : { start: top[0].heading.marker.start, end: top[0].heading.titleSpan.end };
    for (const kind of missing) {
      const insertion = partInsertion(doc, kind);
      ctx.report({
        span: anchor,
        message: `报告缺少“${PART_TITLES[kind]}”部分：工作情况报告一般包括工作开展情况、存在问题和下一步打算`,
        fixes: [{ title: `插入“${insertion.heading}”部分`, edits: insertion.edits, auto: false }],
      });
    }
  },
};

export default rule;
