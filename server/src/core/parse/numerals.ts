/** Chinese numerals as used in heading numbers (一 … 九十九) and back. */

const DIGITS = '零一二三四五六七八九';

/** Parses 一 … 九十九 (also 两 and 〇/零 as zero digits); returns undefined for anything else. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s || s.length > 4) return undefined;
  const digit = (c: string): number => (c === '两' ? 2 : c === '〇' ? 0 : DIGITS.indexOf(c));
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) {
    if (s.length !== 1) return undefined;
    const d = digit(s);
    return d > 0 ? d : undefined;
  }
  if (s.indexOf('十', ten + 1) !== -1) return undefined;
  const tensPart = s.slice(0, ten);
  const unitsPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? digit(tensPart) : -1;
  const units = unitsPart === '' ? 0 : unitsPart.length === 1 ? digit(unitsPart) : -1;
  if (tens < 1 || units < 0) return undefined;
  return tens * 10 + units;
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. Numbers outside 1..99 fall back to Arabic digits. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (units ? DIGITS[units] : '');
}

export const CHINESE_NUMERAL_CHARS = '一二三四五六七八九十两〇零';
