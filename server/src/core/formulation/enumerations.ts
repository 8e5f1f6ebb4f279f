/**
 * Finds the enumerations of formulation-enumerations.yml in the text: lists whose items are separated by
 * “、” (and “和/及/与”, and “，” where the enumeration allows it), such as
 *   增强政治意识、大局意识、核心意识、看齐意识        坚定道路、理论、制度、文化自信（compressed）
 *   “四个意识”（政治意识、大局意识……）（named）      形式主义、官僚主义、享乐主义和奢靡之风
 * A list is matched to the enumeration most of whose members it names; items that look like members
 * (same suffix or prefix: 服务意识 in a 四个意识 list) but are not are “odd”. Linear in the text: only
 * clauses with a “、” are split, and item look-ups are map look-ups by length.
 */
import type { ParsedReport } from '../parse/report';
import type { Span } from '../types';
import { formulationData, type Enumeration } from './data';
import { allHan, checkedBlocks, isHan } from './text';

export type ItemKind = 'member' | 'alias' | 'wrong' | 'stem' | 'odd';

export interface ListItem {
  /** The member as written (for a compressed list: the stem only, 道路 of 道路自信). */
  span: Span;
  kind: ItemKind;
  /** The member it stands for; −1 for an odd item. */
  member: number;
}

export interface FoundList {
  enumeration: Enumeration;
  items: ListItem[];
  /** Separators between consecutive items (、，和 …). */
  separators: string[];
  /** The enumeration's name is written next to the list. */
  named: boolean;
  /** 道路、理论、制度、文化自信: items are stems, the last carries the shared suffix. */
  compressed: boolean;
  span: Span;
}

interface KeyRef {
  e: number;
  member: number;
  kind: 'member' | 'alias' | 'wrong' | 'stem';
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Keys ending here. */
  refs?: KeyRef[];
}

interface Keys {
  /** Keys read forwards (prefix matches) and backwards (suffix matches). */
  forward: TrieNode;
  backward: TrieNode;
  stems: Map<number, string[]>;
  /** Characters that end some key / start some key: a quick test before walking. */
  lastChars: Set<number>;
}

function trieAdd(root: TrieNode, key: string, ref: KeyRef, reverse: boolean): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(reverse ? key.length - 1 - i : i);
    let n = node.next.get(c);
    if (!n) {
      n = { next: new Map() };
      node.next.set(c, n);
    }
    node = n;
  }
  (node.refs ??= []).push(ref);
}

let keysCache: Keys | undefined;

function keys(enums: readonly Enumeration[]): Keys {
  if (keysCache) return keysCache;
  const forward: TrieNode = { next: new Map() };
  const backward: TrieNode = { next: new Map() };
  const lastChars = new Set<number>();
  const stems = new Map<number, string[]>();
  const add = (k: string, ref: KeyRef): void => {
    trieAdd(forward, k, ref, false);
    trieAdd(backward, k, ref, true);
    lastChars.add(k.charCodeAt(k.length - 1));
  };
  enums.forEach((en, e) => {
    en.members.forEach((m, member) => add(m, { e, member, kind: 'member' }));
    for (const [k, member] of en.aliases) add(k, { e, member, kind: 'alias' });
    for (const [k, member] of en.wrong) add(k, { e, member, kind: 'wrong' });
    if (en.suffix) {
      const st = en.members.map((m) => m.slice(0, m.length - en.suffix.length));
      if (st.every((s) => s.length >= 2)) {
        stems.set(e, st);
        st.forEach((s, member) => add(s, { e, member, kind: 'stem' }));
      }
    }
  });
  keysCache = { forward, backward, stems, lastChars };
  return keysCache;
}

export function stemsOf(e: Enumeration): string[] | undefined {
  const data = formulationData();
  return keys(data.enumerations).stems.get(data.enumerations.indexOf(e));
}

