/**
 * The year (and period) a report is about, read from the title, the opening or the 成文日期:
 *   “关于2023年度意识形态工作情况的报告”       → 2023, year        (source title)
 *   “2024年上半年意识形态工作总结”              → 2024, first-half  (source title)
 *   “现将2022年履行意识形态工作……汇报如下”      → 2022              (source opening)
 *   “2024年1月15日” only                        → 2024              (source date: the writing date, see below)
 * Title first, then the opening (its “现将……如下” sentence first, then a year that names the reported period:
 * “2023年以来”, “2023年，”, “2023年上半年”), then the date. Pure; never throws.
 */
import type { Block, ParsedReport } from './parse/report';
import { wholeReport } from './rule';
import type { Span } from './types';

export type ReportPeriod = 'year' | 'first-half' | 'second-half' | 'quarter' | 'months';

export interface ReportDate {
  year: number;
  month: number;
  day: number;
  span: Span;
}

export interface ReportYear {
  /**
   * The reported year. With `source: 'date'` it is the year of the 成文日期 — when the report was written,
   * which for a yearly report written in January is the year after the one reported: callers that need the
   * reported year use `yearRange` or decide for themselves.
   */
  year?: number;
  /** The reported period, when the title or opening names it (年度/全年 → year). */
  period?: ReportPeriod;
  /** For period 'quarter': 1–4 (前三季度 → months, quarter 3). */
  quarter?: 1 | 2 | 3 | 4;
  source?: 'title' | 'opening' | 'date';
  /** The text that gave the year (“2023年度”, “2024年上半年”, the date line). */
  span?: Span;
  /** The 成文日期, when the report ends with one. */
  date?: ReportDate;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** “2023”, “２０２３”, “二〇二三” → 2023 (years 1900–2099 only). */
export function parseYear(s: string): number | undefined {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    let d: number | undefined;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    else d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    v = v * 10 + d;
  }
  return s.length === 4 && v >= 1900 && v <= 2099 ? v : undefined;
}

