import { forEachBlockMatch } from '../../blockMatches';
import type { Rule } from '../../rule';

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

/** Every placeholder form contains one of these: blocks without any are skipped (most of a report). */
const TRIGGER = /[Xx×*○◯〇□【〔]|（[ 　]/;

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
    forEachBlockMatch(
      ctx.doc,
      PLACEHOLDER,
      (m, start) => ctx.report({ span: { start, end: start + m[0].length }, message: `占位符“${m[0]}”尚未填写，请替换为实际内容` }),
      TRIGGER,
    );
  },
};

export default rule;