/** Ends a segment: lists never cross these. */
const HARD = new Uint8Array(65536);
for (const ch of '。；！？\n：:;!?（）()《》【】') HARD[ch.charCodeAt(0)] = 1;
const DUN = 0x3001; // 、
const SEP_RE = /[、，,]/g;
const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
/** Words that may stand before a member in the middle of a list (必须坚持人民至上、必须坚持自信自立). */
const MIDDLE_LEADS = new Set(['坚持', '必须坚持', '又', '要', '增强', '坚定', '做到', '树牢', '强化', '加强', '倡导']);
const OPEN_QUOTES = '“‘"「『';
const CLOSE_QUOTES = '”’"」』';

interface RawItem {
  start: number;
  end: number;
  /** Separator before this item ('' at the segment start). */
  sepBefore: string;
  leadOk: boolean;
  trailOk: boolean;
}

interface Recognised {
  ref: KeyRef;
  start: number;
  end: number;
  /**
   * Matched with arbitrary text before it in the middle of a list (全面贯彻创新、协调……: only as a run's first
   * item) or after it (伟大梦想紧密联系、相互贯通: only as a run's last item).
   */
  weak?: 'lead' | 'trail';
}

const cache = new WeakMap<ParsedReport, FoundList[]>();

/** Every enumeration list in the report (cached per parsed document). */
export function findLists(doc: ParsedReport): FoundList[] {
  let out = cache.get(doc);
  if (!out) {
    out = [];
    const data = formulationData();
    const k = keys(data.enumerations);
    const blocks = checkedBlocks(doc);
    // Only blocks with a 、 can hold a list: one pass over the 、 of the whole text.
    const text = doc.text;
    let bi = 0;
    for (let dun = text.indexOf('、'); dun !== -1 && bi < blocks.length; ) {
      while (bi < blocks.length && blocks[bi].span.end <= dun) bi++;
      if (bi === blocks.length) break;
      const b = blocks[bi];
      if (dun < b.span.start) {
        dun = text.indexOf('、', b.span.start);
        continue;
      }
      scanBlock(text, b.span.start, b.span.end, data.enumerations, k, out);
      dun = text.indexOf('、', b.span.end);
      bi++;
    }
    cache.set(doc, out);
  }
  return out;
}

/** Lists in text[from, to) (for tests and specs). */
export function findListsIn(text: string, from = 0, to = text.length): FoundList[] {
  const out: FoundList[] = [];
  const data = formulationData();
  scanBlock(text, from, to, data.enumerations, keys(data.enumerations), out);
  return out;
}

/** Whether a key ends right before `at` (a closing quote may stand between). */
function keyEndsAt(text: string, at: number, from: number, k: Keys): boolean {
  let i = at - 1;
  if (i >= from && CLOSE_QUOTES.includes(text[i])) i--;
  let node: TrieNode | undefined = k.backward;
  for (; i >= from && node; i--) {
    node = node.next.get(text.charCodeAt(i));
    if (node?.refs) return true;
  }
  return false;
}

/** Whether a key starts right at `at` (an opening quote may stand before it). */
function keyStartsAt(text: string, at: number, to: number, k: Keys): boolean {
  let i = at;
  if (i < to && OPEN_QUOTES.includes(text[i])) i++;
  let node: TrieNode | undefined = k.forward;
  for (; i < to && node; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (node?.refs) return true;
  }
  return false;
}

function scanBlock(text: string, from: number, to: number, enums: readonly Enumeration[], k: Keys, out: FoundList[]): void {
  // A list has a 、 with a member (or stem) on both sides: look only at such 、, then at their segment.
  const block = text.slice(from, to);
  let done = 0; // block-relative end of the last segment scanned
  for (let d = block.indexOf('、'); d !== -1; d = block.indexOf('、', Math.max(d + 1, done))) {
    const at = from + d;
    if (!keyEndsAt(text, at, from, k) || !keyStartsAt(text, at + 1, to, k)) continue;
    let segStart = at;
    while (segStart > from && !HARD[text.charCodeAt(segStart - 1)]) segStart--;
    let segEnd = at + 1;
    while (segEnd < to && !HARD[text.charCodeAt(segEnd)]) segEnd++;
    scanSegment(text, segStart, segEnd, from, to, enums, k, out);
    done = segEnd - from;
  }
}

