/**
 * `npm run bench`: how fast 公文助手 is, measured against the tools a user would otherwise pick, in one run.
 *
 *   1. full check throughput (parseReport + lint, shipped dictionaries) on corpora of 10k, 100k, 300k and 1M
 *      characters built from the real samples, with and without line breaks — next to AutoCorrect
 *      (autocorrect-node, native Rust, lintFor), zhlint (run, default preset) and a bare regex scan (the floor);
 *   2. typing latency through the real server over LSP (`node server/out/cli.js lsp --stdio`): a one-character
 *      didChange in the middle of the document, then textDocument/diagnostic — from sending the change to the
 *      pull's answer;
 *   3. the server's memory (VmRSS from /proc, heap from the server) with the 1M report open;
 *   4. Word export of a 100-page report (the gongwen/exportDocx request), when the server has it;
 *   5. start-up: the server's time to answer initialize and to answer the first pull, and the time to load
 *      and compile the client bundle (the client itself needs the VS Code host, which a bench cannot start).
 *
 * Prints a table and writes out/bench/results.json. Options: --quick (fewer runs, for a smoke test),
 * --sizes=10000,100000 (a subset).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { BlockCache, defaultResources, lint, parseReport, reparse, RULES } from '../../server/src/core';
import { startServer, type TestServer } from '../server/lspClient';
import { buildCorpus, middle, REPO_ROOT, sourceTexts, type Corpus, type Layout } from './corpus';
import { interleaved, ms, rate, settle, stats, type RunPolicy, type SelfTimed, type Stats } from './stats';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SIZES = (args.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number) ?? [10_000, 100_000, 300_000, 1_000_000]).filter(
  (n) => n > 0,
);
const LAYOUTS: Layout[] = ['lines', 'one-line'];
const TARGETS = { latencyP95Ms: 10, latencySize: 300_000, throughputRatio: 1.0, memoryMb: 150, memorySize: 1_000_000 };

// ------------------------------------------------------------------------------------------- peers
interface AutoCorrect {
  lintFor(text: string, filepath: string): { lines: unknown[] };
}
interface ZhLint {
  run(text: string, options: unknown): { validations: unknown[] };
}
function tryRequire<T>(name: string): T | undefined {
  try {
    return require(name) as T;
  } catch {
    return undefined;
  }
}
const autocorrect = tryRequire<AutoCorrect>('autocorrect-node');
const zhlint = tryRequire<ZhLint>('zhlint');
/**
 * AutoCorrect in a child process of its own, timing only the lintFor call after a warm-up call: in one process,
 * its text parser fails (an error, no result) on the second large text it is given, and on some large texts at
 * once — such runs are counted as failed, not as fast.
 */
function autocorrectInChild(text: string): SelfTimed {
  const file = join(tmpdir(), `gongwen-bench-ac-${process.pid}.txt`);
  writeFileSync(file, text);
  const code =
    "const ac=require('autocorrect-node');const fs=require('fs');ac.lintFor('预热：我们使用Linux系统,很好.','a.txt');" +
    `const t=fs.readFileSync(${JSON.stringify(file)},'utf8');const t0=performance.now();const r=ac.lintFor(t,'report.txt');` +
    "process.stdout.write(JSON.stringify({ms:performance.now()-t0,lines:r.lines.length,error:r.error?String(r.error).split('\\n')[0]:''}))";
  const out = JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 })) as { ms: number; lines: number; error: string };
  return { selfTimedMs: out.ms, value: out.error ? { findings: out.lines, error: out.error } : out.lines };
}

// The floor: one global regex for a half-width mark next to a Chinese character, counted over the text.
const FLOOR = /[\u4e00-\u9fff][,.;:?!()]|[,.;:?!()][\u4e00-\u9fff]/g;
function floorScan(text: string): number {
  let n = 0;
  FLOOR.lastIndex = 0;
  while (FLOOR.exec(text)) n++;
  return n;
}

