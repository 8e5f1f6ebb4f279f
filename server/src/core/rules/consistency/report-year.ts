import { inPlansPart, looksAhead, sentenceAt } from '../../consistency/context';
import { reportPeriod, YEAR_IN_TEXT, yearValue, type PeriodKind } from '../../consistency/period';
import { toChineseYear } from '../../consistency/numbers';
import type { Rule } from '../../rule';
import type { Fix, Span } from '../../types';

const PERIOD_NAMES: Record<PeriodKind, string> = { year: '年度', 'first-half': '上半年', 'second-half': '下半年', part: '' };

/** What follows a year when it names the period whose work is reported (2024年以来, 2024年全年, 2024年，). */
const PERIOD_PHRASE = /^\s?年(?:度|以来|全年|上半年|下半年|年初|年底|年末|初|底|末|前三季度|第?[一二三四]季度|[，,](?!\s?[0-9一二三四五六七八九十]))/;
/** Years that a target or plan names (到2025年, 2035年远景目标) are not the reported period. */
const TARGET_BEFORE = /(?:到|至|于|前|迄|从|自|截至|截止|面向|展望|力争)\s?$/;

const rule: Rule = {
  meta: {
    id: 'consistency/report-year',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '年份与报告年度不一致',
    description:
      '报告的年度（或半年度）由标题、导语过渡句（“现将2023年……报告如下”）和成文日期确定，三者应一致：' +
      '标题写“2023年度”而导语写“现将2022年……报告如下”，年度报告的导语却写“上半年”，成文日期早于报告年度' +
      '或晚于次年，都是改稿时漏改的年份。正文中把所报告的时段写成报告年度以后的年份（2023年度报告中写' +
      '“2024年以来”“2024年全年”）也属此类；“下一步打算”中提及下一年以及“到2025年”等目标年份不在此列。' +
      '快速修复把年份改为标题中的年份（不参与“修复全部”：也可能是标题写错了）。',
    standard: '《党政机关公文处理工作条例》（报告应实事求是）；公文校对通行要求（时间一致性）',
    fixable: true,
  },
  check(ctx) {
    const { doc, text } = ctx;
    const p = reportPeriod(doc);
    if (p.year === undefined) return;
    const year = p.year;
    const sourceName = p.source === 'title' ? '标题' : p.source === 'opening' ? '导语' : '成文日期';
    const reportName = `${year}年${p.kind === 'year' ? '度' : PERIOD_NAMES[p.kind]}`;
    // Which of the two years is wrong is the writer's call: the fix is offered, never applied by fix-all.
    const toYear = (span: Span): Fix => {
      const raw = text.slice(span.start, span.end);
      const want = /^[0-9]+$/.test(raw) ? String(year) : /^[０-９]+$/.test(raw) ? String(year).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : toChineseYear(year);
      return { title: `改为“${want}”（与${sourceName}一致）`, edits: [{ span, newText: want }], auto: false };
    };

    // A title naming several years (2021—2023年, 2023年总结和2024年计划) covers all of them.
    let earliest = year;
    let latest = year;
    for (const b of doc.title) {
      const s = text.slice(b.span.start, b.span.end);
      for (const m of s.matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g)) {
        earliest = Math.min(earliest, Number(m[1]));
        latest = Math.max(latest, Number(m[1]));
      }
    }

    // 1. The opening's transition sentence names the same year and period as the title.
    const o = p.openingYear;
    if (o && p.titleYear) {
      if (o.year < earliest || o.year > latest) {
        ctx.report({
          span: o.span,
          message: `导语中的年份“${o.year}年”与标题中的“${year}年”不一致，请核对报告年度`,
          fixes: [toYear(o.span)],
        });
      } else if (o.period && o.period !== p.kind) {
        ctx.report({
          span: { start: o.span.start, end: o.span.end + 1 + PERIOD_NAMES[o.period].length },
          message: `导语写的是“${o.year}年${PERIOD_NAMES[o.period]}”，标题却是${reportName}报告，请核对报告时段`,
        });
      }
    }
    if (p.transition && (p.kind === 'first-half' || p.kind === 'second-half') && p.titleYear) {
      const t = text.slice(p.transition.start, p.transition.end);
      const m = /全年|年度/.exec(t);
      // “现将上半年工作情况和全年工作打算报告如下” names both.
      if (m && !/半年/.test(t)) {
        const at = p.transition.start + m.index;
        ctx.report({ span: { start: at, end: at + m[0].length }, message: `标题是${reportName}报告，导语却写“${m[0]}”，请核对报告时段` });
      }
    }

    // The opening's first words name the reported year: “2023年，局党组……”.
    const first = doc.opening[0];
    if (first && p.titleYear && (!o || o.span.start !== first.span.start)) {
      const m = /^((?:19|20)[0-9]{2})年(?:度)?(?:[，,]|全年)/.exec(text.slice(first.span.start, first.span.end));
      if (m && (Number(m[1]) < earliest || Number(m[1]) > latest)) {
        const span = { start: first.span.start, end: first.span.start + 4 };
        ctx.report({ span, message: `导语开头的“${m[1]}年”与标题中的“${year}年”不一致，请核对报告年度`, fixes: [toYear(span)] });
      }
    }

    // 2. The 成文日期 falls in the reported year (or, for a yearly report, early in the next one).
    if (p.date && p.source !== 'date') {
      const dy = p.date.year;
      // A first-half report is written by the summer; the others may be written early the next year.
      const late = p.kind === 'first-half' ? dy !== year : dy > year + 1;
      if (dy < year || late) {
        ctx.report({
          span: p.date.span,
          message:
            dy < year
              ? `成文日期（${dy}年）早于报告所述的${reportName}，请核对年份`
              : `成文日期（${dy}年）与${sourceName}中的${reportName}不符：${p.kind === 'first-half' ? '上半年报告应在当年成文' : `报告一般在当年年底或次年初（${year + 1}年）成文`}`,
        });
      }
    }

    // 3. Body text that names a later year as the period whose work is reported.
    for (const block of doc.blocks) {
      if (block.kind === 'comment' || block.kind === 'title' || block.kind === 'date' || block.kind === 'signature') continue;
      const s = text.slice(block.span.start, block.span.end);
      YEAR_IN_TEXT.lastIndex = 0;
      for (let m = YEAR_IN_TEXT.exec(s); m; m = YEAR_IN_TEXT.exec(s)) {
        const y = yearValue(m[1]);
        if (y === undefined || y <= latest) continue;
        const start = block.span.start + m.index;
        const end = start + m[1].length;
        if (p.openingYear && start === p.openingYear.span.start) continue;
        const after = text.slice(end, end + 8);
        if (!PERIOD_PHRASE.test(after)) continue;
        const since = /^\s?年以来/.test(after);
        if (!since) {
          if (TARGET_BEFORE.test(text.slice(Math.max(block.span.start, start - 3), start))) continue;
          if (inPlansPart(doc, start) || looksAhead(text, sentenceAt(text, start, block.span))) continue;
          // A yearly report written early next year may date its latest figures (2024年1月).
          if (y === year + 1 && p.kind === 'year' && !/^\s?年(?:以来|全年|度|上半年|下半年|年底|年末|底|末)/.test(after)) continue;
        }
        const phrase = text.slice(start, end) + (/^\s?年以来/.test(after) ? '年以来' : '年');
        ctx.report({
          span: { start, end },
          message: `本报告是${reportName}报告（见${sourceName}），正文“${phrase}”的年份在报告年度之后，请核对是否应为“${year}年”`,
          fixes: [toYear({ start, end })],
        });
      }
    }
  },
};

export default rule;
