import { levelName } from '../../headings';
import { standardMarker } from '../../parse/markers';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'numbering/separator',
    category: 'numbering',
    defaultSeverity: 'warning',
    title: '标题序号写法不规范',
    description:
      '标题序号的标准写法：一级“一、”（顿号），二级“（一）”（全角括号，后面不加标点），三级“1.”（阿拉伯数字加下脚点），' +
      '四级“（1）”。常见错误有“一.”“一，”“（一）、”“(一)”“1、”“1，”“（1）.”以及序号中间或后面夹空格。快速修复改为标准写法。',
    standard: 'GB/T 9704-2012 7.3.3；GB/T 15834-2011 4.5.3.3、附录B.3',
    fixable: true,
    reads: 'structure',
  },
  check(ctx) {
    for (const h of ctx.doc.headings) {
      const m = h.marker;
      const want = standardMarker(m.level, m.ordinal);
      const acceptedVariant = m.level === 3 && m.raw === `${m.ordinal}．`;
      const spaceAfter = m.end > m.start + m.raw.length;
      if ((m.raw === want || acceptedVariant) && !spaceAfter) continue;
      const what =
        m.raw === want || acceptedVariant
          ? `序号“${m.raw}”后不应有空格`
          : `${levelName(m.level)}标题序号“${m.raw}”写法不规范，应为“${want}”`;
      ctx.report({
        span: { start: m.start, end: m.end },
        message: what,
        fixes: [{ title: `改为“${m.raw === want || acceptedVariant ? m.raw : want}”`, edits: [{ span: { start: m.start, end: m.end }, newText: m.raw === want || acceptedVariant ? m.raw : want }] }],
      });
    }
  },
};

export default rule;
