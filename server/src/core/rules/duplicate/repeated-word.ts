import { doubledListHead, findRepeatRuns, isReduplication, repeatGuard } from '../../consistency/repeats';
import type { Rule } from '../../rule';

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const MAX_UNIT = 6;

const rule: Rule = {
  meta: {
    id: 'duplicate/repeated-word',
    category: 'duplicate',
    defaultSeverity: 'warning',
    title: '字词重复',
    description:
      '同一个词连写两遍（“的的”“了了”“进一步进一步”“工作工作”），多是修改或粘贴时留下的。' +
      '正常的重叠词不在此列：“常常”“天天”“人人”“层层”“家家户户”“代代相传”“研究研究”“一个一个”，' +
      '以及跨词的“为了了解”“不了了之”“的的确确”“具有有力”等。单字只检查“的”“了”“在”“是”等虚词。快速修复删去重复的部分。',
    standard: '公文校对通行要求（字词重复）',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const { doc, text } = ctx;
    for (const block of doc.blocks) {
      if (block.kind === 'comment') continue;
      const lo = block.span.start;
      const hi = block.span.end;
      let pos = lo; // text before pos is settled (reported, or a reduplication passed over)
      for (const run of findRepeatRuns(text, lo, hi, MAX_UNIT)) {
        // Within a periodic stretch, try each start in turn (工作工作 may follow a stray 作).
        for (let i = Math.max(run.start, pos); i + 2 * run.k <= run.end && i >= pos; i++) {
          const k = run.k;
          let han = true;
          for (let j = 0; j < k && han; j++) han = isHan(text.charCodeAt(i + j));
          if (!han) continue;
          if (k >= 2 && isReduplication(text, i, k)) {
            pos = i + 2 * k;
            break;
          }
          if (k === 1 && !repeatGuard(text, i, lo, hi) && !doubledListHead(text, i, lo, hi)) continue;
          const unit = text.slice(i, i + k);
          let stop = i + 2 * k;
          while (stop + k <= hi && text.startsWith(unit, stop)) stop += k;
          const span = { start: i + k, end: stop };
          const times = (stop - i) / k;
          const extra = text.slice(span.start, span.end);
          ctx.report({
            span,
            message: `“${unit}”连写了${times === 2 ? '两' : times}遍，应删去重复的“${extra}”`,
            fixes: [{ title: `删去重复的“${extra}”`, edits: [{ span, newText: '' }] }],
          });
          pos = stop;
          break;
        }
      }
    }
  },
};

export default rule;
