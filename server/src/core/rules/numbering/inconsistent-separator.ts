import { siblingGroups } from '../../renumber';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'numbering/inconsistent-separator',
    category: 'numbering',
    defaultSeverity: 'info',
    title: '同级序号写法不一致',
    description:
      '同一组三级标题有的用半角下脚点“1.”，有的用全角点“1．”。两种写法都常见，但同一份文件中应统一，' +
      '标准写法为“1.”。快速修复统一为“1.”。',
    standard: 'GB/T 9704-2012 7.3.3',
    fixable: true,
    reads: 'structure',
  },
  check(ctx) {
    for (const group of siblingGroups(ctx.doc)) {
      if (group[0].heading.level !== 3) continue;
      const fullWidth = group.filter((s) => s.heading.marker.separator === '．');
      const halfWidth = group.filter((s) => s.heading.marker.separator === '.');
      if (!fullWidth.length || !halfWidth.length) continue;
      for (const s of fullWidth) {
        const m = s.heading.marker;
        const sep = m.start + m.raw.length - 1;
        ctx.report({
          span: { start: m.start, end: m.start + m.raw.length },
          message: `同级序号写法不一致：这里用全角点“${m.raw}”，其他标题用“${halfWidth[0].heading.marker.raw}”，应统一为“${m.ordinal}.”`,
          fixes: [{ title: `改为“${m.ordinal}.”`, edits: [{ span: { start: sep, end: sep + 1 }, newText: '.' }] }],
        });
      }
    }
  },
};

export default rule;
