/**
 * Confusion sets: for each frequent character, the characters a writer may type instead of it (or it
 * instead of them) — same sound (same pinyin syllable, with or without tone; fuzzy pairs zh/z, ch/c, sh/s,
 * n/l, -n/-ng) and similar shape (precomputed by server/scripts/build-typo-data.mjs from Cangjie codes,
 * four-corner codes and decompositions). Built once from data/typo-chars.txt into typed arrays.
 */

export const SOUND_EXACT = 1;
export const SOUND_TONE = 2;
export const SOUND_FUZZY = 4;
export const SHAPE = 8;

/** Fuzzy sound class of a toneless syllable: zh→z, ch→c, sh→s, l→n, -ng→-n (ang, eng, ing, iang, uang). */
export function fuzzySyllable(s: string): string {
  let t = s.replace(/^([zcs])h/, '$1').replace(/^l/, 'n');
  if (/[aei]ng$/.test(t)) t = t.slice(0, -1);
  return t;
}

export class CharTable {
  /** Characters in frequency order (index = rank). */
  readonly chars: string[];
  /** Character code → rank + 1 (0 = not a confusable character). */
  private readonly rankOf: Int32Array;
  readonly confStart: Int32Array;
  readonly confChar: Uint16Array;
  readonly confType: Uint8Array;
  /** Readings per rank, e.g. ["shi4"]. */
  readonly readings: string[][];

