import type { DictionaryHit } from '../../dict/matcher';
import type { Rule, RuleContext } from '../../rule';
import { knownEnds, straddles } from '../../typo/engine';

/**
 * Known wrong → right forms from the typo dictionaries (shipped typos.yml plus the users'). A literal match
 * that straddles two words of the best segmentation (“按装” in “按装修标准”) is not a typo; neither is one
 * inside a word the user declared known.
 */
const rule: Rule = {
  meta: {
    id: 'typo/dictionary',
    category: 'typo',
    defaultSeverity: 'error',
    title: '错别字（词典）',
    description:
      '按错别字词典查找常见的错误写法，如“再接再励”应为“再接再厉”、“布署”应为“部署”、“一如继往”应为“一如既往”。' +
      '内置词典收录数百条公文中常见的错别字、异形词和成语误写，每条注明依据；可在工作区词典中补充。' +
      '与语境有关的条目（如“制订/制定”“做出/作出”）只作为警告并给出说明，不自动修改；其余为错误，快速修复改为正确写法。' +
      '跨越词语边界的匹配（如“按装修标准”中的“按装”）和用户声明的词语不会报告。',
    standard: '《现代汉语词典》第7版；《第一批异形词整理表》（GF 1001—2001）；《通用规范汉字表》（2013）',
    fixable: true,
    scope: 'block',
  },
  check(ctx) {
    const matcher = ctx.resources.matchers.typo;
    if (!matcher.entries.length) return;
    for (const block of ctx.doc.blocks) {
      if (block.kind === 'comment') continue;
      if (ctx.isCancelled?.()) return;
      const { start, end } = block.span;
      const hits = matcher.find(ctx.text, start, end);
      if (!hits.length) continue;
      const known = knownEnds(ctx.text, start, end, ctx.resources.knownWords);
      for (const h of hits) {
        if (known && overlapsKnown(known, start, h)) continue;
        if (straddles(ctx.text, h.start, h.end, known, start, start, end)) continue;
        report(ctx, h);
      }
    }
  },
};

/** Does a known word occurrence overlap the hit? */
function overlapsKnown(known: Int32Array, base: number, h: DictionaryHit): boolean {
  for (let s = Math.max(base, h.start - 16); s < h.end; s++) if (known[s - base] > h.start) return true;
  return false;
}

function report(ctx: RuleContext, h: DictionaryHit): void {
  const wrong = ctx.text.slice(h.start, h.end);
  const e = h.entry;
  const span = { start: h.start, end: h.end };
  if (e.context) {
    ctx.report({
      span,
      message: `“${wrong}”可能应为“${e.expected}”${e.note ? `：${e.note}` : '，请根据语境判断。'}`,
      severity: e.severity ?? 'warning',
    });
    return;
  }
  ctx.report({
    span,
    message: `错别字：“${wrong}”应为“${e.expected}”${e.note ? `（${e.note}）` : ''}`,
    severity: e.severity ?? 'error',
    fixes: [{ title: `改为“${e.expected}”`, edits: [{ span, newText: e.expected }] }],
  });
}

export default rule;
