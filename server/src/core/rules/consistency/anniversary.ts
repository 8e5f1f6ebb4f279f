import { EVENTS, ORDINAL_DAYS } from '../../consistency/anniversaries';
import { clauseAt, inPlansPart, looksAhead, occurrences, sentenceAt } from '../../consistency/context';
import { CHINESE_NUMBER_CHARS, parseCount, toChineseCount } from '../../consistency/numbers';
import { reportPeriod, YEAR_IN_TEXT, yearValue } from '../../consistency/period';
import type { Block, ParsedReport } from '../../parse/report';
import type { Rule, RuleContext } from '../../rule';
import type { Span } from '../../types';

interface Alias {
  alias: string;
  name: string;
  base: number;
}

const byLength = (a: Alias, b: Alias): number => b.alias.length - a.alias.length;
const EVENT_ALIASES: Alias[] = EVENTS.flatMap((e) => e.aliases.map((alias) => ({ alias, name: e.name, base: e.base }))).sort(byLength);
const DAY_ALIASES: Alias[] = ORDINAL_DAYS.flatMap((d) => d.aliases.map((alias) => ({ alias, name: d.name, base: d.first - 1 }))).sort(byLength);

const isNumeralChar = (c: string): boolean => (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || CHINESE_NUMBER_CHARS.includes(c);
/** A short alias such as 建团 must not be the founding of some other troupe or team (艺术团建团). */
const OTHER_BODY = '团队校院会社厂所站局馆协司连营';

/** Wording that refers back to an earlier anniversary (a speech given then, results kept since). */
const BACK_REFERENCE_AFTER = /^[^，。；！？\n]{0,12}?(?:大会上|会上|上的|时的|讲话|成果|之际发表)/;
const BACK_REFERENCE_BEFORE = /巩固|拓展|延续|总结|回顾|学习贯彻|学习领会|深入学习|贯彻落实|讲话精神|重要讲话/;
/** Wording that says the anniversary is being celebrated now. */
const CELEBRATION = /纪念|庆祝|喜迎|迎接|献礼|礼赞|致敬|之际|契机/;

interface Expectation {
  years: number[];
  /** Whether one year is certain enough to fix the number. */
  certain: boolean;
  explicit?: number;
}

function expectedYears(doc: ParsedReport, year: number, yearly: boolean, block: Block, at: number): Expectation {
  const { text } = doc;
  const sentence = sentenceAt(text, at, block.span);
  // An explicit year earlier in the same sentence (2022年10月，举办纪念……) is the event's year.
  const before = text.slice(sentence.start, at);
  let explicit: number | undefined;
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(before); m; m = YEAR_IN_TEXT.exec(before)) explicit = yearValue(m[1]) ?? explicit;
  if (explicit !== undefined) return { years: [explicit], certain: true, explicit };
  const clause = text.slice(clauseAt(text, at, block.span).start, at);
  if (/明年|来年/.test(clause)) return { years: [year + 1], certain: true };
  if (/去年|上年/.test(clause)) return { years: [year - 1], certain: true };
  if (yearly && (inPlansPart(doc, at) || looksAhead(text, sentence))) return { years: [year, year + 1], certain: false };
  return { years: [year], certain: true };
}

