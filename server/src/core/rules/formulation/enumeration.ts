import { enumerationFindings } from '../../formulation/enumerationFindings';
import { findLists } from '../../formulation/enumerations';
import type { Rule } from '../../rule';

const rule: Rule = {
  meta: {
    id: 'formulation/enumeration',
    category: 'formulation',
    defaultSeverity: 'error',
    title: '列举类规范表述不完整或顺序有误',
    description:
      '“四个意识”“四个自信”“四个全面”“五位一体”“三严三实”“两学一做”“四风”“新发展理念”、党的指导思想、' +
      '社会主义核心价值观、“守土有责、守土负责、守土尽责”等列举类表述，各项的写法、顺序和项数都是固定的：' +
      '“四个意识”是政治意识、大局意识、核心意识、看齐意识，“四个自信”是道路自信、理论自信、制度自信、文化自信。' +
      '列出这些项时，顺序颠倒、混入别的项（如把看齐意识写成服务意识）、漏项或写错某项都属于政治性差错。' +
      '数据见 formulation-enumerations.yml（每项注明出处）；顺序、唯一可能的替换和补全提供快速修复。',
    standard: '党的十八大、十九大、二十大报告，《中国共产党章程》；各列举所注出处',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    for (const list of findLists(ctx.doc)) for (const f of enumerationFindings(ctx.text, list)) ctx.report(f);
  },
};

export default rule;
