import type { Rule } from '../../rule';

/**
 * A year written in Chinese digits uses 〇 (U+3007) for zero: 二〇二三年. 零 is the zero of counts (一百零二),
 * and ○ (U+25CB), Ｏ/O (letters) and 0 are look-alikes typed by mistake.
 */
const PATTERN = /(?<![〇零○ＯO0一二三四五六七八九十百千万])[一二][〇零○ＯO0九][〇零○ＯO0一二三四五六七八九]{2}(?=年)/gu;

const rule: Rule = {
  meta: {
    id: 'consistency/year-zero',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '汉字年份中的“〇”写错',
    description:
      '用汉字书写的年份中，零应写作“〇”：“二〇二三年”，不写作“二零二三年”。“零”用于数量（“一百零二”）；' +
      '形近的“○”（圆圈符号）、字母“O”“Ｏ”和数字“0”也常被误用。快速修复改为“〇”。',
    standard: 'GB/T 15835-2011《出版物上数字用法》4.1.2、5.2.2（“〇”用于编号、年份）',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const { doc, text } = ctx;
    for (const block of doc.blocks) {
      // The closing date is rewritten in Arabic numerals by consistency/date-format.
      if (block.kind === 'comment' || block.kind === 'date') continue;
      const s = text.slice(block.span.start, block.span.end);
      PATTERN.lastIndex = 0;
      for (let m = PATTERN.exec(s); m; m = PATTERN.exec(s)) {
        if (!/[零○ＯO0]/.test(m[0])) continue;
        const start = block.span.start + m.index;
        const span = { start, end: start + 4 };
        const want = m[0].replace(/[零○ＯO0]/g, '〇');
        ctx.report({
          span,
          message: `汉字年份“${m[0]}年”中的零应写作“〇”，应为“${want}年”`,
          fixes: [{ title: `改为“${want}”`, edits: [{ span, newText: want }] }],
        });
      }
    }
  },
};

export default rule;
