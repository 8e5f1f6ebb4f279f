import { headingLabel, levelName } from '../../headings';
import { standardMarker } from '../../parse/markers';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'numbering/level-skip',
    category: 'numbering',
    defaultSeverity: 'hint',
    title: '标题层级跳跃',
    description:
      '结构层次序数依次为“一、”“（一）”“1.”“（1）”。在“一、”下直接使用“1.”（跳过“（一）”）属于层级跳跃。' +
      '不少单位习惯如此，因此只作为建议提示；如需严格按标准，可在中间补一级或改用相邻一级的序号。',
    standard: 'GB/T 9704-2012 7.3.3；GB/T 15834-2011 附录B.3',
    fixable: false,
    reads: 'structure',
  },
  check(ctx) {
    const visit = (sections: typeof ctx.doc.sections): void => {
      const seenLevels = new Set<number>();
      for (const s of sections) {
        const parent = s.parent;
        // One finding per group of siblings: the first heading that skips.
        if (parent && s.heading.level > parent.heading.level + 1 && !seenLevels.has(s.heading.level)) {
          seenLevels.add(s.heading.level);
          const m = s.heading.marker;
          ctx.report({
            span: { start: m.start, end: m.start + m.raw.length },
            message: `标题层级跳跃：${levelName(parent.heading.level)}标题“${headingLabel(ctx.doc, parent.heading)}”下直接使用了${levelName(s.heading.level)}序号“${m.raw}”，按标准应先用“${standardMarker((parent.heading.level + 1) as 1 | 2 | 3 | 4, 1)}”`,
          });
        }
        visit(s.children);
      }
    };
    visit(ctx.doc.sections);
  },
};

export default rule;
