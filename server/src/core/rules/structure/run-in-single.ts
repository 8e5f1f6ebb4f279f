import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'structure/run-in-single',
    category: 'structure',
    defaultSeverity: 'warning',
    title: '只有“一是”没有“二是”',
    description:
      '用“一是”“一要”“第一”列举，说明至少有两项；只有一项时不必编号，或是漏写了后面各项。请补全，或删去“一是”。',
    standard: '公文写作通行要求（分项列举）',
    fixable: false,
    reads: 'structure',
  },
  check(ctx) {
    for (const list of ctx.doc.runInLists) {
      if (list.items.length !== 1 || list.items[0].ordinal !== 1) continue;
      const item = list.items[0];
      const written = ctx.text.slice(item.markerSpan.start, item.markerSpan.end);
      const second = list.family === '第' ? '第二' : `二${list.family}`;
      ctx.report({
        span: item.markerSpan,
        message: `有“${written}”而没有“${second}”：只有一项时不必编号，或请补全后续各项`,
      });
    }
  },
};

export default rule;