// ---------------------------------------------------------------------------------- 1. throughput
interface ThroughputRow {
  corpus: string;
  size: number;
  layout: Layout;
  tools: Record<string, { stats: Stats; findings: number; charsPerSecond: number; failedRuns?: number; error?: string } | undefined>;
}

function policyFor(firstRunMs: number): RunPolicy {
  if (QUICK) return { minRuns: 1, maxRuns: 3, budgetMs: 500 };
  if (firstRunMs > 3000) return { minRuns: 3, maxRuns: 3, budgetMs: 0 };
  if (firstRunMs > 500) return { minRuns: 5, maxRuns: 10, budgetMs: 8000 };
  return { minRuns: 10, maxRuns: 60, budgetMs: 4000 };
}

function throughput(corpora: Corpus[]): ThroughputRow[] {
  const resources = defaultResources(); // built once, like the server does; not part of a check
  const rows: ThroughputRow[] = [];
  for (const c of corpora) {
    const contenders: Record<string, () => number | SelfTimed> = {
      gongwen: () => lint(parseReport(c.text), { resources }).findings.length,
      floor: () => floorScan(c.text),
    };
    if (autocorrect) contenders.autocorrect = () => autocorrectInChild(c.text);
    if (zhlint) contenders.zhlint = () => zhlint.run(c.text, { rules: { preset: 'default' } }).validations.length;
    // AutoCorrect runs in a process of its own each time (see autocorrectInChild): fewer runs.
    const runs = interleaved(contenders, (name, first) => (name === 'autocorrect' && !QUICK ? { minRuns: 5, maxRuns: 7, budgetMs: 0 } : policyFor(first)));
    const tools: ThroughputRow['tools'] = {};
    for (const [name, r] of Object.entries(runs)) {
      // A run that ended in the tool's own error is not a measurement of checking the text.
      const failed = [r.result, ...r.results].filter((x) => typeof x === 'object' && x !== null) as { findings: number; error: string }[];
      const ok = r.samples.filter((_, i) => typeof r.results[i] === 'number');
      const s = stats(ok);
      tools[name] = { stats: s, findings: typeof r.result === 'number' ? r.result : failed[0].findings, charsPerSecond: (c.text.length / s.median) * 1000 };
      if (failed.length) Object.assign(tools[name]!, { failedRuns: failed.length, error: failed[0].error });
    }
    rows.push({ corpus: c.name, size: c.size, layout: c.layout, tools });
    log(`throughput ${c.name}: ${Object.entries(tools).map(([k, v]) => `${k} ${ms(v!.stats.median)} ms`).join(', ')}`);
  }
  return rows;
}

// ------------------------------------------------------ 1b. re-check after an edit: block cache on / off
interface RecheckRow {
  corpus: string;
  size: number;
  layout: Layout;
  fresh: Stats;
  cached: Stats;
  blockRules: number;
}

/**
 * No LSP: parse + lint of the text with one character typed in the middle (typed and deleted in turn), without
 * and with the block cache — each in a process of its own, as the two would otherwise share the JIT's view of
 * the rules (full reports in one, reports cut down to the changed blocks in the other) and slow each other.
 */
function recheck(corpora: Corpus[]): RecheckRow[] {
  const rows: RecheckRow[] = [];
  for (const c of corpora) {
    const run = (mode: 'fresh' | 'cached'): Stats =>
      JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, `--recheck-child=${c.size},${c.layout},${mode}${QUICK ? ',quick' : ''}`], { encoding: 'utf8', maxBuffer: 1 << 24 })) as Stats;
    rows.push({ corpus: c.name, size: c.size, layout: c.layout, fresh: run('fresh'), cached: run('cached'), blockRules: RULES.filter((r) => r.meta.scope === 'block').length });
    log(`recheck ${c.name}: fresh ${ms(rows[rows.length - 1].fresh.median)} ms, block cache ${ms(rows[rows.length - 1].cached.median)} ms`);
  }
  return rows;
}

