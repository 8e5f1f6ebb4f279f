import { nearNamesFromPieces } from '../../formulation/fuzzy';
import { mentionsOf, scanReport } from '../../formulation/scan';
import { standardMeetingFindings } from '../../formulation/standardMeetings';
import type { Rule } from '../../rule';
import { q } from '../../formulation/text';

const count = (s: string, ch: string): number => s.split(ch).length - 1;

const rule: Rule = {
  meta: {
    id: 'formulation/standard',
    category: 'formulation',
    defaultSeverity: 'error',
    title: '规范表述写法有误',
    description:
      '理论、思想、会议、文件和口号的固定名称必须完整准确：如“习近平新时代中国特色社会主义思想”不能写成“……理论”' +
      '“……思想体系”或漏掉“新时代”；“以习近平同志为核心的党中央”“坚决维护党中央权威和集中统一领导”“‘三个代表’重要思想”' +
      '“铸牢中华民族共同体意识”“总体国家安全观”等一字不差；全会名称写“党的十九届六中全会”（不写“十九大六中全会”' +
      '“19届6中全会”），党代会写“党的二十大”或“党的第二十次全国代表大会”；已届满的一届中央委员会没有第八次全会。' +
      '依据词典 formulations.yml（每条注明出处，可在用户词典中补充）和长名称的近似匹配；确定的写法提供快速修复。',
    standard: '党的十八大、十九大、二十大报告，历次全会公报和决议，《中国共产党章程》；各条目所注出处',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const { text } = ctx;
    const matcher = ctx.resources.matchers.formulation;
    for (const scan of scanReport(ctx.doc, matcher)) {
      const { start, end } = scan.block.span;
      const hits = scan.dict ? matcher.find(text, start, end) : [];
      for (const h of hits) {
        const e = h.entry;
        // 五位一体”战略布局: show the opening quote that the pattern leaves out, on both sides.
        const open = text[h.start - 1] === '“' && count(text.slice(h.start, h.end), '”') > count(text.slice(h.start, h.end), '“') ? '“' : '';
        const wrong = open + text.slice(h.start, h.end);
        const expected = open + e.expected;
        const why = [e.note?.replace(/。$/, ''), e.source ? `依据：${e.source}` : ''].filter(Boolean).join('；');
        ctx.report({
          span: { start: h.start, end: h.end },
          message: e.context
            ? `${q(wrong)}可能应为${q(expected)}，请核实${why ? `（${why}）` : ''}`
            : `${q(wrong)}应为${q(expected)}${why ? `（${why}）` : ''}`,
          fixes: e.context ? undefined : [{ title: `改为${q(expected)}`, edits: [{ span: { start: h.start, end: h.end }, newText: e.expected }] }],
          // An entry's own severity (users' dictionaries); a context-dependent entry is a warning.
          severity: e.severity ?? (e.context ? 'warning' : undefined),
        });
      }
      if (scan.pieces.length) {
        for (const n of nearNamesFromPieces(text, start, end, scan.pieces)) {
          if (hits.some((h) => h.start < n.end && n.start < h.end)) continue;
          const wrong = text.slice(n.start, n.end);
          ctx.report({
            span: { start: n.start, end: n.end },
            message: `${q(wrong)}应为${q(n.name.name)}（固定名称，不能增减或改动字词${n.name.source ? `；依据：${n.name.source}` : ''}）`,
            fixes: [{ title: `改为${q(n.name.name)}`, edits: [{ span: { start: n.start, end: n.end }, newText: n.name.name }] }],
          });
        }
      }
      for (const f of standardMeetingFindings(text, mentionsOf(text, scan))) ctx.report(f);
    }
  },
};

export default rule;
