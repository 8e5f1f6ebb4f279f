import { headingSequenceRule, headingLabel } from '../../numberingRule';

export default headingSequenceRule(
  'gap',
  {
    id: 'numbering/gap',
    defaultSeverity: 'warning',
    title: '标题序号不连续',
    description:
      '同一级标题的序号应从“一”“（一）”“1”“（1）”起依次连续编排。序号跳号（如“一、”之后是“三、”）或不从第一号开始，' +
      '通常是增删段落后未重新编号。快速修复会把本级标题重新连续编号。',
    standard: 'GB/T 9704-2012 7.3.3',
    reads: 'structure',
  },
  (doc, s, expected, prev) =>
    prev
      ? `标题序号不连续：“${headingLabel(doc, prev.heading)}”之后应为“${expected}”，这里是“${s.heading.marker.raw}”`
      : `本级第一个标题应从“${expected}”开始，这里是“${s.heading.marker.raw}”`,
);
