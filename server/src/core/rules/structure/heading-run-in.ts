import { headingLabel } from '../../headings';
import type { Rule } from '../../rule';
import type { TextEdit } from '../../types';

const rule: Rule = {
  meta: {
    id: 'structure/heading-run-in',
    category: 'structure',
    defaultSeverity: 'warning',
    title: '标题未另起一行',
    description:
      '标题应另起一行：从网页、Word 或 WPS 粘贴的文字常把标题与上一段连在一起（“……。二、存在问题”），' +
      '或把一级标题与正文连成一段。二至四级标题后接正文（“（一）强化组织领导。正文……”）是允许的，不在此列。' +
      '快速修复在标题处断行。',
    standard: 'GB/T 9704-2012 7.3.3',
    fixable: true,
  },
  check(ctx) {
    const { text } = ctx;
    for (const h of ctx.doc.headings) {
      const edits: TextEdit[] = [];
      if (h.inline) {
        // Replace the spaces before the marker (if any) with a line break.
        let start = h.marker.start;
        while (start > 0 && /[ \t\u3000]/.test(text[start - 1])) start--;
        edits.push({ span: { start, end: h.marker.start }, newText: '\n' });
      }
      const bodyRunIn = h.level === 1 && h.bodySpan !== undefined;
      if (bodyRunIn) edits.push({ span: { start: h.titleSpan.end, end: h.bodySpan!.start }, newText: '\n' });
      if (!edits.length) continue;
      const label = headingLabel(ctx.doc, h);
      ctx.report({
        span: { start: h.marker.start, end: h.titleSpan.end },
        message: h.inline
          ? `标题“${label}”与上一段连在一起，应另起一行${bodyRunIn ? '，其后的正文也应另起一段' : ''}`
          : `一级标题“${label}”后直接接了正文，正文应另起一段`,
        fixes: [{ title: h.inline ? '在标题处断行' : '在标题后换行', edits }],
      });
    }
  },
};

export default rule;
