import type { Rule } from '../../rule';
import type { Fix } from '../../types';
import { findTypos, type TypoFinding } from '../../typo/engine';

/**
 * Unseen typos: a character that forms no word with its neighbours, where swapping it (or a character next
 * to it) for one of similar sound or shape gives a common word and a much more probable sentence; and
 * words that are right alone but wrong in their collocation (“复杂的形式” → 形势). See core/typo/.
 */
const rule: Rule = {
  meta: {
    id: 'typo/confusion',
    category: 'typo',
    defaultSeverity: 'warning',
    title: '疑似错别字（音近形近）',
    description:
      '发现词典未收录的错别字：某个字与前后文组不成词，而换成读音相同或相近（同音、近音）、字形相似（形近）的字后，' +
      '能组成常用词语、整句也通顺得多（按词频对全句分词打分），就提示“疑似错别字”，如“贯沏落实”中“沏”可能应为“彻”。' +
      '也检查公文常见搭配中的错字，如“面对复杂的形式”中“形式”应为“形势”。这是统计判断，只作警告；' +
      '地名、人名、数字和用户声明的词语（工作区词典的 words）不会报告。快速修复只替换疑似错字本身。',
    standard: '《现代汉语词典》第7版；《通用规范汉字表》（2013）；词频据 jieba 词典',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const dictionary = ctx.resources.matchers.typo;
    for (const block of ctx.doc.blocks) {
      if (block.kind === 'comment') continue;
      if (ctx.isCancelled?.()) return;
      const { start, end } = block.span;
      const found = findTypos(ctx.text, start, end, ctx.resources.knownWords);
      if (!found.length) continue;
      // What the dictionary rule reports is not reported twice.
      const known = dictionary.entries.length ? dictionary.find(ctx.text, start, end) : [];
      for (const f of found) {
        if (known.some((h) => h.start < f.end && f.start < h.end)) continue;
        ctx.report({ span: { start: f.start, end: f.end }, message: message(ctx.text, f), fixes: [fix(ctx.text, f)] });
      }
    }
  },
};

function message(text: string, f: TypoFinding): string {
  const whole = text.slice(f.start, f.end);
  if (f.words.length === 1 && f.words[0].wrong === whole) return `疑似错别字：“${whole}”可能应为“${f.words[0].right}”`;
  return `疑似错别字：“${whole}”中${f.words.map((w) => `“${w.wrong}”可能应为“${w.right}”`).join('，')}`;
}

// A suspected typo's correction is a guess: offered as a quick fix, never applied by fix-all or fix on save.
function fix(text: string, f: TypoFinding): Fix {
  let corrected = '';
  let pos = f.start;
  for (const e of f.edits) {
    corrected += text.slice(pos, e.at) + e.to;
    pos = e.at + e.from.length;
  }
  corrected += text.slice(pos, f.end);
  return {
    title: `改为“${corrected}”`,
    edits: f.edits.map((e) => ({ span: { start: e.at, end: e.at + e.from.length }, newText: e.to })),
    auto: false,
  };
}

export default rule;
