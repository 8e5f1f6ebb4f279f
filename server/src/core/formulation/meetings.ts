/**
 * Mentions of party congresses and plenary sessions: 党的二十大, 十九届六中全会, 十九届二中、三中全会,
 * 十九届历次全会, and their faulty forms (党的20大, 十九大六中全会, 党的第二十届全国代表大会). Mentions that
 * follow each other with 和/、 and end in 精神 form one “spirit” chain (党的十九大和十九届历次全会精神).
 */
import type { Span } from '../types';
import { chineseToNumber } from './data';

export interface MeetingMention {
  kind: 'congress' | 'plenum';
  span: Span;
  /** The term (届/大) number; undefined when unreadable. */
  term?: number;
  /** The term as written, with its span (十九, 19). */
  termSpan: Span;
  /** Plenary session numbers (二中、三中 → [2, 3]); empty for 历次. */
  sessions: { n: number; span: Span }[];
  allSessions: boolean;
  /** The word after the term: 届 (right for plenums), 大 or 次 (wrong before a plenum). */
  termWord: { text: string; span: Span };
  /** Digits written in Arabic numerals, to be written in Chinese ones. */
  arabic: Span[];
  /** 党的第二十大 (the 第 is wrong), 党的第二十届全国代表大会 (届 should be 次), 第二十次代表大会 (全国 missing). */
  congressForm?: { wrong: Span; right: string; why: string };
  /** 党的二十届第三次全会 → 二十届三中全会. */
  sessionForm?: { wrong: Span; right: string };
}

export interface SpiritChain {
  mentions: MeetingMention[];
  /** From the first mention to the end of 精神. */
  span: Span;
}

const NUM = '[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}';
const SESSION = '[一二三四五六七八九0-9０-９]中';
const PLENUM = new RegExp(
  `(党的|中共|中国共产党)?(第)?(${NUM})(届|大|次)(?:中央)?((?:${SESSION}(?:[、和及与]\\s*))*${SESSION}|历次|第[一二三四五六七八九]次)(全会|全体会议|会议)`,
  'gu',
);
const CONGRESS = new RegExp(`(党的|中共|中国共产党)?(第)?(${NUM})(大|次全国代表大会|届全国代表大会|次代表大会|次党代会)`, 'gu');

const digitValue = (s: string): number | undefined => {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return chineseToNumber(s);
};
const isArabic = (s: string): boolean => /^[0-9０-９]+$/.test(s);

const NUMERAL = /[一二三四五六七八九十0-9０-９]/;

/** Whether `ch` occurs in s right after a numeral (十九大, 20大). */
function numeralBefore(s: string, ch: string): boolean {
  for (let at = s.indexOf(ch, 1); at !== -1; at = s.indexOf(ch, at + 1)) if (NUMERAL.test(s[at - 1])) return true;
  return false;
}

