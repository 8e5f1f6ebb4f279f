import type { Block, ParsedReport, Section } from '../../parse/report';
import { changesSince } from '../../parse/incremental';
import { doubled } from '../../doubled';
import type { Rule } from '../../rule';

/** Sentences shorter than this (in characters, marks excluded) repeat legitimately (加强组织领导。). */
const MIN_SENTENCE = 16;
const MIN_PARAGRAPH = 24;

/** FNV-1a over the code units of a text, whitespace skipped (it never makes two sentences differ). */
const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * text[a, b) and text[c, d) are the same once whitespace is skipped. `blank`: whether either holds whitespace;
 * without, two slices compare natively (a repeated paragraph is compared in full, often, at 300k characters).
 */
function sameText(text: string, a: number, b: number, c: number, d: number, blank: boolean): boolean {
  if (!blank) return b - a === d - c && text.slice(a, b) === text.slice(c, d);
  for (;;) {
    while (a < b && CLASS[text.charCodeAt(a)] & BLANK) a++;
    while (c < d && CLASS[text.charCodeAt(c)] & BLANK) c++;
    if (a === b || c === d) return a === b && c === d;
    if (text.charCodeAt(a++) !== text.charCodeAt(c++)) return false;
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
 * Ints per sentence record: hash, start, end of the compared text, end with marks, whitespace in it, and the
 * text's identity (see nextTextId), 0 until it is known.
 */
const R = 6;
const LONG = 1;
const BLANKS = 2;

/**
 * What the paragraphs of a report hold for this rule, in typed arrays (few objects, little garbage): per block
 * with text (spanOf), its span, its heavy sentences as records of R ints relative to the span's start, and the
 * paragraph's hash when it is long enough to count as pasted. All of it depends on the paragraph's text alone.
 */
class Extracts {
  count = 0;
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  /** Each block's first sentence record and number of records (records of R in `sentences`). */
  first = new Int32Array(1024);
  many = new Int32Array(1024);
  paragraph = new Int32Array(1024);
  /** The paragraph's text identity (see nextTextId), 0 until known. */
  paragraphId = new Int32Array(1024);
  /** LONG: the paragraph counts as pasted; BLANKS: it holds whitespace. */
  long = new Uint8Array(1024);
  records = 0;
  sentences = new Int32Array(4096);
  /**
   * Per sentence record, the message of its last finding and where the earlier sentence was (its line, or -1
   * in the same paragraph): a re-check reports the same findings again, mostly, and builds no new messages.
   */
  notes: (string | undefined)[] = [];
  noteWhere = new Int32Array(1024);

  reset(): void {
    this.count = 0;
    this.records = 0;
  }

  /** Room for one more block and `sentences` more sentence records. */
  reserve(sentences: number): void {
    if (this.count === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
      this.first = doubled(this.first);
      this.many = doubled(this.many);
      this.paragraph = doubled(this.paragraph);
      this.paragraphId = doubled(this.paragraphId);
      this.long = doubled(this.long);
    }
    const need = (this.records + sentences) * R;
    if (need > this.sentences.length) {
      const b = new Int32Array(Math.max(need, this.sentences.length * 2));
      b.set(this.sentences);
      this.sentences = b;
      const w = new Int32Array(Math.ceil(b.length / R));
      w.set(this.noteWhere);
      this.noteWhere = w;
    }
  }

  /** Block `k` of `from`, copied (its text is known to be the same). */
  copy(from: Extracts, k: number, start: number, end: number): void {
    const n = from.many[k];
    this.reserve(n);
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.first[i] = this.records;
    this.many[i] = n;
    this.paragraph[i] = from.paragraph[k];
    this.paragraphId[i] = from.paragraphId[k];
    this.long[i] = from.long[k];
    const src = from.sentences;
    const dst = this.sentences;
    for (let a = from.first[k] * R, b = this.records * R, stop = a + n * R; a < stop; a++, b++) dst[b] = src[a];
    for (let a = from.first[k], b = this.records, stop = a + n; a < stop; a++, b++) {
      this.notes[b] = from.notes[a];
      this.noteWhere[b] = from.noteWhere[a];
    }
    this.records += n;
  }

  /** Reads text[start, end). */
  add(text: string, start: number, end: number): void {
    this.reserve(0);
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.first[i] = this.records;
    // Sentences: up to and including 。！？ (a trailing sentence without a mark counts too). One pass: the
    // weight and the hash of the current sentence grow as its characters go by.
    let a = start;
    let w = 0;
    let h = FNV_SEED;
    let blank = 0; // whitespace in the current sentence
    let blanks = 0; // … in the paragraph
    // The paragraph as a whole, for a paragraph pasted twice.
    let pw = 0;
    let ph = FNV_SEED;
    for (let p = start; p <= end; p++) {
      if (p < end) {
        const c = text.charCodeAt(p);
        const f = CLASS[c];
        if (!(f & MARK)) pw++;
        if (!(f & BLANK)) ph = Math.imul(ph ^ c, FNV_PRIME);
        else blanks = 1;
        if (!(f & END)) {
          if (w === 0 && f & CLOSER) {
            a = p + 1;
            h = FNV_SEED;
            blank = 0;
          } else {
            if (!(f & MARK)) w++;
            if (!(f & BLANK)) h = Math.imul(h ^ c, FNV_PRIME);
            else blank = 1;
          }
          continue;
        }
      }
      // A closing quote after the mark belongs to the sentence.
      let b = p < end ? p + 1 : p;
      while (b < end && CLASS[text.charCodeAt(b)] & TRAILER) {
        ph = Math.imul(ph ^ text.charCodeAt(b), FNV_PRIME);
        b++;
      }
      if (w >= MIN_SENTENCE) {
        // Compared without the sentence mark: “……。” and “……！” say the same.
        this.reserve(1);
        const r = this.records++ * R;
        this.sentences[r] = h;
        this.sentences[r + 1] = a - start;
        this.sentences[r + 2] = p - start;
        this.sentences[r + 3] = b - start;
        this.sentences[r + 4] = blank;
        this.sentences[r + 5] = 0;
        this.notes[r / R] = undefined;
      }
      a = b;
      w = 0;
      h = FNV_SEED;
      blank = 0;
      if (p < end) p = b - 1;
    }
    this.many[i] = this.records - this.first[i];
    this.paragraph[i] = ph;
    this.paragraphId[i] = 0;
    this.long[i] = (pw >= MIN_PARAGRAPH ? LONG : 0) | (blanks ? BLANKS : 0);
  }
}

/**
 * The extracts of the report checked last, and a spare set to build the next in. A check re-reads only the
 * paragraphs that lie in the part of the text that changed since (found by comparing the two texts, a native
 * comparison of long slices); the others are copied. A check of another text simply reads everything.
 */
let last: { text: string; x: Extracts } | undefined;
let spare = new Extracts();

function extractsOf(doc: ParsedReport, spans: ({ start: number; end: number } | undefined)[]): Extracts {
  const text = doc.text;
  const x = spare;
  x.reset();
  if (nextTextId > 0x40000000) {
    // Identities would run out: forget the records that carry them.
    last = undefined;
    nextTextId = 1;
  }
  const before = last;
  let same = 0; // text[0, same) is unchanged …
  let after = text.length; // … and text[after, end), which was at offset − delta
  let delta = 0;
  if (before) {
    const r = changesSince(before.text, text, doc.edit);
    same = r.start;
    after = r.newEnd;
    delta = r.newEnd - r.oldEnd;
  }
  let k = 0; // next block of `before` to compare with
  for (const span of spans) {
    if (!span) continue;
    const { start, end } = span;
    if (before && (end <= same || start >= after)) {
      const from = before.x;
      const s = end <= same ? start : start - delta;
      while (k < from.count && from.starts[k] < s) k++;
      if (k < from.count && from.starts[k] === s && from.ends[k] === s + (end - start)) {
        x.copy(from, k, start, end);
        continue;
      }
    }
    x.add(text, start, end);
  }
  spare = before?.x ?? new Extracts();
  last = { text, x };
  return x;
}

/** The text each block contributes: a paragraph, the opening, the body run into a heading. */
function spanOf(block: Block): { start: number; end: number } | undefined {
  if (block.kind === 'paragraph' || block.kind === 'opening') return block.span;
  return block.kind === 'heading' ? block.heading?.bodySpan : undefined;
}

/** Whitespace as /\s/ knows it (for lineCut, without slicing the text). */
const SPACE = new Uint8Array(65536);
for (const c of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') SPACE[c.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;

/**
 * What deleting a repeated paragraph removes: when it fills its line, the line and the line break before it
 * (\n or \r\n); when it shares the line with other text (a heading run into it), only itself.
 */
function lineCut(text: string, lineStarts: number[], line: number, span: { start: number; end: number }): { start: number; end: number } {
  const lineStart = lineStarts[line];
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  const blank = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (!SPACE[text.charCodeAt(i)]) return false;
    return true;
  };
  if (line === 0 || !blank(lineStart, span.start) || !blank(span.end, lineEnd)) return { start: span.start, end: span.end };
  let from = lineStart - 1; // the \n ending the line before
  if (from > 0 && text[from - 1] === '\r') from--;
  let to = lineEnd;
  if (to > 0 && text[to - 1] === '\n') to--;
  if (to > 0 && text[to - 1] === '\r') to--;
  return { start: from, end: to };
}

/**
 * Text identities: texts found equal share one number. A record copied from the last check keeps its number
 * (its text is the same), so that equal texts are recognised again without comparing them: after an edit only
 * the edited paragraph's texts are compared.
 */
let nextTextId = 1;

/**
 * First occurrences by hash, in an open-addressing table of typed arrays (a Map of numbers costs a
 * millisecond per few thousand texts). Entries are (block, start, end, whitespace in it, text identity);
 * texts that share a hash but differ are chained through `next`.
 */
class Registry {
  private keys = new Int32Array(1 << 12);
  /** Entry + 1 of the first text with the key; 0 = empty slot. */
  private slots = new Int32Array(1 << 12);
  private used = 0;
  entries = new Int32Array(E * 1024);
  private next = new Int32Array(1024);
  private count = 0;
  private text = '';
  /** The text identity of the last text looked up. */
  id = 0;

  reset(text: string, expected: number): void {
    this.text = text;
    this.count = 0;
    this.used = 0;
    let size = this.slots.length;
    while (size < expected * 2) size *= 2;
    if (size !== this.slots.length) {
      this.keys = new Int32Array(size);
      this.slots = new Int32Array(size);
    } else this.slots.fill(0);
  }

  /** The entry of the earlier equal text, or -1 after recording this one; `id` is then the text's identity. */
  firstOrAdd(hash: number, block: number, start: number, end: number, blank: number, id: number): number {
    const mask = this.slots.length - 1;
    const entries = this.entries;
    let i = (hash ^ (hash >>> 15)) & mask;
    while (this.slots[i] !== 0 && this.keys[i] !== hash) i = (i + 1) & mask;
    const head = this.slots[i] - 1;
    if (id !== 0) {
      for (let e = head; e !== -1; e = this.next[e]) {
        if (entries[E * e + 4] === id) {
          this.id = id;
          return e;
        }
      }
    }
    let lastSame = -1;
    for (let e = head; e !== -1; e = this.next[e]) {
      const at = E * e;
      if (sameText(this.text, entries[at + 1], entries[at + 2], start, end, (blank | entries[at + 3]) !== 0)) {
        this.id = entries[at + 4];
        return e;
      }
      lastSame = e;
    }
    this.id = id !== 0 ? id : nextTextId++;
    const n = this.count++;
    if (E * this.count > this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
    }
    const at = E * n;
    this.entries[at] = block;
    this.entries[at + 1] = start;
    this.entries[at + 2] = end;
    this.entries[at + 3] = blank;
    this.entries[at + 4] = this.id;
    this.next[n] = -1;
    if (lastSame !== -1) this.next[lastSame] = n;
    else {
      this.keys[i] = hash;
      this.slots[i] = n + 1;
      if (++this.used * 2 > this.slots.length) this.grow();
    }
    return -1;
  }

  private grow(): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Int32Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = (keys[j] ^ (keys[j] >>> 15)) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.slots[i] = slots[j];
    }
  }

  /** The block of an entry. */
  blockOf(e: number): number {
    return this.entries[E * e];
  }
}

