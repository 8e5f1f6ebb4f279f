import { headingSequenceRule, headingLabel } from '../../numberingRule';

export default headingSequenceRule(
  'duplicate',
  {
    id: 'numbering/duplicate',
    defaultSeverity: 'warning',
    title: '标题序号重复',
    description:
      '同一级标题中同一个序号用了两次（如两个“（二）”），后面的标题序号应顺延。快速修复会把本级标题重新连续编号。',
    standard: 'GB/T 9704-2012 7.3.3',
    reads: 'structure',
  },
  (doc, s, expected, prev) =>
    `标题序号重复：“${s.heading.marker.raw}”与上一个标题“${headingLabel(doc, prev!.heading)}”相同，应为“${expected}”`,
);
