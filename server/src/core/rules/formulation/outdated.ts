import { outdatedFindings } from '../../formulation/timeline';
import { reportTime } from '../../formulation/time';
import { reportYear } from '../../reportYear';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'formulation/outdated',
    category: 'formulation',
    defaultSeverity: 'warning',
    title: '表述与报告年度不符（过时或尚未出现）',
    description:
      '按报告年度（取自标题、导语或成文日期）检查随时间变化的表述：新一届党代会召开后仍把上一届的精神作为当前学习贯彻' +
      '的内容（2023年的报告写“深入学习贯彻党的十九大精神”“十九届六中全会精神”）；已经结束的学习教育仍写作正在开展' +
      '（2023年“深入开展党史学习教育”“‘不忘初心、牢记使命’主题教育”）；已调整的提法（“四个全面”中的“全面建成小康社会”、' +
      '“三个自信”、“习近平全面依法治国新理念新思想新战略”）；以及报告写成时尚未召开的会议、尚未提出的表述。' +
      '“党的十九大以来”“巩固党史学习教育成果”等历史表述不报告。数据见 formulation-timeline.yml（每条注明出处）；' +
      '只有替换确定时才提供快速修复。',
    standard: '历次党代会和中央全会公报，各条目所注文件和会议',
    fixable: true,
    scope: 'block',
  },
  // Everything but the report's time frame is read from the block itself.
  blockContext: (doc) => JSON.stringify(reportTime(reportYear(doc)) ?? null),
  check(ctx) {
    for (const f of outdatedFindings(ctx.doc, ctx.resources.matchers.formulation)) ctx.report(f);
  },
};

export default rule;
