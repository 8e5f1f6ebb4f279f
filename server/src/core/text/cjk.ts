/**
 * Character classes for Chinese text, on UTF-16 code units (no per-character allocation): Han characters,
 * full-width punctuation, Latin letters and digits. Used by the punctuation rules.
 */

/** A Han character (CJK unified ideographs, extension A, compatibility ideographs, 〇), or a high surrogate
 * of the supplementary ideograph planes (extensions B–F), or the low surrogate that follows one. */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xd840 && c <= 0xd87e)
  );
}

/** Whether the character at `i` is a Han character (surrogate pairs of the ideograph planes count). */
export function isHanAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isHanCode(text.charCodeAt(i - 1));
  return isHanCode(c);
}

/** Full-width (Chinese) punctuation marks of GB/T 15834-2011. */
export const CN_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕［］…—～·';
/** Opening halves of the paired marks. */
export const CN_OPENERS = '“‘（《〈【「『〔［';
/** Closing halves of the paired marks. */
export const CN_CLOSERS = '”’）》〉】」』〕］';
/** Point marks (点号) that end or divide a sentence. */
export const CN_POINTS = '，。、；：？！';

export const isCnPunct = (ch: string): boolean => ch.length === 1 && CN_PUNCT.includes(ch);

/** Han character or full-width punctuation: the text around it is Chinese. */
export function isChineseAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  return isHanAt(text, i) || CN_PUNCT.includes(text[i]);
}

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isLatinCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAlnumCode = (c: number): boolean => isDigitCode(c) || isLatinCode(c);

/** Horizontal whitespace inside a line: ASCII space, tab, no-break space, en/em/thin space, ideographic space. */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x3000;
}
