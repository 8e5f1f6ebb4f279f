/**
 * The section tree of a report: what a 公文 writer sees in it. Produced by `parseReport`, read by every rule,
 * the outline, folding and the exporter. All offsets are UTF-16 offsets into `text`.
 */
import type { Span } from '../types';
import type { HeadingLevel, HeadingMarker } from './markers';

export type BlockKind =
  | 'title' // 标题, one or more lines
  | 'recipient' // 主送机关, ends in ：
  | 'opening' // 导语: body text before the first heading
  | 'heading' // 一、 （一） 1. （1）, with any run-in text after the heading's title
  | 'paragraph' // body text
  | 'attachment' // 附件说明
  | 'signature' // 署名 (the organisation)
  | 'date' // 成文日期
  | 'comment'; // a note that is not part of the report (a line starting with //)

/** A logical paragraph: one line, or the part of a line that starts at a heading run into it. */
export interface Block {
  kind: BlockKind;
  /** The block's text span, without leading/trailing whitespace and without the line break. */
  span: Span;
  /** 0-based line of the block's start. */
  line: number;
  /** Set for kind 'heading'. */
  heading?: Heading;
  /** The innermost section the block belongs to (undefined before the first heading). */
  section?: Section;
}

export interface Heading {
  level: HeadingLevel;
  marker: HeadingMarker;
  /** The title after the marker, up to and including a closing 。！？ when the title is run in with text. */
  titleSpan: Span;
  /** Text after the title on the same line (a run-in heading such as “（一）强化领导。正文……”). */
  bodySpan?: Span;
  /** The heading stands after other text on the same line (run into the preceding paragraph). */
  inline: boolean;
  block: Block;
  section: Section;
}

export interface Section {
  heading: Heading;
  parent?: Section;
  children: Section[];
  /** Body blocks directly in this section (not in its sub-sections). */
  blocks: Block[];
  /** From the heading to the end of the section's last content. */
  span: Span;
}

export type RunInFamily = '是' | '要' | '第';

/** A run-in item inside a paragraph: 一是…… 二要…… 第一，…… */
export interface RunInItem {
  family: RunInFamily;
  ordinal: number;
  /** The marker (一是, 二要, 第一), without the comma after 第一. */
  markerSpan: Span;
  /** The item's lead phrase: from the marker to the first 。；！？ (inclusive) or the block's end. */
  titleSpan: Span;
  block: Block;
}

/** Consecutive run-in items of one family in one section, starting again at each 一是/第一. */
export interface RunInList {
  family: RunInFamily;
  items: RunInItem[];
  section?: Section;
}

/** A paragraph-head title: a short phrase ending in 。 that opens a paragraph (“坚定意识形态‘主心骨’。”). */
export interface ParagraphHead {
  span: Span;
  block: Block;
}

export interface ParsedReport {
  text: string;
  /** Every block in document order. */
  blocks: Block[];
  title: Block[];
  recipient?: Block;
  opening: Block[];
  /** All headings in document order. */
  headings: Heading[];
  /** Top-level sections. */
  sections: Section[];
  runInLists: RunInList[];
  paragraphHeads: ParagraphHead[];
  attachments: Block[];
  signature?: Block;
  date?: Block;
  comments: Block[];
  /** Offsets of the start of every line (line i starts at lineStarts[i]). */
  lineStarts: number[];
  /** Set when the report was derived from the previous version's by an incremental parse (reparse). */
  edit?: ReportEdit;
}

/**
 * How an incremental parse made this report from the previous version's: one block's text changed, nothing
 * else but offsets moved. Caches use it to re-check only what the edit can affect.
 */
export interface ReportEdit {
  /** The report this one was derived from; weak, so that versions never keep their predecessors alive. */
  previous: WeakRef<ParsedReport>;
  /** previous.text[start, oldEnd) became text[start, newEnd); text after it moved by newEnd − oldEnd. */
  start: number;
  oldEnd: number;
  newEnd: number;
  /** Index of the edited block, the same in both reports (which have the same blocks, in the same order). */
  block: number;
  /** The edited block's span in the previous report. */
  blockBefore: Span;
  /**
   * Whether the skeleton (RuleMeta.reads 'structure') may differ: the edited block is not a body paragraph,
   * or its run-in items or its opening phrase changed (where they are or what they say).
   */
  skeleton: boolean;
}
