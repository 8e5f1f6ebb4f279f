/**
 * Bytes → text for reports read from disk (CLI) : UTF-8 with or without BOM, UTF-16 with BOM (Word's
 * “Unicode text”), and GB18030/GBK, which many office machines still save. Pure: no file-system access.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: string };

export function decodeReport(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return check(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return check(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return check(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: '文件不是文本文件（含有二进制内容），无法检查。如为 Word 文件，请先导入为文本。' };
  }
  try {
    return check(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    // Not valid UTF-8: the usual other encoding of Chinese office files.
  }
  try {
    return check(new TextDecoder('gb18030', { fatal: true }).decode(bytes), 'gb18030');
  } catch {
    return { ok: false, reason: '无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK），请另存为 UTF-8 后再试。' };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

function check(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'): DecodeResult {
  if (text.includes('\u0000')) {
    return { ok: false, reason: '文件不是文本文件（含有二进制内容），无法检查。' };
  }
  return { ok: true, text, encoding };
}
