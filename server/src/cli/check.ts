/** `gongwen check`: findings per file, pretty for people or JSON in LSP shape for tools. */
import { dirname } from 'node:path';
import { LineIndex, lint, parseReport, type Finding, type Severity } from '../core';
import { dictionaryFiles, DictionaryStore } from '../host/dictionaries';
import { parseArgs } from './args';
import type { Io } from './main';
import { readReport } from './readReport';

const LSP_SEVERITY: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: 'gongwen';
  message: string;
}

export function toJsonDiagnostics(text: string, findings: readonly Finding[]): JsonDiagnostic[] {
  const index = new LineIndex(text);
  return findings.map((f) => ({
    range: { start: index.positionAt(f.span.start), end: index.positionAt(f.span.end) },
    severity: LSP_SEVERITY[f.severity],
    code: f.ruleId,
    source: 'gongwen',
    message: f.message,
  }));
}

export function runCheck(args: string[], io: Io): number {
  const parsed = parseArgs(args, ['--dict'], ['--exit-zero']);
  if (parsed.error || parsed.files.length === 0) {
    io.err(parsed.error ?? '请给出要检查的文件，例如：gongwen check 报告.gw');
    return 2;
  }
  const results: { file: string; diagnostics: JsonDiagnostic[] }[] = [];
  let readError = false;
  let errors = 0;
  let warnings = 0;
  const store = new DictionaryStore();
  const extraDicts = parsed.options.getAll('--dict');
  const reported = new Set<string>();
  for (const file of parsed.files) {
    const read = readReport(file);
    if (!read.ok) {
      io.err(`错误：${read.error}`);
      readError = true;
      continue;
    }
    // Dictionaries: the nearest .gongwen/ above the report, plus --dict files (relative to the current folder).
    const loaded = store.load(dictionaryFiles(dirname(file), extraDicts, process.cwd()));
    for (const p of loaded.problems) {
      const text = `警告：词典 ${p.file} 第 ${p.line} 行：${p.message}`;
      if (!reported.has(text)) io.err(text);
      reported.add(text);
    }
    const { findings } = lint(parseReport(read.text), { resources: loaded.resources });
    const diagnostics = toJsonDiagnostics(read.text, findings);
    results.push({ file, diagnostics });
    errors += findings.filter((f) => f.severity === 'error').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    if (parsed.format === 'pretty') {
      findings.forEach((f, i) => {
        const { start } = diagnostics[i].range;
        io.out(`${file}:${start.line + 1}:${start.character + 1}  ${SEVERITY_ZH[f.severity]}  ${f.ruleId}  ${f.message}`);
      });
    }
  }
  if (parsed.format === 'json') io.out(JSON.stringify(results, null, 2));
  else {
    const total = results.reduce((n, r) => n + r.diagnostics.length, 0);
    io.out(total ? `共 ${results.length} 个文件，${total} 个问题（错误 ${errors}，警告 ${warnings}）。` : `共 ${results.length} 个文件，未发现问题。`);
  }
  if (readError) return 2;
  return errors > 0 && !parsed.flags.has('--exit-zero') ? 1 : 0;
}
