/**
 * Whole-or-nothing writing (server/src/host/atomicWrite.ts), used by `gongwen export`/`import`: every failure —
 * an existing file without overwrite, a missing or impossible folder, a full disk, a write error, a file locked at
 * the rename — leaves the existing file byte for byte as it was and no temporary file behind (fast-check).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describeWriteError, writeFileAtomic, WriteFailure } from '../../server/src/host/atomicWrite';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('export: whole-or-nothing file writing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file, and replaces an existing one only with overwrite', () => {
    const target = join(dir, '报告.docx');
    writeFileAtomic(target, Uint8Array.from([1, 2, 3]));
    assert.deepEqual([...readFileSync(target)], [1, 2, 3]);
    assert.throws(() => writeFileAtomic(target, Uint8Array.from([9])), (e: unknown) => e instanceof WriteFailure && e.code === 'EEXIST' && /已存在，未覆盖/.test(e.message));
    assert.deepEqual([...readFileSync(target)], [1, 2, 3]);
    writeFileAtomic(target, Uint8Array.from([9]), { overwrite: true });
    assert.deepEqual([...readFileSync(target)], [9]);
    assert.deepEqual(readdirSync(dir), ['报告.docx']);
  });

  it('a missing folder, a folder in the way and a file as folder are Chinese errors naming the path', () => {
    const missing = join(dir, '没有这个文件夹', 'a.docx');
    assert.throws(() => writeFileAtomic(missing, Uint8Array.from([1])), (e: WriteFailure) => e.code === 'ENOENT' && e.message.includes(missing) && /文件夹不存在/.test(e.message));
    mkdirSync(join(dir, 'x.docx'));
    assert.throws(() => writeFileAtomic(join(dir, 'x.docx'), Uint8Array.from([1]), { overwrite: true }), (e: WriteFailure) => e.code === 'EISDIR');
    writeFileSync(join(dir, 'file'), 'x');
    assert.throws(() => writeFileAtomic(join(dir, 'file', 'a.docx'), Uint8Array.from([1])), (e: WriteFailure) => ['ENOTDIR', 'ENOENT'].includes(e.code));
  });

  it('messages for the usual failures: locked by Word, no permission, disk full', () => {
    assert.match(describeWriteError('EBUSY', '/x/报告.docx'), /正在 Word 或 WPS 中打开.*原文件未改动/);
    assert.match(describeWriteError('EPERM', '/x/报告.docx'), /报告\.docx/);
    assert.match(describeWriteError('EACCES', '/x/报告.docx'), /没有写入.*权限/);
    assert.match(describeWriteError('ENOSPC', '/x/报告.docx'), /磁盘空间不足/);
  });

  it('property: any failure leaves the existing file intact and no temporary file behind', () => {
    const faults = ['none', 'open', 'partial-write', 'disk-full', 'locked-at-rename', 'no-permission-at-rename'] as const;
    fc.assert(
      fc.property(
        fc.option(fc.uint8Array({ minLength: 0, maxLength: 64 }), { nil: undefined }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.boolean(),
        fc.constantFrom(...faults),
        (existing, next, overwrite, fault) => {
          const sub = mkdtempSync(join(dir, 'p-'));
          const target = join(sub, '报告.docx');
          if (existing) writeFileSync(target, existing);
          let threw: unknown;
          try {
            writeFileAtomic(target, next, {
              overwrite,
              writeBytes:
                fault === 'partial-write'
                  ? (fd, bytes) => {
                      writeSync(fd, bytes, 0, Math.ceil(bytes.length / 2));
                      throw errno('EIO');
                    }
                  : fault === 'disk-full'
                    ? () => {
                        throw errno('ENOSPC');
                      }
                    : fault === 'open'
                      ? () => {
                          throw errno('EACCES');
                        }
                      : undefined,
              beforeRename:
                fault === 'locked-at-rename'
                  ? () => {
                      throw errno('EBUSY');
                    }
                  : fault === 'no-permission-at-rename'
                    ? () => {
                        throw errno('EPERM');
                      }
                    : undefined,
            });
          } catch (e) {
            threw = e;
          }
          const shouldWrite = fault === 'none' && (!existing || overwrite);
          if (shouldWrite) {
            assert.equal(threw, undefined);
            assert.deepEqual([...readFileSync(target)], [...next]);
          } else {
            assert.ok(threw instanceof WriteFailure, String(threw));
            assert.ok(threw.message.includes(target));
            if (existing) assert.deepEqual([...readFileSync(target)], [...existing]);
            else assert.ok(!existsSync(target));
          }
          assert.deepEqual(readdirSync(sub).filter((n) => n.includes('.tmp-')), []);
          rmSync(sub, { recursive: true, force: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});
