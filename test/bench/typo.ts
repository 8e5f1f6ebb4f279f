/**
 * Benchmark of the typo rules: `node esbuild.mjs && node --expose-gc out/test/bench/typo.js [characters]`.
 * Prints the lexicon load time and heap, then the time to check a report of 300,000 characters (built from
 * the clean corpus, every paragraph made unique so that no cache helps), warm (after a first run), for the
 * typo rules alone and for all rules, and the time of a re-check after one paragraph changed (typing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { defaultResources, lint, parseReport } from '../../server/src/core';
import { typoData } from '../../server/src/core/typo/engine';
import { repoPath } from '../unit/paths';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
const ms = (n: number): string => `${n.toFixed(1)} ms`;

const target = Number(process.argv[2] ?? 300_000);
const sources: string[] = [];
for (const dir of ['test/fixtures/clean', 'test/fixtures/samples']) {
  for (const f of readdirSync(repoPath(dir))) if (/\.(gw|txt)$/.test(f)) sources.push(readFileSync(join(repoPath(dir), f), 'utf8'));
}
const paragraphs = sources.flatMap((s) => s.split('\n')).filter((p) => p.trim().length > 20);

/** A report of about `n` characters whose paragraphs are all different (round number appended). */
function report(n: number, salt: number): string {
  const out: string[] = [];
  let len = 0;
  for (let k = 0; len < n; k++) {
    const p = `${paragraphs[k % paragraphs.length]}（${salt}-${k}）`;
    out.push(p);
    len += p.length + 1;
  }
  return out.join('\n');
}

const external = (): number => process.memoryUsage().arrayBuffers;
const tr = performance.now();
const cr = process.cpuUsage();
defaultResources();
const resCpu = process.cpuUsage(cr);
console.log(`词典（YAML，含 typos.yml 和 typo-words.yml）加载：${ms(performance.now() - tr)}（CPU ${ms((resCpu.user + resCpu.system) / 1000)}）`);
const h0 = heap();
const a0 = external();
const c0 = process.cpuUsage();
const t0 = performance.now();
const data = typoData();
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(c0);
const h1 = heap();
console.log(
  `词表和混淆集加载（首次使用时）：${ms(loadMs)}（CPU ${ms((loadCpu.user + loadCpu.system) / 1000)}；词 ${data.lexicon.wordCount}，节点 ${data.lexicon.nodeCount}），` +
    `JS 堆增加 ${mb(h1 - h0)}，ArrayBuffer 增加 ${mb(external() - a0)}（类型化数组 ${mb(data.lexicon.stats().bytes + data.chars.bytes())}）`,
);

const typoRules = ['typo/dictionary', 'typo/confusion'];
/** Wall and CPU milliseconds of f (CPU time is less disturbed by other processes on a shared machine). */
const time = (f: () => void): { wall: number; cpu: number } => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
};
const best = (xs: { wall: number; cpu: number }[]): { wall: number; cpu: number } => ({
  wall: Math.min(...xs.map((x) => x.wall)),
  cpu: Math.min(...xs.map((x) => x.cpu)),
});
const show = (t: { wall: number; cpu: number }): string => `${ms(t.wall)}（CPU ${ms(t.cpu)}）`;

lint(parseReport(report(target, 0)), { only: typoRules }); // warm-up (JIT)
const runs: { wall: number; cpu: number }[] = [];
let findings = 0;
let chars = 0;
for (let r = 1; r <= 5; r++) {
  const doc = parseReport(report(target, r));
  chars = doc.text.length;
  runs.push(time(() => (findings = lint(doc, { only: typoRules }).findings.length)));
}
const cold = best(runs);
const perRule = typoRules.map((id) => {
  const xs: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < 3; r++) {
    const d = parseReport(report(target, 30 + r));
    xs.push(time(() => lint(d, { only: [id] })));
  }
  return `${id} ${show(best(xs))}`;
});
const doc = parseReport(report(target, 9));
const allRuns = [time(() => lint(doc))];
for (let r = 0; r < 2; r++) allRuns.push(time(() => lint(parseReport(report(target, 20 + r)))));
// Typing: the same report with one paragraph changed (parse excluded: it is not a typo rule).
const retypes: { wall: number; cpu: number }[] = [];
for (let r = 0; r < 5; r++) {
  const edited = parseReport(doc.text.replace('（9-5）', `（9-5，改${r}）`));
  retypes.push(time(() => lint(edited, { only: typoRules })));
}
console.log(`文本 ${chars} 字；机器负载 ${loadavg()[0].toFixed(1)}（2 核；负载高时时间偏大）`);
console.log(`错别字规则，无缓存（5 次中最快）：${show(cold)}，${(chars / cold.cpu / 1000).toFixed(2)} 百万字/CPU 秒，发现 ${findings} 处`);
console.log(`  其中 ${perRule.join('；')}`);
console.log(`全部规则，含解析（3 次中最快）：${show(best(allRuns))}`);
console.log(`改动一段后重新检查错别字规则（段落缓存，5 次中最快）：${show(best(retypes))}`);
console.log(`检查后 JS 堆比加载前多 ${mb(heap() - h0)}（含段落缓存），ArrayBuffer 多 ${mb(external() - a0)}`);
