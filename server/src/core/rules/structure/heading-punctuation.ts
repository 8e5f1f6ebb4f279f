import { headingLabel } from '../../headings';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'structure/heading-punctuation',
    category: 'structure',
    defaultSeverity: 'info',
    title: '独占一行的标题末尾有标点',
    description:
      '单独成行的标题末尾不加句号、分号、冒号或逗号（“一、工作开展情况。”应为“一、工作开展情况”）。' +
      '后接正文的二至四级标题（“（一）强化组织领导。正文……”）以句号与正文隔开，不在此列。快速修复删除末尾标点。',
    standard: 'GB/T 15834-2011 4.1.3.1（标题末尾通常不用句号）；GB/T 9704-2012 7.3.3',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    for (const block of ctx.doc.blocks) {
      const h = block.heading;
      if (!h || h.bodySpan) continue;
      const end = h.titleSpan.end;
      const mark = ctx.text[end - 1];
      if (end <= h.titleSpan.start || !'。；：，;:,.'.includes(mark)) continue;
      ctx.report({
        span: { start: end - 1, end },
        message: `标题“${headingLabel(ctx.doc, h)}”独占一行，末尾不应有“${mark}”`,
        fixes: [{ title: `删除“${mark}”`, edits: [{ span: { start: end - 1, end }, newText: '' }] }],
      });
    }
  },
};

export default rule;
