/** The built `gongwen` CLI as a user or a CI job runs it. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT } from './lspClient';

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongwen CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
  const clean = join(dir, 'clean.gw');
  writeFileSync(clean, '关于2023年工作情况的报告\n\n一、工作开展情况\n全年开展学习12次。\n');

  it('check --format json prints the LSP-shaped contract for the real samples', () => {
    const files = ['000_ba5f166b322ef36a.txt', '001_028c584844040bc1.txt', '002_9b0739ec5ab9c34d.txt'].map((f) => `test/fixtures/samples/${f}`);
    const r = run('check', '--format', 'json', ...files);
    assert.equal(r.code, 1, 'the samples contain placeholders (errors)');
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: Record<string, unknown>[] }[];
    assert.deepEqual(out.map((o) => o.file), files);
    for (const o of out) {
      for (const d of o.diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity', 'source']);
        assert.equal(d.source, 'gongwen');
        assert.ok([1, 2, 3, 4].includes(d.severity as number));
        assert.match(d.code as string, /^[a-z]+\/[a-z-]+$/);
      }
    }
    const first = out[0].diagnostics.find((d) => d.code === 'placeholder/unfilled')!;
    // “…视察XX重要讲话…” on the first line of sample 000
    assert.deepEqual(first.range, { start: { line: 0, character: 96 }, end: { line: 0, character: 98 } });
  });

  it('exits 0 on a report without errors, with a Chinese summary', () => {
    const r = run('check', clean);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /共 1 个文件/);
  });

  it('pretty output names file:line:col, severity, rule id and message', () => {
    const f = join(dir, 'x.gw');
    writeFileSync(f, '一、情况\n开展活动XX次。\n');
    const r = run('check', f);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes(`${f}:2:5  错误  placeholder/unfilled  占位符“XX”尚未填写`), r.stdout);
    assert.equal(run('check', '--exit-zero', f).code, 0);
  });

  it('reads GBK files and CRLF line ends', () => {
    const f = join(dir, 'gbk.gw');
    // “开展XX次” in GBK, CRLF
    writeFileSync(f, Buffer.from([0xbf, 0xaa, 0xd5, 0xb9, 0x58, 0x58, 0xb4, 0xce, 0x0d, 0x0a]));
    const r = run('check', '--format', 'json', f);
    const [o] = JSON.parse(r.stdout);
    assert.deepEqual(o.diagnostics[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } });
  });

  it('exits 2 with a Chinese error on a missing or binary file, and still checks the others', () => {
    const bin = join(dir, 'report.docx');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0x00]));
    const r = run('check', join(dir, 'missing.gw'), bin, clean);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.gw：文件不存在/);
    assert.match(r.stderr, /report\.docx：文件不是文本文件/);
    assert.match(r.stdout, /共 1 个文件/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run('check').code, 2);
    assert.equal(run('check', '--format', 'xml', clean).code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.match(run('frobnicate').stderr, /未知命令/);
  });

  it('outline --format json prints the tree', () => {
    const r = run('outline', '--format', 'json', 'samples/report-2023.gw');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.outline[0].kind, 'title');
    assert.deepEqual(
      out.outline[0].children.filter((n: { kind: string }) => n.kind === 'heading1').map((n: { name: string }) => n.name),
      ['一、工作开展情况', '二、存在问题', '三、下一步工作打算'],
    );
  });
});
