/**
 * `npm run fuzz`: the core's properties (test/fuzz/properties.ts) over many random cases with fresh seeds —
 * 100,000 by default (`--cases=N`), shared among the properties by weight, in batches of 1,000 so that one
 * failure does not end the run. Prints cases, time and every distinct failure (property, message,
 * shrunk counterexample, seed to replay); writes out/fuzz/results.json. Exit code 1 when anything failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { PROPERTIES } from './properties';

const args = process.argv.slice(2);
const TOTAL = Number(args.find((a) => a.startsWith('--cases='))?.slice(8) ?? 100_000);
const BATCH = 1000;
const REPO_ROOT = resolve(__dirname, '../../..');

interface Failure {
  property: string;
  message: string;
  counterexample: string;
  seed: number;
  path?: string;
}

function main(): number {
  const started = performance.now();
  const weights = PROPERTIES.reduce((a, p) => a + p.weight, 0);
  const failures: Failure[] = [];
  const perProperty: { property: string; cases: number; seconds: number; failedBatches: number }[] = [];
  let cases = 0;
  for (const p of PROPERTIES) {
    const want = Math.ceil((TOTAL * p.weight) / weights); // rounded up: the run has at least TOTAL cases
    const t0 = performance.now();
    let done = 0;
    let failedBatches = 0;
    while (done < want) {
      const numRuns = Math.min(BATCH, want - done);
      const seed = (Math.random() * 2 ** 31) | 0;
      const details = fc.check(
        fc.property(p.arbitrary, (v) => {
          p.check(v as never);
        }),
        { numRuns, seed },
      );
      done += details.numRuns;
      if (details.failed) {
        failedBatches++;
        const message = (details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)).split('\n')[0];
        const counterexample = JSON.stringify(details.counterexample?.[0]);
        if (!failures.some((f) => f.property === p.name && f.message === message)) {
          failures.push({ property: p.name, message, counterexample, seed, path: details.counterexamplePath ?? undefined });
          process.stderr.write(`[fuzz] FAIL ${p.name}\n       ${message}\n       counterexample ${counterexample} (seed ${seed})\n`);
        }
        if (failedBatches >= 20) break; // a property that fails everywhere: enough examples
      }
    }
    cases += done;
    const seconds = (performance.now() - t0) / 1000;
    perProperty.push({ property: p.name, cases: done, seconds, failedBatches });
    process.stderr.write(`[fuzz] ${p.name}: ${done} cases, ${seconds.toFixed(1)} s, ${failedBatches} failing batch(es)\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = { date: new Date().toISOString(), cases, seconds, failures: failures.length, perProperty, failureDetails: failures };
  mkdirSync(join(REPO_ROOT, 'out/fuzz'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'out/fuzz/results.json'), JSON.stringify(summary, null, 2));
  console.log(`fuzz: ${cases} cases in ${seconds.toFixed(0)} s, ${failures.length} distinct failure(s)`);
  for (const f of failures) console.log(`  - ${f.property}: ${f.message}\n    counterexample ${f.counterexample}\n    replay: seed ${f.seed}${f.path ? `, path ${f.path}` : ''}`);
  console.log('written: out/fuzz/results.json');
  return failures.length ? 1 : 0;
}

process.exitCode = main();
