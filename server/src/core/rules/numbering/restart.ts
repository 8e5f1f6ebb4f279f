import { headingSequenceRule, headingLabel } from '../../numberingRule';

export default headingSequenceRule(
  'restart',
  {
    id: 'numbering/restart',
    defaultSeverity: 'warning',
    title: '标题序号重新开始',
    description:
      '同一级、同一上级标题下的序号又从第一号开始（如“1.”“2.”之后又出现“1.”）。这通常是漏写了上级标题，' +
      '或从别处粘贴的内容保留了原序号。应补上上级标题，或把本级标题连续编号（快速修复）。',
    standard: 'GB/T 9704-2012 7.3.3',
    reads: 'structure',
  },
  (doc, s, expected, prev) =>
    `标题序号重新从“${s.heading.marker.raw}”开始：上一个同级标题是“${headingLabel(doc, prev!.heading)}”，应为“${expected}”，或缺少上级标题`,
);
