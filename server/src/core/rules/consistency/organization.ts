import type { Rule } from '../../rule';

/**
 * Generic parts of an organisation's name: the party prefix, administrative levels, committee and office
 * words. What is left is the name's core (文化和旅游, 农业农村, 宣传); two names of one organisation, full and
 * short, share most of their core (文旅 / 文化和旅游).
 */
const GENERIC = /中国共产党|中共|人民政府|政府|工作委员会|委员会|党工委|党组|党委|办公室|街道|[省市县区乡镇局部委厅办处科室所站中心]/g;

const core = (name: string): string => name.replace(/\s+/g, '').replace(GENERIC, '');

/** How much of the shorter core's characters the longer one has, after the shared place name. */
function sharedShare(a: string, b: string): number {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  a = a.slice(p);
  b = b.slice(p);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const chars = new Set(short);
  let shared = 0;
  for (const c of chars) if (long.includes(c)) shared++;
  return chars.size ? shared / chars.size : 1;
}

const rule: Rule = {
  meta: {
    id: 'consistency/organization',
    category: 'consistency',
    defaultSeverity: 'warning',
    title: '标题与落款的单位不一致',
    description:
      '标题中的发文机关（“××局关于……的报告”或标题上一行的单位名称）与落款署名应是同一单位。' +
      '二者明显不同（标题写“县文化和旅游局”，落款却是“县农业农村局”），多是套用其他单位的报告时漏改。' +
      '全称与简称（“中共××县委员会宣传部”与“××县委宣传部”、“文化和旅游局”与“文旅局”）不在此列。',
    standard: 'GB/T 9704-2012 7.3.1（标题由发文机关名称、事由和文种组成）、7.3.5（署名）',
    fixable: false,
    // Title and 署名 only.
    reads: 'structure',
  },
  check(ctx) {
    const { doc, text } = ctx;
    if (!doc.signature || !doc.title.length) return;
    const lines = doc.title.map((b) => text.slice(b.span.start, b.span.end));
    const joined = lines.join('');
    const at = joined.indexOf('关于');
    if (at < 2) return;
    const org = joined.slice(0, at);
    const sig = text.slice(doc.signature.span.start, doc.signature.span.end);
    const a = core(org);
    const b = core(sig);
    if (a.length < 2 || b.length < 2 || a.includes(b) || b.includes(a)) return;
    if (sharedShare(a, b) > 0.5) return;
    ctx.report({
      span: doc.signature.span,
      message: `落款“${sig}”与标题中的发文机关“${org}”不是同一单位，请核对是否套用了其他单位的报告`,
    });
  },
};

export default rule;
