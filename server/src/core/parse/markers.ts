/**
 * Heading-number lexer. Recognises the four levels of GB/T 9704-2012 7.3.3 — 一、 （一） 1. （1） — in the
 * variants real text has: half-width brackets, spaces inside, full-width points and wrong separators
 * (一. 一， （一）、 1、 1,). Which variant was written is kept so rules can name and fix it.
 */
import { parseChineseNumber, toChineseNumber } from './numerals';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingMarker {
  level: HeadingLevel;
  /** The number the writer wrote (一 → 1). */
  ordinal: number;
  /** Offset of the marker's first character. */
  start: number;
  /** Offset just past the marker and its separator (and any spaces after it). */
  end: number;
  /** The marker as written, without trailing spaces. */
  raw: string;
  /** The separator as written ('' when none), e.g. '、' '.' '．' '，'. */
  separator: string;
  /** Whether the brackets (levels 2 and 4) are the full-width （）. */
  fullWidthBrackets: boolean;
  /** Whether spaces stand inside the marker (between bracket and number, or number and separator). */
  innerSpaces: boolean;
}

/** The standard written form of a heading number. */
export function standardMarker(level: HeadingLevel, ordinal: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumber(ordinal)}、`;
    case 2:
      return `（${toChineseNumber(ordinal)}）`;
    case 3:
      return `${ordinal}.`;
    case 4:
      return `（${ordinal}）`;
  }
}

/** The same marker renumbered, keeping the writer's variant where it is an accepted one. */
export function isStandardMarker(m: HeadingMarker): boolean {
  return m.raw === standardMarker(m.level, m.ordinal) || (m.level === 3 && m.raw === `${m.ordinal}．`);
}

const CN = '[一二三四五六七八九十]{1,3}';
const SP = '[ \\t\\u3000]*';
// Level 1: 一、 (also 一. 一． 一， 一, and 一 followed by a space at a line start).
const LEVEL1 = new RegExp(`(${CN})${SP}([、.．，,]|[ \\u3000](?=\\S))`, 'y');
// Level 2: （一） with half-width or mixed brackets; a separator after it is wrong but seen.
const LEVEL2 = new RegExp(`([（(])${SP}(${CN})${SP}([）)])${SP}([、.．，,]?)`, 'y');
// Level 3: 1. (also 1． 1、 1， 1,); never a decimal (a digit after the point) — checked below.
const LEVEL3 = new RegExp(`(\\d{1,2})${SP}([.．、，,])`, 'y');
// Level 4: （1）.
const LEVEL4 = new RegExp(`([（(])${SP}(\\d{1,2})${SP}([）)])${SP}([、.．，,]?)`, 'y');

const TRAILING_SPACE = /[ \t\u3000]*/y;

function skipSpaces(text: string, pos: number): number {
  TRAILING_SPACE.lastIndex = pos;
  TRAILING_SPACE.exec(text);
  return TRAILING_SPACE.lastIndex;
}

/** What may follow a heading marker: the start of a title (a letter, a CJK character or an opening quote). */
function startsTitle(text: string, pos: number, allowDigit = true): boolean {
  const c = text.charCodeAt(pos);
  if (Number.isNaN(c)) return false;
  const ch = text[pos];
  if (/[\p{Script=Han}A-Za-z“‘《「【（(]/u.test(ch)) return true;
  // “三、2024年工作打算” — but never after “1.” (1.5 is a decimal, not a heading).
  return allowDigit && c >= 48 && c <= 57;
}

/**
 * Matches a heading marker that starts exactly at `pos`; undefined when there is none.
 * `atLineStart` allows the looser forms (a space as separator) that are only trusted at the start of a line.
 */
export function matchMarkerAt(text: string, pos: number, atLineStart: boolean): HeadingMarker | undefined {
  const c = text[pos];
  if (c === '（' || c === '(') {
    LEVEL2.lastIndex = pos;
    let m = LEVEL2.exec(text);
    if (m) {
      const ordinal = parseChineseNumber(m[2]);
      const end = skipSpaces(text, LEVEL2.lastIndex);
      if (ordinal !== undefined && startsTitle(text, end)) {
        return build(2, ordinal, pos, LEVEL2.lastIndex, end, m[0], m[4], m[1] === '（' && m[3] === '）', text);
      }
    }
    LEVEL4.lastIndex = pos;
    m = LEVEL4.exec(text);
    if (m) {
      const ordinal = Number(m[2]);
      const end = skipSpaces(text, LEVEL4.lastIndex);
      if (ordinal > 0 && startsTitle(text, end)) {
        return build(4, ordinal, pos, LEVEL4.lastIndex, end, m[0], m[4], m[1] === '（' && m[3] === '）', text);
      }
    }
    return undefined;
  }
  if (c >= '0' && c <= '9') {
    if (pos > 0 && /[0-9.．]/.test(text[pos - 1])) return undefined;
    LEVEL3.lastIndex = pos;
    const m = LEVEL3.exec(text);
    if (!m) return undefined;
    const ordinal = Number(m[1]);
    const end = skipSpaces(text, LEVEL3.lastIndex);
    // "1.5" is a decimal and "1,000" a number, not headings; a title must follow.
    if (ordinal < 1 || !startsTitle(text, end, false)) return undefined;
    if ((m[2] === ',' || m[2] === '，') && !atLineStart) return undefined;
    return build(3, ordinal, pos, LEVEL3.lastIndex, end, m[0], m[2], true, text);
  }
  if ('一二三四五六七八九十'.includes(c)) {
    if (pos > 0 && /[\p{Script=Han}]/u.test(text[pos - 1]) && !atLineStart) return undefined;
    LEVEL1.lastIndex = pos;
    const m = LEVEL1.exec(text);
    if (!m) return undefined;
    const ordinal = parseChineseNumber(m[1]);
    if (ordinal === undefined) return undefined;
    const sep = m[2];
    const isSpaceSep = sep === ' ' || sep === '\u3000';
    // Only 、 is trusted inside a line; the wrong separators and a bare space only at a line start.
    if (!atLineStart && sep !== '、') return undefined;
    // "一，二，三" or "一、二、三" as an enumeration of numerals is not a heading.
    const end = skipSpaces(text, LEVEL1.lastIndex);
    if (!startsTitle(text, end)) return undefined;
    if (/[一二三四五六七八九十][、，,]/.test(text.slice(end, end + 2))) return undefined;
    return build(1, ordinal, pos, isSpaceSep ? pos + m[1].length : LEVEL1.lastIndex, end, m[0], isSpaceSep ? '' : sep, true, text);
  }
  return undefined;
}

function build(
  level: HeadingLevel,
  ordinal: number,
  start: number,
  markerEnd: number,
  end: number,
  matched: string,
  separator: string,
  fullWidthBrackets: boolean,
  text: string,
): HeadingMarker {
  const raw = text.slice(start, markerEnd).replace(/[ \t\u3000]+$/, '');
  const innerSpaces = /[ \t\u3000]/.test(raw) || (level === 1 && separator === '' && matched.length > 0);
  return { level, ordinal, start, end, raw, separator, fullWidthBrackets, innerSpaces };
}
