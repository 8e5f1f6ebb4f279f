/** The outline of a report (for document symbols, `gongwen outline`, breadcrumbs): names as written. */
import type { ParsedReport, Section } from './parse/report';
import type { Span } from './types';

export type OutlineKind =
  | 'title'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'paragraph-head'
  | 'run-in-item'
  | 'attachment'
  | 'signature';

export interface OutlineNode {
  name: string;
  kind: OutlineKind;
  /** The whole extent (a section: heading to its last content). */
  span: Span;
  /** What to select when the node is picked (the heading itself). */
  selectionSpan: Span;
  children: OutlineNode[];
}

const MAX_NAME = 40;

function nameOf(text: string, span: Span): string {
  let s = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  s = s.replace(/[。；;，,：:]$/, '');
  return s.length > MAX_NAME ? s.slice(0, MAX_NAME) + '…' : s || '（空）';
}

export function buildOutline(doc: ParsedReport): OutlineNode[] {
  const { text } = doc;
  const leavesOf = (blocks: Set<unknown>): OutlineNode[] => {
    const leaves: OutlineNode[] = [];
    for (const head of doc.paragraphHeads) {
      if (!blocks.has(head.block)) continue;
      leaves.push({ name: nameOf(text, head.span), kind: 'paragraph-head', span: head.block.span, selectionSpan: head.span, children: [] });
    }
    for (const list of doc.runInLists) {
      for (const item of list.items) {
        if (!blocks.has(item.block)) continue;
        leaves.push({ name: nameOf(text, item.titleSpan), kind: 'run-in-item', span: item.titleSpan, selectionSpan: item.markerSpan, children: [] });
      }
    }
    return leaves.sort((a, b) => a.span.start - b.span.start);
  };
  const sectionNode = (s: Section): OutlineNode => {
    const h = s.heading;
    const selection = { start: h.marker.start, end: h.titleSpan.end };
    const own = new Set<unknown>([h.block, ...s.blocks]);
    const children = [...leavesOf(own), ...s.children.map(sectionNode)].sort((a, b) => a.span.start - b.span.start);
    return { name: nameOf(text, selection), kind: `heading${h.level}` as OutlineKind, span: s.span, selectionSpan: selection, children };
  };

  const body: OutlineNode[] = [...leavesOf(new Set(doc.opening)), ...doc.sections.map(sectionNode)];
  if (doc.attachments.length) {
    const first = doc.attachments[0].span;
    const last = doc.attachments[doc.attachments.length - 1].span;
    body.push({ name: nameOf(text, first), kind: 'attachment', span: { start: first.start, end: last.end }, selectionSpan: first, children: [] });
  }
  const sig = doc.signature ?? doc.date;
  if (sig) {
    const end = (doc.date ?? sig).span.end;
    const name = [doc.signature, doc.date].filter(Boolean).map((b) => nameOf(text, b!.span)).join(' ');
    body.push({ name: `落款：${name}`, kind: 'signature', span: { start: sig.span.start, end }, selectionSpan: sig.span, children: [] });
  }
  if (!doc.title.length) return body;
  const first = doc.title[0].span;
  const last = doc.title[doc.title.length - 1].span;
  const name = doc.title.map((b) => text.slice(b.span.start, b.span.end).trim()).join('');
  const end = Math.max(last.end, ...body.map((n) => n.span.end));
  return [{ name: name.length > MAX_NAME ? name.slice(0, MAX_NAME) + '…' : name, kind: 'title', span: { start: first.start, end }, selectionSpan: { start: first.start, end: last.end }, children: body }];
}
