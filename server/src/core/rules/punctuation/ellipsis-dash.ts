import type { Rule, RuleContext } from '../../rule';
import { isChineseAt, isDigitCode, isHanAt, isSpaceCode } from '../../text/cjk';
import { nextNonSpace, prevNonSpace, punctView, scanSegments, type Segment } from '../../text/punctuation';

// Ellipsis look-alikes (three or more dots of any kind, runs of …), dash look-alikes (-- －－ runs of —).
const TOKEN = /\.{3,}|。{3,}|．{3,}|[·・]{3,}|…+|-{2,}|－{2,}|—+/g;

/** 等 after an ellipsis means “etc.” unless it starts a word (等待 等到 等于 等级 …). */
const DENG_WORD = '待到候于同级量值额次高身效号';

const rule: Rule = {
  meta: {
    id: 'punctuation/ellipsis-dash',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '省略号、破折号写法不规范',
    description:
      '省略号是六连点“……”（两个“…”），不能写成“...”“。。。”“．．．”“···”或单个“…”；省略号表示列举未尽时' +
      '与“等”“等等”作用相同，二者不能同时使用（“……等”）。破折号是两字长的“——”，不能写成“--”“－－”或' +
      '夹在汉字之间的单个“—”。一字线“—”作连接号（1949—2023、北京—上海）、页码“— 1 —”不在此列。' +
      '快速修复改为标准写法，或删去与“等”重复的省略号。',
    standard: 'GB/T 15834-2011 4.10 破折号、4.11 省略号、4.13 连接号；附录A（省略号与“等”不同时使用）',
    fixable: true,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    scanSegments(view, TOKEN, (m, seg) => {
      const p = m.index;
      const tok = m[0];
      const end = p + tok.length;
      if (view.isProtected(p)) return;
      const c = tok[0];
      if (c === '-' || c === '－' || c === '—') {
        dash(ctx, text, p, end, tok, seg);
        return;
      }
      // An ellipsis look-alike.
      if (c === '.' && !nearChinese(text, p, end, seg)) return;
      if (c === '.' && /^\d+$/.test(text.slice(end, seg.end))) return; // a table-of-contents leader “……5”
      const redundant = dengAround(text, p, end, seg);
      if (redundant) {
        ctx.report({
          span: { start: p, end },
          message: `省略号与“${redundant}”不能同时使用，应删去省略号或“${redundant}”`,
          fixes: [{ title: '删去省略号', edits: [{ span: { start: p, end }, newText: '' }] }],
        });
        return;
      }
      if (c === '…' && (tok.length === 2 || tok.length === 4)) return;
      const message =
        c === '…' ? `省略号应为六连点“……”（两个“…”），此处是${tok.length}个` : `省略号应写作“……”，而不是“${tok}”`;
      ctx.report({ span: { start: p, end }, message, fixes: [{ title: '改为“……”', edits: [{ span: { start: p, end }, newText: '……' }] }] });
    });
  },
};

function nearChinese(text: string, p: number, end: number, seg: Segment): boolean {
  const b = prevNonSpace(text, p, seg.start);
  const a = nextNonSpace(text, end, seg.end);
  return (b !== -1 && isChineseAt(text, b)) || (a !== -1 && isChineseAt(text, a));
}

/** “……等” “……等等” “等……”: the ellipsis repeats 等. Returns the word, or ''. */
function dengAround(text: string, p: number, end: number, seg: Segment): string {
  if (text[end] === '等' && end < seg.end) {
    if (text[end + 1] === '等') return '等等';
    const after = end + 1 < seg.end ? text[end + 1] : '';
    if (after === '' || !isHanAt(text, end + 1) || !DENG_WORD.includes(after)) return '等';
  }
  if (p > seg.start && text[p - 1] === '等' && isHanAt(text, p - 2)) return text[p - 2] === '等' ? '等等' : '等';
  return '';
}

function dash(ctx: RuleContext, text: string, p: number, end: number, tok: string, seg: Segment): void {
  const c = tok[0];
  if (c === '—' && tok.length === 2) return;
  const b = prevNonSpace(text, p, seg.start);
  const a = nextNonSpace(text, end, seg.end);
  if (c === '—' && tok.length === 1) {
    // A single 一字线 between Chinese words is a dash written too short — unless it links two short names
    // (北京—上海, 1949—2023), which is the connector of GB/T 15834-2011 4.13.
    if (b === -1 || a === -1) return;
    const hanBefore = isHanAt(text, b) || '”）》'.includes(text[b]);
    const hanAfter = isHanAt(text, a) || '“（《'.includes(text[a]);
    if (!hanBefore || !hanAfter) return;
    if (hanRun(text, b, -1, seg) < 5 && hanRun(text, a, 1, seg) < 5) return;
    report(ctx, b + 1, a, `破折号应为两字长的“——”，而不是单个“—”`);
    return;
  }
  // -- －－ or three or more —: a dash only between Chinese, never between digits (2023--2024 is a range).
  if (isDigitCode(text.charCodeAt(p - 1)) && isDigitCode(text.charCodeAt(end))) return;
  const chineseBefore = b !== -1 && isChineseAt(text, b);
  const chineseAfter = a !== -1 && isChineseAt(text, a);
  if (!chineseBefore && !chineseAfter) return;
  const start = chineseBefore ? b + 1 : p;
  const stop = chineseAfter ? a : end;
  report(ctx, start, stop, `破折号应写作“——”，而不是“${tok}”`);
}

/** Length of the run of Han characters from `from` in direction `dir`, within the segment. */
function hanRun(text: string, from: number, dir: 1 | -1, seg: Segment): number {
  let n = 0;
  for (let q = from; q >= seg.start && q < seg.end && isHanAt(text, q) && n < 5; q += dir) n++;
  return n;
}

function report(ctx: RuleContext, start: number, end: number, message: string): void {
  const tail = end > start && (isSpaceCode(ctx.text.charCodeAt(start)) || isSpaceCode(ctx.text.charCodeAt(end - 1))) ? '，前后不留空格' : '';
  ctx.report({
    span: { start, end },
    message: message + tail,
    fixes: [{ title: '改为“——”', edits: [{ span: { start, end }, newText: '——' }] }],
  });
}

export default rule;