  private constructor(chars: string[], readings: string[][], shapes: string[]) {
    this.chars = chars;
    this.readings = readings;
    const n = chars.length;
    this.rankOf = new Int32Array(65536);
    for (let i = 0; i < n; i++) this.rankOf[chars[i].charCodeAt(0)] = i + 1;
    // Readings as integers: syllable id * 8 + tone; fuzzy class ids.
    const sylIds = new Map<string, number>();
    const fuzIds = new Map<string, number>();
    const id = (m: Map<string, number>, k: string): number => {
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = m.size));
      return v;
    };
    const rStart = new Int32Array(n + 1);
    const rSyl: number[] = [];
    const rTone: number[] = [];
    const rFuz: number[] = [];
    for (let i = 0; i < n; i++) {
      rStart[i] = rSyl.length;
      for (const r of readings[i]) {
        const syl = r.replace(/\d$/, '');
        rSyl.push(id(sylIds, syl));
        rTone.push(Number(r.slice(-1)) || 5);
        rFuz.push(id(fuzIds, fuzzySyllable(syl)));
      }
    }
    rStart[n] = rSyl.length;
    const bucketOf = (keys: number[], size: number): { start: Int32Array; items: Int32Array } => {
      const start = new Int32Array(size + 1);
      for (const k of keys) start[k + 1]++;
      for (let k = 0; k < size; k++) start[k + 1] += start[k];
      const fill = start.slice(0, size);
      const items = new Int32Array(keys.length);
      for (let i = 0; i < n; i++) for (let r = rStart[i]; r < rStart[i + 1]; r++) items[fill[keys[r]]++] = i;
      return { start, items };
    };
    const bySyl = bucketOf(rSyl, sylIds.size);
    const byFuz = bucketOf(rFuz, fuzIds.size);
    const shapeRanks: Int32Array[] = shapes.map((str) => {
      const out: number[] = [];
      for (const ch of str) {
        const r = this.rankOf[ch.charCodeAt(0)] - 1;
        if (r >= 0) out.push(r);
      }
      return Int32Array.from(out);
    });
    // Upper bound of pairs, then fill with a stamp per character to merge kinds.
    let cap = 0;
    for (let i = 0; i < n; i++) {
      for (let r = rStart[i]; r < rStart[i + 1]; r++) {
        cap += bySyl.start[rSyl[r] + 1] - bySyl.start[rSyl[r]] + byFuz.start[rFuz[r] + 1] - byFuz.start[rFuz[r]];
      }
      cap += shapeRanks[i].length;
    }
    const partners = new Int32Array(cap);
    const types = new Uint8Array(cap);
    const stamp = new Int32Array(n).fill(-1);
    const slot = new Int32Array(n);
    const start = new Int32Array(n + 1);
    let len = 0;
    for (let a = 0; a < n; a++) {
      start[a] = len;
      for (let r = rStart[a]; r < rStart[a + 1]; r++) {
        const syl = rSyl[r];
        const tone = rTone[r];
        for (let k = bySyl.start[syl]; k < bySyl.start[syl + 1]; k++) {
          const b = bySyl.items[k];
          if (b === a) continue;
          let t = SOUND_TONE;
          for (let q = rStart[b]; q < rStart[b + 1]; q++) if (rSyl[q] === syl && rTone[q] === tone) t = SOUND_EXACT;
          if (stamp[b] === a) types[slot[b]] |= t;
          else {
            stamp[b] = a;
            slot[b] = len;
            partners[len] = b;
            types[len++] = t;
          }
        }
        const fz = rFuz[r];
        for (let k = byFuz.start[fz]; k < byFuz.start[fz + 1]; k++) {
          const b = byFuz.items[k];
          if (b === a) continue;
          if (stamp[b] === a) {
            if (!(types[slot[b]] & (SOUND_EXACT | SOUND_TONE))) types[slot[b]] |= SOUND_FUZZY;
          } else {
            stamp[b] = a;
            slot[b] = len;
            partners[len] = b;
            types[len++] = SOUND_FUZZY;
          }
        }
      }
      const sh = shapeRanks[a];
      for (let k = 0; k < sh.length; k++) {
        const b = sh[k];
        if (b === a) continue;
        if (stamp[b] === a) types[slot[b]] |= SHAPE;
        else {
          stamp[b] = a;
          slot[b] = len;
          partners[len] = b;
          types[len++] = SHAPE;
        }
      }
    }
    start[n] = len;
    // A pair that is an exact or tone match is not also “fuzzy”.
    for (let k = 0; k < len; k++) if (types[k] & (SOUND_EXACT | SOUND_TONE)) types[k] &= ~SOUND_FUZZY;
    this.confStart = start;
    this.confChar = new Uint16Array(len);
    this.confType = types.slice(0, len);
    for (let k = 0; k < len; k++) this.confChar[k] = chars[partners[k]].charCodeAt(0);
  }

  static parse(text: string): CharTable {
    const chars: string[] = [];
    const readings: string[][] = [];
    const shapes: string[] = [];
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [c, r, s] = line.split('\t');
      if (!c || c.length !== 1) continue;
      chars.push(c);
      readings.push(r ? r.split(' ').filter(Boolean) : []);
      shapes.push(s ?? '');
    }
    return new CharTable(chars, readings, shapes);
  }

  /** Rank of a character code, or -1 when it has no confusion set. */
  rank(code: number): number {
    return this.rankOf[code] - 1;
  }

  /** Confusion type bits between two characters (0 = not confusable). */
  pairType(a: string, b: string): number {
    const ra = this.rank(a.charCodeAt(0));
    if (ra < 0) return 0;
    const cb = b.charCodeAt(0);
    for (let k = this.confStart[ra]; k < this.confStart[ra + 1]; k++) if (this.confChar[k] === cb) return this.confType[k];
    return 0;
  }

  /** The confusion set of a character, as [character, type bits] pairs. */
  confusions(c: string): [string, number][] {
    const r = this.rank(c.charCodeAt(0));
    if (r < 0) return [];
    const out: [string, number][] = [];
    for (let k = this.confStart[r]; k < this.confStart[r + 1]; k++) out.push([String.fromCharCode(this.confChar[k]), this.confType[k]]);
    return out;
  }

  bytes(): number {
    return this.rankOf.byteLength + this.confStart.byteLength + this.confChar.byteLength + this.confType.byteLength;
  }
}