/** The child of `recheck`: prints the Stats of one mode as JSON. */
function recheckChild(spec: string): void {
  const [size, layout, mode, quick] = spec.split(',');
  const c = buildCorpus(Number(size), layout as Layout);
  const resources = defaultResources();
  const at = middle(c.text).offset;
  // 'cached' is what the server does: the incremental parse of the edited text, and the document's check cache.
  const cache = mode === 'cached' ? new BlockCache() : undefined;
  let parsed = parseReport(c.text);
  lint(parsed, { resources, blockCache: cache });
  let i = 0;
  const check = (): number => {
    const text = i++ % 2 === 0 ? c.text.slice(0, at) + '的' + c.text.slice(at) : c.text;
    parsed = cache ? reparse(parsed, text) : parseReport(text);
    return lint(parsed, { resources, blockCache: cache }).findings.length;
  };
  const runs = interleaved({ check }, (_n, first) => (quick ? { minRuns: 2, maxRuns: 3, budgetMs: 300 } : policyFor(first)));
  process.stdout.write(JSON.stringify(stats(runs.check.samples)));
}

// ------------------------------------------------------------------------- 2. typing latency (LSP)
interface PullResult {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: unknown[];
}

interface LatencyRow {
  corpus: string;
  size: number;
  layout: Layout;
  openToFirstDiagnosticsMs: number;
  diagnostics: number;
  stats: Stats;
  /** A pull answered in full without any edit before it: sending the diagnostics alone. */
  fullAnswer: Stats;
  unchangedAnswers: number;
  messages: string[];
}

async function pullDiagnostics(server: TestServer, uri: string, previousResultId?: string): Promise<PullResult> {
  return (await server.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri },
    ...(previousResultId ? { previousResultId } : {}),
  })) as PullResult;
}

async function typingLatency(server: TestServer, c: Corpus): Promise<LatencyRow> {
  const uri = `file:///tmp/gongwen-bench/${c.size}-${c.layout}.gw`;
  const messagesBefore = server.messages.length;
  let version = 1;
  const t0 = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version, text: c.text } });
  let last = await pullDiagnostics(server, uri);
  const openMs = performance.now() - t0;
  const diagnostics = last.items?.length ?? 0;
  const { position } = middle(c.text);
  const samples: number[] = [];
  let unchanged = 0;
  const policy = QUICK ? { minRuns: 3, maxRuns: 5, budgetMs: 1000 } : openMs > 2000 ? { minRuns: 5, maxRuns: 10, budgetMs: 20_000 } : { minRuns: 30, maxRuns: 200, budgetMs: 10_000 };
  let total = 0;
  for (let i = 0; samples.length < policy.minRuns || (samples.length < policy.maxRuns && total < policy.budgetMs); i++) {
    // Alternately type 的 in the middle and delete it again, so the document keeps its size.
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: position, end: position }, text: '的' }
      : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
    settle();
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    const answer = await pullDiagnostics(server, uri, last.resultId);
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    total += elapsed;
    if (answer.kind === 'unchanged') unchanged++;
    last = answer.kind === 'full' ? answer : { ...last, resultId: answer.resultId };
  }
  // The floor of a full answer: the same diagnostics pulled again with no edit (nothing to check; the server
  // converts, serializes and sends them, this process receives and parses them).
  const resend: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 20); i++) {
    settle();
    const start = performance.now();
    await pullDiagnostics(server, uri);
    resend.push(performance.now() - start);
  }
  const row: LatencyRow = {
    corpus: c.name,
    size: c.size,
    layout: c.layout,
    openToFirstDiagnosticsMs: openMs,
    diagnostics,
    stats: stats(samples),
    fullAnswer: stats(resend),
    unchangedAnswers: unchanged,
    messages: server.messages.slice(messagesBefore),
  };
  log(`latency ${c.name}: open ${ms(openMs)} ms, keystroke median ${ms(row.stats.median)} p95 ${ms(row.stats.p95)} ms (n=${row.stats.n})`);
  return row;
}

