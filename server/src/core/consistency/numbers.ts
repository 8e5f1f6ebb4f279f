/**
 * Numbers as the consistency rules meet them: counts in Chinese numerals (七十二, 一百零二, 一百三十),
 * years written digit by digit (二〇二三), and Arabic digits (full-width too).
 */

const DIGIT_CHARS = '〇一二三四五六七八九';

/** The value of one Chinese digit (零 and 〇 are 0, 两 is 2), or -1. */
export function chineseDigit(c: string): number {
  if (c === '零' || c === '〇' || c === '○' || c === 'Ｏ') return 0;
  if (c === '两') return 2;
  return DIGIT_CHARS.indexOf(c);
}

/** Characters that can make up a Chinese count (一百零二) or a digit-by-digit year (二〇二三). */
export const CHINESE_NUMBER_CHARS = '〇零○一二三四五六七八九十百千两';

/**
 * Parses a Chinese count below 10,000 written with units: 十二, 七十二, 一百, 一百零二, 一百一十, 一千零五十.
 * Returns undefined for anything that is not a well-formed count (e.g. 二三, 十十).
 */
export function parseChineseCount(s: string): number | undefined {
  if (!s) return undefined;
  // Digit-by-digit forms (一〇二) are not counts.
  if (!/[十百千]/.test(s)) {
    if (s.length !== 1) return undefined;
    const d = chineseDigit(s);
    return d > 0 ? d : undefined;
  }
  let total = 0;
  let pending = -1; // a digit waiting for its unit
  let lastUnit = 10_000;
  let zeroSeen = false;
  for (const c of s) {
    const unit = c === '千' ? 1000 : c === '百' ? 100 : c === '十' ? 10 : 0;
    if (unit) {
      if (unit >= lastUnit) return undefined;
      // 十 alone at the start means 一十; elsewhere a unit needs its digit (一百十 is accepted as 110).
      const d = pending === -1 ? (unit === 10 ? 1 : -1) : pending;
      if (d < 1) return undefined;
      total += d * unit;
      lastUnit = unit;
      pending = -1;
      zeroSeen = false;
      continue;
    }
    const d = chineseDigit(c);
    if (d < 0) return undefined;
    if (d === 0) {
      if (zeroSeen || pending !== -1 || lastUnit === 10_000) return undefined;
      zeroSeen = true;
      continue;
    }
    if (pending !== -1) return undefined;
    pending = d;
  }
  if (pending !== -1) {
    // The last digit is the units digit, or (after 百 without 零: 一百五) a shorthand we do not accept.
    if (lastUnit !== 10 && !zeroSeen && lastUnit !== 10_000) return undefined;
    total += pending;
  }
  return total;
}

/** 72 → 七十二, 102 → 一百零二, 110 → 一百一十, 130 → 一百三十, 1005 → 一千零五. Counts 1..9999. */
export function toChineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const units = ['千', '百', '十', ''];
  const values = [1000, 100, 10, 1];
  let out = '';
  let rest = n;
  let needZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(rest / values[i]);
    rest %= values[i];
    if (d === 0) {
      if (out) needZero = true;
      continue;
    }
    if (needZero) out += '零';
    needZero = false;
    // 10–19 at the start read 十, 十二; inside a larger number 一十 (一百一十).
    out += d === 1 && i === 2 && !out ? units[i] : DIGIT_CHARS[d] + units[i];
  }
  return out;
}

/** A year written digit by digit (二〇二三, 二零二三, 一九四九) → 2023; undefined otherwise. */
export function parseChineseYear(s: string): number | undefined {
  if (s.length !== 4) return undefined;
  let n = 0;
  for (const c of s) {
    const d = chineseDigit(c);
    if (d < 0 || c === '两') return undefined;
    n = n * 10 + d;
  }
  return n >= 1000 ? n : undefined;
}

/** 2023 → 二〇二三. */
export function toChineseYear(n: number): string {
  return String(n)
    .split('')
    .map((d) => DIGIT_CHARS[Number(d)])
    .join('');
}

/** Full-width digits to ASCII digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A count in Arabic (72, ７２) or Chinese (七十二) numerals → its value. */
export function parseCount(s: string): number | undefined {
  if (/^[0-9０-９]+$/.test(s)) return Number(asciiDigits(s));
  return parseChineseCount(s);
}
