import type { Rule } from '../../rule';
import { punctView, scanSegments } from '../../text/punctuation';

// Two adjacent Chinese numerals joined by 、 (三、四个 五、六十人).
const PAIR = /[一二两三四五六七八九]、[二两三四五六七八九]/g;
const VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Counting words after an approximate number: 三四个、五六十人、七八年. */
const COUNTER = '个人名位次天年岁项件家所条篇场期批户种只台辆座间张本份周倍成米里斤吨亩元块遍回趟轮处页段句字万千百十';
/** Before the pair: another numeral (十五、六), 第 (第三、四季度), or a list (一、二、三). 一百二、三十 is fine. */
const NOT_BEFORE = '〇零一二两三四五六七八九十第、';

const rule: Rule = {
  meta: {
    id: 'punctuation/approximate-dunhao',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '表示概数的数字间误用顿号',
    description:
      '相邻两个数字连用表示概数（三四个、五六十人、七八年）时，中间不用顿号。表示两个确数的缩略形式' +
      '（第三、四季度，三、四月份，二、三产业，一、二等奖，三、四年级）宜用顿号，不报。只检查后接量词的' +
      '相邻汉字数字（含“一百二、三十人”），序号和列举（一、二、三）不报。快速修复删除顿号。',
    standard: 'GB/T 15834-2011 4.5.3.4；GB/T 15835-2011（相邻两数字连用表示概数）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, PAIR, (m, seg) => {
      const p = m.index;
      const a = VALUE[m[0][0]];
      const b = VALUE[m[0][2]];
      if (b !== a + 1) return;
      if (p <= seg.start || NOT_BEFORE.includes(text[p - 1])) return;
      // 一百二、三十人: a hundreds (thousands …) figure before is part of the same number, unless 第 starts it.
      if ('百千万'.includes(text[p - 1])) {
        let q = p - 1;
        while (q > seg.start && p - q < 12 && '〇零一二两三四五六七八九十百千万'.includes(text[q - 1])) q--;
        if (q > seg.start && text[q - 1] === '第') return;
      }
      const next = p + 3 < seg.end ? text[p + 3] : '';
      if (!next || !COUNTER.includes(next)) return;
      // 三、四年级 (two grades), 七、八月 never reach here (月 is not a counter); 三、四十年代 is two decades.
      const rest = text.slice(p + 3, Math.min(seg.end, p + 7));
      if (/^(?:年级|年代|十年代|等|级|产业)/.test(rest) || /^[十百千万]?(?:等|级|产业|类|档)/.test(rest)) return;
      const fixed = m[0][0] + m[0][2];
      ctx.report({
        span: { start: p + 1, end: p + 2 },
        message: `表示概数的相邻数字“${fixed}”之间不用顿号`,
        fixes: [{ title: '删除顿号', edits: [{ span: { start: p + 1, end: p + 2 }, newText: '' }] }],
      });
    });
  },
};

export default rule;