// ------------------------------------------------------------------------------------ 3. memory
interface MemoryReading {
  rssMb: number;
  peakRssMb: number;
  heapUsedMb?: number;
  heapTotalMb?: number;
}

async function memoryOf(server: TestServer): Promise<MemoryReading> {
  const pid = server.process.pid!;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const reading: MemoryReading = { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  try {
    const info = (await server.connection.sendRequest('gongwen/processInfo')) as { memory?: { heapUsed: number; heapTotal: number } } | null;
    if (info?.memory) {
      reading.heapUsedMb = info.memory.heapUsed / 2 ** 20;
      reading.heapTotalMb = info.memory.heapTotal / 2 ** 20;
    }
  } catch {
    // an older server without the request: RSS only
  }
  return reading;
}

// -------------------------------------------------------------- 3b. responsiveness under a huge document
interface ResponsivenessResult {
  hugeCharacters: number;
  hugeMb: number;
  checkMs: number;
  answers: Stats;
  note: string;
}

/** While a 10 MB document is being checked, documentSymbol on a small document, again and again: how long each waits. */
async function responsiveness(): Promise<ResponsivenessResult> {
  const server = await startServer();
  const small = 'file:///tmp/gongwen-bench/small.gw';
  const big = 'file:///tmp/gongwen-bench/huge.gw';
  const text = buildCorpus(3_600_000, 'lines').text;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'gongwen', version: 1, text: readFileSync(join(REPO_ROOT, 'samples/report-2023.gw'), 'utf8') } });
  await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } });
  await pullDiagnostics(server, small); // the dictionaries are loaded by the first check: not part of this measurement
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'gongwen', version: 1, text } });
  const t0 = performance.now();
  let done = false;
  const check = pullDiagnostics(server, big).then(() => {
    done = true;
  });
  const answers: number[] = [];
  while (!done) {
    const t = performance.now();
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } });
    if (!done) answers.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  await check;
  const checkMs = performance.now() - t0;
  await server.stop();
  return {
    hugeCharacters: text.length,
    hugeMb: Buffer.byteLength(text) / 1e6,
    checkMs,
    answers: stats(answers),
    note: 'documentSymbol on samples/report-2023.gw sent every 10 ms while the 10 MB document is received and its first pull answered (placeholders only, in slices); dictionaries already loaded',
  };
}

// ------------------------------------------------------------------------------------ 4. export
interface ExportResult {
  available: boolean;
  note: string;
  characters: number;
  stats?: Stats;
  bytes?: number;
}

async function exportDocx(server: TestServer): Promise<ExportResult> {
  // GB/T 9704-2012: 22 lines of 28 characters a page; 100 pages of body text ≈ 61,600 characters.
  const c = buildCorpus(61_600, 'lines');
  const uri = 'file:///tmp/gongwen-bench/export-100-pages.gw';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: c.text } });
  const samples: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < (QUICK ? 2 : 10); i++) {
      settle();
      const t0 = performance.now();
      const r = (await server.connection.sendRequest('gongwen/exportDocx', { uri })) as { data?: string } | null;
      samples.push(performance.now() - t0);
      bytes = r?.data ? Buffer.from(r.data, 'base64').length : 0;
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { available: false, note: `n/a: the server does not answer gongwen/exportDocx (${message})`, characters: c.text.length };
  } finally {
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  samples.shift(); // the first run loads the exporter
  return {
    available: true,
    note: 'gongwen/exportDocx request over LSP (parse, layout, .docx zip, base64 transfer); first run excluded',
    characters: c.text.length,
    stats: stats(samples),
    bytes,
  };
}

// ------------------------------------------------------------------------------------ 5. start-up
interface StartupResult {
  initializeMs: Stats;
  firstPullMs: Stats;
  clientBundleCompileMs: Stats;
  clientBundleBytes: number;
  note: string;
}

