/**
 * The period a report covers, as the consistency rules need it: the year and kind from the shared
 * `reportYear` (title, then opening, then 成文日期), plus the separate mentions the rules compare — the
 * title's year, the year in the opening's transition sentence (“现将2023年……报告如下”) and the date.
 */
import type { Block, ParsedReport } from '../parse/report';
import { reportYear, yearRange } from '../reportYear';
import { wholeReport } from '../rule';
import type { Span } from '../types';
import { asciiDigits, parseChineseCount, parseChineseYear } from './numbers';

/** 'part': a quarter or some months (一季度, 前三季度, 1—9月). */
export type PeriodKind = 'year' | 'first-half' | 'second-half' | 'part';

export interface YearMention {
  year: number;
  /** The year's digits (without 年). */
  span: Span;
  /** The period named right after the year (2023年上半年 → first-half), if any. */
  period?: PeriodKind;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  span: Span;
}

export interface ReportPeriod {
  /** The report's year, when anything says it. */
  year?: number;
  kind: PeriodKind;
  /** Where the year came from. */
  source?: 'title' | 'opening' | 'date';
  titleYear?: YearMention;
  /** The year in the opening's transition sentence (现将2023年……报告如下). */
  openingYear?: YearMention;
  /** The transition sentence itself. */
  transition?: Span;
  date?: DateParts;
}

/** A four-digit year (Arabic, full-width or Chinese digits) followed by 年 or a period word. */
export const YEAR_IN_TEXT =
  /(?<![0-9０-９〇零○一二三四五六七八九])((?:19|20|１９|２０)[0-9０-９]{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})(?=\s?(?:年|上半年|下半年|全年))/gu;

export function yearValue(s: string): number | undefined {
  if (/^[0-9０-９]{4}$/.test(s)) return Number(asciiDigits(s));
  return parseChineseYear(s);
}

function periodAfter(text: string, at: number): PeriodKind | undefined {
  const rest = text.slice(at, at + 8).replace(/^\s?年?度?/, '');
  if (/^下半年/.test(rest)) return 'second-half';
  if (/^(?:上半年|半年|1[-—－~～至到]6月|一至六月)/.test(rest)) return 'first-half';
  return undefined;
}

function yearsIn(text: string, span: Span): YearMention[] {
  const s = text.slice(span.start, span.end);
  const out: YearMention[] = [];
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(s); m; m = YEAR_IN_TEXT.exec(s)) {
    const year = yearValue(m[1]);
    if (year === undefined) continue;
    const start = span.start + m.index;
    out.push({ year, span: { start, end: start + m[1].length }, period: periodAfter(text, start + m[1].length) });
  }
  return out;
}

const DATE_PARTS = /^([0-9０-９]{4}|[〇零○一二三四五六七八九Ｏ]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

/** Reads a 成文日期 line written with 年月日 (Arabic or Chinese numerals). */
export function parseDateLine(text: string, block: Block): DateParts | undefined {
  const m = DATE_PARTS.exec(text.slice(block.span.start, block.span.end));
  if (!m) return undefined;
  const num = (s: string): number | undefined => (/^[0-9０-９]+$/.test(s) ? Number(asciiDigits(s)) : parseChineseCount(s));
  const year = yearValue(m[1].replace(/Ｏ/g, '〇'));
  const month = num(m[2]);
  const day = num(m[3]);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return { year, month, day, span: block.span };
}

/** The transition sentence of the opening (现将……报告如下 / 汇报如下), searched in the opening blocks. */
const TRANSITION = /现将[^。！？]{0,80}?(?:报告|汇报|报|总结|述职)如下/u;

const cache = new WeakMap<ParsedReport, ReportPeriod>();

/** The report's period (cached per parsed document: several rules ask for it on each lint). */
export function reportPeriod(report: ParsedReport): ReportPeriod {
  const doc = wholeReport(report); // a block rule's restricted view asks about the whole report
  let period = cache.get(doc);
  if (!period) {
    period = computePeriod(doc);
    cache.set(doc, period);
  }
  return period;
}

function computePeriod(doc: ParsedReport): ReportPeriod {
  const { text } = doc;
  const out: ReportPeriod = { kind: 'year' };
  const titleText = doc.title.map((b) => text.slice(b.span.start, b.span.end)).join('');
  for (const b of doc.title) {
    const ys = yearsIn(text, b.span);
    if (ys.length) {
      out.titleYear = ys[0];
      break;
    }
  }
  // The opening's transition sentence; without an opening, the first body paragraph that has one.
  const candidates = doc.opening.length ? doc.opening : doc.blocks.filter((b) => b.kind === 'paragraph').slice(0, 1);
  for (const b of candidates) {
    const s = text.slice(b.span.start, b.span.end);
    const m = TRANSITION.exec(s);
    if (!m) continue;
    const span = { start: b.span.start + m.index, end: b.span.start + m.index + m[0].length };
    out.transition = span;
    const ys = yearsIn(text, span);
    if (ys.length) out.openingYear = ys[0];
    break;
  }
  if (doc.date) out.date = parseDateLine(text, doc.date);

  // The year and the kind of period: the shared reading, taken only when it names a single year.
  const shared = reportYear(doc);
  const range = yearRange(shared);
  if (range && range.min === range.max) {
    out.year = range.min;
    out.source = shared.source;
  }
  if (shared.period === 'first-half' || shared.period === 'second-half') out.kind = shared.period;
  else if (/下半年/.test(titleText)) out.kind = 'second-half';
  else if (/上半年|半年/.test(titleText)) out.kind = 'first-half';
  else if (shared.period === 'quarter' || shared.period === 'months') out.kind = 'part';
  return out;
}
