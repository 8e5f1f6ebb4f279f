import type { Rule } from '../../rule';
import { CN_CLOSERS, CN_OPENERS, isHanAt } from '../../text/cjk';
import { punctView, scanSegments, type Segment } from '../../text/punctuation';

// Runs of horizontal whitespace, and invisible zero-width characters pasted from web pages.
const SPACES = /[ \t\u00a0\u2002\u2003\u2009\u3000]+|[\u200b\u2060\ufeff]+/g;
/** Marks that carry their own spacing: no space belongs before or after them (·, ～ and single dashes excluded). */
const SPACED_MARKS = '，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕［］';
const SENTENCE_PUNCT = /[，。；？！]/;
const WIDE = /[\t\u2002\u2003\u3000]/;

const rule: Rule = {
  meta: {
    id: 'punctuation/whitespace',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '中文中有多余空格',
    description:
      '汉字之间、汉字与全角标点之间不留空格：全角标点本身已占一个字位置，“， 有力”“工作 ，”“（ 一）”' +
      '中的空格（半角空格、全角空格、不换行空格、零宽空格）都是多余的，多为从网页或其他文档粘贴、' +
      '或对齐排版时留下。快速修复删除空格。行末空格、汉字与数字或英文之间的空格不报（公文中汉字与数字之间本不加空格，' +
      '但也不要求加）；署名、日期行和短的对齐行（无标点的表格行、联合署名）不报；空括号占位符见“占位符未填写”。',
    standard: 'GB/T 15834-2011 5.1.1–5.1.3（标点占一个字位置）；GB/T 9704-2012 7.3.3（正文排版）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, SPACES, (m, seg) => {
      const start = m.index;
      const end = start + m[0].length;
      const kind = seg.block.kind;
      if (kind === 'signature' || kind === 'date') return;
      const first = m[0].charCodeAt(0);
      if (first === 0x200b || first === 0x2060 || first === 0xfeff) {
        ctx.report({
          span: { start, end },
          message: '文中有看不见的零宽字符，应删除',
          fixes: [{ title: '删除零宽字符', edits: [{ span: { start, end }, newText: '' }] }],
        });
        return;
      }
      if (start <= seg.start || end >= seg.end) return;
      const before = text[start - 1];
      const after = text[end];
      // A dash —— or an ellipsis …… (two characters: a single — with spaces is a page number “— 1 —”).
      const markBefore = SPACED_MARKS.includes(before) || text.startsWith('——', start - 2) || text.startsWith('……', start - 2);
      const markAfter = SPACED_MARKS.includes(after) || text.startsWith('——', end) || text.startsWith('……', end);
      if (!markBefore && !markAfter && betweenTitleAndBody(seg, start, end)) return;
      const hanBoth = isHanAt(text, start - 1) && isHanAt(text, end);
      // A tab or a wide space next to Chinese is never a word space (pangu-style spacing uses ASCII spaces).
      const wideNextToHan = WIDE.test(m[0]) && (isHanAt(text, start - 1) || isHanAt(text, end));
      if (!markBefore && !markAfter && !hanBoth && !wideNextToHan) return;
      // （  ） 【 】 “ ”: an empty pair is a placeholder (placeholder/unfilled).
      if (markBefore && markAfter && CN_OPENERS.includes(before) && CN_CLOSERS.indexOf(after) === CN_OPENERS.indexOf(before)) return;
      if (kind === 'title' && !markBefore && !markAfter) return; // 报  告: a spaced-out title line
      if (hanBoth && isHeadlineSpace(text, start, end, seg)) return;
      if (m[0].length >= 2 && isLayoutLine(text, seg)) return;
      const ideographic = m[0].includes('\u3000') ? '全角' : m[0].includes('\t') ? '制表符或' : '';
      const label = (at: number): string => (SPACED_MARKS.includes(text[at]) ? text[at] : text.slice(at, at + 2));
      const message = markBefore
        ? `标点“${label(SPACED_MARKS.includes(before) ? start - 1 : start - 2)}”后有多余的${ideographic}空格，应删除`
        : markAfter
          ? `标点“${label(end)}”前有多余的${ideographic}空格，应删除`
          : hanBoth
            ? `汉字之间有多余的${ideographic}空格，应删除`
            : `中文中有多余的${ideographic}空格，应删除`;
      ctx.report({ span: { start, end }, message, fixes: [{ title: '删除空格', edits: [{ span: { start, end }, newText: '' }] }] });
    });
  },
};

/** Spaces between a heading's title and its run-in body stand for a lost line break (structure rules). */
function betweenTitleAndBody(seg: Segment, start: number, end: number): boolean {
  const h = seg.block.heading;
  return h !== undefined && h.bodySpan !== undefined && start >= h.titleSpan.end && end <= h.bodySpan.start;
}

/**
 * 《持续发力 纵深推进》 “凝心聚力 砥砺前行” 一、强化责任 压实担当: headlines, slogans and heading titles
 * set two parallel phrases apart with one space. Only inside 《》 or “”, or in a heading's title, and only
 * between two phrases of 3 to 12 Han characters.
 */
function isHeadlinePhrase(text: string, from: number, dir: 1 | -1, seg: Segment): boolean {
  let n = 0;
  let q = from;
  while (q >= seg.start && q < seg.end && isHanAt(text, q)) {
    n++;
    q += dir;
    if (n > 12) return false;
  }
  return n >= 3 && (q < seg.start || q >= seg.end || !isHanAt(text, q));
}

function isHeadlineSpace(text: string, start: number, end: number, seg: Segment): boolean {
  if (end - start !== 1) return false;
  if (!isHeadlinePhrase(text, start - 1, -1, seg) || !isHeadlinePhrase(text, end, 1, seg)) return false;
  const h = seg.block.heading;
  if (h && start >= h.titleSpan.start && end <= h.titleSpan.end) return true;
  for (let q = start - 1; q >= seg.start && q >= start - 60; q--) {
    const c = text[q];
    if (c === '《' || c === '“') return true;
    if (c === '》' || c === '”') return false;
  }
  return false;
}

/** A short line without sentence punctuation (a table row, a joint signature): wide gaps there are layout. */
function isLayoutLine(text: string, seg: Segment): boolean {
  if (seg.block.kind === 'heading') return false;
  return seg.end - seg.start <= 40 && !SENTENCE_PUNCT.test(text.slice(seg.start, seg.end));
}

export default rule;