async function startup(): Promise<StartupResult> {
  const sample = readFileSync(join(REPO_ROOT, 'samples/report-2023.gw'), 'utf8');
  const init: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 7); i++) {
    const t0 = performance.now();
    const server = await startServer();
    init.push(performance.now() - t0);
    const uri = 'file:///tmp/gongwen-bench/sample.gw';
    const t1 = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: sample } });
    await pullDiagnostics(server, uri);
    first.push(performance.now() - t1);
    await server.stop();
  }
  const bundle = join(REPO_ROOT, 'client/out/extension.js');
  const source = readFileSync(bundle, 'utf8');
  const compile: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 10); i++) {
    const t0 = performance.now();
    new Script(source, { filename: `${bundle}?${i}` }); // parse and compile only: running it needs the VS Code host
    compile.push(performance.now() - t0);
  }
  return {
    initializeMs: stats(init),
    firstPullMs: stats(first),
    clientBundleCompileMs: stats(compile),
    clientBundleBytes: Buffer.byteLength(source),
    note:
      'initialize = spawn of `node server/out/cli.js lsp --stdio` until its initialize answer; first pull = didOpen of samples/report-2023.gw ' +
      'until the first textDocument/diagnostic answer (builds the dictionaries); client = parse+compile of client/out/extension.js ' +
      '(activation itself needs the VS Code host and is not measured here)',
  };
}

// ------------------------------------------------------------------------------------------ main
function log(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}

