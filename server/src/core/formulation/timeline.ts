/**
 * Formulations against the report's year (formulation/outdated): the data of formulation-timeline.yml and the
 * outdated versions of enumerations. Everything here needs the year; without one nothing is reported.
 */
import type { DictionaryMatcher } from '../dict/matcher';
import type { ParsedReport } from '../parse/report';
import { reportYear } from '../reportYear';
import type { ReportedFinding } from '../rule';
import type { Span } from '../types';
import { AhoCorasick } from '../dict/ahoCorasick';
import { formulationData, monthText, numberToChinese, type Meeting, type TimelinePhrase } from './data';
import { supersedingEdits } from './enumerationFindings';
import { findLists, type FoundList } from './enumerations';
import { spiritChains, type MeetingMention, type SpiritChain } from './meetings';
import { mentionsOf, scanReport } from './scan';
import { reportTime, type ReportTime } from './time';
import { clauseAround, insideBookTitle, insideQuotation, q, sentenceAround } from './text';

/** Words in the clause that make a mention historical (成果, 以来 …): the activity is not said to go on. */
const HISTORICAL = ['先后', '相继', '历次', '成果', '以来', '期间', '经验', '常态化', '长效化', '制度化', '长效机制', '总结', '回顾', '曾', '结束', '收官', '之后', '以后', '延续', '好做法', '时期', '当年', '巩固', '拓展', '基础上', '中形成', '中取得', '中涌现'];

let phraseAutomaton: AhoCorasick<TimelinePhrase> | undefined;

function phrases(): AhoCorasick<TimelinePhrase> {
  if (!phraseAutomaton) {
    phraseAutomaton = new AhoCorasick<TimelinePhrase>();
    for (const p of formulationData().phrases) for (const pat of p.patterns) phraseAutomaton.add(pat, p);
  }
  return phraseAutomaton;
}

/** A year written in the clause that is earlier than `year` (2021年开展的党史学习教育): a retrospective. */
function earlierYearIn(s: string, year: number): boolean {
  const re = /(?:19|20)\d{2}(?=\s?年)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) if (Number(m[0]) < year) return true;
  return false;
}

function phraseFindings(
  text: string,
  from: number,
  to: number,
  t: ReportTime,
  found?: readonly { start: number; end: number; value: TimelinePhrase }[],
): ReportedFinding[] {
  const hits: { start: number; end: number; p: TimelinePhrase }[] = [];
  if (found) for (const f of found) hits.push({ start: f.start, end: f.end, p: f.value });
  else phrases().search(text, from, to, (start, end, p) => hits.push({ start, end, p }));
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReportedFinding[] = [];
  const lastEnd = new Map<string, number>();
  const block = { start: from, end: to };
  for (const h of hits) {
    if ((lastEnd.get(h.p.id) ?? -1) > h.start) continue;
    lastEnd.set(h.p.id, h.end);
    const p = h.p;
    const early = p.since !== undefined && t.latest !== undefined && p.since > t.latest;
    if (!early && (p.outdatedFrom === undefined || t.min < p.outdatedFrom)) continue;
    if (insideBookTitle(text, block, h.start)) continue;
    const raw = text.slice(h.start, h.end);
    // “不忘初心、牢记使命”主题教育: show the opening quote the pattern leaves out.
    const written = text[h.start - 1] === '“' && raw.includes('”') ? `“${raw}` : raw;
    const span: Span = { start: h.start, end: h.end };
    const note = [p.note?.replace(/。$/, ''), p.source ? `依据：${p.source}` : ''].filter(Boolean).join('；');
    // Not yet in existence when the report was written.
    if (early && p.since !== undefined) {
      out.push({ span, message: `${t.label}，而${q(written)}${monthText(p.since)}才出现，请核对年份或表述（${note}）` });
      continue;
    }
    if (p.outdatedFrom === undefined) continue;
    const clause = clauseAround(text, block, h.start, h.end);
    const clauseText = text.slice(clause.start, clause.end);
    if (p.ongoing || p.unless.length) {
      const words = p.ongoing ? [...HISTORICAL, ...p.unless] : p.unless;
      const rest = clauseText.slice(0, h.start - clause.start) + clauseText.slice(h.end - clause.start);
      if (words.some((w) => rest.includes(w))) continue;
      const sentence = sentenceAround(text, block, h.start, h.end);
      if (earlierYearIn(text.slice(sentence.start, sentence.end), p.outdatedFrom)) continue;
    }
    out.push({
      span,
      message: p.ongoing
        ? `${t.label}，${q(written)}已经结束，不宜再作为正在开展的工作表述（${note}）`
        : `${t.label}，${q(written)}的提法已经过时${p.expected ? `，应为${q(p.expected)}` : ''}（${note}）`,
      fixes: p.expected ? [{ title: `改为${q(p.expected)}`, edits: [{ span, newText: p.expected }] }] : undefined,
    });
  }
  return out;
}

