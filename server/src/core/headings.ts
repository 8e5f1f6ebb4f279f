/** How rules name headings and run-in items in messages: as the writer wrote them, briefly. */
import { standardMarker } from './parse/markers';
import type { Heading, ParsedReport } from './parse/report';

const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级'];

export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `${level}级`;
}

/** “二、存在问题” — the marker and the title, cut to 16 characters. */
export function headingLabel(doc: ParsedReport, h: Heading): string {
  const s = doc.text.slice(h.marker.start, h.titleSpan.end).replace(/[。；：，;:,]$/, '');
  return s.length > 16 ? s.slice(0, 16) + '…' : s;
}

export function expectedMarker(h: Heading, ordinal: number): string {
  return standardMarker(h.level, ordinal);
}
