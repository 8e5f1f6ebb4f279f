/**
 * Export benchmark: a report of about 100 pages (22 lines × 28 字 each) through parse → buildDocx, cold and warm.
 * Target: ≤ 0.5 s for 100 pages. Run: `node esbuild.mjs && node out/test/bench/export.js [--pages N] [--pdf]`
 * (--pdf also renders it with LibreOffice, when installed, to count the real pages).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Packer } from 'docx';
import { parseReport } from '../../server/src/core';
import { buildDocument, buildDocx } from '../../server/src/core/export/docx';
import { syntheticReport } from './syntheticReport';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const targetPages = Number(arg('--pages') ?? 100);

async function main(): Promise<void> {
  const text = syntheticReport(targetPages);
  const ms = (t0: number) => performance.now() - t0;

  let t0 = performance.now();
  const parsedCold = parseReport(text);
  const parseCold = ms(t0);
  t0 = performance.now();
  const docCold = buildDocument(parsedCold);
  const documentCold = ms(t0);
  const bytesCold = new Uint8Array(await Packer.toArrayBuffer(docCold));
  const buildCold = ms(t0);
  void buildDocx; // the same two steps (buildDocx = buildDocument + Packer), timed apart

  const runs: { parse: number; build: number; pack: number; total: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const a = performance.now();
    const parsed = parseReport(text);
    const b = performance.now();
    const doc = buildDocument(parsed);
    const c = performance.now();
    await Packer.toArrayBuffer(doc);
    const d = performance.now();
    runs.push({ parse: b - a, build: c - b, pack: d - c, total: d - a });
  }
  const median = (k: keyof (typeof runs)[0]) => runs.map((r) => r[k]).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
  const paragraphs = text.split('\n').filter((l) => l.trim()).length;
  console.log(`report: ${text.length} characters, ${paragraphs} paragraphs, about ${targetPages} pages (estimated at 22 × 28)`);
  console.log(
    `cold (first call in the process): parse ${parseCold.toFixed(0)} ms + buildDocx ${buildCold.toFixed(0)} ms (document ${documentCold.toFixed(0)}, pack ${(buildCold - documentCold).toFixed(0)}) = ${(parseCold + buildCold).toFixed(0)} ms`,
  );
  console.log(
    `warm median of 10: parse ${median('parse').toFixed(0)} ms, build ${median('build').toFixed(0)} ms, pack ${median('pack').toFixed(0)} ms, total ${median('total').toFixed(0)} ms`,
  );
  console.log(`.docx size: ${(bytesCold.length / 1024).toFixed(1)} KB`);
  const worst = Math.max(parseCold + buildCold, median('total'));
  console.log(worst <= 500 ? `OK: ≤ 500 ms` : `SLOW: ${worst.toFixed(0)} ms > 500 ms`);

  if (process.argv.includes('--pdf')) {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
    const file = join(dir, 'bench.docx');
    writeFileSync(file, await buildDocx(parseReport(text), { grid: 'portable' }));
    const lo = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'p'))}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8' });
    const info = spawnSync('pdfinfo', [join(dir, 'bench.pdf')], { encoding: 'utf8' });
    console.log(lo.status === 0 && info.status === 0 ? `LibreOffice: ${/Pages:\s+(\d+)/.exec(info.stdout)?.[1]} pages (portable grid)` : 'LibreOffice/pdfinfo not available: no page count');
    rmSync(dir, { recursive: true, force: true });
  }
  if (worst > 500) process.exitCode = 1;
}

void main();
