import { toChineseNumber } from '../../parse/numerals';
import type { RunInItem } from '../../parse/report';
import { renumberRunInList } from '../../renumber';
import type { Rule } from '../../rule';
import { sequenceIssues } from '../../sequence';

const label = (family: RunInItem['family'], n: number): string => (family === '第' ? `第${toChineseNumber(n)}` : `${toChineseNumber(n)}${family}`);

const rule: Rule = {
  meta: {
    id: 'numbering/run-in-sequence',
    category: 'numbering',
    defaultSeverity: 'warning',
    title: '分项序号不连续',
    description:
      '段内分项“一是……二是……”“一要……二要……”“第一，……第二，……”应从“一”起依次连续。跳号（“一是”后直接“三是”）、' +
      '重复（两个“二是”）多为修改时漏改。快速修复把这一组分项重新连续编号。',
    standard: 'GB/T 9704-2012 7.3.3（层次序数连续）；公文写作通行要求',
    fixable: true,
    reads: 'structure',
  },
  check(ctx) {
    for (const list of ctx.doc.runInLists) {
      const issues = sequenceIssues(list.items.map((i) => i.ordinal));
      if (!issues.length) continue;
      const edits = renumberRunInList(list);
      for (const issue of issues) {
        const item = list.items[issue.index];
        const written = ctx.text.slice(item.markerSpan.start, item.markerSpan.end);
        const expected = label(list.family, issue.expected);
        const prev = list.items[issue.index - 1];
        const message = prev
          ? `分项序号${issue.fault === 'duplicate' ? '重复' : '不连续'}：“${ctx.text.slice(prev.markerSpan.start, prev.markerSpan.end)}”之后应为“${expected}”，这里是“${written}”`
          : `分项应从“${expected}”开始，这里是“${written}”`;
        ctx.report({ span: item.markerSpan, message, fixes: edits.length ? [{ title: '重新编号这一组分项', edits }] : undefined });
      }
    }
  },
};

export default rule;