function parseSmallNumber(s: string): number | undefined {
  if (/^[0-9０-９]{1,2}$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return s.length === 1 ? CN_DIGITS[s] : undefined;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

const YEAR_DIGITS = '(?:19|20|１９|２０)[0-9０-９]{2}|[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九]{2}';
/** A year followed by 年 and whatever names a period (2023年度, 2023年上半年, 2023年第三季度 …). */
const YEAR_PERIOD = new RegExp(
  `(?<![0-9０-９〇零○一二三四五六七八九])(${YEAR_DIGITS})\\s?年\\s?` +
    '(度|全年|上半年|下半年|半年度?|前三季度|第?([一二三四1-4])季度|1\\s?[-—–－~～至到]\\s?([0-9]{1,2})\\s?月|一至([一二三四五六七八九十]{1,2})月)?',
  'gu',
);
const TRANSITION = /现将[^。！？\n]{0,80}?(?:报告|汇报|报|总结|述职)如下/u;
/** After the year in the opening: what makes it the reported period rather than some other year. */
const OPENING_PERIOD = /^(?:度|以来|全年|上半年|下半年|半年|前三季度|第?[一二三四]季度|[，,]|是|我|局|本|在|.{0,2}(?:工作|期间))/u;
const DATE_LINE = new RegExp(
  `^(${YEAR_DIGITS}|[〇零○Ｏ一二三四五六七八九]{4})\\s*年\\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\\s*日$`,
  'u',
);

interface Mention {
  year: number;
  span: Span;
  period?: ReportPeriod;
  quarter?: 1 | 2 | 3 | 4;
  /** Text right after the match (for the opening's test). */
  after: string;
}

function mentions(text: string, span: Span): Mention[] {
  const s = text.slice(span.start, span.end);
  const out: Mention[] = [];
  YEAR_PERIOD.lastIndex = 0;
  for (let m = YEAR_PERIOD.exec(s); m; m = YEAR_PERIOD.exec(s)) {
    const year = parseYear(m[1]);
    if (year === undefined) continue;
    const start = span.start + m.index;
    const mention: Mention = { year, span: { start, end: start + m[0].length }, after: s.slice(m.index + m[1].length) };
    const p = m[2];
    if (p === undefined) mention.span.end = start + m[0].replace(/\s+$/, '').length;
    else if (p === '度' || p === '全年') mention.period = 'year';
    else if (p === '上半年' || p.startsWith('半年')) mention.period = 'first-half';
    else if (p === '下半年') mention.period = 'second-half';
    else if (p === '前三季度') [mention.period, mention.quarter] = ['months', 3];
    else if (m[3]) {
      mention.period = 'quarter';
      mention.quarter = Number(parseSmallNumber(m[3]) ?? m[3]) as 1 | 2 | 3 | 4;
    } else {
      const last = m[4] ? Number(m[4]) : parseSmallNumber(m[5] ?? '');
      mention.period = last === 6 ? 'first-half' : last === 12 ? 'year' : 'months';
    }
    out.push(mention);
  }
  return out;
}

function dateOf(text: string, block: Block | undefined): ReportDate | undefined {
  if (!block) return undefined;
  const m = DATE_LINE.exec(text.slice(block.span.start, block.span.end).replace(/\s+/g, ''));
  if (!m) return undefined;
  const year = parseYear(m[1]);
  const month = parseSmallNumber(m[2]);
  const day = parseSmallNumber(m[3]);
  if (year === undefined || !month || !day || month > 12 || day > 31) return undefined;
  return { year, month, day, span: block.span };
}

const cache = new WeakMap<ParsedReport, ReportYear>();

/** The report's year and period (cached per parsed document). */
export function reportYear(report: ParsedReport): ReportYear {
  const doc = wholeReport(report); // a block rule's restricted view asks about the whole report
  let r = cache.get(doc);
  if (!r) {
    r = compute(doc);
    cache.set(doc, r);
  }
  return r;
}

function compute(doc: ParsedReport): ReportYear {
  const { text } = doc;
  const out: ReportYear = {};
  const date = dateOf(text, doc.date);
  if (date) out.date = date;
  const take = (m: Mention, source: ReportYear['source']): ReportYear => {
    const r: ReportYear = { ...out, year: m.year, source, span: m.span };
    if (m.period) r.period = m.period;
    if (m.quarter) r.quarter = m.quarter;
    return r;
  };

  // 1. The title (a report title names one period; a second year is a plan: “2023年总结和2024年计划”).
  const titleText = doc.title.map((b) => text.slice(b.span.start, b.span.end)).join('');
  for (const b of doc.title) {
    const ms = mentions(text, b.span);
    if (ms.length) {
      const r = take(ms[0], 'title');
      if (!r.period) r.period = 'year';
      return r;
    }
  }
  if (/上半年|半年/.test(titleText) && !/下半年/.test(titleText)) out.period = 'first-half';
  else if (/下半年/.test(titleText)) out.period = 'second-half';
  else if (/年度|全年/.test(titleText)) out.period = 'year';

  // 2. The opening (or, without one, the first paragraph): its transition sentence, then a period year.
  const opening = doc.opening.length ? doc.opening : doc.blocks.filter((b) => b.kind === 'paragraph').slice(0, 1);
  for (const b of opening) {
    const s = text.slice(b.span.start, b.span.end);
    const t = TRANSITION.exec(s);
    if (!t) continue;
    const ms = mentions(text, { start: b.span.start + t.index, end: b.span.start + t.index + t[0].length });
    if (ms.length) return withPeriod(take(ms[0], 'opening'), out.period);
  }
  for (const b of opening) {
    for (const m of mentions(text, b.span)) {
      const before = text.slice(Math.max(b.span.start, m.span.start - 3), m.span.start);
      if (/(?:到|至|于|前|从|自|截至|截止|面向|展望)\s?$/.test(before)) continue;
      if (m.period || OPENING_PERIOD.test(m.after.replace(/^\s?年\s?/, ''))) return withPeriod(take(m, 'opening'), out.period);
    }
  }

  // 3. The 成文日期: when the report was written.
  if (date) return { ...out, year: date.year, source: 'date', span: date.span };
  return out;
}

function withPeriod(r: ReportYear, titlePeriod: ReportPeriod | undefined): ReportYear {
  if (titlePeriod && !r.period) r.period = titlePeriod;
  return r;
}

/**
 * The years the report can be about, for checks that must not guess: [min, max]. From the title or opening,
 * the year itself; from the date alone, a yearly report written in January–March may be about the year
 * before (so min = year − 1).
 */
export function yearRange(r: ReportYear): { min: number; max: number } | undefined {
  if (r.year === undefined) return undefined;
  if (r.source !== 'date') return { min: r.year, max: r.year };
  const early = r.date !== undefined && r.date.month <= 3 && r.period !== 'first-half';
  return { min: early ? r.year - 1 : r.year, max: r.year };
}

/**
 * The latest (year, month) at which the report can have been written, as year * 12 + (month − 1): the 成文日期
 * when there is one, else the end of the period plus the usual delay (a yearly report early next year, a
 * half-year report by August). Undefined without a year.
 */
export function latestWriting(r: ReportYear): number | undefined {
  if (r.date && r.source !== undefined) return r.date.year * 12 + (r.date.month - 1);
  if (r.year === undefined) return undefined;
  const y = r.year;
  switch (r.period) {
    case 'first-half':
      return y * 12 + 7;
    case 'quarter':
      return y * 12 + Math.min(11, (r.quarter ?? 4) * 3 + 1);
    case 'months':
      return y * 12 + Math.min(11, (r.quarter ?? 4) * 3 + 1);
    default:
      return (y + 1) * 12 + 2;
  }
}