function pad(s: string, n: number): string {
  // CJK characters take two columns in a terminal
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(pad(h, 0).length, ...rows.map((r) => [...r[i]].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)), h.length));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => pad(c, widths[i])).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const sources = sourceTexts();
  log(`sources: ${sources.map((s) => `${s.name} (${s.text.length})`).join(', ')}`);
  const corpora = SIZES.flatMap((size) => LAYOUTS.map((layout) => buildCorpus(size, layout, sources)));

  // 1
  const tp = throughput(corpora);
  const rc = recheck(corpora);

  // 2 + 3: one server for all sizes, as an editor keeps one.
  const server = await startServer();
  const memory: Record<string, MemoryReading> = { afterInitialize: await memoryOf(server) };
  const latency: LatencyRow[] = [];
  for (const c of corpora) {
    latency.push(await typingLatency(server, c));
    if (c.size === TARGETS.memorySize && c.layout === 'lines') memory.with1MOpenAfterTyping = await memoryOf(server);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `file:///tmp/gongwen-bench/${c.size}-${c.layout}.gw` } });
  }
  // The 1M report on its own, in a fresh server: what a user who opens it pays.
  await server.stop();
  let memory1M: MemoryReading | undefined;
  const big = corpora.find((c) => c.size === TARGETS.memorySize && c.layout === 'lines');
  if (big) {
    const fresh = await startServer();
    const uri = 'file:///tmp/gongwen-bench/memory-1M.gw';
    await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: big.text } });
    await pullDiagnostics(fresh, uri);
    await fresh.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    memory1M = await memoryOf(fresh);
    memory.with1MOpenFreshServer = memory1M;
    await fresh.stop();
  }

  // 3b
  const resp = await responsiveness();
  log(`responsiveness: ${resp.answers.n} answers while the huge document was checked (${ms(resp.checkMs)} ms), max ${ms(resp.answers.max)} ms`);

  // 4
  const exportServer = await startServer();
  const exp = await exportDocx(exportServer);
  await exportServer.stop();

  // 5
  const start = await startup();

  // ------------------------------------------------------------------------------------- report
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: totalmem() / 2 ** 30, node: process.version, loadavgAtEnd: loadavg() },
    quick: QUICK,
    rules: RULES.map((r) => r.meta.id),
    sources: sources.map((s) => ({ name: s.name, characters: s.text.length })),
    peers: { autocorrect: autocorrect ? 'autocorrect-node lintFor' : 'not installed', zhlint: zhlint ? 'zhlint run (preset default)' : 'not installed', floor: FLOOR.source },
    throughput: tp,
    recheck: rc,
    latency,
    responsiveness: resp,
    memory,
    export: exp,
    startup: start,
    seconds: (Date.now() - started) / 1000,
    targets: [] as { target: string; value: string; met: boolean | null }[],
  };

  const out: string[] = [];
  out.push(`公文助手 benchmark — ${results.machine.cpus} × ${results.machine.cpu}, node ${process.version}, ${RULES.length} rules${QUICK ? ' (QUICK)' : ''}`);
  out.push('');
  out.push('1. Full check (parseReport + lint), median / p95 ms; throughput; our time ÷ peer time (< 1: we are faster)');
  const peerNames = ['autocorrect', 'zhlint', 'floor'].filter((p) => tp[0]?.tools[p]);
  out.push(
    table(
      ['corpus', 'gongwen ms', 'gongwen/s', 'findings', ...peerNames.flatMap((p) => [`${p} ms`, `÷${p}`])],
      tp.map((r) => {
        const g = r.tools.gongwen!;
        return [
          r.corpus,
          `${ms(g.stats.median)} / ${ms(g.stats.p95)}`,
          rate(r.size, g.stats.median),
          String(g.findings),
          ...peerNames.flatMap((p) => {
            const t = r.tools[p];
            if (t?.failedRuns && !t.stats.n) return [`error (${t.failedRuns} runs)`, 'n/a'];
            const note = t?.failedRuns ? ` (${t.failedRuns} runs failed)` : '';
            return t ? [`${ms(t.stats.median)} / ${ms(t.stats.p95)}${note}`, (g.stats.median / t.stats.median).toFixed(2)] : ['n/a', 'n/a'];
          }),
        ];
      }),
    ),
  );
  out.push('');
  out.push(`1b. Re-check after typing one character in the middle, in process (parse + lint), median / p95 ms: fresh (parseReport + lint) vs incremental (reparse + lint with the document's check cache, as the server does; ${rc[0]?.blockRules ?? 0} rules declare scope 'block')`);
  out.push(table(['corpus', 'fresh', 'incremental', 'speed-up'], rc.map((r) => [r.corpus, `${ms(r.fresh.median)} / ${ms(r.fresh.p95)}`, `${ms(r.cached.median)} / ${ms(r.cached.p95)}`, `×${(r.fresh.median / r.cached.median).toFixed(2)}`])));
  out.push('');
  out.push('2. Typing latency over LSP: one-character didChange in the middle → textDocument/diagnostic answered (ms); “unchanged”: answers that sent no diagnostics because none changed; “full answer, no edit”: median / p95 of sending all diagnostics again with nothing to check (the floor of a full answer)');
  out.push(
    table(
      ['corpus', 'open→diagnostics', 'diagnostics', 'median', 'p95', 'n', 'unchanged', 'full answer, no edit', 'server message'],
      latency.map((r) => [
        r.corpus,
        ms(r.openToFirstDiagnosticsMs),
        String(r.diagnostics),
        ms(r.stats.median),
        ms(r.stats.p95),
        String(r.stats.n),
        String(r.unchangedAnswers),
        `${ms(r.fullAnswer.median)} / ${ms(r.fullAnswer.p95)}`,
        [...new Set(r.messages)].map((m) => m.replace(/^公文助手：/, '').slice(0, 24) + '…').join(' ') || '—',
      ]),
    ),
  );
  out.push('');
  out.push('3. Server memory (MB)');
  out.push(
    table(
      ['when', 'RSS', 'peak RSS', 'heap used', 'heap total'],
      Object.entries(memory).map(([k, m]) => [k, ms(m.rssMb), ms(m.peakRssMb), m.heapUsedMb === undefined ? 'n/a' : ms(m.heapUsedMb), m.heapTotalMb === undefined ? 'n/a' : ms(m.heapTotalMb)]),
    ),
  );
  out.push('');
  out.push(
    `3b. Responsiveness: while a ${resp.hugeMb.toFixed(1)} MB document (${resp.hugeCharacters} characters) was checked (${ms(resp.checkMs)} ms), ` +
      `documentSymbol on a small document answered in median ${ms(resp.answers.median)} ms, p95 ${ms(resp.answers.p95)} ms, max ${ms(resp.answers.max)} ms (n=${resp.answers.n}).`,
  );
  out.push('');
  out.push(
    `4. Word export of a 100-page report (${exp.characters} characters): ` +
      (exp.available && exp.stats ? `median ${ms(exp.stats.median)} ms, p95 ${ms(exp.stats.p95)} ms (n=${exp.stats.n}), ${(exp.bytes! / 1024).toFixed(0)} KB — ${exp.note}` : exp.note),
  );
  out.push('');
  out.push(
    `5. Start-up: server initialize median ${ms(start.initializeMs.median)} / p95 ${ms(start.initializeMs.p95)} ms; first pull of the sample ` +
      `${ms(start.firstPullMs.median)} / ${ms(start.firstPullMs.p95)} ms; client bundle (${(start.clientBundleBytes / 1024).toFixed(0)} KB) ` +
      `parse+compile ${ms(start.clientBundleCompileMs.median)} / ${ms(start.clientBundleCompileMs.p95)} ms. (${start.note})`,
  );

  // targets
  const lat300 = latency.find((r) => r.size === TARGETS.latencySize && r.layout === 'lines');
  if (lat300) results.targets.push({ target: `typing latency p95 ≤ ${TARGETS.latencyP95Ms} ms at 300k (分行)`, value: `${ms(lat300.stats.p95)} ms`, met: lat300.stats.p95 <= TARGETS.latencyP95Ms });
  const lat300one = latency.find((r) => r.size === TARGETS.latencySize && r.layout === 'one-line');
  if (lat300one) results.targets.push({ target: `typing latency p95 ≤ ${TARGETS.latencyP95Ms} ms at 300k (无换行)`, value: `${ms(lat300one.stats.p95)} ms`, met: lat300one.stats.p95 <= TARGETS.latencyP95Ms });
  for (const r of tp) {
    const ac = r.tools.autocorrect;
    if (!ac) continue;
    if (!ac.stats.n) {
      results.targets.push({ target: `throughput ≥ AutoCorrect at ${r.corpus}`, value: `AutoCorrect failed (${ac.error})`, met: null });
      continue;
    }
    const ratio = ac.stats.median / r.tools.gongwen!.stats.median;
    results.targets.push({ target: `throughput ≥ AutoCorrect at ${r.corpus}`, value: `×${ratio.toFixed(2)}`, met: ratio >= TARGETS.throughputRatio });
  }
  results.targets.push({ target: 'other requests answered < 200 ms while a 10 MB document is checked', value: `max ${ms(resp.answers.max)} ms`, met: resp.answers.max < 200 });
  if (memory1M) results.targets.push({ target: `server RSS ≤ ${TARGETS.memoryMb} MB with the 1M report open`, value: `${ms(memory1M.rssMb)} MB (peak ${ms(memory1M.peakRssMb)})`, met: memory1M.rssMb <= TARGETS.memoryMb });
  out.push('');
  out.push('Targets');
  out.push(table(['target', 'measured', 'met'], results.targets.map((t) => [t.target, t.value, t.met === null ? 'n/a' : t.met ? 'yes' : 'NO'])));
  out.push('');
  out.push(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes on the machine add noise); ${results.seconds.toFixed(0)} s`);

  const dir = join(REPO_ROOT, 'out/bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...results, table: out.join('\n') }, null, 2));
  console.log(out.join('\n'));
  console.log(`\nwritten: out/bench/results.json`);
}

const child = args.find((a) => a.startsWith('--recheck-child='));
if (child) recheckChild(child.slice('--recheck-child='.length));
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
