import type { Rule } from '../../rule';
import { isHanAt } from '../../text/cjk';
import { punctView, scanSegments, type Segment } from '../../text/punctuation';

// A sentence-end mark both inside and outside a closing quote (“……。”。), or a short quoted term that ends
// in 。 inside the quote while the sentence goes on (开展“三会一课。”活动).
const DOUBLE_END = /[。？！]”。/g;
const TERM = /“([^“”。，、；：？！\n]{1,10})。”/g;
/** Verbs of saying: after them a quoted 。 may belong to a complete quoted sentence. */
const SAYING = '说道问讲称言曰喊叫答示调求出述称指写';

const rule: Rule = {
  meta: {
    id: 'punctuation/period-placement',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '引号与句号位置不当',
    description:
      '引文作为完整的句子独立使用时，句末点号放在引号内（他说：“……。”）；引用部分作为句子的一个成分时，' +
      '句号放在引号外（开展“三会一课”。）。只报两种明确的错误：引号内外都有句末点号（“……。”。），' +
      '以及句中引用的短语在引号内加了句号（坚持“三会一课。”制度）。快速修复保留正确位置的句号。',
    standard: 'GB/T 15834-2011 4.8.3、A.7（引号内外句末点号的位置）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, DOUBLE_END, (m, seg) => {
      const inner = m.index;
      const outer = m.index + 2;
      // A quotation introduced by a colon is a complete sentence: keep the mark inside; else keep the one outside.
      const keepInside = text[inner] !== '。' || introducedByColon(text, inner, seg);
      const del = keepInside ? outer : inner;
      ctx.report({
        span: { start: del, end: del + 1 },
        message: keepInside ? '引号内已有句末点号，引号外的句号应删除' : '引用部分是句子的一个成分，句号应只放在引号外',
        fixes: [{ title: '删除多余的句号', edits: [{ span: { start: del, end: del + 1 }, newText: '' }] }],
      });
    });
    scanSegments(view, TERM, (m, seg) => {
      const open = m.index;
      if (open <= seg.start || !isHanAt(text, open - 1) || SAYING.includes(text[open - 1])) return;
      const stop = open + m[0].length - 2;
      const after = open + m[0].length;
      if (text[after] === '。') return; // DOUBLE_END reports it
      const nextIsMark = after < seg.end && '，。、；：？！'.includes(text[after]);
      ctx.report({
        span: { start: stop, end: stop + 2 },
        message: `引用的“${m[1]}”是句子的一个成分，句号不应放在引号内`,
        fixes: [
          {
            title: nextIsMark ? '删除引号内的句号' : '把句号移到引号外',
            edits: [{ span: { start: stop, end: stop + 2 }, newText: nextIsMark ? '”' : '”。' }],
          },
        ],
      });
    });
  },
};

function introducedByColon(text: string, closeMarkAt: number, seg: Segment): boolean {
  let open = closeMarkAt;
  const floor = Math.max(seg.start, closeMarkAt - 500);
  while (open >= floor && text[open] !== '“') open--;
  if (open < floor) return true;
  return open === seg.start || '：:'.includes(text[open - 1]);
}

export default rule;
