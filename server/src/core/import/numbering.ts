/**
 * Word's automatic list numbering as text. A .docx keeps “一、” “（一）” “1.” of a numbered list only as a rule in
 * numbering.xml (w:abstractNum levels: start, numFmt, lvlText such as “%1、” or “（%1）”), so an importer has to count
 * the list paragraphs itself, as Word does, to get the numbers the writer saw. Pure: plain data in, text out.
 */

export interface ListLevel {
  start: number;
  /** ST_NumberFormat: decimal, chineseCounting, chineseCountingThousand, decimalFullWidth, bullet, none … */
  numFmt: string;
  /** “%1、” “（%1）” “%1.” “%1.%2” …; undefined writes nothing. */
  lvlText?: string;
  /** w:lvlRestart: restart after a use of level (value − 1); 0 never restarts. Undefined: after any higher level. */
  restart?: number;
  /** w:isLgl: every number in the text as decimal. */
  legal?: boolean;
}

export interface AbstractList {
  levels: Map<number, ListLevel>;
}

export interface ListInstance {
  abstractId: string;
  /** w:lvlOverride/w:startOverride by level: the list starts again at these values where this instance is first used. */
  startOverrides: Map<number, number>;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (Word's chineseCounting). */
export function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length) parts.push(digits[0]);
    zero = false;
    parts.push(d === 1 && unit === units[1] && i === 0 && digits === CN_DIGITS ? '' : digits[d], unit);
  }
  return parts.join('');
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = '';
  for (const [v, r] of ROMAN) while (n >= v) (out += r), (n -= v);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One number in one of Word's formats; unknown formats fall back to decimal. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : CN_DIGITS[Number(d)]));
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? DIZHI[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * Counts list paragraphs in document order. Instances (w:num) of one abstract list share its counters, as in Word;
 * an instance with start overrides restarts those levels where it is first used.
 */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly usedInstances = new Set<string>();

  constructor(
    private readonly abstracts: ReadonlyMap<string, AbstractList>,
    private readonly instances: ReadonlyMap<string, ListInstance>,
  ) {}

  /** The number text of the next paragraph in list `numId` at level `ilvl` ('' for bullets and unknown lists). */
  next(numId: string, ilvl: number): string {
    const instance = this.instances.get(numId);
    const abstract = instance && this.abstracts.get(instance.abstractId);
    if (!instance || !abstract) return '';
    const level = abstract.levels.get(ilvl);
    if (!level) return '';
    let counts = this.counters.get(instance.abstractId);
    if (!counts) {
      counts = Array.from({ length: 9 }, (_, i) => (abstract.levels.get(i)?.start ?? 1) - 1);
      this.counters.set(instance.abstractId, counts);
    }
    if (!this.usedInstances.has(numId)) {
      this.usedInstances.add(numId);
      for (const [l, start] of instance.startOverrides) if (l >= 0 && l < 9) counts[l] = start - 1;
    }
    counts[ilvl] += 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = abstract.levels.get(deeper);
      const restart = d?.restart;
      // Restart when a level at or above (restart − 1) is used; lvlRestart 0 never restarts.
      if (restart === 0) continue;
      if (restart !== undefined && ilvl > restart - 1) continue;
      counts[deeper] = (d?.start ?? 1) - 1;
    }
    if (level.numFmt === 'bullet' || level.lvlText === undefined) return '';
    return level.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const def = abstract.levels.get(l);
      const value = Math.max(counts![l], def?.start ?? 1);
      return formatNumber(value, level.legal ? 'decimal' : (def?.numFmt ?? 'decimal'));
    });
  }
}
