import { inPlansPart, looksAhead, sentenceAt } from '../../consistency/context';
import { reportPeriod } from '../../consistency/period';
import type { Rule } from '../../rule';

/**
 * Phrases that report a whole year's work. In a 上半年 report they are wrong outside the plans part:
 * 全年共开展…, 一年来, 截至年底, 年底前已全部完成 …
 */
const WHOLE_YEAR =
  /(?<![去上前往明来每近十几多数两三四五六七八九0-9])(?:一年来|一年以来|过去一年|过去的一年|这一年来|本年度内|全年(?=共|累计|共计|总计|先后|组织|开展|召开|举办|完成了|发放|处置|接待|受理|办理|发布|编发|刊发|推送|报送|走访|慰问|培训|排查|化解|查处|收到|收集|新增|发展|表彰|审核|播发|举行|开设)|(?:截至|截止|截止到|到)(?:今年|本年|当年)?(?:年底|年末|12月底|12月末|12月31日|十二月底)|年底前?(?:均|已|已经|全部|顺利){1,3}完成|年终(?:时)?(?:已|共|累计))/gu;

const rule: Rule = {
  meta: {
    id: 'consistency/half-year-scope',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '半年报告写成了全年',
    description:
      '上半年（半年度）工作情况报告只写当年1至6月的工作。正文（“下一步打算”之外）出现“全年共开展……”' +
      '“一年来”“过去一年”“截至年底”“年底前已全部完成”等全年的说法，多是套用了年度报告的写法。' +
      '“全年目标任务完成过半”“确保完成全年任务”等说法不在此列。',
    standard: '公文校对通行要求（时间一致性）',
    fixable: false,
  },
  check(ctx) {
    const { doc, text } = ctx;
    const p = reportPeriod(doc);
    if (p.kind !== 'first-half') return;
    for (const block of doc.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'opening' && block.kind !== 'heading') continue;
      const s = text.slice(block.span.start, block.span.end);
      WHOLE_YEAR.lastIndex = 0;
      for (let m = WHOLE_YEAR.exec(s); m; m = WHOLE_YEAR.exec(s)) {
        const start = block.span.start + m.index;
        if (inPlansPart(doc, start)) continue;
        const sentence = sentenceAt(text, start, block.span);
        // 2023年全年 in a 2024 report compares with last year.
        if (/(?:19|20)[0-9]{2}年$|去年$|上年$/.test(text.slice(Math.max(block.span.start, start - 6), start))) continue;
        if (/^全年/.test(m[0]) && (looksAhead(text, sentence) || /^共?(?:需|要|应|拟|目标)/.test(text.slice(start + 2, start + 5)))) continue;
        const reportName = p.year ? `${p.year}年上半年` : '上半年';
        ctx.report({
          span: { start, end: start + m[0].length },
          message: `本报告是${reportName}工作情况报告，“${m[0]}”是全年的说法，请改为“上半年”“今年以来”“截至6月底”等与报告时段相符的表述`,
        });
      }
    }
  },
};

export default rule;
