import { reportPeriod } from '../../consistency/period';
import { chineseDigit, toChineseYear } from '../../consistency/numbers';
import type { ParsedReport } from '../../parse/report';
import type { Rule } from '../../rule';

/** The year two-digit years are completed against: the report's (from the whole report), else 2024. */
const referenceYear = (doc: ParsedReport): number => reportPeriod(doc).year ?? 2024;

/**
 * Two-digit years: 23年上半年, 23年12月, 23年度, ’23; 二三年度. Only where what follows makes it a year
 * (a month, a half, 度, 年底) — “工作23年”“近10年来” are durations.
 */
const ARABIC =
  /(?<![0-9０-９.．/\-—~～第近这那多前后每约满超逾达共计续历经隔了有])([0-9]{2})年(?=度|上半年|下半年|全年|年初|年底|年末|(?:初|底|末)(?![心衷期步级中稿次位])|第?[一二三四]季度|[0-9０-９]{1,2}月|[一二三四五六七八九十]{1,2}月(?!份?内))/gu;
/** ’23 (an apostrophe for the century), not a quoted number such as ‘12’. */
const APOSTROPHE = /[’']([0-9]{2})(?![0-9’'”"])(年?)/gu;
const CHINESE = /(?<![〇零○一二三四五六七八九十百千万第近这那多前后每约满两几])([〇零○一二三四五六七八九])([〇零○一二三四五六七八九])年(?=度|上半年|下半年|年底|年末|[一二三四五六七八九十]{1,2}月)/gu;

const rule: Rule = {
  meta: {
    id: 'consistency/abbreviated-year',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '年份简写',
    description:
      '公文中的年份应写全称：“2023年”不能简写为“23年”“’23”，“二〇二三年”不能简写为“二三年”。' +
      '只在后面是月份、上半年、年度、年底等明确表示年份时报告（“工作23年”“近10年来”是时长，不在此列）。' +
      '快速修复补全为四位年份（按报告年度推断世纪）。',
    standard: 'GB/T 15835-2011《出版物上数字用法》5.2.1（年份不应简写）；GB/T 9704-2012 7.3.5.4',
    fixable: true,
    scope: 'block',
  },
  blockContext: (doc) => String(referenceYear(doc)),
  check(ctx) {
    const { doc, text } = ctx;
    const ref = referenceYear(doc);
    const full = (yy: number): number => {
      const c = Math.floor(ref / 100) * 100 + yy;
      return c > ref + 20 ? c - 100 : c;
    };
    for (const block of doc.blocks) {
      if (block.kind === 'comment') continue;
      const s = text.slice(block.span.start, block.span.end);
      ARABIC.lastIndex = 0;
      for (let m = ARABIC.exec(s); m; m = ARABIC.exec(s)) {
        const start = block.span.start + m.index;
        const span = { start, end: start + 2 };
        const y = String(full(Number(m[1])));
        ctx.report({
          span,
          message: `年份“${m[1]}年”是简写，应写全称“${y}年”`,
          fixes: [{ title: `改为“${y}”`, edits: [{ span, newText: y }] }],
        });
      }
      APOSTROPHE.lastIndex = 0;
      for (let m = APOSTROPHE.exec(s); m; m = APOSTROPHE.exec(s)) {
        const start = block.span.start + m.index;
        const prev = s[m.index - 1];
        if (prev && /[A-Za-z0-9]/.test(prev)) continue;
        const span = { start, end: start + 3 };
        const y = String(full(Number(m[1])));
        const newText = m[2] ? y : `${y}年`;
        ctx.report({
          span,
          message: `年份“${m[0]}”是简写，应写全称“${y}年”`,
          fixes: [{ title: `改为“${newText}”`, edits: [{ span, newText }] }],
        });
      }
      CHINESE.lastIndex = 0;
      for (let m = CHINESE.exec(s); m; m = CHINESE.exec(s)) {
        const yy = chineseDigit(m[1]) * 10 + chineseDigit(m[2]);
        const start = block.span.start + m.index;
        const span = { start, end: start + 2 };
        const y = toChineseYear(full(yy));
        ctx.report({
          span,
          message: `年份“${m[0].slice(0, 3)}”是简写，应写全称“${y}年”`,
          fixes: [{ title: `改为“${y}”`, edits: [{ span, newText: y }] }],
        });
      }
    }
  },
};

export default rule;
