/** Reads a report file for the CLI: decoding per core/text/decode, errors as Chinese text. */
import { readFileSync, statSync } from 'node:fs';
import { decodeReport } from '../core';

export type ReadResult = { ok: true; text: string; encoding: string } | { ok: false; error: string };

const MAX_BYTES = 64 * 1024 * 1024;

export function readReport(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: `${path}：这是一个文件夹，不是报告文件。` };
    if (st.size > MAX_BYTES) return { ok: false, error: `${path}：文件过大（${Math.round(st.size / 1048576)} MB），超过 64 MB 上限。` };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `无法读取（${code ?? String(e)}）`;
    return { ok: false, error: `${path}：${why}。` };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { ok: false, error: `${path}：${decoded.reason}` };
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
}
