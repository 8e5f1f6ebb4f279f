/**
 * The formulation tables beyond the dictionary, bundled as YAML text and read once:
 *   formulation-enumerations.yml  lists whose members, order and completeness are fixed (四个意识 …)
 *   formulation-timeline.yml      congresses and plenums, and formulations that changed with the years
 *   formulation-names.yml         long fixed names matched approximately (one character off)
 * Reading never throws: a malformed entry is skipped and named in `problems` (the unit tests require none).
 */
import { parse } from 'yaml';
import enumerationsText from '../data/formulation-enumerations.yml';
import namesText from '../data/formulation-names.yml';
import timelineText from '../data/formulation-timeline.yml';

export interface Spec {
  from: string;
  /** Text after fixing; equal to `from` when no finding is expected; undefined for a finding without fix. */
  to?: string;
  found: boolean;
  year?: number;
}

export interface Enumeration {
  id: string;
  name: string;
  /** Names that attach a list when written right before or after it (“四个意识”即……). */
  names: string[];
  members: string[];
  /** Accepted other spellings of a member (not reported by the enumeration rule). */
  aliases: Map<string, number>;
  /** Certainly wrong spellings of a member (reported, fixed). */
  wrong: Map<string, number>;
  ordered: boolean;
  /** Only these members belong: a list of n items with n − 1 members has a wrong one. */
  closed: boolean;
  /** Members may also be separated by “，” (严以律己，谋事要实). */
  comma: boolean;
  /** Checked only when one of `names` is written next to the list. */
  requireName: boolean;
  /** Members that must be recognised in a list without its name before anything is reported. */
  minListed: number;
  /** Common suffix / prefix of the members (意识, 自信, 学史 …); '' when none. */
  suffix: string;
  prefix: string;
  outdatedFrom?: number;
  supersededBy?: string;
  source: string;
  specs: Spec[];
}

export interface Meeting {
  /** 十九 (the term, in Chinese numerals). */
  term: string;
  termNumber: number;
  /** Year * 12 + month − 1. */
  date: number;
}

export interface PlenumTerm {
  term: string;
  termNumber: number;
  complete: boolean;
  /** Dates (year * 12 + month − 1) of the 1st, 2nd … plenary sessions. */
  dates: number[];
}

export interface TimelinePhrase {
  id: string;
  patterns: string[];
  expected?: string;
  outdatedFrom?: number;
  /** Year * 12 + month − 1 of the first appearance. */
  since?: number;
  sinceText?: string;
  ongoing: boolean;
  unless: string[];
  note?: string;
  source: string;
  specs: Spec[];
}

export interface FixedName {
  name: string;
  /** Two disjoint pieces of the name to search for (default: its halves). */
  pieces?: [string, string];
  allow: string[];
  source: string;
  specs: Spec[];
}

export interface FormulationData {
  enumerations: Enumeration[];
  congresses: Meeting[];
  plenums: Map<number, PlenumTerm>;
  meetingsSource: string;
  phrases: TimelinePhrase[];
  names: FixedName[];
  problems: string[];
}

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 in Chinese numerals → number (十九 → 19, 二十 → 20, 二十一 → 21). */
export function chineseToNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return s.length === 1 ? CN[s] : undefined;
  return (m[1] ? CN[m[1]] : 1) * 10 + (m[3] ? CN[m[3]] : 0);
}

/** 19 → 十九, 20 → 二十, 6 → 六 (1–99). */
export function numberToChinese(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  return (n >= 20 ? d[Math.floor(n / 10)] : '') + '十' + d[n % 10];
}

const monthOf = (v: unknown): number | undefined => {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(v ?? ''));
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
};

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : typeof v === 'string' ? [v] : []);

function commonSuffix(words: string[]): string {
  let s = words[0] ?? '';
  for (const w of words) while (s && !w.endsWith(s)) s = s.slice(1);
  return s;
}

function commonPrefix(words: string[]): string {
  let s = words[0] ?? '';
  for (const w of words) while (s && !w.startsWith(s)) s = s.slice(0, -1);
  return s;
}

function specsOf(v: unknown, textKey: 'from' | 'text'): Spec[] {
  if (!Array.isArray(v)) return [];
  const out: Spec[] = [];
  for (const s of v) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Record<string, unknown>;
    const from = typeof o[textKey] === 'string' ? (o[textKey] as string) : typeof o.from === 'string' ? (o.from as string) : undefined;
    if (from === undefined) continue;
    const to = typeof o.to === 'string' ? o.to : undefined;
    const found = typeof o.found === 'boolean' ? o.found : to !== undefined ? to !== from : true;
    out.push({ from, to: to ?? (found ? undefined : from), found, year: typeof o.year === 'number' ? o.year : undefined });
  }
  return out;
}

