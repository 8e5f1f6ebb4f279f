/**
 * GB/T 9704-2012 page geometry in WordprocessingML units, and the few computed indents (附件说明, 署名, 成文日期).
 * Pure numbers: /work/shared/design/gbt9704-export.md §1 gives every value and how it was measured.
 * Units: twip = 1/20 pt; font sizes in half-points; 1 字 = one grid character of 3号 (316 twips).
 */

/** mm → twips, rounded (docx's convertMillimetersToTwip truncates: 37 mm would be 2097). */
export const mmToTwip = (mm: number): number => Math.round((mm / 25.4) * 1440);

export const PAGE = {
  /** A4 (5.1). */
  width: 11906,
  height: 16838,
  /** 天头 37 mm, 订口 28 mm (5.2.1); right and bottom follow from the 156 × 225 mm 版心. */
  marginTop: mmToTwip(37), // 2098
  marginBottom: mmToTwip(35), // 1984
  marginLeft: mmToTwip(28), // 1587
  marginRight: mmToTwip(26), // 1474
  /** Footer distance: 一字线 7 mm below the 版心 (7.5): 28 mm minus half the 14 pt footer line. */
  footer: 1447,
  header: 851,
} as const;

/** 22 lines in the 225 mm 版心: 22 × 579 = 12738 ≤ 12756 (580 would give 21 lines). */
export const LINE_PITCH = 579;
/** Word's 28-字 grid: floor((8845 / 20 / 28 − 16) × 4096). Relative to the Normal style's size (3号). */
export const CHAR_SPACE = -842;
/** Portable grid: every run condensed by 0.25 pt (characterSpacing is in 1/20 pt): 28 × 15.75 pt ≤ 442.25 pt. */
export const PORTABLE_CHARACTER_SPACING = -5;

/** Font sizes in half-points. */
export const SIZE = { title: 44 /* 2号 */, body: 32 /* 3号 */, pageNumber: 28 /* 4号 */ } as const;

/** One 字 of 3号 text on the 28-字 grid, in twips. */
export const CHAR = 316;
/** 左空二字: Word reads firstLineChars, LibreOffice the twips. */
export const FIRST_LINE_CHARS = 200;
export const FIRST_LINE_TWIPS = 2 * CHAR; // 632
/** 一字 of the 4号 page number (14 pt). */
export const PAGE_NUMBER_CHAR = 280;

/**
 * Width of a text in 字: CJK and full-width characters count 1, half-width (ASCII, Latin, half-width forms) 0.5.
 * Exact only without Word's automatic 中/西 spacing, so the paragraphs it is used for turn that off.
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const half = c <= 0x7e || (c >= 0xa0 && c <= 0x24f) || (c >= 0xff61 && c <= 0xffdc);
    w += half ? 0.5 : 1;
  }
  return w;
}

export interface AttachmentIndent {
  /** Left indent in twips. */
  left: number;
  /** Hanging indent in twips (the first line starts at left − hanging). */
  hanging: number;
}

const ATTACHMENT_HEAD = /^附\s*件\s*[:：]\s*/;
const ATTACHMENT_NUMBER = /^[0-9０-９]+\s*[.．、]/;

/**
 * 7.3.4: “附件：1.名称” starts 左空二字; wrapped lines align with the first character of the name; the numbers of the
 * later attachments line up under “1.”. `first` is the “附件：…” line; later lines are “2.名称”….
 */
export function attachmentIndent(line: string, first: boolean, firstLine: string): AttachmentIndent {
  const head = ATTACHMENT_HEAD.exec(firstLine);
  const headWidth = head ? textWidth(head[0].trimEnd()) : 3;
  const afterHead = head ? firstLine.slice(head[0].length) : firstLine;
  const firstNumber = ATTACHMENT_NUMBER.exec(afterHead)?.[0] ?? '';
  const left = (2 + headWidth + textWidth(firstNumber)) * CHAR;
  if (first) return { left: Math.round(left), hanging: Math.round((headWidth + textWidth(firstNumber)) * CHAR) };
  const number = ATTACHMENT_NUMBER.exec(line)?.[0] ?? '';
  return { left: Math.round(left), hanging: Math.round(textWidth(number) * CHAR) };
}

export interface SignatureIndents {
  /** Right indent of the 署名 line in twips (undefined when there is no 署名). */
  organisation?: number;
  /** Right indent of the 成文日期 in twips. */
  date: number;
}

/**
 * 7.3.5.1 (sealed): 成文日期右空四字; 署名 centred on the date. 7.3.5.2 (unsealed): 署名右空二字; the date's first
 * character two 字 right of the organisation's first; if the date would then come nearer than 2 字 to the right
 * edge, the date is 右空二字 and the organisation moves further in.
 */
export function signatureIndents(organisation: string | undefined, date: string, layout: 'sealed' | 'unsealed'): SignatureIndents {
  const wDate = textWidth(date);
  if (organisation === undefined) return { date: (layout === 'sealed' ? 4 : 2) * CHAR };
  const wOrg = textWidth(organisation);
  if (layout === 'sealed') {
    const org = Math.max(0, 4 + (wDate - wOrg) / 2);
    return { organisation: Math.round(org * CHAR), date: 4 * CHAR };
  }
  let rOrg = 2;
  let rDate = rOrg + wOrg - 2 - wDate;
  if (rDate < 2) {
    rDate = 2;
    rOrg = 4 + wDate - wOrg;
  }
  return { organisation: Math.round(Math.max(0, rOrg) * CHAR), date: Math.round(rDate * CHAR) };
}