/** Meeting mentions in text[from, to), in order. */
export function findMeetings(text: string, from: number, to: number): MeetingMention[] {
  const out: MeetingMention[] = [];
  const s = text.slice(from, to);
  const plenums = s.includes('全会') || s.includes('会议');
  const congresses = s.includes('代表大会') || s.includes('党代会') || numeralBefore(s, '大');
  if (!plenums && !congresses) return out;
  const taken: Span[] = [];
  PLENUM.lastIndex = 0;
  for (let m = plenums ? PLENUM.exec(s) : null; m; m = PLENUM.exec(s)) {
    const start = from + m.index;
    const prefixLen = (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const termStart = start + prefixLen;
    const termSpan = { start: termStart, end: termStart + m[3].length };
    const wordStart = termSpan.end;
    const sessionsText = m[5];
    const sessionsStart = start + m[0].indexOf(sessionsText, prefixLen + m[3].length + 1);
    const sessions: MeetingMention['sessions'] = [];
    const arabic: Span[] = [];
    if (isArabic(m[3])) arabic.push(termSpan);
    const ordinal = /^第([一二三四五六七八九])次$/.exec(sessionsText);
    if (ordinal) {
      // Only the national party's own name: 党的二十届第三次全会 (a county's 十五届三次全会 is right as it is).
      if (!m[1]) continue;
      const n = digitValue(ordinal[1])!;
      sessions.push({ n, span: { start: sessionsStart + 1, end: sessionsStart + 2 } });
    } else if (sessionsText !== '历次') {
      const re = /([一二三四五六七八九0-9０-９])中/gu;
      for (let x = re.exec(sessionsText); x; x = re.exec(sessionsText)) {
        const sp = { start: sessionsStart + x.index, end: sessionsStart + x.index + 1 };
        const n = digitValue(x[1]);
        if (n !== undefined) sessions.push({ n, span: sp });
        if (isArabic(x[1])) arabic.push(sp);
      }
    }
    const mention: MeetingMention = {
      kind: 'plenum',
      span: { start, end: start + m[0].length },
      term: digitValue(m[3]),
      termSpan,
      sessions,
      allSessions: sessionsText === '历次',
      termWord: { text: m[4], span: { start: wordStart, end: wordStart + 1 } },
      arabic,
    };
    if (ordinal) mention.sessionForm = { wrong: { start: sessionsStart, end: mention.span.end }, right: `${ordinal[1]}中全会` };
    else if (m[6] === '会议') {
      // 十九届六中会议: the session is a 全会.
      if (sessionsText === '历次' || !/中$/.test(sessionsText)) continue;
      mention.sessionForm = { wrong: { start: mention.span.end - 2, end: mention.span.end }, right: '全会' };
    }
    out.push(mention);
    taken.push(mention.span);
  }
  CONGRESS.lastIndex = 0;
  for (let m = congresses ? CONGRESS.exec(s) : null; m; m = CONGRESS.exec(s)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    const term = digitValue(m[3]);
    const prefixed = m[1] !== undefined;
    // Bare 十九大 only for the congresses of the reform era (三大攻坚战, 五大发展理念 are not congresses).
    if (!prefixed && (isArabic(m[3]) || term === undefined || term < 12 || term > 30 || m[4] !== '大')) continue;
    if (m[4] === '大' && /^[会学家队型批小量力概局众礼幅楼厦院]/.test(s.slice(m.index + m[0].length))) continue;
    const prefixLen = (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const termSpan = { start: start + prefixLen, end: start + prefixLen + m[3].length };
    const mention: MeetingMention = {
      kind: 'congress',
      span: { start, end },
      term,
      termSpan,
      sessions: [],
      allSessions: false,
      termWord: { text: m[4], span: { start: termSpan.end, end: end } },
      arabic: isArabic(m[3]) ? [termSpan] : [],
    };
    if (prefixed && m[2] && m[4] === '大') {
      mention.congressForm = { wrong: { start: start + (m[1]?.length ?? 0), end: start + prefixLen }, right: '', why: '简称“党的N大”不加“第”' };
    } else if (prefixed && m[4] === '届全国代表大会') {
      mention.congressForm = { wrong: { start: termSpan.end, end: termSpan.end + 1 }, right: '次', why: '党的全国代表大会按“次”计（中央委员会按“届”计）' };
    } else if (prefixed && m[4] === '次代表大会') {
      mention.congressForm = { wrong: { start: termSpan.end + 1, end: termSpan.end + 1 }, right: '全国', why: '全称为“中国共产党第N次全国代表大会”' };
    }
    out.push(mention);
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

const CHAIN_GAP = /^\s*(?:和|、|及|与|以及|，)\s*$/u;
const SPIRIT_AFTER = /^\s*(?:会议)?精神/u;

/** Mentions joined by 和/、 and followed by 精神: the meetings whose “spirit” is being studied. */
export function spiritChains(text: string, mentions: readonly MeetingMention[], to: number): SpiritChain[] {
  const out: SpiritChain[] = [];
  let i = 0;
  while (i < mentions.length) {
    let j = i;
    while (j + 1 < mentions.length && CHAIN_GAP.test(text.slice(mentions[j].span.end, mentions[j + 1].span.start))) j++;
    const end = mentions[j].span.end;
    const m = SPIRIT_AFTER.exec(text.slice(end, Math.min(to, end + 6)));
    if (m) out.push({ mentions: mentions.slice(i, j + 1), span: { start: mentions[i].span.start, end: end + m[0].length } });
    i = j + 1;
  }
  return out;
}
