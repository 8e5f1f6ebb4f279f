import type { Rule } from '../../rule';
import { punctView, scanSegments } from '../../text/punctuation';

// A 顿号 between two quoted items (“A”、“B”) or two titles (《A》、《B》).
const PAIR = /”、“|》、《/g;

const rule: Rule = {
  meta: {
    id: 'punctuation/dunhao-between-quotes',
    category: 'punctuation',
    defaultSeverity: 'info',
    title: '引号或书名号并列成分之间的顿号',
    description:
      '标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号（“三会一课”“主题党日”，《党章》《准则》）。' +
      '若引号或书名号之后还有括注等其他成分，宜用顿号，不报。习惯用法不一，因此只作提示；快速修复删除顿号。',
    standard: 'GB/T 15834-2011 4.5.3.5',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    scanSegments(view, PAIR, (m) => {
      const at = m.index + 1;
      const kind = m[0][0] === '”' ? '引号' : '书名号';
      ctx.report({
        span: { start: at, end: at + 1 },
        message: `标有${kind}的并列成分之间通常不用顿号`,
        fixes: [{ title: '删除顿号', edits: [{ span: { start: at, end: at + 1 }, newText: '' }] }],
      });
    });
  },
};

export default rule;
