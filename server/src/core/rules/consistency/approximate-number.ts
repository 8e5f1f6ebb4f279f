import { occurrences } from '../../consistency/context';
import type { Rule } from '../../rule';

/** Measure words and units after 余/多 (13余次, 1236余人, 25多个). */
const UNIT = new Set(
  '人次个名位项场期批家所件篇条元届周岁天户村镇乡县市省区台部处支座辆份组队点轮套本册幅间栋起宗例首门课讲班节堂米亩吨斤公里小时分钟万千百亿'.split(''),
);
const DIGIT = /[0-9０-９]/;
const CN = '一二三四五六七八九十百千零';
/** Before a count: a decimal point, a range or another number makes it something else (1.5余, 3-5余). */
const BLOCKS_COUNT = /[.．\-—~～至到]/;

/** A count that can carry 余/多: a whole ten, hundred, thousand … (10余, 200多, 1000余). */
function isRound(s: string): boolean {
  if (DIGIT.test(s[0])) {
    const n = Number(s.replace(/,/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    return n >= 10 && n % 10 === 0;
  }
  return /[十百千]$/.test(s);
}

/** A Chinese count ending in a units digit (十三, 二十五, 一百零五, 三千二百一十二), not a lone digit (三余). */
const CN_COUNT = /^(?:[一二三四五六七八九]?十[一二三四五六七八九]|[一二三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)|[一二三四五六七八九]千[零一二三四五六七八九十百]+)$/;

const rule: Rule = {
  meta: {
    id: 'consistency/approximate-number',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '确数后误加“余”“多”',
    description:
      '“余”“多”表示约数，只能跟在整十、整百、整千等概数之后（“10余次”“1000余人”“二十多场”）。' +
      '“1236余人”“开展培训13余次”“十五多个”把确数写成了约数，自相矛盾：确数应删去“余”“多”（“13次”），' +
      '约数应取整（“10余次”）。哪一种由作者判断：两种改法都作为快速修复提供，但不参与“修复全部”。',
    standard: 'GB/T 15835-2011《出版物上数字用法》；公文校对通行要求（确数与约数）',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const { doc, text } = ctx;
    for (const block of doc.blocks) {
      if (block.kind === 'comment' || block.kind === 'date') continue;
      const lo = block.span.start;
      const hi = block.span.end;
      for (const mark of ['余', '多']) {
        for (const at of occurrences(text, mark, lo, hi)) {
          if (at + 1 >= hi || !UNIT.has(text[at + 1]) || at === lo) continue;
          let s = at;
          const arabic = DIGIT.test(text[at - 1]);
          // Thousands separators belong to the number: 9,000余人.
          if (arabic) while (s > lo && (DIGIT.test(text[s - 1]) || (text[s - 1] === ',' && s - 2 >= lo && DIGIT.test(text[s - 2])))) s--;
          else while (s > lo && CN.includes(text[s - 1])) s--;
          if (s === at || (s > lo && BLOCKS_COUNT.test(text[s - 1]))) continue;
          const count = text.slice(s, at);
          if (!arabic && !CN_COUNT.test(count)) continue;
          if (isRound(count)) continue;
          const round = approx(count);
          ctx.report({
            span: { start: s, end: at + 1 },
            message: `“${count}”是确数，后面不能再加“${mark}”：写确数应删去“${mark}”，写约数应取整（如“${round}${mark}”）`,
            // Which one the writer meant is theirs to say: both are quick fixes, neither runs in fix-all.
            fixes: [
              { title: `删去“${mark}”（写确数“${count}”）`, edits: [{ span: { start: at, end: at + 1 }, newText: '' }], auto: false },
              { title: `改为约数“${round}${mark}”`, edits: [{ span: { start: s, end: at }, newText: round }], auto: false },
            ],
          });
        }
      }
    }
  },
};

function approx(s: string): string {
  if (/^[0-9,]+$/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    const magnitude = n >= 100 ? 10 ** (String(n).length - 1) : 10;
    return String(Math.max(10, Math.floor(n / magnitude) * magnitude));
  }
  return s.replace(/[一二三四五六七八九]$/, '').replace(/零$/, '') || '十';
}

export default rule;
