import type { Block } from '../../parse/report';
import type { ReportedFinding, Rule } from '../../rule';
import { isAlnumCode, isHanAt } from '../../text/cjk';
import { punctView } from '../../text/punctuation';

/** Lines that are not sentences: contacts, 抄送, notes, attachments. */
const NOT_A_SENTENCE = /^(?:联系人|联系电话|电话|抄送|附件|附：|注：|备注|（此页|（此件)/;
/** A paragraph worth checking: long enough and written in clauses. */
const IS_PROSE = /[，。；]/;

const rule: Rule = {
  meta: {
    id: 'punctuation/paragraph-end',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '段末标点缺失或不当',
    description:
      '正文段落是完整的句子，末尾应有句末点号（多为句号）：段末漏了句号、以逗号或顿号结尾，多为删改时遗漏。' +
      '分项各自成段时前几项可用分号，但一组分项的最后一项（其后是标题或正文结束）应以句号结尾。' +
      '导语末尾的“报告如下”后应加冒号。标题、主送机关、署名、日期、附件说明、联系人等不是句子，不检查；' +
      '很短或没有逗号的行也不检查；从 PDF 粘贴、句中断行的文本（多数段落末尾都没有标点）不检查。快速修复补上或改为句号（“如下”后补冒号）。',
    standard: 'GB/T 15834-2011 3.1.1（句末点号）、4.1.3.1（句号用于句子末尾）、4.6.3.3（分项列举的最后一项用句号）',
    fixable: true,
  },
  check(ctx) {
    const view = punctView(ctx.doc);
    const { text } = view;
    const blocks = ctx.doc.blocks;
    const found: ReportedFinding[] = [];
    let prose = 0;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (!isBody(block)) continue;
      const end = block.span.end;
      const start = block.kind === 'heading' ? block.heading!.bodySpan!.start : block.span.start;
      if (end - start < 15) continue;
      const body = text.slice(start, end);
      if (NOT_A_SENTENCE.test(body) || !IS_PROSE.test(body.slice(0, -1))) continue;
      if (body.startsWith('（') && body.endsWith('）')) continue;
      prose++;
      const last = text[end - 1];
      if (last === '，' || last === '、') {
        found.push({
          span: { start: end - 1, end },
          message: `段落不应以“${last}”结尾，段末应为句号`,
          fixes: [{ title: '改为“。”', edits: [{ span: { start: end - 1, end }, newText: '。' }] }],
        });
      } else if (last === '；' || last === ';') {
        if (!endsAList(blocks, b)) continue;
        found.push({
          span: { start: end - 1, end },
          message: '分项的最后一项末尾应用句号，而不是分号',
          fixes: [{ title: '改为“。”', edits: [{ span: { start: end - 1, end }, newText: '。' }] }],
        });
      } else if (isHanAt(text, end - 1) || isAlnumCode(text.charCodeAt(end - 1)) || '”’）》%'.includes(last)) {
        // “……入心。”  （详见附件。）: the sentence ended inside the closing quote or bracket.
        let q = end - 1;
        while (q > start && '”’）》】'.includes(text[q])) q--;
        if (q < end - 1 && '。？！…'.includes(text[q])) continue;
        const colon = body.endsWith('如下');
        found.push({
          span: { start: end - 1, end },
          message: colon ? '“如下”之后应加冒号“：”' : '段落末尾缺少句号',
          fixes: [{ title: colon ? '补上“：”' : '补上“。”', edits: [{ span: { start: end - 1, end }, newText: last + (colon ? '：' : '。') }] }],
        });
      }
    }
    // Text pasted from a PDF keeps its line breaks inside sentences: when many “paragraphs” end without a
    // mark, they are lines, not paragraphs, and this rule has nothing to say.
    if (found.length >= 5 && found.length * 10 >= prose * 4) return;
    for (const f of found) ctx.report(f);
  },
};

function isBody(block: Block): boolean {
  if (block.kind === 'paragraph' || block.kind === 'opening') return true;
  return block.kind === 'heading' && block.heading?.bodySpan !== undefined;
}

/** The paragraph is the last of its run: a heading, the back matter or the end of the text follows. */
function endsAList(blocks: readonly Block[], b: number): boolean {
  for (let n = b + 1; n < blocks.length; n++) {
    const k = blocks[n].kind;
    if (k === 'comment') continue;
    return k !== 'paragraph';
  }
  return true;
}

export default rule;
