/**
 * `gongwen import 报告.docx [-o 报告.gw | -o -] [--force]`: a Word report as .gw text, one paragraph a line, with
 * Word's automatic numbers kept as text. Tables and pictures are named in a warning and marked in the text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { leftOutSummary } from '../core/import/text';
import { writeFileAtomic, WriteFailure } from '../host/atomicWrite';
import { importDocx, ImportFailure } from '../host/docxImport';
import { parseArgs } from './args';
import { defaultOutput } from './export';
import type { Io } from './main';

export async function runImport(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['-o', '--output'], ['--force']);
  if (parsed.error || parsed.files.length !== 1) {
    io.err(parsed.error ?? (parsed.files.length ? '一次只能导入一个文件。' : '请给出要导入的 Word 文件，例如：gongwen import 报告.docx'));
    return 2;
  }
  const input = parsed.files[0];
  const output = parsed.options.get('-o') ?? parsed.options.get('--output') ?? defaultOutput(input, '.gw');
  const force = parsed.flags.has('--force');
  if (output !== '-' && existsSync(output) && !force) {
    io.err(`错误：${output} 已存在，未覆盖。如需替换，请加 --force。`);
    return 2;
  }
  let bytes: Buffer;
  try {
    if (statSync(input).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    bytes = readFileSync(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `无法读取（${code ?? String(e)}）`;
    io.err(`错误：${input}：${why}。`);
    return 2;
  }
  let result;
  try {
    result = await importDocx(bytes);
  } catch (e) {
    io.err(`错误：${input}：${e instanceof ImportFailure ? e.message : `无法读取 Word 文件（${e instanceof Error ? e.message : String(e)}）。`}`);
    return 2;
  }
  if (output === '-') process.stdout.write(result.text);
  else {
    try {
      writeFileAtomic(output, new TextEncoder().encode(result.text), { overwrite: force });
    } catch (e) {
      io.err(`错误：${e instanceof WriteFailure ? e.message : String(e)}`);
      return 2;
    }
    io.out(`已导入：${output}（${result.paragraphs} 段${result.numbered ? `，其中 ${result.numbered} 段的自动编号已转为文字` : ''}）`);
  }
  const summary = leftOutSummary(result.tables, result.graphics);
  if (summary) io.err(`警告：${summary}`);
  return 0;
}