function scanSegment(text: string, start: number, end: number, blockFrom: number, blockTo: number, enums: readonly Enumeration[], k: Keys, out: FoundList[]): void {
  // 1. Raw items between 、，, separators.
  const raw: RawItem[] = [];
  let itemStart = start;
  let sep = '';
  let known = 0;
  const seg = text.slice(start, end);
  SEP_RE.lastIndex = 0;
  for (;;) {
    const sm = SEP_RE.exec(seg);
    const i = sm ? start + sm.index : end;
    const c = sm ? text.charCodeAt(i) : 0;
    let s = itemStart;
    let e = i;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    raw.push({ start: s, end: e, sepBefore: sep, leadOk: sep !== '、', trailOk: c !== DUN });
    // Could a key start or end in this item? (Most items of ordinary lists: no.)
    if (e > s && (k.lastChars.has(text.charCodeAt(e - 1)) || k.forward.next.has(text.charCodeAt(s)) || OPEN_QUOTES.includes(text[s]))) known++;
    sep = c === DUN ? '、' : c === 0 ? '' : '，';
    itemStart = i + 1;
    if (!sm) break;
  }
  if (raw.length < 2 || known < 2) return;

  // 2. Split an item at 和/及/与 when both halves are members (核心意识和看齐意识).
  const items: RawItem[] = [];
  const recs: Recognised[][] = [];
  const hasConnector = CONNECTOR_RE.test(seg);
  for (const it of raw) {
    const split = hasConnector && it.end - it.start >= 3 ? splitAtConnector(text, it, k) : undefined;
    if (split) {
      items.push(split[0].item, split[1].item);
      recs.push(split[0].recs, split[1].recs);
    } else {
      items.push(it);
      recs.push(recognise(text, it, k));
    }
  }

  // 3. Runs per enumeration, then the best non-overlapping ones.
  const counts = new Map<number, number>();
  for (const r of recs) for (const x of r) counts.set(x.ref.e, (counts.get(x.ref.e) ?? 0) + 1);
  const candidates: { list: FoundList; first: number; last: number; score: number; count: number }[] = [];
  for (const [e, count] of counts) {
    if (count < 2) continue; // no list of this enumeration reaches two members
    for (const run of runsFor(text, e, enums[e], items, recs, k, blockFrom, blockTo)) candidates.push(run);
  }
  if (!candidates.length) return;
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.count - a.count ||
      b.score / b.list.enumeration.members.length - a.score / a.list.enumeration.members.length ||
      Number(a.list.enumeration.outdatedFrom !== undefined) - Number(b.list.enumeration.outdatedFrom !== undefined) ||
      Number(b.list.named) - Number(a.list.named),
  );
  const taken: [number, number][] = [];
  for (const c of candidates) {
    if (taken.some(([f, l]) => c.first <= l && f <= c.last)) continue;
    taken.push([c.first, c.last]);
    out.push(c.list);
  }
}

const CONNECTOR_CODES = new Set([0x548c, 0x53ca, 0x4e0e]); // 和 及 与 (以及 ends in 及)
const CONNECTOR_RE = /[和及与]/;
const EMPTY: Recognised[] = [];

