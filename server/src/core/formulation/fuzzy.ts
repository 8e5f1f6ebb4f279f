/**
 * Long fixed names written slightly off, with their first and last characters right: one missing, extra or
 * wrong character, or two neighbours swapped (习近平新时代中国特色社会义思想); names of 16 characters or more
 * also two such slips (……社会注意思想). Every near-miss keeps one of the name's pieces intact (two pieces
 * for one slip, split around the middle so a swap across it keeps both; three for two slips), so an
 * Aho-Corasick pass over the pieces finds the few places worth an edit-distance test; exact occurrences
 * are skipped at once.
 */
import { AhoCorasick } from '../dict/ahoCorasick';
import { formulationData, type FixedName } from './data';
import { allHan } from './text';

export interface NearName {
  start: number;
  end: number;
  name: FixedName;
}

export interface Piece {
  name: FixedName;
  /** Where the piece starts in the name. */
  offset: number;
  /** Slips allowed for this name. */
  slips: 1 | 2;
}

/** Names this long may have two slips. */
const TWO_SLIPS = 16;

let automaton: AhoCorasick<Piece> | undefined;
let pieceList: [string, Piece][] | undefined;

/** The pieces of every fixed name, for an automaton (the shared pass in scan.ts, or the one here). */
export function namePieces(): [string, Piece][] {
  if (pieceList) return pieceList;
  pieceList = [];
  const add = (pattern: string, piece: Piece): void => void pieceList!.push([pattern, piece]);
  for (const name of formulationData().names) {
    const n = name.name;
    const L = n.length;
    if (L >= TWO_SLIPS) {
      const a = Math.floor(L / 3);
      const b = Math.floor((2 * L) / 3);
      add(n.slice(0, a), { name, offset: 0, slips: 2 });
      add(n.slice(a, b), { name, offset: a, slips: 2 });
      add(n.slice(b), { name, offset: b, slips: 2 });
    } else if (name.pieces) {
      // Any two disjoint pieces will do: one slip spoils at most one of them.
      const a = n.indexOf(name.pieces[0]);
      add(name.pieces[0], { name, offset: a, slips: 1 });
      add(name.pieces[1], { name, offset: n.indexOf(name.pieces[1], a + name.pieces[0].length), slips: 1 });
    } else {
      const h = L >> 1;
      add(n.slice(0, h - 1), { name, offset: 0, slips: 1 });
      add(n.slice(h + 1), { name, offset: h + 1, slips: 1 });
    }
  }
  return pieceList;
}

function pieces(): AhoCorasick<Piece> {
  if (automaton) return automaton;
  automaton = new AhoCorasick<Piece>();
  for (const [pattern, piece] of namePieces()) automaton.add(pattern, piece);
  return automaton;
}

/** Optimal-string-alignment distance is exactly 1 (substitution, insertion, deletion or adjacent swap). */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/** Optimal-string-alignment distance, or max + 1 when it exceeds `max` (small strings only). */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

function coveredBy(text: string, start: number, end: number, phrase: string): boolean {
  for (let x = Math.max(0, end - phrase.length); x <= start; x++) if (text.startsWith(phrase, x)) return true;
  return false;
}

function overlapsExact(text: string, s: number, e: number, n: string): boolean {
  const c = n.charCodeAt(0);
  for (let x = Math.max(0, s - n.length + 1); x < e; x++) if (text.charCodeAt(x) === c && text.startsWith(n, x)) return true;
  return false;
}

/** Near-misses of the fixed names in text[from, to), non-overlapping, in order. */
export function findNearNames(text: string, from: number, to: number): NearName[] {
  const hits: { start: number; end: number; value: Piece }[] = [];
  pieces().search(text, from, to, (start, end, value) => hits.push({ start, end, value }));
  return nearNamesFromPieces(text, from, to, hits);
}

/** Near-misses around the pieces found in text[from, to) (by the shared pass or `findNearNames`). */
export function nearNamesFromPieces(text: string, from: number, to: number, hits: readonly { start: number; end: number; value: Piece }[]): NearName[] {
  const found: (NearName & { d: number })[] = [];
  for (const { start: ps, end: _pe, value: piece } of hits) {
    const n = piece.name.name;
    const L = n.length;
    const origin = ps - piece.offset;
    if (text.startsWith(n, origin)) continue;
    const k = piece.slips;
    const first = n.charCodeAt(0);
    const last = n.charCodeAt(L - 1);
    let best: (NearName & { d: number }) | undefined;
    for (let s = origin - k; s <= origin + k; s++) {
      if (s < from || s > ps || text.charCodeAt(s) !== first) continue;
      for (let len = L - k; len <= L + k; len++) {
        const e = s + len;
        if (e > to || e < _pe || text.charCodeAt(e - 1) !== last) continue;
        const w = text.slice(s, e);
        if (w === n || !allHan(w)) continue;
        let d: number;
        if (withinOne(w, n)) d = 1;
        else if (k === 2) d = osaDistance(w, n, 2);
        else continue;
        if (d > k) continue;
        if (best && (best.d < d || (best.d === d && Math.abs(best.end - best.start - L) <= Math.abs(len - L)))) continue;
        best = { start: s, end: e, name: piece.name, d };
      }
    }
    if (!best) continue;
    if (overlapsExact(text, best.start, best.end, n)) continue;
    if (piece.name.allow.some((p) => coveredBy(text, best!.start, best!.end, p))) continue;
    found.push(best);
  }
  found.sort((a, b) => a.start - b.start || a.d - b.d || b.end - a.end);
  const out: NearName[] = [];
  for (const f of found) if (!out.length || f.start >= out[out.length - 1].end) out.push({ start: f.start, end: f.end, name: f.name });
  return out;
}
