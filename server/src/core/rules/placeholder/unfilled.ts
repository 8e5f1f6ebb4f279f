import { wholeReport, type Rule } from '../../rule';

// Measure words and units that follow a single X standing for a number (X次, X个, X月X日, 第X届 …).
const UNIT = '年月日次个名人位项场期批家所件篇条万千百亿元届周岁天户村镇乡县市省区台部处支座辆份组队点轮';
const X = '[Xx×]';

/**
 * Placeholder forms, most specific first so that “XXXX年X月X日” is one finding, not four.
 * Latin-letter context is excluded by the lookarounds (Xbox, XML, 3×4 are not placeholders).
 */
const PLACEHOLDER = new RegExp(
  [
    // dates: XXXX年X月X日, **年*月*日, X月X日, XX日
    `(?<![A-Za-z])(?:${X}{1,4}|\\*{1,4}|[○□]{1,4})年(?:${X}{1,2}|\\*{1,2}|[○□]{1,2})月(?:(?:${X}{1,2}|\\*{1,2}|[○□]{1,2})日)?`,
    `(?<![A-Za-z0-9])${X}{1,2}月${X}{1,2}日`,
    // XX, xx, ××, XXX … (not inside a Latin word)
    `(?<![A-Za-z])${X}{2,}(?![A-Za-z])`,
    // a single X for a number: 第X届, X次, x个 (not in a Latin word, not 3×4 multiplication)
    `(?<=第)${X}(?![A-Za-z])`,
    `(?<![A-Za-z0-9])${X}(?=[${UNIT}])`,
    // **, ***, ○○, □, 〇〇 standing alone (二〇〇〇年 is a year, not a placeholder)
    `\\*{2,}`,
    `[○◯]{2,}`,
    `(?<![一二三四五六七八九〇零])〇{2,}(?![一二三四五六七八九〇零年])`,
    `□+`,
    // 【待补充】【待定】【XX】 and empty fill-in brackets 【】 〔 〕 （　）
    `【[^【】\\n]{0,12}(?:待|补充|填写|填入|暂定)[^【】\\n]{0,12}】`,
    `【[\\s　]*】|〔[\\s　]*〕|（[ 　]+）`,
  ].join('|'),
  'gu',
);

/**
 * Every placeholder starts with one of these (a match of PLACEHOLDER can start nowhere else): the pattern is
 * tried only there, sticky, which finds the same matches as its scan of the whole block, without trying its
 * dozen alternatives at every character.
 */
const TRIGGER = /[Xx×*○◯〇□【〔]|（[ 　]/g;
const AT = new RegExp(PLACEHOLDER.source, 'uy');

const rule: Rule = {
  meta: {
    id: 'placeholder/unfilled',
    category: 'placeholder',
    defaultSeverity: 'error',
    title: '占位符未填写',
    description:
      '报告中仍有模板占位符（XX、xx、××、X月X日、X次、第X届、**、***、○○、□、【待补充】、空括号等），' +
      '说明有内容尚未填写。报送前必须替换为实际内容，否则属于明显差错。',
    standard: '公文校对通行要求（占位符未填充）',
    fixable: false,
    scope: 'block',
  },
  check(ctx) {
    const { doc, text } = ctx;
    // The triggers of the whole text in one scan, then the blocks they fall in; a few blocks (a re-check) are
    // scanned each by itself.
    const whole = wholeReport(doc) === doc;
    if (whole) TRIGGER.lastIndex = 0;
    let next = whole ? nextTrigger(text) : -1;
    for (const block of doc.blocks) {
      if (block.kind === 'comment') continue;
      const { start, end } = block.span;
      if (whole) {
        while (next !== -1 && next < start) next = nextTrigger(text);
        if (next === -1 || next >= end) continue;
      }
      const body = text.slice(start, end);
      TRIGGER.lastIndex = 0;
      let from = 0; // the end of the last placeholder: a trigger before it lies inside it
      for (let t = TRIGGER.exec(body); t; t = TRIGGER.exec(body)) {
        if (t.index < from) continue;
        AT.lastIndex = t.index;
        const m = AT.exec(body);
        if (!m) continue;
        from = t.index + m[0].length;
        TRIGGER.lastIndex = from;
        const at = start + t.index;
        ctx.report({ span: { start: at, end: at + m[0].length }, message: `占位符“${m[0]}”尚未填写，请替换为实际内容` });
      }
      if (whole) {
        TRIGGER.lastIndex = end;
        next = nextTrigger(text);
      }
    }
  },
};

/** The offset of the next trigger in the whole text (TRIGGER.lastIndex on), or -1. */
function nextTrigger(text: string): number {
  const t = TRIGGER.exec(text);
  return t ? t.index : -1;
}

export default rule;
