/**
 * Whole-or-nothing file writing for the CLI and the server: the bytes go to `<target>.tmp-<random>` in the same
 * folder (so the rename never crosses a file system), are flushed to disk, then renamed over the target. Any
 * failure removes the temporary file and leaves an existing target exactly as it was.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';

export interface WriteOptions {
  /** Replace an existing file (otherwise an existing target is an EEXIST failure). */
  overwrite?: boolean;
  /** Test hook: called between writing the temporary file and the rename (to simulate a failure there). */
  beforeRename?: (tmp: string) => void;
  /** Test hook: replaces the write of the bytes (to simulate a full disk or an I/O error). */
  writeBytes?: (fd: number, bytes: Uint8Array) => void;
}

export class WriteFailure extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function tempPathFor(target: string): string {
  return `${target}.tmp-${randomBytes(6).toString('hex')}`;
}

/** Writes `bytes` to `target` atomically; throws a WriteFailure with a Chinese message naming the path. */
export function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
    throw new WriteFailure(target, code, describeWriteError(code, target));
  };
  try {
    if (statSync(target).isDirectory()) fail({ code: 'EISDIR' });
    if (!options.overwrite) fail({ code: 'EEXIST' });
  } catch (e) {
    if (e instanceof WriteFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') fail(e);
    if (!existsSync(dirname(target))) fail({ code: 'ENOENT' });
  }
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    if (options.writeBytes) options.writeBytes(fd, bytes);
    else for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    options.beforeRename?.(tmp);
    // Between the check above and here another program may have created the target: do not replace it.
    if (!options.overwrite && existsSync(target)) fail({ code: 'EEXIST' });
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already gone
    }
    if (e instanceof WriteFailure) throw e;
    // ENOENT for a folder that exists (e.g. /proc): files cannot be created there.
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT' && existsSync(dirname(target))) fail({ code: 'EACCES' });
    fail(e);
  }
}

/** A Chinese sentence for a failed write of `path`, by Node error code. */
export function describeWriteError(code: string, path: string): string {
  const name = basename(path);
  switch (code) {
    case 'EEXIST':
      return `${path} 已存在，未覆盖。如需替换，请加 --force。`;
    case 'EISDIR':
      return `${path} 是一个文件夹，不能写成文件。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `无法写入 ${path}：所在文件夹不存在。`;
    case 'EACCES':
      return `无法写入 ${path}：没有写入该文件夹或文件的权限。原文件（如有）未改动。`;
    case 'EPERM':
    case 'EBUSY':
      return `无法写入 ${path}：文件被占用或没有权限——如果“${name}”正在 Word 或 WPS 中打开，请先关闭再导出。原文件未改动。`;
    case 'EROFS':
      return `无法写入 ${path}：所在磁盘是只读的。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `无法写入 ${path}：磁盘空间不足。原文件（如有）未改动。`;
    case 'ENAMETOOLONG':
      return `无法写入 ${path}：文件名或路径过长。`;
    default:
      return `无法写入 ${path}（${code}）。原文件（如有）未改动。`;
  }
}
