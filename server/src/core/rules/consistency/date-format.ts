import { occurrences } from '../../consistency/context';
import { asciiDigits } from '../../consistency/numbers';
import { parseDateLine } from '../../consistency/period';
import type { Block } from '../../parse/report';
import type { Rule, RuleContext } from '../../rule';

/** A closing date written with dots, dashes or slashes (2024.1.5, 2024-01-05, 2024/1/5) or with 号. */
const NUMERIC_DATE = /^([0-9]{4})\s*[.．\-－/／。、]\s*([0-9]{1,2})\s*[.．\-－/／。、]\s*([0-9]{1,2})\s*[日号]?$|^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]$/;

const standardDate = (y: number, m: number, d: number): string => `${y}年${m}月${d}日`;
const validDate = (m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= 31;

function checkClosingDate(ctx: RuleContext): Block | undefined {
  const { doc, text } = ctx;
  let block = doc.date;
  let want: string | undefined;
  if (block) {
    const parts = parseDateLine(text, block);
    if (!parts || !validDate(parts.month, parts.day)) return block;
    want = standardDate(parts.year, parts.month, parts.day);
  } else {
    // The parser only recognises 年月日 dates; a date in another form is the last block of the report.
    const last = [...doc.blocks].reverse().find((b) => b.kind !== 'comment');
    if (!last || last.kind === 'heading' || last.kind === 'title') return undefined;
    const m = NUMERIC_DATE.exec(asciiDigits(text.slice(last.span.start, last.span.end)));
    if (!m) return undefined;
    const [y, mo, d] = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map(Number);
    if (!validDate(mo, d)) return undefined;
    block = last;
    want = standardDate(y, mo, d);
  }
  const got = text.slice(block.span.start, block.span.end);
  if (got === want) return block;
  const why = /[〇零○一二三四五六七八九十]/.test(got)
    ? '应使用阿拉伯数字'
    : /[０-９]/.test(got)
      ? '数字应为半角'
    : /[.．\-－/／。、号]/.test(got)
      ? '应写作“年月日”'
      : /(?:^|[年月])0[0-9]/.test(got)
        ? '月、日不编虚位（1不编为01）'
        : '年月日之间不加空格';
  ctx.report({
    span: block.span,
    message: `成文日期“${got}”写法不规范，${why}，应为“${want}”`,
    fixes: [{ title: `改为“${want}”`, edits: [{ span: block.span, newText: want }] }],
  });
  return block;
}

const rule: Rule = {
  meta: {
    id: 'consistency/date-format',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '日期写法不规范',
    description:
      '成文日期用阿拉伯数字将年、月、日标全，年份写全称，月、日不编虚位：“2024年1月5日”。' +
      '“2024年01月05日”“2024.1.5”“2024-1-5”“二〇二四年一月五日”（旧标准写法）都应改为“2024年1月5日”。' +
      '正文中的“2023年03月”“3月05日”同样不编虚位。快速修复改为标准写法。',
    standard: 'GB/T 9704-2012 7.3.5.4（成文日期）；GB/T 15835-2011《出版物上数字用法》',
    fixable: true,
  },
  check(ctx) {
    const { doc, text } = ctx;
    const closing = checkClosingDate(ctx);
    for (const block of doc.blocks) {
      if (block === closing || block.kind === 'comment') continue;
      const lo = block.span.start;
      const hi = block.span.end;
      // 2023年03月 (a four-digit year before), 3月05日 / 03月05日 (a month of one or two digits before).
      for (const [head, tail] of [['年0', '月'], ['月0', '日']] as const) {
        for (const at of occurrences(text, head, lo, hi)) {
          if (at + 3 >= hi) continue;
          const d = text[at + 2];
          if (d < '1' || d > '9' || text[at + 3] !== tail) continue;
          if (head === '年0' ? !/(?<![0-9])(?:19|20)[0-9]{2}$/.test(text.slice(Math.max(lo, at - 5), at)) : !/(?<![0-9])(?:0?[1-9]|1[0-2])$/.test(text.slice(Math.max(lo, at - 3), at))) continue;
          const span = { start: at + 1, end: at + 3 };
          ctx.report({
            span,
            message: `日期中的“0${d}”不编虚位，应为“${d}”`,
            fixes: [{ title: `改为“${d}”`, edits: [{ span, newText: d }] }],
          });
        }
      }
    }
  },
};

export default rule;
