/**
 * The names of party congresses and plenary sessions (part of formulation/standard): Chinese numerals,
 * 届 for the Central Committee and 次 for the congress, and no plenum that never took place.
 */
import type { ReportedFinding } from '../rule';
import type { Span } from '../types';
import { formulationData, numberToChinese } from './data';
import type { MeetingMention } from './meetings';
import { q } from './text';

export function standardMeetingFindings(text: string, mentions: readonly MeetingMention[]): ReportedFinding[] {
  const out: ReportedFinding[] = [];
  const data = formulationData();
  for (const m of mentions) {
    const edits: { span: Span; newText: string }[] = [];
    const why: string[] = [];
    if (m.arabic.length) {
      why.push('会议名称中的数字应使用汉字');
      for (const a of m.arabic) {
        const v = Number(text.slice(a.start, a.end).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
        if (v > 0 && v < 100) edits.push({ span: a, newText: numberToChinese(v) });
      }
    }
    if (m.kind === 'plenum' && m.termWord.text !== '届') {
      why.push('中央委员会全体会议按“届”计（党代会按“次”计）');
      edits.push({ span: m.termWord.span, newText: '届' });
    }
    if (m.congressForm) {
      why.push(m.congressForm.why);
      edits.push({ span: m.congressForm.wrong, newText: m.congressForm.right });
    }
    if (m.sessionForm) {
      why.push('中央委员会全体会议简称“N届M中全会”');
      edits.push({ span: m.sessionForm.wrong, newText: m.sessionForm.right });
    }
    if (edits.length) {
      edits.sort((a, b) => a.span.start - b.span.start);
      let fixed = '';
      let pos = m.span.start;
      for (const e of edits) {
        fixed += text.slice(pos, e.span.start) + e.newText;
        pos = e.span.end;
      }
      fixed += text.slice(pos, m.span.end);
      out.push({
        span: m.span,
        message: `${q(text.slice(m.span.start, m.span.end))}应为${q(fixed)}（${why.join('；')}）`,
        fixes: [{ title: `改为${q(fixed)}`, edits }],
      });
      continue;
    }
    if (m.kind === 'plenum' && m.term !== undefined) {
      const term = data.plenums.get(m.term);
      if (!term?.complete) continue;
      const missing = m.sessions.filter((s) => s.n < 1 || s.n > term.dates.length);
      for (const s of missing) {
        out.push({
          span: m.span,
          message: `党的${term.term}届中央委员会共召开${numberToChinese(term.dates.length)}次全体会议，没有“${term.term}届${numberToChinese(s.n) || s.n}中全会”，请核对届次和会次（依据：${data.meetingsSource}）`,
        });
      }
    }
  }
  return out;
}
