import type { Rule } from '../../rule';

/** Marks that may stand before 二是/二要/第二 inside a paragraph. */
const SEPARATORS = '。；，';

const rule: Rule = {
  meta: {
    id: 'punctuation/run-in-separator',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '分项之间的标点不一致',
    description:
      '段内用“一是……二是……三是……”分项时，各项之间的标点应一致：各项是完整的句子时用句号，是并列的分句时' +
      '用分号，短小的并列成分可用逗号。同一组分项里有的用句号或分号、有的用逗号（“一是……不够深入，二是……' +
      '不强。三是……”），多为漏改，逗号处应与其他各项一致。快速修复改为这一组中用得最多的句号或分号。',
    standard: 'GB/T 15834-2011 4.1（句号）、4.6（分号）；公文写作通行要求（分项列举）',
    fixable: true,
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const list of ctx.doc.runInLists) {
      const commas: number[] = [];
      let periods = 0;
      let semicolons = 0;
      for (const item of list.items) {
        if (item.ordinal < 2) continue;
        const at = item.markerSpan.start - 1;
        if (at < item.block.span.start) continue; // the item starts its own paragraph
        const c = text[at];
        if (!SEPARATORS.includes(c)) continue;
        if (c === '，') commas.push(at);
        else if (c === '。') periods++;
        else semicolons++;
      }
      if (commas.length === 0 || periods + semicolons === 0) continue;
      const want = periods >= semicolons ? '。' : '；';
      for (const at of commas) {
        ctx.report({
          span: { start: at, end: at + 1 },
          message: `同一组分项之间的标点应一致：此处逗号应为“${want}”`,
          fixes: [{ title: `改为“${want}”`, edits: [{ span: { start: at, end: at + 1 }, newText: want }] }],
        });
      }
    }
  },
};

export default rule;
