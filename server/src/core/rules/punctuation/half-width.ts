import type { Rule, RuleContext } from '../../rule';
import { CN_CLOSERS, CN_OPENERS, isAlnumCode, isChineseAt, isDigitCode, isHanAt, isLatinCode, isSpaceCode } from '../../text/cjk';
import { pairAnalysis } from '../../text/pairs';
import { nextNonSpace, prevNonSpace, punctView, scanSegments, titleUnitKey, type PunctView, type Segment } from '../../text/punctuation';

/** Half-width point marks; runs of three or more dots are ellipses (punctuation/ellipsis-dash). */
const MARKS = /[,;:?!．]|\.+/g;
const SINGLE_QUOTE = /'/g;
// <<书名>> and <书名> typed for 《书名》: bounded, no nesting, one line.
const ANGLE = /<<([^<>\n]{1,100})>>|<([^<>\s]{1,50})>/g;

const FULL: Record<string, [string, string]> = {
  ',': ['逗号', '，'],
  ';': ['分号', '；'],
  ':': ['冒号', '：'],
  '?': ['问号', '？'],
  '!': ['叹号', '！'],
  '.': ['句号', '。'],
};

const rule: Rule = {
  meta: {
    id: 'punctuation/half-width',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '中文中使用了半角标点',
    description:
      '中文句子中的标点应使用全角形式：逗号“，”、句号“。”、分号“；”、冒号“：”、问号“？”、叹号“！”、括号“（）”、' +
      '引号“”‘’、书名号《》，而不是西文半角的 , . ; : ? ! ( ) " \' <<>>。只检查紧挨汉字或中文标点的半角标点：' +
      '小数（3.5）、时间（8:30）、比例（1:1）、千分位（1,000）、网址、电子邮箱、文件名（报告.docx）、版本号、' +
      '纯英文短语和标题序号“1.”都不报。半角双引号按前后文改为前引号“或后引号”。',
    standard: 'GB/T 15834-2011 4.1–4.15 各标点的形式（全角）；5.1.1–5.1.3（标点各占一个字位置）',
    fixable: true,
    scope: 'block',
  },
  // Quotes and brackets are paired within a block, but across the lines of a title.
  blockContext: titleUnitKey,
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;

    scanSegments(view, MARKS, (m, seg) => {
      const p = m.index;
      const raw = m[0];
      const len = raw.length;
      if (raw[0] === '.' && len >= 3) return;
      if (view.isProtected(p)) return;
      if (isHeadingEnd(seg, p + len) && ',.;:'.includes(raw[0])) return;
      const ch = raw[0] === '．' ? '．' : raw[0];
      const ok = ch === '.' || ch === '．' ? periodIsChinese(text, p, len, seg) : markIsChinese(text, p, ch, seg);
      if (!ok) return;
      const [name, full] = FULL[ch === '．' ? '.' : ch];
      // Spaces around the mark go with it: a full-width mark carries its own spacing.
      const before = prevNonSpace(text, p, seg.start);
      const after = nextNonSpace(text, p + len, seg.end);
      const start = before !== -1 && before < p - 1 && isChineseAt(text, before) ? before + 1 : p;
      const end = after !== -1 && after > p + len && (isChineseAt(text, after) || isDigitCode(text.charCodeAt(after))) ? after : p + len;
      const spaces = start < p || end > p + len ? '，标点前后不留空格' : '';
      const message =
        ch === '．'
          ? `中文句末应使用句号“。”，而不是“．”${spaces}`
          : `中文句子中应使用全角${name}“${full}”，而不是半角“${raw}”${spaces}`;
      report(ctx, start, end, message, full);
    });

    const pairs = pairAnalysis(view);
    for (const q of pairs.asciiQuotes) {
      if (!q.chinese) continue;
      const message = q.want
        ? `中文中应使用全角引号“${q.want}”，而不是半角引号"`
        : '中文中应使用全角引号“”，而不是半角引号"（请按前后文确定方向）';
      report(ctx, q.pos, q.pos + 1, message, q.want);
    }
    for (const b of pairs.halfParens) {
      const ch = text[b.pos];
      const message = b.mixed
        ? `括号前后两半应一致使用全角“（）”：此处半角“${ch}”应为“${b.want}”`
        : `中文中应使用全角括号“${b.want}”，而不是半角“${ch}”`;
      report(ctx, b.pos, b.pos + 1, message, b.want);
    }

    singleQuotes(ctx, view);

    scanSegments(view, ANGLE, (m, seg) => {
      const inner = m[1] ?? m[2];
      const openLen = m[1] !== undefined ? 2 : 1;
      if (view.isProtected(m.index) || !hasHan(inner)) return;
      if (m.index + m[0].length > seg.end) return;
      const open = m[0].slice(0, openLen);
      const close = m[0].slice(m[0].length - openLen);
      report(ctx, m.index, m.index + openLen, `书名号应使用“《”，而不是“${open}”`, '《');
      const c = m.index + m[0].length - openLen;
      report(ctx, c, c + openLen, `书名号应使用“》”，而不是“${close}”`, '》');
    });
  },
};

