import type { Rule } from '../../rule';
import { punctView, scanSegments } from '../../text/punctuation';

// 《…》 whose content names a meeting, an activity, a class, a prize or an award — not a work.
const TITLE = /《([^《》\n]{2,40})》/g;
const NOT_A_WORK =
  /(?:活动|会议|大会|座谈会|研讨会|推进会|部署会|动员会|报告会|分享会|交流会|表彰会|培训班|读书班|专题班|研修班|比赛|大赛|竞赛|评选|奖|课程|课题|工程|行动|.{2}节)$/;
/** Document titles end in their type (通知 意见 方案 …) or start with 关于; those are works. */
const DOCUMENT = /^关于|(?:通知|意见|方案|办法|规定|条例|决定|报告|纲要|细则|规划|准则|制度|讲话|纪要|汇编|读本|文选|选编)/;

const rule: Rule = {
  meta: {
    id: 'punctuation/book-title-misuse',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '书名号用于会议、活动等名称',
    description:
      '书名号标示书名、篇名、报刊名、文件名和作品名。会议、活动、培训班、比赛、评选、奖项、课程、课题、工程等' +
      '名称和节庆名称（文化节、丰收节）不是作品，不用书名号（“召开《意识形态工作推进会》”应为“召开意识形态工作推进会”或加引号）。' +
      '以“关于”开头或以通知、意见、方案、办法等文种结尾的是文件名，不报。快速修复把书名号改为引号。',
    standard: 'GB/T 15834-2011 4.15、A.13（不能视为作品的会议、活动、课程、奖项等名称不用书名号）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    scanSegments(view, TITLE, (m) => {
      const name = m[1];
      if (!NOT_A_WORK.test(name) || DOCUMENT.test(name)) return;
      const start = m.index;
      const end = start + m[0].length;
      // Quotes inside would nest once the 书名号 become quotes: leave that fix to the writer.
      const nested = /[“”]/.test(name);
      ctx.report({
        span: { start, end },
        message: `“${name}”是会议、活动等的名称，不是作品，不应使用书名号`,
        fixes: nested
          ? undefined
          : [
              {
                title: '改为引号',
                edits: [
                  { span: { start, end: start + 1 }, newText: '“' },
                  { span: { start: end - 1, end }, newText: '”' },
                ],
              },
            ],
      });
    });
  },
};

export default rule;