function meetingDate(m: MeetingMention): { date: number; name: string }[] {
  const data = formulationData();
  if (m.term === undefined) return [];
  const term = numberToChinese(m.term);
  if (m.kind === 'congress') {
    const c = data.congresses.find((x) => x.termNumber === m.term);
    return c ? [{ date: c.date, name: `党的${term}大` }] : [];
  }
  const p = data.plenums.get(m.term);
  if (!p) return [];
  const sessions = m.allSessions ? [] : m.sessions.map((s) => s.n);
  return sessions.flatMap((n) => (p.dates[n - 1] !== undefined ? [{ date: p.dates[n - 1], name: `${term}届${numberToChinese(n)}中全会` }] : []));
}

function chainFindings(text: string, chain: SpiritChain, t: ReportTime, block: Span): ReportedFinding[] {
  const data = formulationData();
  // Titles and quotations cite what was written then (《学习党的十九大精神辅导读本》, “……十九大精神……”).
  if (insideBookTitle(text, block, chain.span.start) || insideQuotation(text, block, chain.span.start, chain.span.end)) return [];
  const written = text.slice(chain.span.start, chain.span.end);
  // Held after the report was written?
  if (t.latest !== undefined) {
    for (const m of chain.mentions) {
      for (const d of meetingDate(m)) {
        if (d.date > t.latest) {
          return [
            {
              span: chain.span,
              message: `${t.label}，而${d.name}${monthText(d.date)}才召开，报告中不可能学习贯彻其精神，请核对年份或会议届次（依据：${data.meetingsSource}）`,
            },
          ];
        }
      }
    }
  }
  // The newest congress before the report's year.
  let current: Meeting | undefined;
  for (const c of data.congresses) if (Math.floor(c.date / 12) < t.min) current = c;
  if (!current) return [];
  // Only the term just before the current one: that is the recycled text (十一届三中全会精神 is history).
  const old = chain.mentions.filter((m) => m.term !== undefined && m.term === current!.termNumber - 1);
  if (!old.length) return [];
  const sentence = sentenceAround(text, block, chain.span.start, chain.span.end);
  if (earlierYearIn(text.slice(sentence.start, sentence.end), t.min)) return [];
  const right = `党的${current.term}大精神`;
  const congressOnly = chain.mentions.every((m) => m.kind === 'congress' || (m.term !== undefined && m.term < current!.termNumber));
  const first = chain.mentions[0];
  let fix: ReportedFinding['fixes'];
  if (first.kind === 'congress' && congressOnly) {
    const prefix = text.slice(first.span.start, first.termSpan.start).replace(/第$/, '');
    const newText = `${prefix || ''}${current.term}大精神`;
    fix = [{ title: `改为${q(newText)}`, edits: [{ span: chain.span, newText }] }];
  }
  return [
    {
      span: chain.span,
      message:
        `${t.label}，党的${current.term}大已于${monthText(current.date)}召开，${q(written)}已不是当前学习贯彻的会议精神，` +
        `应为${q(right)}及其后历次全会精神（“党的${numberToChinese(old[0].term!)}大以来”等历史表述不受影响；依据：${data.meetingsSource}）`,
      fixes: fix,
    },
  ];
}

/** Outdated enumerations (四个全面 with 全面建成小康社会, 三个自信) in a report of a later year. */
function listFindings(text: string, lists: readonly FoundList[], t: ReportTime): ReportedFinding[] {
  const data = formulationData();
  const out: ReportedFinding[] = [];
  for (const list of lists) {
    const e = list.enumeration;
    if (e.outdatedFrom === undefined || t.min < e.outdatedFrom) continue;
    const successor = data.enumerations.find((x) => x.id === e.supersededBy);
    const edits = successor ? supersedingEdits(text, list, successor) : undefined;
    const replaced = edits?.filter((x) => x.span.end > x.span.start) ?? [];
    const span = replaced.length ? { start: replaced[0].span.start, end: replaced[replaced.length - 1].span.end } : list.span;
    out.push({
      span,
      message: `${t.label}，${q(text.slice(list.span.start, list.span.end))}是已经调整的提法${successor ? `，现为${successor.members.join('、')}` : ''}（依据：${e.source}）`,
      fixes: edits ? [{ title: '改为现行表述', edits }] : undefined,
    });
  }
  return out;
}

/** All formulation/outdated findings of a report. */
export function outdatedFindings(doc: ParsedReport, matcher?: DictionaryMatcher): ReportedFinding[] {
  const t = reportTime(reportYear(doc));
  if (!t) return [];
  const { text } = doc;
  const out: ReportedFinding[] = [];
  for (const scan of scanReport(doc, matcher)) {
    const b = scan.block;
    if (scan.phrases.length) out.push(...phraseFindings(text, b.span.start, b.span.end, t, scan.phrases));
    const mentions = mentionsOf(text, scan);
    if (mentions.length) for (const chain of spiritChains(text, mentions, b.span.end)) out.push(...chainFindings(text, chain, t, b.span));
  }
  out.push(...listFindings(text, findLists(doc), t));
  return out;
}