function report(ctx: RuleContext, start: number, end: number, message: string, newText: string | undefined): void {
  ctx.report({
    span: { start, end },
    message,
    fixes: newText ? [{ title: `改为“${newText}”`, edits: [{ span: { start, end }, newText }] }] : undefined,
  });
}

function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHanAt(s, i)) return true;
  return false;
}

/** The last character of a stand-alone heading's title (structure/heading-punctuation deletes that mark). */
function isHeadingEnd(seg: Segment, end: number): boolean {
  const h = seg.block.heading;
  return h !== undefined && !h.bodySpan && h.titleSpan.end === end;
}

/** , ; : ? ! next to Chinese (skipping spaces); never between two digits (1,000  8:30  1:1). */
function markIsChinese(text: string, p: number, ch: string, seg: Segment): boolean {
  if ((ch === ',' || ch === ':') && isDigitCode(text.charCodeAt(p - 1)) && isDigitCode(text.charCodeAt(p + 1))) return false;
  const before = prevNonSpace(text, p, seg.start);
  const after = nextNonSpace(text, p + 1, seg.end);
  const latinBefore = before !== -1 && isAlnumCode(text.charCodeAt(before));
  const latinAfter = after !== -1 && isAlnumCode(text.charCodeAt(after));
  // “Keep calm, carry on!”: a mark ending Latin words inside Chinese quotes or brackets stays Latin.
  const chineseBefore = before !== -1 && isChineseAt(text, before) && !(latinAfter && CN_OPENERS.includes(text[before]));
  const chineseAfter = after !== -1 && isChineseAt(text, after) && !(latinBefore && CN_CLOSERS.includes(text[after]));
  return chineseBefore || chineseAfter;
}

/**
 * A half-width full stop (or “..” or full-width “．”) used as a Chinese full stop. Not: decimals, dates and
 * versions (digit.digit), file names and domains (汉字.docx), item numbers (“：1.加强”), Latin abbreviations
 * inside Latin text.
 */
function periodIsChinese(text: string, p: number, len: number, seg: Segment): boolean {
  if (p <= seg.start) return false;
  const prev = text.charCodeAt(p - 1);
  const nextAt = p + len < seg.end ? p + len : -1;
  const next = nextAt === -1 ? -1 : text.charCodeAt(nextAt);
  if (isSpaceCode(prev)) return false;
  if (isDigitCode(prev) && isDigitCode(next)) return false;
  const after = nextNonSpace(text, p + len, seg.end);
  const chineseAfter = after !== -1 && isChineseAt(text, after);
  if (isDigitCode(prev)) {
    let r = p - 1;
    while (r > seg.start && isDigitCode(text.charCodeAt(r - 1))) r--;
    const lead = r - 1;
    // “达到100.” at the end, or “培训党员300.下一步”: a number inside a sentence, not an item number.
    if (lead < seg.start || !isHanAt(text, lead) || text[lead] === '第') return false;
    if (nextAt === -1) return true;
    return chineseAfter && isHanAt(text, after) && p - r >= 2;
  }
  if (isLatinCode(prev)) {
    if (nextAt === -1) {
      let r = p - 1;
      while (r >= seg.start && (isLatinCode(text.charCodeAt(r)) || isDigitCode(text.charCodeAt(r)))) r--;
      return r >= seg.start && isChineseAt(text, r);
    }
    return chineseAfter && !CN_CLOSERS.includes(text[after]);
  }
  if (isLatinCode(next)) return false; // 报告.docx, 中国.com
  if (isChineseAt(text, p - 1) || prev === 0x25 /* % */ || prev === 0xff05 /* ％ */) return !'“‘（《〈【'.includes(text[p - 1]);
  return chineseAfter || isChineseAt(text, p - 2);
}

/** 'xxx' around Chinese words → ‘xxx’; apostrophes inside Latin words (don't) are left alone. */
function singleQuotes(ctx: RuleContext, view: PunctView): void {
  const { text } = view;
  let pending = -1;
  let pendingSeg: Segment | undefined;
  scanSegments(view, SINGLE_QUOTE, (m, seg) => {
    const p = m.index;
    if (view.isProtected(p)) return;
    if (isLatinCode(text.charCodeAt(p - 1)) && isLatinCode(text.charCodeAt(p + 1))) return;
    if (pending === -1 || pendingSeg !== seg) {
      pending = p;
      pendingSeg = seg;
      return;
    }
    const open = pending;
    pending = -1;
    let han = false;
    for (let q = open + 1; q < p && !han; q++) han = isHanAt(text, q);
    if (!han || isLatinCode(text.charCodeAt(open - 1)) || isLatinCode(text.charCodeAt(p + 1))) return;
    report(ctx, open, open + 1, "中文中应使用全角单引号“‘”，而不是半角“'”", '‘');
    report(ctx, p, p + 1, "中文中应使用全角单引号“’”，而不是半角“'”", '’');
  });
}

export default rule;
