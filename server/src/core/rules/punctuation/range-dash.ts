import type { Rule } from '../../rule';
import { isDigitCode, isSpaceCode } from '../../text/cjk';
import { punctView, scanSegments } from '../../text/punctuation';

// The connector of a range: a hyphen (1-6月, 3-4次), a half-width tilde (3~4次) or a full-width hyphen.
// Scanned from the connector (rare in Chinese text) and checked by hand on both sides.
const CONNECTOR = /[-－~]+/g;
/** Units after the second number that make “a-b” a range: 1-6月 3-4次 5-10人 2.5-3%. */
const UNIT = /^(?:年|月|日|时|个?小时|周岁|岁|天|次|个|人|名|%|％|万|亿|千|百|元|项|件|家|所|批|期|届|场|篇|条|倍)/;
const TIME_UNIT = /^(?:月|日|时)$/;
const NUMBERISH = /[0-9.]/;
const JOINER = /[0-9.\-－~]/;

const rule: Rule = {
  meta: {
    id: 'punctuation/range-dash',
    category: 'punctuation',
    defaultSeverity: 'info',
    title: '范围的连接号不规范',
    description:
      '标示时间、地域的起止用一字线“—”（1—6月，2023—2024年），标示数值范围用浪纹线“～”（3～4次，5～10人），' +
      '也可写作“至”。短横线“-”用于日期（2023-12-31）、电话号码、门牌号、产品型号等，不用于标示范围；' +
      '半角“~”也不用于中文。不少人习惯写“1-6月”，因此只作提示。快速修复改为“—”或“～”。',
    standard: 'GB/T 15834-2011 4.13.3（连接号的用法）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, CONNECTOR, (m, seg) => {
      if (m[0].length !== 1 || view.isProtected(m.index)) return;
      let start = m.index;
      let end = start + 1;
      while (start > seg.start && isSpaceCode(text.charCodeAt(start - 1))) start--;
      while (end < seg.end && isSpaceCode(text.charCodeAt(end))) end++;
      // Right: a number.
      let r = end;
      while (r < seg.end && NUMBERISH.test(text[r])) r++;
      if (r === end || !isDigitCode(text.charCodeAt(end)) || (r < seg.end && JOINER.test(text[r]))) return;
      const before = text[start - 1];
      let want: string;
      if ('年月日'.includes(before) && isDigitCode(text.charCodeAt(start - 2))) {
        // 2023年1月-6月, 2023年-2024年: a span of time, when the right side has its unit too.
        if (!'年月日'.includes(text[r])) return;
        want = '—';
      } else {
        let l = start;
        while (l > seg.start && NUMBERISH.test(text[l - 1])) l--;
        if (l === start || !isDigitCode(text.charCodeAt(start - 1))) return;
        if (l > seg.start && JOINER.test(text[l - 1])) return; // 2023-12-31, 3-2-11室
        const unit = UNIT.exec(text.slice(r, Math.min(seg.end, r + 3)));
        if (!unit) return;
        // 1—6月, 2023—2024年 are spans of time; 3～4次, 2～3年 amounts.
        want = TIME_UNIT.test(unit[0]) || (unit[0] === '年' && start - l === 4) ? '—' : '～';
      }
      const raw = text.slice(start, end).trim();
      const what = want === '—' ? '时间范围用一字线“—”' : '数值范围用浪纹线“～”';
      ctx.report({
        span: { start, end },
        message: `${what}，而不是“${raw}”`,
        fixes: [{ title: `改为“${want}”`, edits: [{ span: { start, end }, newText: want }] }],
      });
    });
  },
};

export default rule;
