import { headingLabel } from '../../headings';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'structure/empty-section',
    category: 'structure',
    defaultSeverity: 'warning',
    title: '标题下没有内容',
    description: '一个标题下既没有正文，也没有下级标题，多为漏写或删改时留下的空标题。请补写内容或删除该标题。',
    standard: 'GB/T 9704-2012 7.3.3',
    fixable: false,
    // Whether a section holds blocks, not what they say.
    reads: 'structure',
  },
  check(ctx) {
    for (const h of ctx.doc.headings) {
      const s = h.section;
      if (!s || s.blocks.length || s.children.length || h.bodySpan) continue;
      ctx.report({
        span: { start: h.marker.start, end: h.titleSpan.end },
        message: `标题“${headingLabel(ctx.doc, h)}”下没有内容，请补写正文或删除该标题`,
      });
    }
  },
};

export default rule;
