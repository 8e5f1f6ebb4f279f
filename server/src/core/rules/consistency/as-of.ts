import { forEachBlockMatch } from '../../blockMatches';
import type { Rule } from '../../rule';

/**
 * 截至 + a time point (截至目前, 截至2023年底) says “up to”; 截止 says “ends” and stands after the time
 * (报名于5月31日截止) or before 到/于/日期 (截止到, 截止日期). The common slips: 截止目前, 截止2023年12月,
 * and the doubled 截至到 / 截止至.
 */
const PATTERN =
  /截止(?=\s?(?:目前|当前|现在|今年|本年|今天|今日|昨日|本月|上月|当月|本周|本季度|上半年|下半年|年底|年末|月底|发稿|同期|去年|上年|[0-9０-９]|[一二][〇零○][〇零○一二三四五六七八九]{2}年|[一二三四五六七八九十]{1,2}月))|截至到|截止至/gu;

const rule: Rule = {
  meta: {
    id: 'consistency/as-of',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '“截至”误作“截止”',
    description:
      '“截至”表示“到某一时间为止”，后接时间点：“截至目前”“截至2023年底”。“截止”表示“到时停止”，' +
      '用在时间之后（“报名于5月31日截止”）或构成“截止日期”“截止到”。“截止目前”“截止2023年12月”应为“截至”；' +
      '“截至到”“截止至”语义重复，应为“截至”。快速修复改为“截至”。',
    standard: '《现代汉语词典》（第7版）“截至”“截止”条；国家语委《通用规范汉字表》配套用法说明',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    forEachBlockMatch(ctx.doc, PATTERN, (m, start) => {
      const span = { start, end: start + m[0].length };
      const message =
        m[0] === '截止'
          ? '“截止”后接时间点时应为“截至”（截至目前、截至年底）；“截止”表示到时停止，如“截止日期”'
          : `“${m[0]}”语义重复，“截至”已含“到”的意思，应为“截至”`;
      ctx.report({ span, message, fixes: [{ title: '改为“截至”', edits: [{ span, newText: '截至' }] }] });
    });
  },
};

export default rule;
