/** `gongwen outline`: the section tree as the editor's Outline shows it. */
import { buildOutline, LineIndex, parseReport, type OutlineNode } from '../core';
import { parseArgs } from './args';
import type { Io } from './main';
import { readReport } from './readReport';

const KIND_ZH: Record<OutlineNode['kind'], string> = {
  title: '标题',
  heading1: '一级',
  heading2: '二级',
  heading3: '三级',
  heading4: '四级',
  'paragraph-head': '段首',
  'run-in-item': '分项',
  attachment: '附件',
  signature: '落款',
};

export function runOutline(args: string[], io: Io): number {
  const parsed = parseArgs(args);
  if (parsed.error || parsed.files.length === 0) {
    io.err(parsed.error ?? '请给出报告文件，例如：gongwen outline 报告.gw');
    return 2;
  }
  let status = 0;
  const json: unknown[] = [];
  for (const file of parsed.files) {
    const read = readReport(file);
    if (!read.ok) {
      io.err(`错误：${read.error}`);
      status = 2;
      continue;
    }
    const index = new LineIndex(read.text);
    const outline = buildOutline(parseReport(read.text));
    if (parsed.format === 'json') {
      const conv = (n: OutlineNode): unknown => ({
        name: n.name,
        kind: n.kind,
        line: index.positionAt(n.selectionSpan.start).line,
        range: { start: index.positionAt(n.span.start), end: index.positionAt(n.span.end) },
        children: n.children.map(conv),
      });
      json.push({ file, outline: outline.map(conv) });
    } else {
      if (parsed.files.length > 1) io.out(`${file}:`);
      const print = (n: OutlineNode, depth: number): void => {
        const line = index.positionAt(n.selectionSpan.start).line + 1;
        io.out(`${'  '.repeat(depth)}${n.name}  〔${KIND_ZH[n.kind]}，第 ${line} 行〕`);
        n.children.forEach((c) => print(c, depth + 1));
      };
      outline.forEach((n) => print(n, 0));
    }
  }
  if (parsed.format === 'json') io.out(JSON.stringify(parsed.files.length === 1 ? json[0] : json, null, 2));
  return status;
}
