import { forEachBlockMatch } from '../../blockMatches';
import type { Rule } from '../../rule';

// Verbs that take an object in 公文 prose (提升什么、加强什么). A clause made of one of them alone —
// “……作风，提升。” — lost its object, usually when a sentence was cut while editing.
const VERBS = '提升|加强|提高|推进|推动|落实|完善|强化|增强|改进|优化|深化|健全|规范|促进|做好|抓好|发挥|夯实|筑牢';
const DANGLING = new RegExp(`(?<=[，；：])(?:${VERBS})(?=[。；！])`, 'g');

const rule: Rule = {
  meta: {
    id: 'grammar/dangling-verb',
    category: 'grammar',
    defaultSeverity: 'warning',
    title: '句子不完整（动词缺宾语）',
    description:
      '逗号、分号或冒号之后只有一个需要带宾语的动词就结束了句子（如“注重在办实事中加强和改进作风，提升。”），' +
      '多为修改时删掉了宾语或半句话。应写明提升、加强、推进的是什么，或删去这个残缺的分句。',
    standard: '语法规范：动宾搭配完整；《党政机关公文处理工作条例》第二十五条（文字精炼、表述准确）',
    fixable: false,
    scope: 'block',
  },
  check(ctx) {
    forEachBlockMatch(ctx.doc, DANGLING, (m, start) =>
      ctx.report({
        span: { start, end: start + m[0].length },
        message: `句子不完整：“${m[0]}”后面缺少宾语，应写明${m[0]}什么，或删去这个分句`,
      }),
    );
  },
};

export default rule;
