import type { Rule } from '../../rule';
import { punctView, scanSegments, type Segment } from '../../text/punctuation';

// A point mark just before the closing bracket: “（共计240人次参加。）” “（试行，）”.
const MARK_CLOSE = /[。，、；：]）/g;

const rule: Rule = {
  meta: {
    id: 'punctuation/bracket-end-mark',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '句内括号末尾用了点号',
    description:
      '括号内的注释只是句子的一部分（句内括号）时，括号内行文末尾不用句号、逗号、分号等点号（问号、叹号、' +
      '省略号除外）：“邀请专家授课（共计240人次参加。），效果良好”应为“（共计240人次参加）”。注释整句的' +
      '句外括号（前面已有句号）内可用句号，不报；括号内以逗号、顿号、分号、冒号结尾总是多余的。快速修复删除该点号。',
    standard: 'GB/T 15834-2011 4.9（括号）、附录A（句内括号行文末尾通常不用标点符号）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, MARK_CLOSE, (m, seg) => {
      const at = m.index;
      const mark = m[0][0];
      if (mark === '。' && !insideSentence(text, at, seg)) return;
      ctx.report({
        span: { start: at, end: at + 1 },
        message: mark === '。' ? '句内括号里的行文末尾不用句号' : `括号内行文末尾不应有“${mark}”`,
        fixes: [{ title: `删除“${mark}”`, edits: [{ span: { start: at, end: at + 1 }, newText: '' }] }],
      });
    });
  },
};

/** The bracket belongs to a sentence (句内括号): its opening half does not follow a sentence end. */
function insideSentence(text: string, markAt: number, seg: Segment): boolean {
  let depth = 0;
  for (let q = markAt - 1; q >= seg.start && q >= markAt - 300; q--) {
    const c = text[q];
    if (c === '）') depth++;
    else if (c === '（') {
      if (depth === 0) return q > seg.start && !'。！？…'.includes(text[q - 1]);
      depth--;
    }
  }
  return false;
}

export default rule;
