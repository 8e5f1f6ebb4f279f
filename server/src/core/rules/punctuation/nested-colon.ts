import type { Rule } from '../../rule';
import { punctView, scanSegments, type Segment } from '../../text/punctuation';

/** What ends the reach of a colon: a clause or sentence mark, or a space (label lists: 主持人：张三 记录：李四). */
const BOUNDARY = '。！？；，\t \u3000';

const rule: Rule = {
  meta: {
    id: 'punctuation/nested-colon',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '冒号套用',
    description:
      '一个句子内部一般不套用冒号：“会议强调：各单位要：把……”中第二个冒号多余，应删去或改写。引号、括号、' +
      '书名号里的冒号，以及被逗号、分号、句号或空格隔开的“时间：……；地点：……”不在此列。删去哪个冒号需要' +
      '按语意判断，因此不自动修复。',
    standard: 'GB/T 15834-2011 4.7（冒号）、附录A（一个句子内部一般不应套用冒号）',
    fixable: false,
    // Each finding lies in one block and depends on that block alone.
    scope: 'block',
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    // Only segments with two or more colons need a look; found in one pass over the text.
    let lastSeg: Segment | undefined;
    let firstColon = -1;
    scanSegments(view, COLON, (m, seg) => {
      if (seg !== lastSeg) {
        lastSeg = seg;
        firstColon = m.index;
        return;
      }
      if (firstColon === -1) return; // this segment is done
      scanColons(text, firstColon, seg.end, (p) =>
        ctx.report({ span: { start: p, end: p + 1 }, message: '一个句子内部不宜套用冒号，此处冒号多余' }),
      );
      firstColon = -1;
    });
  },
};

const COLON = /：/g;

function scanColons(text: string, from: number, end: number, found: (p: number) => void): void {
  let open = -1; // the colon whose reach we are in
  let depth = 0; // inside quotes or brackets
  for (let p = from; p < end; p++) {
    const c = text[p];
    if (c === '“' || c === '（' || c === '《' || c === '‘' || c === '【') depth++;
    else if ((c === '”' || c === '）' || c === '》' || c === '’' || c === '】') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (BOUNDARY.includes(c)) open = -1;
    else if (c === '：') {
      if (open !== -1) found(p);
      open = p;
    }
  }
}

export default rule;
