/**
 * The export and import requests (gongwen/exportDocx, gongwen/importDocx). Export builds the .docx from the cached
 * parse of the document's current version and counts what is still unfinished (placeholders, errors); the client
 * writes the file. Import turns .docx bytes into report text; the client creates the file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeReport, LineIndex, parseReport, type Finding, type ParsedReport } from '../core';
import { buildDocx } from '../core/export/docx';
import { normalizeExportOptions } from '../core/export/options';
import { leftOutSummary } from '../core/import/text';
import { importDocx, ImportFailure } from '../host/docxImport';
import type { ExportDocxParams, ExportDocxResult, ImportDocxParams, ImportDocxResult } from '../protocol';

export const PLACEHOLDER_RULE = 'placeholder/unfilled';

export interface ExportDeps {
  /** The open document, if the client has it open. */
  document(uri: string): TextDocument | undefined;
  /** The cached parse of this version (AnalysisCache). */
  parsed(doc: TextDocument): ParsedReport;
  /** Findings under the document's rule settings (cached per version). */
  findings(doc: TextDocument): Promise<readonly Finding[]>;
  /** The raw `gongwen.export` settings for the document. */
  exportSettings(uri: string): Promise<unknown>;
  /** Shows a settings problem to the user (each distinct message once). */
  warn(message: string): void;
}

export function createExportHandlers(deps: ExportDeps) {
  const reported = new Set<string>();

  async function exportDocx(params: ExportDocxParams): Promise<ExportDocxResult> {
    const uri = params?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, '导出需要文档地址（uri）。');
    const doc = deps.document(uri);
    let parsed: ParsedReport;
    let findings: readonly Finding[] = [];
    if (doc) {
      parsed = deps.parsed(doc);
      findings = await deps.findings(doc);
    } else {
      // Not open in the client (e.g. exported from the Explorer): read it from disk.
      parsed = parseReport(readFromDisk(uri));
    }
    const settings = normalizeExportOptions(await deps.exportSettings(uri).catch(() => undefined));
    for (const p of settings.problems) {
      if (reported.has(p)) continue;
      reported.add(p);
      deps.warn(`公文助手：${p}`);
    }
    const bytes = await buildDocx(parsed, settings.options);
    const placeholders = findings.filter((f) => f.ruleId === PLACEHOLDER_RULE);
    const errors = findings.filter((f) => f.ruleId !== PLACEHOLDER_RULE && f.severity === 'error');
    const firstFinding = [...placeholders, ...errors].sort((a, b) => a.span.start - b.span.start)[0];
    const result: ExportDocxResult = {
      data: Buffer.from(bytes).toString('base64'),
      placeholders: placeholders.length,
      errors: errors.length,
      title: parsed.title.map((b) => parsed.text.slice(b.span.start, b.span.end)).join(''),
    };
    if (firstFinding) {
      const pos = new LineIndex(parsed.text).positionAt(firstFinding.span.start);
      result.first = { line: pos.line, character: pos.character, message: firstFinding.message };
    }
    return result;
  }

  async function importDocxRequest(params: ImportDocxParams): Promise<ImportDocxResult> {
    if (typeof params?.data !== 'string') return { ok: false, error: '导入需要 Word 文件的内容。' };
    try {
      const r = await importDocx(Buffer.from(params.data, 'base64'));
      const warning = leftOutSummary(r.tables, r.graphics) || undefined;
      return { ok: true, text: r.text, paragraphs: r.paragraphs, numbered: r.numbered, tables: r.tables, graphics: r.graphics, warning };
    } catch (e) {
      return { ok: false, error: e instanceof ImportFailure ? e.message : `无法读取 Word 文件：${e instanceof Error ? e.message : String(e)}` };
    }
  }

  return { exportDocx, importDocx: importDocxRequest };
}

function readFromDisk(uri: string): string {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    throw new ResponseError(ErrorCodes.InvalidParams, `找不到要导出的文档：${uri}。请先在编辑器中打开它。`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ResponseError(ErrorCodes.InvalidParams, `无法读取 ${path}：${code === 'ENOENT' ? '文件不存在' : (code ?? String(e))}。`);
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) throw new ResponseError(ErrorCodes.InvalidParams, `${path}：${decoded.reason}`);
  return decoded.text;
}
