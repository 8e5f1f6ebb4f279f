/**
 * Quality figures: recall per family on seeded errors, false alarms per 10,000 characters on clean text.
 * `npm run quality` prints them (and writes out/quality.json); quality.test.ts holds the bars.
 */
import { lint, parseReport, type Finding } from '../../server/src/core';
import { cleanCorpus, seededCorpus } from './corpus';

export interface FamilyRecall {
  family: string;
  seeded: number;
  found: number;
  recall: number;
  missed: string[];
}

export interface FalseAlarm {
  file: string;
  ruleId: string;
  text: string;
  message: string;
}

export interface QualityReport {
  recall: FamilyRecall[];
  cleanChars: number;
  falseAlarms: FalseAlarm[];
  falseAlarmsPer10k: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end || (a.start === a.end && a.start >= b.start && a.start <= b.end);

export function measureQuality(check: (text: string) => Finding[] = (t) => lint(parseReport(t)).findings): QualityReport {
  const families = new Map<string, FamilyRecall>();
  for (const s of seededCorpus()) {
    const fam = families.get(s.family) ?? { family: s.family, seeded: 0, found: 0, recall: 0, missed: [] };
    families.set(s.family, fam);
    const findings = check(s.text).filter((f) => f.ruleId.startsWith(`${s.family}/`));
    for (const e of s.errors) {
      fam.seeded++;
      // A zero-width seeded error (a missing mark) counts when a finding touches its position.
      const hit = findings.some((f) => overlaps(f.span, e) || overlaps(e, f.span));
      if (hit) fam.found++;
      else fam.missed.push(`${s.name}: 「${s.text.slice(Math.max(0, e.start - 6), e.end + 6).replace(/\n/g, '⏎')}」`);
    }
  }
  for (const fam of families.values()) fam.recall = fam.seeded ? fam.found / fam.seeded : 0;

  let cleanChars = 0;
  const falseAlarms: FalseAlarm[] = [];
  for (const c of cleanCorpus()) {
    cleanChars += c.text.length;
    for (const f of check(c.text)) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      if (f.ruleId === 'placeholder/unfilled') continue; // the samples' placeholders are real, not false alarms
      if (c.known.some((k) => overlaps(f.span, k) || overlaps(k, f.span))) continue;
      falseAlarms.push({ file: c.name, ruleId: f.ruleId, text: c.text.slice(Math.max(0, f.span.start - 5), f.span.end + 5), message: f.message });
    }
  }
  return {
    recall: [...families.values()],
    cleanChars,
    falseAlarms,
    falseAlarmsPer10k: cleanChars ? (falseAlarms.length / cleanChars) * 10000 : 0,
  };
}