function splitAtConnector(text: string, it: RawItem, k: Keys): { item: RawItem; recs: Recognised[] }[] | undefined {
  const itemText = text.slice(it.start, it.end);
  if (!CONNECTOR_RE.test(itemText)) return undefined;
  for (let at = it.start + 1; at < it.end - 1; at++) {
    if (!CONNECTOR_CODES.has(text.charCodeAt(at))) continue;
    // 以及: the connector is two characters.
    const connStart = text.charCodeAt(at) === 0x53ca && text.charCodeAt(at - 1) === 0x4ee5 ? at - 1 : at;
    // Worth a look only if a key can end before the connector and start after it.
    if (connStart <= it.start || !k.lastChars.has(text.charCodeAt(connStart - 1)) || !k.forward.next.has(text.charCodeAt(at + 1))) continue;
    const conn = text.slice(connStart, at + 1);
    const left: RawItem = { start: it.start, end: connStart, sepBefore: it.sepBefore, leadOk: it.leadOk, trailOk: false };
    const right: RawItem = { start: at + 1, end: it.end, sepBefore: conn, leadOk: false, trailOk: it.trailOk };
    const lr = recognise(text, left, k);
    if (!lr.length) continue;
    const rr = recognise(text, right, k);
    if (lr.some((a) => rr.some((b) => b.ref.e === a.ref.e))) return [{ item: left, recs: lr }, { item: right, recs: rr }];
  }
  return undefined;
}

function hanRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHan(text.charCodeAt(i))) return false;
  return to > from;
}

/** Every (enumeration, member) the item can stand for, with the member's span; the best per enumeration. */
function recognise(text: string, it: RawItem, k: Keys): Recognised[] {
  const { start: s, end: e } = it;
  if (e <= s) return EMPTY;
  let found: Recognised[] | undefined;
  const add = (refs: KeyRef[], ms: number, me: number, weak?: 'lead' | 'trail'): void => {
    found ??= [];
    for (const ref of refs) found.push({ ref, start: ms, end: me, weak });
  };
  // Suffix matches (walk backwards from the end; the rest of the item is a lead).
  let end = e;
  if (e - s > 2 && CLOSE_QUOTES.includes(text[e - 1]) && OPEN_QUOTES.includes(text[s])) end = e - 1; // “政治意识”
  if (k.lastChars.has(text.charCodeAt(end - 1))) {
    let node: TrieNode | undefined = k.backward;
    for (let i = end - 1; i >= s && node; i--) {
      node = node.next.get(text.charCodeAt(i));
      if (!node?.refs) continue;
      if (i === s || (end !== e && i === s + 1) || it.leadOk) add(node.refs, i, end);
      else {
        const lead = text.slice(s, i);
        if (MIDDLE_LEADS.has(lead) || (lead.length === 1 && OPEN_QUOTES.includes(lead))) add(node.refs, i, end);
        else if (hanRange(text, s, i)) add(node.refs, i, end, 'lead');
      }
    }
  }
  // Prefix matches (walk forwards; the rest of the item is trailing text).
  let node: TrieNode | undefined = k.forward;
  for (let i = s; i < e - 1 && node; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node?.refs) continue;
    if (it.trailOk) add(node.refs, s, i + 1);
    else if (hanRange(text, i + 1, e)) add(node.refs, s, i + 1, 'trail');
  }
  if (!found) return EMPTY;
  if (found.length < 2) return found;
  // The best per enumeration: strong before weak, longer before shorter, members before stems.
  const best = new Map<number, Recognised>();
  const rank = (x: Recognised): number => (x.weak ? 0 : 1000) + (x.end - x.start) * 4 + (x.ref.kind === 'stem' ? 0 : x.ref.kind === 'wrong' ? 1 : x.ref.kind === 'alias' ? 2 : 3);
  for (const r of found) {
    const b = best.get(r.ref.e);
    if (!b || rank(r) > rank(b)) best.set(r.ref.e, r);
  }
  return [...best.values()];
}

/** An item that looks like a member of `en` but is none (服务意识 among X意识): its span, or undefined. */
const maxLengths = new WeakMap<Enumeration, number>();

