import type { Rule } from '../../rule';
import { pairAnalysis } from '../../text/pairs';
import { punctView, titleUnitKey } from '../../text/punctuation';

const rule: Rule = {
  meta: {
    id: 'punctuation/quote-direction',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '引号方向错误',
    description:
      '引号分前引号“‘和后引号’”，应成对使用、方向正确。常见错误是两个都写成前引号（“……“）或都写成后引号' +
      '（”……”），多由输入法状态错乱或 Word 自动更正造成。按引号的前后文和先开后合的顺序判断应有的方向，' +
      '快速修复改为正确方向。引号里面还要用引号时，外层用双引号，里层用单引号（“……‘……’……”），' +
      '双引号套双引号时提示改为单引号。半角引号"见“中文中使用了半角标点”。',
    standard: 'GB/T 15834-2011 4.8.2（引号的形式）、4.8.3.2（引号内再用引号）',
    fixable: true,
    scope: 'block',
  },
  // Quotes are paired within a block, but across the lines of a title.
  blockContext: titleUnitKey,
  check(ctx) {
    const pairs = pairAnalysis(punctView(ctx.doc));
    for (const d of pairs.direction) {
      const what = d.want === '“' || d.want === '‘' ? '前引号' : '后引号';
      ctx.report({
        span: { start: d.pos, end: d.pos + 1 },
        message: `引号方向错误：此处应为${what}“${d.want}”，而不是“${d.ch}”`,
        fixes: d.confident ? [{ title: `改为“${d.want}”`, edits: [{ span: { start: d.pos, end: d.pos + 1 }, newText: d.want }] }] : undefined,
      });
    }
    for (const n of pairs.nested) {
      ctx.report({
        span: { start: n.pos, end: n.pos + 1 },
        message: `引号里面再用引号时，里层应使用单引号：此处“${n.ch}”应为“${n.want}”`,
        fixes: [{ title: `改为“${n.want}”`, edits: [{ span: { start: n.pos, end: n.pos + 1 }, newText: n.want }] }],
      });
    }
  },
};

export default rule;
