import type { Rule } from '../../rule';
import { punctView, scanSegments } from '../../text/punctuation';

// 、 before a conjunction or before 等: “党章党规、以及讲话”“主题党日、等平台”. Only the words that are
// always conjunctions: 和 与 同 are also prepositions (“与道德课堂相结合、与主题党日相结合”), and 及时
// 等级 等待 … are words of their own.
const DUNHAO = /、(?:以及|或者|及(?![时早格至])|等(?![级同待于候到量值]))/g;

const rule: Rule = {
  meta: {
    id: 'punctuation/dunhao-conjunction',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '连词或“等”前误用顿号',
    description:
      '并列成分之间用了连词“及”“以及”“或者”，连词前就不再用顿号（“党章党规以及重要讲话”，而不是' +
      '“党章党规、以及重要讲话”）；列举后的“等”前也不用顿号（“主题党日、三会一课等”）。“和”“与”也常作介词' +
      '（“与……相结合、与……相结合”），不检查；“及时”“等级”“等待”等词不报。快速修复删除顿号。',
    standard: 'GB/T 15834-2011 4.5.3.1（顿号用于并列词语之间）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    scanSegments(view, DUNHAO, (m) => {
      const at = m.index;
      const word = m[0].slice(1);
      ctx.report({
        span: { start: at, end: at + 1 },
        message: word === '等' ? '列举后的“等”前不用顿号' : `并列成分之间已用连词“${word}”，连词前不再用顿号`,
        fixes: [{ title: '删除顿号', edits: [{ span: { start: at, end: at + 1 }, newText: '' }] }],
      });
    });
  },
};

export default rule;
