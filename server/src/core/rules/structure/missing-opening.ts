import { isWorkReport } from '../../parts';
import type { Rule } from '../../rule';

const CLOSING = /(报告|汇报|说明|总结)如下[：:]?$|如下[：:]$/;

const rule: Rule = {
  meta: {
    id: 'structure/missing-opening',
    category: 'structure',
    defaultSeverity: 'warning',
    title: '缺少导语或过渡句',
    description:
      '工作情况报告在正文第一个标题前应有导语，简述背景和总体情况，并以“现将……情况报告如下：”过渡到正文。' +
      '没有导语时快速修复插入过渡句；有导语但缺少过渡句时，快速修复在导语末尾补上“现将有关情况报告如下：”。',
    standard: 'GB/T 9704-2012 7.3.3（正文）；《党政机关公文处理工作条例》报告文种写作惯例',
    fixable: true,
    reads: 'structure',
  },
  check(ctx) {
    const { doc, text } = ctx;
    if (!isWorkReport(doc) && !(doc.title.length && doc.headings.length >= 2)) return;
    const first = doc.headings[0];
    if (!first) return;
    if (!doc.opening.length) {
      const at = first.block.span.start;
      ctx.report({
        span: { start: at, end: first.titleSpan.end },
        message: '正文第一个标题前缺少导语：应先简述背景和总体情况，并以“现将……情况报告如下：”引出正文',
        fixes: [{ title: '插入过渡句“现将有关情况报告如下：”', edits: [{ span: { start: at, end: at }, newText: '现将有关情况报告如下：\n' }], auto: false }],
      });
      return;
    }
    const last = doc.opening[doc.opening.length - 1];
    const s = text.slice(last.span.start, last.span.end);
    if (doc.opening.some((b) => CLOSING.test(text.slice(b.span.start, b.span.end))) || /如下/.test(s)) return;
    const fixes = /[。！]$/.test(s)
      ? [{ title: '在导语末尾补上“现将有关情况报告如下：”', edits: [{ span: { start: last.span.end, end: last.span.end }, newText: '现将有关情况报告如下：' }], auto: false }]
      : undefined;
    ctx.report({
      span: { start: Math.max(last.span.start, last.span.end - 1), end: last.span.end },
      message: '导语末尾缺少过渡句，通常以“现将……情况报告如下：”引出正文',
      fixes,
    });
  },
};

export default rule;
