import { headingSequenceRule, headingLabel } from '../../numberingRule';

export default headingSequenceRule(
  'order',
  {
    id: 'numbering/order',
    defaultSeverity: 'warning',
    title: '标题序号顺序颠倒',
    description:
      '同一级标题的序号倒退（如“三、”之后出现“二、”），多为调整段落顺序后未重新编号。快速修复会按出现顺序重新编号。',
    standard: 'GB/T 9704-2012 7.3.3',
    reads: 'structure',
  },
  (doc, s, expected, prev) =>
    `标题序号顺序颠倒：“${headingLabel(doc, prev!.heading)}”之后出现“${s.heading.marker.raw}”，应为“${expected}”`,
);
