/**
 * Benchmark and fuzz corpora built from the real texts in the repository: the sample reports
 * (test/fixtures/samples/*.txt, samples/report-2023.gw) and the clean reports (test/fixtures/clean/*.gw).
 * Comment lines (`//`) are dropped: they are notes, not report text, and the peers do not know them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');

export interface SourceText {
  name: string;
  text: string;
}

function listDir(dir: string, ext: string): string[] {
  const abs = join(REPO_ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Every real report text in the repository (as they are when this runs). */
export function sourceTexts(): SourceText[] {
  const files = [...listDir('test/fixtures/samples', '.txt'), 'samples/report-2023.gw', ...listDir('test/fixtures/clean', '.gw')];
  return files
    .filter((f) => existsSync(join(REPO_ROOT, f)))
    .map((name) => ({
      name,
      text: readFileSync(join(REPO_ROOT, name), 'utf8')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .filter((l) => !l.trimStart().startsWith('//'))
        .join('\n')
        .trim(),
    }))
    .filter((s) => s.text.length > 0);
}

export type Layout = 'lines' | 'one-line';

export interface Corpus {
  name: string;
  size: number;
  layout: Layout;
  text: string;
}

/**
 * `size` UTF-16 code units of report text: the sources one after another (a blank line between reports), as
 * often as needed, cut at `size` (never inside a surrogate pair). `one-line` removes every line break, as text
 * pasted from a web page or a PDF arrives.
 */
export function buildCorpus(size: number, layout: Layout, sources: SourceText[] = sourceTexts()): Corpus {
  if (!sources.length) throw new Error('no source texts found');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const s = sources[i % sources.length].text;
    const piece = layout === 'lines' ? s + '\n\n' : s.replace(/\n+/g, '');
    parts.push(piece);
    length += piece.length;
  }
  let text = parts.join('').slice(0, size);
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  return { name: `${label(size)} ${layout === 'lines' ? '分行' : '无换行'}`, size, layout, text };
}

export function label(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
}

/** The middle of the document: the middle character of the middle line that has text. */
export function middle(text: string): { offset: number; position: { line: number; character: number } } {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (line < lines.length - 1 && lines[line].length < 2) line++;
  const character = lines[line].length >> 1;
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  // never between the halves of a surrogate pair
  const code = text.charCodeAt(offset + character);
  const shift = code >= 0xdc00 && code <= 0xdfff ? 1 : 0;
  return { offset: offset + character + shift, position: { line, character: character + shift } };
}
