import type { Rule } from '../../rule';
import { isSpaceCode } from '../../text/cjk';
import { punctView } from '../../text/punctuation';

/** Point marks that never stand at the start of a line. Closing quotes and brackets: punctuation/unbalanced-pair. */
const NO_LINE_START = '，。、；：？！';
/** The previous paragraph ended with a mark: a mark at the start of this one is left over and can go. */
const ENDS_WITH_MARK = /[，。、；：？！…—”’）》】]$/;

const rule: Rule = {
  meta: {
    id: 'punctuation/paragraph-start',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '段首出现点号',
    description:
      '句号、逗号、顿号、分号、冒号、问号、叹号放在相应文字之后，不出现在一行之首。段落以这些标点开头，' +
      '多为删改时遗留的标点，或粘贴时在标点前断了行。上一段以标点结尾时，快速修复删除段首的标点；' +
      '否则请把这一行接回上一段。',
    standard: 'GB/T 15834-2011 5.1.1、5.1.2（点号不出现在一行之首）',
    fixable: true,
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    let prevEnd = -1;
    let prevText = '';
    let prevHeading = false;
    for (const seg of view.segments) {
      const block = seg.block;
      const isBodyStart = block.kind !== 'heading' && seg.start === block.span.start;
      const ch = text[seg.start];
      if (isBodyStart && NO_LINE_START.includes(ch)) {
        let end = seg.start + 1;
        while (end < seg.end && (NO_LINE_START.includes(text[end]) || isSpaceCode(text.charCodeAt(end)))) end++;
        const leftover = prevEnd === -1 || prevHeading || ENDS_WITH_MARK.test(prevText);
        ctx.report({
          span: { start: seg.start, end },
          message: leftover
            ? `段落不能以“${ch}”开头，应删除`
            : `段落不能以“${ch}”开头：可能是在标点前断了行，请与上一段连接`,
          fixes: leftover ? [{ title: `删除“${ch}”`, edits: [{ span: { start: seg.start, end }, newText: '' }] }] : undefined,
        });
      }
      prevEnd = seg.end;
      prevHeading = block.kind === 'heading' && !block.heading?.bodySpan;
      prevText = text.slice(Math.max(seg.start, seg.end - 1), seg.end);
    }
  },
};

export default rule;
