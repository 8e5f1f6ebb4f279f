/**
 * The paragraphs read from a Word file → the text of a .gw report: one paragraph a line, trimmed (Word's indents
 * are often typed as full-width spaces), runs of empty paragraphs as one blank line, none at the start or end.
 */
export const TABLE_COMMENT = '// [表格已略去]';
export const GRAPHIC_COMMENT = '// [图片已略去]';

export function paragraphsToReport(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    for (const part of raw.split('\n')) {
      const line = part.replace(/\t/g, ' ').trim();
      if (line === '') {
        if (out.length && out[out.length - 1] !== '') out.push('');
      } else out.push(line);
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out.join('\n') + '\n' : '';
}

/** “表格 2 个、图片或图形 1 处” for the warning, or '' when nothing was left out. */
export function leftOutSummary(tables: number, graphics: number): string {
  const parts: string[] = [];
  if (tables) parts.push(`表格 ${tables} 个`);
  if (graphics) parts.push(`图片或图形 ${graphics} 处`);
  if (!parts.length) return '';
  return `${parts.join('、')}未能导入为文字，已在文中以“${tables ? TABLE_COMMENT : GRAPHIC_COMMENT}”${tables && graphics ? `“${GRAPHIC_COMMENT}”` : ''}标出。`;
}