function oddSpan(text: string, en: Enumeration, it: RawItem): Span | undefined {
  if (it.end - it.start < 2) return undefined;
  const t = text.slice(it.start, it.end);
  let maxLen = maxLengths.get(en);
  if (maxLen === undefined) {
    maxLen = Math.max(...en.members.map((m) => m.length)) + 2;
    maxLengths.set(en, maxLen);
  }
  const typical = en.members[en.members.length - 1].length;
  if (en.suffix.length >= 2 || (en.suffix && !en.prefix)) {
    const sfx = en.suffix;
    if (!it.leadOk && !it.trailOk) return t.endsWith(sfx) && t.length > sfx.length && t.length <= maxLen && allHan(t) ? { start: it.start, end: it.end } : undefined;
    if (it.leadOk && !it.trailOk && t.endsWith(sfx) && t.length > sfx.length) {
      const len = Math.min(t.length, typical);
      const s = it.end - len;
      return allHan(text.slice(s, it.end)) ? { start: s, end: it.end } : undefined;
    }
    if (it.trailOk && !it.leadOk) {
      const at = t.indexOf(sfx);
      if (at >= 1 && at + sfx.length <= maxLen && allHan(t.slice(0, at + sfx.length))) return { start: it.start, end: it.start + at + sfx.length };
    }
    return undefined;
  }
  if (en.prefix) {
    const pfx = en.prefix;
    if (!it.leadOk && !it.trailOk) return t.startsWith(pfx) && t.length > pfx.length && t.length <= maxLen && allHan(t) ? { start: it.start, end: it.end } : undefined;
    if (it.trailOk && !it.leadOk && t.startsWith(pfx) && t.length >= typical) {
      return allHan(t.slice(0, typical)) ? { start: it.start, end: it.start + typical } : undefined;
    }
    if (it.leadOk && !it.trailOk) {
      const at = t.lastIndexOf(pfx);
      if (at >= 0 && t.length - at === typical && allHan(t.slice(at))) return { start: it.start + at, end: it.end };
    }
  }
  return undefined;
}

function runsFor(
  text: string,
  e: number,
  en: Enumeration,
  items: RawItem[],
  recs: Recognised[][],
  k: Keys,
  blockFrom: number,
  blockTo: number,
): { list: FoundList; first: number; last: number; score: number; count: number }[] {
  const out: ReturnType<typeof runsFor> = [];
  const recOf = (i: number, allowStems: boolean): Recognised | undefined => {
    const r = recs[i].find((x) => x.ref.e === e);
    return r && (allowStems || r.ref.kind !== 'stem') ? r : undefined;
  };
  // Odd items only where they are certain to belong: a closed enumeration, or its name written nearby.
  let named: boolean | undefined;
  const mayHaveOdd = (): boolean => {
    if (en.closed) return true;
    if (named === undefined) {
      const around = text.slice(Math.max(blockFrom, items[0].start - 16), Math.min(blockTo, items[items.length - 1].end + 16));
      named = en.names.some((n) => around.includes(n));
    }
    return named;
  };
  const build = (allowStems: boolean): void => {
    let i = 0;
    while (i < items.length) {
      // A run starts at a recognised item or an odd one followed by a recognised one.
      const states: ({ rec: Recognised } | { odd: Span } | undefined)[] = [];
      let j = i;
      for (; j < items.length; j++) {
        if (j > i) {
          const sep = items[j].sepBefore;
          if (sep === '，' && !en.comma) break;
        }
        const rec = recOf(j, allowStems);
        if (rec?.weak === 'lead' && j > i) break;
        if (rec?.weak === 'trail' && j === i) break;
        if (rec) {
          states.push({ rec });
          if (rec.weak === 'trail') {
            j++;
            break;
          }
          continue;
        }
        const odd = (en.suffix || en.prefix) && mayHaveOdd() ? oddSpan(text, en, items[j]) : undefined;
        if (odd) states.push({ odd });
        else break;
      }
      if (j === i) {
        i++;
        continue;
      }
      // Trim leading/trailing odds beyond one at each end; require a recognised item.
      const recIdx = states.map((s, x) => (s && 'rec' in s ? x : -1)).filter((x) => x !== -1);
      if (recIdx.length) {
        const a = Math.max(0, recIdx[0] - 1);
        const z = Math.min(states.length - 1, recIdx[recIdx.length - 1] + 1);
        const runItems = states.slice(a, z + 1);
        const first = i + a;
        const last = i + z;
        const list = makeList(text, e, en, runItems, k, allowStems, blockFrom, blockTo);
        if (list) {
          const score = new Set(list.items.filter((x) => x.kind !== 'odd').map((x) => x.member)).size;
          const threshold = list.named ? 2 : en.minListed;
          if (score >= threshold && (!en.requireName || list.named)) out.push({ list, first, last, score, count: list.items.length });
        }
      }
      i = j > i ? j : i + 1;
    }
  };
  build(true);
  return out;
}

