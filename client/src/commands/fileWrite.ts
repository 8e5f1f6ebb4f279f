/**
 * Whole-or-nothing writing through vscode.workspace.fs (local, remote and virtual folders alike): the bytes go to
 * `<name>.tmp-<random>` beside the target, which is then renamed over it; on failure the temporary file is removed
 * and an existing target is left as it was. Errors become Chinese sentences that name the path.
 */
import * as vscode from 'vscode';

export async function writeWholeFile(target: vscode.Uri, bytes: Uint8Array, hooks: { failAfterTemp?: boolean } = {}): Promise<void> {
  const random = Math.random().toString(36).slice(2, 10);
  const tmp = target.with({ path: `${target.path}.tmp-${random}` });
  try {
    await vscode.workspace.fs.writeFile(tmp, bytes);
    if (hooks.failAfterTemp) throw Object.assign(new Error('simulated failure (test hook)'), { code: 'EIO' });
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    try {
      await vscode.workspace.fs.delete(tmp, { useTrash: false });
    } catch {
      // never written, or already gone
    }
    throw e;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A Chinese explanation of a failed write of `target` (file system error names and Node error codes). */
export function describeWriteError(e: unknown, target: vscode.Uri): string {
  const path = target.scheme === 'file' ? target.fsPath : target.toString();
  const name = target.path.split('/').pop() ?? path;
  const text = `${(e as { code?: string })?.code ?? ''} ${e instanceof Error ? e.message : String(e)}`;
  if (/ENOSPC|EDQUOT|no space/i.test(text)) return `无法写入 ${path}：磁盘空间不足。原文件（如有）未改动。`;
  if (/EBUSY|EPERM|locked|resource busy|operation not permitted/i.test(text)) {
    return `无法写入 ${path}：文件被占用或没有权限——如果“${name}”正在 Word 或 WPS 中打开，请先关闭再试。原文件未改动。`;
  }
  if (/NoPermissions|EACCES|permission denied/i.test(text)) return `无法写入 ${path}：没有写入该文件夹或文件的权限。原文件（如有）未改动。`;
  if (/EROFS|read-only/i.test(text)) return `无法写入 ${path}：所在磁盘是只读的。`;
  if (/FileNotFound|ENOENT|ENOTDIR/i.test(text)) return `无法写入 ${path}：所在文件夹不存在。`;
  if (/FileIsADirectory|EISDIR/i.test(text)) return `无法写入 ${path}：这是一个文件夹。`;
  return `无法写入 ${path}（${e instanceof Error ? e.message : String(e)}）。原文件（如有）未改动。`;
}

/** `报告.gw` → `报告.docx` in the same folder (URI path arithmetic, so it works for any scheme). */
export function withExtension(uri: vscode.Uri, ext: string): vscode.Uri {
  const path = uri.path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const stem = dot > slash + 1 ? path.slice(0, dot) : path;
  return uri.with({ path: stem + ext });
}

export function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
