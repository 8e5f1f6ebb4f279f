/**
 * The report tree → the paragraphs of the Word file, as plain data (no docx objects): which style, which runs in
 * which face, which computed indents. `docx.ts` turns the plan into WordprocessingML. Comment lines are left out.
 */
import type { Block, ParsedReport } from '../parse/report';
import { attachmentIndent, signatureIndents } from './layout';
import type { SignatureLayout } from './options';

export type ParagraphKind = 'title' | 'blank' | 'recipient' | 'body' | 'heading' | 'attachment' | 'signature' | 'date';
/** Which configured face a run uses (三、四级标题 use the body face). */
export type Face = 'title' | 'body' | 'heading1' | 'heading2';

export interface PlannedRun {
  text: string;
  face: Face;
}

export interface PlannedParagraph {
  kind: ParagraphKind;
  /** 1–4 for headings. */
  level?: 1 | 2 | 3 | 4;
  runs: PlannedRun[];
  /** Twips; only where the style's indent does not apply (附件说明, 署名, 成文日期). */
  indent?: { left?: number; right?: number; hanging?: number };
  /** A heading that stands alone is kept with the next paragraph. */
  keepNext?: boolean;
}

const SENTENCE_END = /[。！？!?]$/;
/** Blank lines above the 署名 (or the date): sealed leaves room for the seal's top within a line of the text. */
const BLANKS_BEFORE_SIGNATURE: Record<SignatureLayout, number> = { sealed: 2, unsealed: 1 };

const HEADING_FACE: Record<1 | 2 | 3 | 4, Face> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

export function planParagraphs(parsed: ParsedReport, signature: SignatureLayout): PlannedParagraph[] {
  const { text } = parsed;
  const slice = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  const out: PlannedParagraph[] = [];
  const blank = (): void => void out.push({ kind: 'blank', runs: [] });
  const blocks = parsed.blocks.filter((b) => b.kind !== 'comment');
  let afterTitle = false;
  let attachmentsStarted = false;
  let signatureStarted = false;
  const firstAttachment = parsed.attachments[0] ? slice(parsed.attachments[0].span) : '';

  for (const block of blocks) {
    if (block.kind === 'title') {
      out.push({ kind: 'title', runs: [{ text: slice(block.span), face: 'title' }] });
      afterTitle = true;
      continue;
    }
    if (afterTitle) {
      blank(); // 主送机关 “编排于标题下空一行位置” (7.3.2)
      afterTitle = false;
    }
    switch (block.kind) {
      case 'recipient':
        // 7.3.2: the 主送机关 ends in a full-width colon.
        out.push({ kind: 'recipient', runs: [{ text: slice(block.span).replace(/:$/, '：'), face: 'body' }] });
        break;
      case 'heading':
        out.push(...headingParagraphs(text, block));
        break;
      case 'attachment': {
        if (!attachmentsStarted) blank(); // 正文下空一行 (7.3.4)
        const line = slice(block.span);
        out.push({
          kind: 'attachment',
          runs: [{ text: line, face: 'body' }],
          indent: attachmentIndent(line, !attachmentsStarted, firstAttachment),
        });
        attachmentsStarted = true;
        break;
      }
      case 'signature':
      case 'date': {
        if (!signatureStarted) for (let i = 0; i < BLANKS_BEFORE_SIGNATURE[signature]; i++) blank();
        signatureStarted = true;
        const org = parsed.signature ? slice(parsed.signature.span) : undefined;
        const date = parsed.date ? slice(parsed.date.span) : '';
        const indents = signatureIndents(org, date, signature);
        const right = block.kind === 'signature' ? (indents.organisation ?? 0) : indents.date;
        out.push({ kind: block.kind, runs: [{ text: slice(block.span), face: 'body' }], indent: { right } });
        break;
      }
      default:
        out.push({ kind: 'body', runs: [{ text: slice(block.span), face: 'body' }] });
    }
  }
  if (afterTitle) blank();
  return out;
}

/**
 * A heading with text after its title on the same line is one paragraph when it is a run-in heading
 * (“（一）强化组织领导。正文……”, levels 2–4, the title ending in 。): the heading face only up to the 。, the rest a body
 * run. Otherwise (a 一级标题 run into its text, or a title followed by spaces that stood for a lost line break) the
 * heading and its text become two paragraphs, as the standard lays them out.
 */
function headingParagraphs(text: string, block: Block): PlannedParagraph[] {
  const h = block.heading!;
  const face = HEADING_FACE[h.level];
  const head = text.slice(block.span.start, h.titleSpan.end);
  if (!h.bodySpan) return [{ kind: 'heading', level: h.level, runs: [{ text: head, face }], keepNext: true }];
  const body = text.slice(h.bodySpan.start, h.bodySpan.end);
  if (h.level >= 2 && SENTENCE_END.test(head)) {
    return [{ kind: 'heading', level: h.level, runs: [{ text: head, face }, { text: body, face: 'body' }] }];
  }
  return [
    { kind: 'heading', level: h.level, runs: [{ text: head, face }], keepNext: true },
    { kind: 'body', runs: [{ text: body, face: 'body' }] },
  ];
}
