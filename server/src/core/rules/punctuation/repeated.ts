import type { Rule } from '../../rule';
import { isSpaceCode } from '../../text/cjk';
import { punctView, scanSegments } from '../../text/punctuation';

// Two or more point marks in a row (spaces between them allowed).
const RUN = /[，。、；：？！](?:[ \t\u3000]*[，。、；：？！])+/g;

/** Which mark to keep when marks clash: the one that says most (？！ over 。 over ； over ： over ， over 、). */
const STRENGTH: Record<string, number> = { '？': 5, '！': 5, '。': 4, '；': 3, '：': 2, '，': 1, '、': 0 };

const rule: Rule = {
  meta: {
    id: 'punctuation/repeated',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '标点重复或连用',
    description:
      '同一处只用一个点号：“，，”“。。”“、、”“；；”是重复，“，。”“。，”“；。”“：，”等是两个点号冲突，' +
      '多为删改时遗留。快速修复只保留一个（问号、叹号优先于句号，句号优先于分号、冒号、逗号、顿号）。' +
      '问号和叹号叠用或连用（？？ ！！ ？！）是标准允许的语气表达，不报；“。。。”属于省略号写法错误，' +
      '见“省略号、破折号写法不规范”。',
    standard: 'GB/T 15834-2011 3.1（点号）、4.1–4.7；5.1.2（问号、叹号的叠用）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    scanSegments(view, RUN, (m) => {
      const run = m[0];
      let marks = '';
      for (let i = 0; i < run.length; i++) if (!isSpaceCode(run.charCodeAt(i))) marks += run[i];
      if (/^[？！]+$/.test(marks)) return; // 叠用 for emphasis is allowed
      if (/^。{3,}$/.test(marks)) return; // an ellipsis written as 。。。 (ellipsis-dash)
      let keep = marks[0];
      for (const c of marks) if (STRENGTH[c] > STRENGTH[keep]) keep = c;
      const same = [...marks].every((c) => c === marks[0]);
      const message = same ? `标点“${marks[0]}”重复，应只保留一个` : `标点“${marks}”连用，应只保留“${keep}”`;
      ctx.report({
        span: { start: m.index, end: m.index + run.length },
        message,
        fixes: [{ title: `只保留“${keep}”`, edits: [{ span: { start: m.index, end: m.index + run.length }, newText: keep }] }],
      });
    });
  },
};

export default rule;