function makeList(
  text: string,
  e: number,
  en: Enumeration,
  states: ({ rec: Recognised } | { odd: Span } | undefined)[],
  k: Keys,
  allowStems: boolean,
  blockFrom: number,
  blockTo: number,
): FoundList | undefined {
  const stems = k.stems.get(e);
  let listItems: ListItem[] = states.map((s) =>
    s && 'rec' in s ? { span: { start: s.rec.start, end: s.rec.end }, kind: s.rec.ref.kind, member: s.rec.ref.member } : { span: (s as { odd: Span }).odd, kind: 'odd' as const, member: -1 },
  );
  let compressed = false;
  if (listItems.some((x) => x.kind === 'stem')) {
    // Valid only when the last recognised item is a full member carrying the suffix: 道路、理论、制度、文化自信.
    const lastRec = [...listItems].reverse().find((x) => x.kind !== 'odd');
    const lastText = lastRec ? text.slice(lastRec.span.start, lastRec.span.end) : '';
    if (!allowStems || !stems || !lastRec || lastRec.kind === 'stem' || !lastText.endsWith(en.suffix)) {
      // Drop the stems: keep the longest stretch without them.
      let best: ListItem[] = [];
      let cur: ListItem[] = [];
      for (const x of listItems) {
        if (x.kind === 'stem') cur = [];
        else {
          cur.push(x);
          if (cur.length > best.length) best = [...cur];
        }
      }
      listItems = best;
    } else {
      compressed = true;
      // Full members in a compressed list: their span becomes the stem part.
      listItems = listItems.map((x) => (x.kind === 'odd' || x.kind === 'stem' ? x : { ...x, span: { start: x.span.start, end: x.span.end - en.suffix.length } }));
    }
  }
  if (!listItems.some((x) => x.kind !== 'odd')) return undefined;
  const separators: string[] = [];
  for (let x = 1; x < listItems.length; x++) {
    const between = text.slice(listItems[x - 1].span.end, listItems[x].span.start);
    const m = /[、，,]|以及|和|及|与/.exec(between);
    separators.push(m ? (m[0] === ',' ? '，' : m[0]) : '');
  }
  const span = { start: listItems[0].span.start, end: listItems[listItems.length - 1].span.end };
  const tail = compressed ? span.end + en.suffix.length : span.end;
  return { enumeration: en, items: listItems, separators, named: isNamed(text, en, span.start, tail, blockFrom, blockTo), compressed, span };
}

/** After the name, before the list: “四个意识”即 / “五位一体”总体布局，即 / “四个自信”（. */
const AFTER_NAME = /^[”’"」』]?[\u4e00-\u9fff]{0,4}\s*(?:[（(：:—－]+|[，,]?\s*(?:即|也就是|就是|包括|是指|主要是|是))?\s*[“"‘]?$/u;
const BEFORE_NAME = /^[”’"」』]?[）)]?\s*(?:的|等|这|即|共同构成的)?\s*[“"‘]?/u;

function isNamed(text: string, en: Enumeration, start: number, end: number, blockFrom: number, blockTo: number): boolean {
  if (!en.names.length) return false;
  const before = text.slice(Math.max(blockFrom, start - 16), start);
  for (const name of en.names) {
    const at = before.lastIndexOf(name);
    if (at !== -1 && AFTER_NAME.test(before.slice(at + name.length))) return true;
  }
  const after = text.slice(end, Math.min(blockTo, end + 16));
  const lead = BEFORE_NAME.exec(after)?.[0].length ?? 0;
  return en.names.some((name) => after.startsWith(name, lead));
}