function readEnumerations(text: string, problems: string[]): Enumeration[] {
  const doc = parse(text) as { enumerations?: unknown[] } | null;
  const out: Enumeration[] = [];
  for (const raw of doc?.enumerations ?? []) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name : '';
    const members = strList(o.members);
    if (!name || members.length < 2) {
      problems.push(`列举“${name || '?'}”缺少名称或至少两项 members`);
      continue;
    }
    const map = (v: unknown, what: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const [k, target] of Object.entries((v ?? {}) as Record<string, unknown>)) {
        const i = members.indexOf(String(target));
        if (i === -1) problems.push(`列举“${name}”的 ${what} 中“${k}”指向的“${String(target)}”不在 members 中`);
        else m.set(k, i);
      }
      return m;
    };
    const n = members.length;
    out.push({
      id: typeof o.id === 'string' ? o.id : name,
      name,
      names: strList(o.names),
      members,
      aliases: map(o.aliases, 'aliases'),
      wrong: map(o.wrong, 'wrong'),
      ordered: o.ordered !== false,
      closed: o.closed === true,
      comma: o.comma === true,
      requireName: o.requireName === true,
      minListed: typeof o.minListed === 'number' ? Math.min(n, Math.max(2, o.minListed)) : n <= 3 ? n : n - 1,
      suffix: commonSuffix(members),
      prefix: commonPrefix(members),
      outdatedFrom: typeof o.outdatedFrom === 'number' ? o.outdatedFrom : undefined,
      supersededBy: typeof o.supersededBy === 'string' ? o.supersededBy : undefined,
      source: typeof o.source === 'string' ? o.source : '',
      specs: specsOf(o.specs, 'from'),
    });
  }
  for (const e of out) {
    if (!e.source) problems.push(`列举“${e.name}”缺少 source`);
    if (e.supersededBy && !out.some((x) => x.id === e.supersededBy)) problems.push(`列举“${e.name}”的 supersededBy 不存在`);
  }
  return out;
}

function readTimeline(text: string, problems: string[]): Pick<FormulationData, 'congresses' | 'plenums' | 'phrases' | 'meetingsSource'> {
  const doc = (parse(text) ?? {}) as Record<string, unknown>;
  const congresses: Meeting[] = [];
  for (const raw of (doc.congresses as unknown[]) ?? []) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const term = String(o.term ?? '');
    const termNumber = chineseToNumber(term);
    const date = monthOf(o.date);
    if (termNumber === undefined || date === undefined) problems.push(`党代会“${term}”的届次或日期无效`);
    else congresses.push({ term, termNumber, date });
  }
  congresses.sort((a, b) => a.termNumber - b.termNumber);
  const plenums = new Map<number, PlenumTerm>();
  for (const raw of (doc.plenums as unknown[]) ?? []) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const term = String(o.term ?? '');
    const termNumber = chineseToNumber(term);
    const dates = strList(o.dates).map(monthOf);
    if (termNumber === undefined || dates.some((d) => d === undefined)) problems.push(`“${term}届”全会的届次或日期无效`);
    else plenums.set(termNumber, { term, termNumber, complete: o.complete === true, dates: dates as number[] });
  }
  const phrases: TimelinePhrase[] = [];
  for (const raw of (doc.phrases as unknown[]) ?? []) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const id = String(o.id ?? '');
    const patterns = strList(o.patterns).filter(Boolean);
    const since = o.since === undefined ? undefined : monthOf(o.since);
    if (!patterns.length || (o.since !== undefined && since === undefined) || (o.outdatedFrom === undefined && since === undefined)) {
      problems.push(`表述“${id}”缺少 patterns，或 since/outdatedFrom 无效`);
      continue;
    }
    if (typeof o.source !== 'string') problems.push(`表述“${id}”缺少 source`);
    phrases.push({
      id,
      patterns,
      expected: typeof o.expected === 'string' ? o.expected : undefined,
      outdatedFrom: typeof o.outdatedFrom === 'number' ? o.outdatedFrom : undefined,
      since,
      sinceText: o.since === undefined ? undefined : String(o.since),
      ongoing: o.ongoing === true,
      unless: strList(o.unless),
      note: typeof o.note === 'string' ? o.note : undefined,
      source: typeof o.source === 'string' ? o.source : '',
      specs: specsOf(o.specs, 'text'),
    });
  }
  return { congresses, plenums, phrases, meetingsSource: typeof doc.meetingsSource === 'string' ? doc.meetingsSource : '' };
}

function readNames(text: string, problems: string[]): FixedName[] {
  const doc = (parse(text) ?? {}) as { names?: unknown[] };
  const out: FixedName[] = [];
  for (const raw of doc.names ?? []) {
    const o = (raw ?? {}) as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name : '';
    if (name.length < 9) {
      problems.push(`近似匹配的名称“${name}”太短（至少9个字）`);
      continue;
    }
    const pieces = strList(o.pieces);
    let ok: [string, string] | undefined;
    if (pieces.length) {
      const a = name.indexOf(pieces[0]);
      const b = pieces.length === 2 ? name.indexOf(pieces[1], a + pieces[0].length) : -1;
      if (a === -1 || b === -1 || pieces[0].length < 2 || pieces[1].length < 2) problems.push(`名称“${name}”的 pieces 应为名称中两段互不重叠的片段（各至少2字）`);
      else ok = [pieces[0], pieces[1]];
    }
    out.push({ name, pieces: ok, allow: strList(o.allow), source: typeof o.source === 'string' ? o.source : '', specs: specsOf(o.specs, 'from') });
  }
  return out;
}

let loaded: FormulationData | undefined;

export function formulationData(): FormulationData {
  if (loaded) return loaded;
  const problems: string[] = [];
  const safe = <T>(what: string, f: () => T, fallback: T): T => {
    try {
      return f();
    } catch (e) {
      problems.push(`${what}：${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };
  const enumerations = safe('formulation-enumerations.yml', () => readEnumerations(enumerationsText, problems), []);
  const timeline = safe('formulation-timeline.yml', () => readTimeline(timelineText, problems), {
    congresses: [],
    plenums: new Map(),
    phrases: [],
    meetingsSource: '',
  });
  const names = safe('formulation-names.yml', () => readNames(namesText, problems), []);
  loaded = { enumerations, ...timeline, names, problems };
  return loaded;
}

/** “2021年2月” from year * 12 + month − 1. */
export const monthText = (m: number): string => `${Math.floor(m / 12)}年${(m % 12) + 1}月`;
