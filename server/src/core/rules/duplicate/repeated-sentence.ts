import type { Block, Section } from '../../parse/report';
import type { Rule } from '../../rule';

/** Sentences shorter than this (in characters, marks excluded) repeat legitimately (加强组织领导。). */
const MIN_SENTENCE = 16;
const MIN_PARAGRAPH = 24;


/** FNV-1a over the code units of text[start, end), whitespace skipped (it never makes two sentences differ). */
const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_SEED;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (CLASS[c] & BLANK) continue;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}

/** text[a, b) and text[c, d) are the same once whitespace is skipped. */
function sameText(text: string, a: number, b: number, c: number, d: number): boolean {
  for (;;) {
    while (a < b && CLASS[text.charCodeAt(a)] & BLANK) a++;
    while (c < d && CLASS[text.charCodeAt(c)] & BLANK) c++;
    if (a === b || c === d) return a === b && c === d;
    if (text.charCodeAt(a++) !== text.charCodeAt(c++)) return false;
  }
}

interface Seen {
  block: Block;
  start: number;
  /** End of the compared text (a sentence without its final mark). */
  end: number;
}

/** Remembers texts by hash; returns the earlier equal one, or records this one. */
class Registry {
  private byHash = new Map<number, Seen[]>();
  constructor(private readonly text: string) {}
  firstOrAdd(entry: Seen, hash?: number): Seen | undefined {
    const h = hash ?? hashOf(this.text, entry.start, entry.end);
    const list = this.byHash.get(h);
    if (!list) {
      this.byHash.set(h, [entry]);
      return undefined;
    }
    const same = list.find((e) => sameText(this.text, e.start, e.end, entry.start, entry.end));
    if (!same) list.push(entry);
    return same;
  }
}

/** One table for the hot loop: what each code unit is to a sentence. */
const END = 1; // 。！？ ends a sentence
const MARK = 2; // does not count towards its length
const BLANK = 4; // never makes two sentences differ
const CLOSER = 8; // left over before a sentence (a space, the previous sentence's closing quote)
const TRAILER = 16; // a closing quote or bracket after the mark still belongs to the sentence
const CLASS = new Uint8Array(65536);
const mark = (chars: string, bit: number): void => {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)] |= bit;
};
mark('。！？!?', END);
mark('，。、；：！？“”‘’（）《》,.;:!?()"\' \t\u3000', MARK);
mark(' \t\u3000\u00a0\r\n', BLANK);
mark('”’） \t\u3000', CLOSER);
mark('”’）', TRAILER);

/**
 * What deleting a repeated paragraph removes: when it fills its line, the line and the line break before it
 * (\n or \r\n); when it shares the line with other text (a heading run into it), only itself.
 */
function lineCut(text: string, lineStarts: number[], line: number, span: { start: number; end: number }): { start: number; end: number } {
  const lineStart = lineStarts[line];
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  const blank = (a: number, b: number): boolean => /^[\s\u3000]*$/.test(text.slice(a, b));
  if (line === 0 || !blank(lineStart, span.start) || !blank(span.end, lineEnd)) return span;
  let from = lineStart - 1; // the \n ending the line before
  if (from > 0 && text[from - 1] === '\r') from--;
  let to = lineEnd;
  if (to > 0 && text[to - 1] === '\n') to--;
  if (to > 0 && text[to - 1] === '\r') to--;
  return { start: from, end: to };
}