function check(ctx: RuleContext): void {
  const { doc, text } = ctx;
  const period = reportPeriod(doc);
  if (period.year === undefined) return;
  const year = period.year;
  const yearly = period.kind === 'year';
  for (const block of doc.blocks) {
    if (block.kind === 'comment' || block.kind === 'date' || block.kind === 'signature') continue;
    checkEvents(block);
    checkOrdinalDays(block);
  }

  function report(block: Block, numeral: Span, aliasSpan: Span, a: Alias, n: number, suffix: string, ordinal: boolean): void {
    const exp = expectedYears(doc, year, yearly, block, aliasSpan.start);
    // N-th anniversary in base + N; the N-th observance in first + N − 1 = base + N (base = first − 1).
    const want = exp.years.map((y) => y - a.base);
    if (want.includes(n) || want.every((w) => w < 1)) return;
    const raw = text.slice(numeral.start, numeral.end);
    const after = text.slice(numeral.end + suffix.length, numeral.end + suffix.length + 16);
    // An earlier anniversary may be referred back to (the speech given then, the results kept since);
    // it is an error only where the sentence celebrates it now. (A past observance, 第N个……日, is named
    // with its year; without one it is this year's.)
    if (n < Math.min(...want) && !ordinal) {
      const clause = clauseAt(text, aliasSpan.start, block.span);
      const lead = text.slice(Math.max(clause.start, aliasSpan.start - 16), aliasSpan.start);
      const sentence = sentenceAt(text, aliasSpan.start, block.span);
      if (BACK_REFERENCE_AFTER.test(after)) return;
      if (BACK_REFERENCE_BEFORE.test(text.slice(sentence.start, aliasSpan.start))) return;
      if (!CELEBRATION.test(lead) && !/^(?:之际|纪念|系列|主题|活动|文艺|座谈|大会(?!上))/.test(after)) return;
    }
    const certain = exp.certain && want.length === 1;
    const target = want.length === 1 ? want[0] : undefined;
    const forYear = exp.years.length === 1 ? `${exp.years[0]}年` : `${exp.years[0]}年或${exp.years[1]}年`;
    const wantText = want.map((w) => (ordinal ? `第${w}个` : `${w}周年`)).join('或');
    const what = ordinal ? `第${n}个${a.name}` : `${a.name}${n}周年`;
    const origin = ordinal ? `${a.name}自${a.base + 1}年起设立` : `${a.name}于${a.base}年`;
    const whose = exp.explicit !== undefined ? `${forYear}` : `本报告所述的${forYear}`;
    const fixText = target === undefined ? undefined : /^[0-9０-９]+$/.test(raw) ? String(target) : toChineseCount(target);
    ctx.report({
      span: numeral,
      message: `“${what}”与年份不符：${origin}，${whose}应为${wantText}`,
      fixes: certain && fixText
        ? [{ title: `改为“${fixText}”`, edits: [{ span: numeral, newText: fixText }] }]
        : // Two possible years (this one or the next, in the plans): each is a quick fix, neither automatic.
          want.filter((w) => w >= 1).map((w) => {
            const t = /^[0-9０-９]+$/.test(raw) ? String(w) : toChineseCount(w);
            return { title: `改为“${t}”`, edits: [{ span: numeral, newText: t }], auto: false };
          }),
    });
  }

  function checkEvents(block: Block): void {
    const end = block.span.end;
    for (const i of occurrences(text, '周年', block.span.start, end)) {
      let s = i;
      while (s > block.span.start && isNumeralChar(text[s - 1])) s--;
      if (s === i) continue;
      const n = parseCount(text.slice(s, i));
      if (n === undefined || n < 1) continue;
      const a = EVENT_ALIASES.find((x) => x.alias.length <= s - block.span.start && text.startsWith(x.alias, s - x.alias.length));
      if (!a) continue;
      const aliasStart = s - a.alias.length;
      if (a.alias.startsWith('建') && a.alias.length === 2 && aliasStart > 0 && OTHER_BODY.includes(text[aliasStart - 1])) continue;
      report(block, { start: s, end: i }, { start: aliasStart, end: s }, a, n, '周年', false);
    }
  }

  function checkOrdinalDays(block: Block): void {
    const end = block.span.end;
    for (const i of occurrences(text, '第', block.span.start, end)) {
      let e = i + 1;
      while (e < end && isNumeralChar(text[e])) e++;
      if (e === i + 1 || text[e] !== '个') continue;
      const n = parseCount(text.slice(i + 1, e));
      if (n === undefined || n < 1) continue;
      const at = e + 1;
      const a = DAY_ALIASES.find((x) => text.startsWith(x.alias, at) && at + x.alias.length <= end);
      if (!a) continue;
      report(block, { start: i + 1, end: e }, { start: i, end: at + a.alias.length }, a, n, '个', true);
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'consistency/anniversary',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '纪念日周年数与年份不符',
    description:
      '“建党N周年”“新中国成立N周年”“中国人民志愿军抗美援朝出国作战N周年”“改革开放N周年”“红军长征胜利N周年”' +
      '“抗日战争胜利N周年”“五四运动N周年”以及“第N个全民国家安全教育日”“第N个国家宪法日”等，周年数和届数由事件年份' +
      '和报告所述年份决定（如2023年为建党102周年、抗美援朝出国作战73周年、第八个全民国家安全教育日）。按标题、导语和成文日期' +
      '确定报告年份，同一句中写明年份的以该年份为准；“下一步打算”部分可提及下一年的纪念日。年份确定时快速修复改正数字' +
      '（阿拉伯数字或汉字与原文一致）。引用往年纪念大会上的讲话等不在此列。',
    standard: '史实核对；各纪念日设立决定（全国人大常委会、国务院）',
    fixable: true,
  },
  check,
};

export default rule;