/** Ints per registry entry. */
const E = 5;

const paragraphs = new Registry();
const sentences = new Registry();

/** Messages of repeated paragraphs, by the line of the first one. */
const paragraphMessages: string[] = [];

function paragraphMessage(line: number): string {
  return (paragraphMessages[line] ??= `这一段与第${line + 1}行的段落完全相同，是重复粘贴的吗？请删去其中一段`);
}

function topSection(b: Block): Section | undefined {
  let s = b.section;
  while (s?.parent) s = s.parent;
  return s;
}

/** Starts of lead phrases (一是加强组织领导。, paragraph heads): they may be restated in another part (亮点成效). */
function leadStarts(doc: ParsedReport): Set<number> {
  const leads = new Set<number>();
  for (const list of doc.runInLists) for (const item of list.items) leads.add(item.titleSpan.start);
  for (const head of doc.paragraphHeads) leads.add(head.span.start);
  return leads;
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
  // A sentence repeated anywhere in the report: document-wide by nature. Reading the paragraphs is remembered
  // from the last check (extractsOf); what remains per check is linking hashes, and messages for findings only.
  check(ctx) {
    const { doc, text } = ctx;
    const blocks = doc.blocks;
    const spans = blocks.map(spanOf);
    const x = extractsOf(doc, spans);
    paragraphs.reset(text, x.count);
    sentences.reset(text, x.records);
    let leads: Set<number> | undefined;
    const found: number[] = []; // sentence findings of the current block: (entry of the first, start, end with marks, record)
    for (let bi = 0, k = 0; bi < blocks.length; bi++) {
      const span = spans[bi];
      if (!span) continue;
      const block = blocks[bi];
      const base = span.start;
      const xs = x.sentences;
      found.length = 0;
      for (let r = x.first[k] * R, stop = r + x.many[k] * R; r < stop; r += R) {
        const start = base + xs[r + 1];
        const first = sentences.firstOrAdd(xs[r], bi, start, base + xs[r + 2], xs[r + 4], xs[r + 5]);
        xs[r + 5] = sentences.id;
        if (first !== -1) found.push(first, start, base + xs[r + 3], r / R);
      }
      const long = (x.long[k] & LONG) !== 0;
      const blank = x.long[k] & BLANKS;
      const hash = x.paragraph[k];
      k++;
      // A paragraph pasted twice is one finding, not one per sentence.
      if (long) {
        const first = paragraphs.firstOrAdd(hash, bi, span.start, span.end, blank, x.paragraphId[k - 1]);
        x.paragraphId[k - 1] = paragraphs.id;
        if (first !== -1) {
          const cut = lineCut(text, doc.lineStarts, block.line, span);
          ctx.report({
            span: { start: span.start, end: span.end },
            message: paragraphMessage(blocks[paragraphs.blockOf(first)].line),
            fixes: [{ title: '删去重复的这一段', edits: [{ span: cut, newText: '' }], auto: false }],
          });
          continue;
        }
      }
      for (let f = 0; f < found.length; f += 4) {
        const firstBlock = blocks[sentences.blockOf(found[f])];
        const start = found[f + 1];
        const b = found[f + 2];
        // A lead phrase restated in another part of the report (亮点成效 repeating 工作开展情况) is style.
        leads ??= leadStarts(doc);
        if (leads.has(start) && topSection(firstBlock) !== topSection(block)) continue;
        const r = found[f + 3];
        const at = firstBlock === block ? -1 : firstBlock.line;
        let message = x.notes[r];
        if (message === undefined || x.noteWhere[r] !== at) {
          const where = at === -1 ? '本段前面' : `第${at + 1}行`;
          const head = text.slice(start, Math.min(b, start + 14));
          message = `这句话与${where}的句子重复：“${head}${b - start > 14 ? '…' : ''}”，请删去或改写其中一处`;
          x.notes[r] = message;
          x.noteWhere[r] = at;
        }
        const span = { start, end: b };
        ctx.report({
          span,
          message,
          fixes: [{ title: '删去重复的这句话', edits: [{ span, newText: '' }], auto: false }],
        });
      }
    }
  },
};

export default rule;
