import { forEachBlockMatch } from '../../blockMatches';
import type { Rule } from '../../rule';

/** A four-digit year run straight into a period word, with no 年: 2023上半年, 2024全年, 2023一季度, 2023度. */
const PATTERN =
  /(?<![0-9０-９A-Za-z.．\-—电耗用约共计达])((?:19|20)[0-9]{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})(?=上半年|下半年|全年|前三季度|第?[一二三四]季度|度(?![电数量])|[1１]?[0-9０-９]月份?[^0-9])/gu;

const rule: Rule = {
  meta: {
    id: 'consistency/bare-year',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '年份后缺“年”字',
    description:
      '年份与“上半年”“下半年”“全年”“一季度”“年度”、月份等连写时，年份后应有“年”字：' +
      '“2023上半年”应为“2023年上半年”，“2024全年”应为“2024年全年”，“2023度”应为“2023年度”。快速修复补上“年”。',
    standard: 'GB/T 15835-2011《出版物上数字用法》；公文校对通行要求',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    forEachBlockMatch(ctx.doc, PATTERN, (m, start, _block, s) => {
      const span = { start, end: start + m[1].length };
      ctx.report({
        span,
        message: `年份“${m[1]}”后缺少“年”字，应为“${m[1]}年${periodAfter(s, m.index + m[1].length)}”`,
        fixes: [{ title: `改为“${m[1]}年”`, edits: [{ span, newText: `${m[1]}年` }] }],
      });
    });
  },
};

function periodAfter(s: string, at: number): string {
  return /^(?:上半年|下半年|全年|前三季度|第?[一二三四]季度|度|[0-9０-９]{1,2}月)/.exec(s.slice(at))?.[0] ?? '';
}

export default rule;
