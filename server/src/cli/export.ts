/**
 * `gongwen export 报告.gw [-o 报告.docx] [--force] [--grid word|portable] [--signature sealed|unsealed] [--*-font 字体]`:
 * the same .docx as the editor's “导出为 Word”, written whole or not at all. Exit 0 written, 2 on any failure.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { lint, LineIndex, parseReport } from '../core';
import { buildDocx } from '../core/export/docx';
import { FONT_KEYS, normalizeExportOptions } from '../core/export/options';
import { dictionaryFiles, DictionaryStore } from '../host/dictionaries';
import { writeFileAtomic, WriteFailure } from '../host/atomicWrite';
import { parseArgs } from './args';
import type { Io } from './main';
import { readReport } from './readReport';

const FONT_OPTION: Record<(typeof FONT_KEYS)[number], string> = {
  title: '--title-font',
  body: '--body-font',
  heading1: '--heading1-font',
  heading2: '--heading2-font',
  pageNumber: '--page-number-font',
  latin: '--latin-font',
};

/** `报告.gw` → `报告.docx` in the same folder. */
export function defaultOutput(input: string, ext: string): string {
  const e = extname(input);
  return join(dirname(input), (e ? basename(input, e) : basename(input)) + ext);
}

export async function runExport(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['-o', '--output', '--grid', '--signature', ...Object.values(FONT_OPTION)], ['--force']);
  if (parsed.error || parsed.files.length !== 1) {
    io.err(parsed.error ?? (parsed.files.length ? '一次只能导出一个文件。' : '请给出要导出的报告，例如：gongwen export 报告.gw'));
    return 2;
  }
  const input = parsed.files[0];
  const output = parsed.options.get('-o') ?? parsed.options.get('--output') ?? defaultOutput(input, '.docx');
  const force = parsed.flags.has('--force');

  const raw: Record<string, unknown> = { grid: parsed.options.get('--grid'), signature: parsed.options.get('--signature'), font: {} };
  for (const key of FONT_KEYS) (raw.font as Record<string, unknown>)[key] = parsed.options.get(FONT_OPTION[key]);
  const names: Record<string, string> = { grid: '--grid', signature: '--signature' };
  for (const key of FONT_KEYS) names[`font.${key}`] = FONT_OPTION[key];
  const settings = normalizeExportOptions(raw, (key) => `选项 ${names[key] ?? key} `);
  if (settings.problems.length) {
    for (const p of settings.problems) io.err(`错误：${p.replace(/，已使用默认.*$/, '。')}`);
    return 2;
  }
  if (existsSync(output) && !force) {
    io.err(`错误：${output} 已存在，未覆盖。如需替换，请加 --force。`);
    return 2;
  }
  const read = readReport(input);
  if (!read.ok) {
    io.err(`错误：${read.error}`);
    return 2;
  }
  const report = parseReport(read.text);
  const bytes = await buildDocx(report, settings.options);
  try {
    writeFileAtomic(output, bytes, { overwrite: force });
  } catch (e) {
    io.err(`错误：${e instanceof WriteFailure ? e.message : String(e)}`);
    return 2;
  }
  io.out(`已导出：${output}（${(bytes.length / 1024).toFixed(1)} KB）`);

  // What is still unfinished: the same rules as `gongwen check`.
  const loaded = new DictionaryStore().load(dictionaryFiles(dirname(input), [], process.cwd()));
  const { findings } = lint(report, { resources: loaded.resources });
  const placeholders = findings.filter((f) => f.ruleId === 'placeholder/unfilled');
  const errors = findings.filter((f) => f.ruleId !== 'placeholder/unfilled' && f.severity === 'error');
  if (placeholders.length || errors.length) {
    const index = new LineIndex(read.text);
    const first = [...placeholders, ...errors].sort((a, b) => a.span.start - b.span.start)[0];
    const pos = index.positionAt(first.span.start);
    const what = [placeholders.length ? `${placeholders.length} 处占位符未填写` : '', errors.length ? `${errors.length} 个错误` : '']
      .filter(Boolean)
      .join('、');
    io.err(`警告：报告中还有 ${what}，第一处在 ${input}:${pos.line + 1}:${pos.character + 1}（${first.message}）。报送前请用 gongwen check 查看并修改。`);
  }
  return 0;
}
