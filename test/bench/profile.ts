/**
 * `npm run profile`: where the time of one check goes, rule by rule — for a fresh check of a corpus and for
 * the re-check after a one-character edit in its middle, as the server does it: incremental parse and the
 * document's check cache (what typing costs). A diagnostic tool beside the
 * benchmark: it prints numbers, asserts nothing. Options: --size=300000 --layout=lines|one-line --runs=20.
 */
import { BlockCache, defaultResources, parseReport, reparse, RULES, startLint, type ParsedReport } from '../../server/src/core';
import { buildCorpus, middle, type Layout } from './corpus';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZE = Number(arg('size', '300000'));
const LAYOUT = arg('layout', 'lines') as Layout;
const RUNS = Number(arg('runs', '20'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}

/** One check, timed per phase and per rule. With --expose-gc and GC=1, garbage is collected before each (as the benchmark does). */
function timedCheck(text: string, blockCache: BlockCache | undefined, previous?: ParsedReport): { parse: number; rules: Map<string, number>; findings: number; parsed: ParsedReport } {
  if (process.env.GC) (globalThis as { gc?: () => void }).gc?.();
  const resources = defaultResources();
  let t = performance.now();
  const parsed = previous ? reparse(previous, text) : parseReport(text);
  const parse = performance.now() - t;
  const run = startLint(parsed, { resources, blockCache });
  const rules = new Map<string, number>();
  let i = 0;
  const enabled = RULES;
  for (;;) {
    t = performance.now();
    const more = run.step();
    rules.set(enabled[i++]?.meta.id ?? '?', performance.now() - t);
    if (!more) break;
  }
  t = performance.now();
  const result = run.result();
  rules.set('(sort + suppressions)', performance.now() - t);
  return { parse, rules, findings: result.findings.length, parsed };
}

function main(): void {
  const corpus = buildCorpus(SIZE, LAYOUT);
  const text = corpus.text;
  // typed where the benchmark types: the middle of the middle line
  const mid = middle(text).offset;
  const edited = text.slice(0, mid) + '的' + text.slice(mid);
  defaultResources();

  const fresh: { parse: number[]; rules: Map<string, number[]>; findings: number } = { parse: [], rules: new Map(), findings: 0 };
  const recheck: typeof fresh = { parse: [], rules: new Map(), findings: 0 };
  // The re-check is the server's: the incremental parse of the edited text and the document's check cache.
  const cache = new BlockCache();
  let last = timedCheck(text, cache).parsed;
  for (let i = 0; i < RUNS; i++) {
    const f = timedCheck(text, undefined);
    fresh.parse.push(f.parse);
    fresh.findings = f.findings;
    for (const [id, ms] of f.rules) fresh.rules.set(id, [...(fresh.rules.get(id) ?? []), ms]);
    const r = timedCheck(i % 2 ? text : edited, cache, last);
    last = r.parsed;
    recheck.parse.push(r.parse);
    recheck.findings = r.findings;
    for (const [id, ms] of r.rules) recheck.rules.set(id, [...(recheck.rules.get(id) ?? []), ms]);
  }
  const total = (p: typeof fresh): number => median(p.parse) + [...p.rules.values()].reduce((s, xs) => s + median(xs), 0);
  console.log(`${corpus.name}: ${text.length} characters, ${fresh.findings} findings, ${RUNS} runs (medians, ms)`);
  console.log(`${'phase'.padEnd(34)} ${'fresh'.padStart(8)} ${'re-check'.padStart(9)}`);
  console.log(`${'parse'.padEnd(34)} ${median(fresh.parse).toFixed(2).padStart(8)} ${median(recheck.parse).toFixed(2).padStart(9)}`);
  const rows = [...fresh.rules.keys()].map((id) => ({ id, fresh: median(fresh.rules.get(id)!), re: median(recheck.rules.get(id) ?? [NaN]) }));
  rows.sort((a, b) => b.re - a.re);
  for (const r of rows) if (r.fresh >= 0.05 || r.re >= 0.05) console.log(`${r.id.padEnd(34)} ${r.fresh.toFixed(2).padStart(8)} ${r.re.toFixed(2).padStart(9)}`);
  console.log(`${'total'.padEnd(34)} ${total(fresh).toFixed(2).padStart(8)} ${total(recheck).toFixed(2).padStart(9)}`);
}

main();
