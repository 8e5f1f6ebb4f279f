/** Finds dictionary entries in text: literals with Aho-Corasick, /…/ patterns with the safe regex engine. */
import { AhoCorasick } from './ahoCorasick';
import type { DictionaryEntry } from './dictionary';

export interface DictionaryHit {
  start: number;
  end: number;
  entry: DictionaryEntry;
}

export class DictionaryMatcher {
  private readonly literals = new AhoCorasick<DictionaryEntry>();
  private readonly regexes: { entry: DictionaryEntry; regex: NonNullable<DictionaryEntry['patterns'][number]['regex']> }[] = [];
  readonly entries: readonly DictionaryEntry[];

  constructor(entries: readonly DictionaryEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const p of entry.patterns) {
        if (p.regex) this.regexes.push({ entry, regex: p.regex });
        else this.literals.add(p.source, entry);
      }
    }
  }

  /** Leftmost-longest, non-overlapping hits in text[from, to), minus allowed contexts and correct text. */
  find(text: string, from: number, to: number): DictionaryHit[] {
    const raw: DictionaryHit[] = [];
    this.literals.search(text, from, to, (start, end, entry) => raw.push({ start, end, entry }));
    for (const { entry, regex } of this.regexes) {
      for (const m of regex.matchAll(text, from, to)) raw.push({ start: m.start, end: m.end, entry });
    }
    if (!raw.length) return raw;
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: DictionaryHit[] = [];
    let lastEnd = -1;
    for (const h of raw) {
      if (h.start < lastEnd) continue;
      if (isAllowed(text, h, from, to) || isAlreadyExpected(text, h, from, to)) continue;
      out.push(h);
      lastEnd = h.end;
    }
    return out;
  }
}

/** A match inside one of the entry's allowed phrases is not a finding. */
function isAllowed(text: string, h: DictionaryHit, from: number, to: number): boolean {
  const matched = text.slice(h.start, h.end);
  for (const phrase of h.entry.allow) {
    let k = phrase.indexOf(matched);
    while (k !== -1) {
      const s = h.start - k;
      if (s >= from && s + phrase.length <= to && text.startsWith(phrase, s)) return true;
      k = phrase.indexOf(matched, k + 1);
    }
  }
  return false;
}

/** “以人民为中心” matched inside the expected “坚持以人民为中心” that is already written correctly. */
function isAlreadyExpected(text: string, h: DictionaryHit, from: number, to: number): boolean {
  const expected = h.entry.expected;
  const matched = text.slice(h.start, h.end);
  let k = expected.indexOf(matched);
  while (k !== -1) {
    const s = h.start - k;
    if (s >= from && s + expected.length <= to && text.startsWith(expected, s)) return true;
    k = expected.indexOf(matched, k + 1);
  }
  return false;
}