const rule: Rule = {
  meta: {
    id: 'duplicate/repeated-sentence',
    category: 'duplicate',
    defaultSeverity: 'warning',
    title: '句子或段落重复',
    description:
      '同一个句子或整段文字在报告中出现了两次，多是从别处粘贴或改稿时留下的。请删去重复的一处，' +
      '或改写其中一处。很短的句子（如“加强组织领导。”）在不同部分重复出现属正常，不在此列。' +
      '快速修复删去后一处（不参与“修复全部”：也许应改写而不是删除）。',
    standard: '公文校对通行要求（内容重复）',
    fixable: true,
  },
  check(ctx) {
    const { doc, text } = ctx;
    const lineOf = (b: Block): number => b.line + 1;
    const topSection = (b: Block): Section | undefined => {
      let s = b.section;
      while (s?.parent) s = s.parent;
      return s;
    };
    const paragraphs = new Registry(text);
    const sentences = new Registry(text);
    // Lead phrases (一是加强组织领导。, paragraph heads) may be restated in another part (亮点成效).
    const leads = new Set<number>();
    for (const list of doc.runInLists) for (const item of list.items) leads.add(item.titleSpan.start);
    for (const head of doc.paragraphHeads) leads.add(head.span.start);
    for (const block of doc.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'opening' && block.kind !== 'heading') continue;
      const span = block.kind === 'heading' ? block.heading?.bodySpan : block.span;
      if (!span) continue;
      // Sentences: up to and including 。！？ (a trailing sentence without a mark counts too). One pass:
      // the weight and the hash of the current sentence grow as its characters go by.
      let a = span.start;
      let w = 0;
      let h = FNV_SEED;
      // The paragraph as a whole, for a paragraph pasted twice.
      let pw = 0;
      let ph = FNV_SEED;
      const found: { start: number; end: number; message: string }[] = [];
      for (let p = span.start; p <= span.end; p++) {
        if (p < span.end) {
          const c = text.charCodeAt(p);
          const f = CLASS[c];
          if (!(f & MARK)) pw++;
          if (!(f & BLANK)) ph = Math.imul(ph ^ c, FNV_PRIME);
          if (!(f & END)) {
            if (w === 0 && f & CLOSER) {
              a = p + 1;
              h = FNV_SEED;
            } else {
              if (!(f & MARK)) w++;
              if (!(f & BLANK)) h = Math.imul(h ^ c, FNV_PRIME);
            }
            continue;
          }
        }
        // A closing quote after the mark belongs to the sentence.
        let b = p < span.end ? p + 1 : p;
        while (b < span.end && CLASS[text.charCodeAt(b)] & TRAILER) {
          ph = Math.imul(ph ^ text.charCodeAt(b), FNV_PRIME);
          b++;
        }
        const start = a;
        const markAt = p;
        const hash = h >>> 0;
        const heavy = w >= MIN_SENTENCE;
        a = b;
        w = 0;
        h = FNV_SEED;
        if (p < span.end) p = b - 1;
        if (!heavy) continue;
        // Compared without the sentence mark: “……。” and “……！” say the same.
        const first = sentences.firstOrAdd({ block, start, end: Math.min(markAt, span.end) }, hash);
        if (!first) continue;
        // A lead phrase restated in another part of the report (亮点成效 repeating 工作开展情况) is style.
        if (leads.has(start) && topSection(first.block) !== topSection(block)) continue;
        const where = first.block === block ? '本段前面' : `第${lineOf(first.block)}行`;
        const head = text.slice(start, Math.min(b, start + 14));
        found.push({ start, end: b, message: `这句话与${where}的句子重复：“${head}${b - start > 14 ? '…' : ''}”，请删去或改写其中一处` });
      }
      // A paragraph pasted twice is one finding, not one per sentence.
      if (pw >= MIN_PARAGRAPH) {
        const first = paragraphs.firstOrAdd({ block, start: span.start, end: span.end }, ph >>> 0);
        if (first) {
          const cut = lineCut(text, doc.lineStarts, block.line, span);
          ctx.report({
            span,
            message: `这一段与第${lineOf(first.block)}行的段落完全相同，是重复粘贴的吗？请删去其中一段`,
            fixes: [{ title: '删去重复的这一段', edits: [{ span: cut, newText: '' }], auto: false }],
          });
          continue;
        }
      }
      for (const f of found) {
        const span = { start: f.start, end: f.end };
        ctx.report({ span, message: f.message, fixes: [{ title: '删去重复的这句话', edits: [{ span, newText: '' }], auto: false }] });
      }
    }
  },
};

export default rule;
