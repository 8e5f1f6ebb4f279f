#!/usr/bin/env node
// Real-workbench e2e tests, offline: code-server (VS Code 1.100 web) + headless Debian Chromium.
//   1. the mocha suite test/e2e/suite/*.test.ts INSIDE the extension host, with the extension loaded
//      from the repo as a development extension (workbench URL `payload`, like @vscode/test-web);
//   2. the UI smoke test test/e2e/ui.test.mjs (node:test + playwright-core) against the packaged
//      gongwen.vsix installed into a fresh code-server.
// Prints `N passed, N failed` (both parts) as the last line; exits 1 on any failure.
//
// Usage: node test/e2e/run.mjs [--ext-host-only | --ui-only]      (npm run test:e2e)
// Needs: bash test/e2e/setup.sh (code-server + Chromium), npm ci.
// Env:   GONGWEN_CS_DIR, CODE_SERVER, CHROMIUM (see lib.mjs), GONGWEN_E2E_KEEP=1 keeps temp dirs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run as runNodeTests } from 'node:test';
import { spec } from 'node:test/reporters';
import {
  ARTIFACTS, CHROMIUM, CS_BIN, E2E_DIR, REPO, VSIX,
  launchBrowser, makeRunDirs, missingPrerequisites, removeRunDirs, startCodeServer, workbenchUrl,
} from './lib.mjs';

const EXT_HOST_TIMEOUT_MS = 5 * 60_000;
const SUITE_JS = path.join(REPO, 'out', 'test', 'e2e', 'suite', 'index.js');
const EXTENSION_JS = path.join(REPO, 'client', 'out', 'extension.js');
const SERVER_JS = path.join(REPO, 'server', 'out', 'server.js');

const args = new Set(process.argv.slice(2));
const wantExtHost = !args.has('--ui-only');
const wantUi = !args.has('--ext-host-only');

const log = (msg) => console.log(`[e2e] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

// ------------------------------------------------------------------------------- prerequisites
function checkPrerequisites() {
  const problems = missingPrerequisites();
  if (problems.length === 0) return;
  console.error('[e2e] The real-workbench e2e tests cannot run on this machine:');
  for (const p of problems) console.error(`[e2e]   - ${p}`);
  console.error('[e2e] Install code-server and Chromium with:  bash test/e2e/setup.sh');
  console.error('[e2e] (set GONGWEN_CS_DIR / CODE_SERVER / CHROMIUM to use other locations)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) { for (const name of fs.readdirSync(p)) visit(path.join(p, name)); }
    else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}
const mtime = (p) => { try { return fs.statSync(p).mtimeMs; } catch { return 0; } };

function npmRun(script) {
  const t0 = Date.now();
  log(`npm run ${script} ...`);
  execFileSync('npm', ['run', '--silent', script], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  log(`npm run ${script} done in ${seconds(t0)}`);
}

/** Builds (npm run build) if an output is missing or older than its sources, and packages the vsix. */
function ensureBuilt() {
  const outputs = [SUITE_JS, EXTENSION_JS, SERVER_JS];
  const sources = ['client/src', 'server/src', 'test/e2e/suite', 'package.json', 'esbuild.mjs'].map((p) => path.join(REPO, p));
  const oldestOutput = Math.min(...outputs.map(mtime));
  if (oldestOutput === 0 || newestMtime(sources) > oldestOutput) npmRun('build');
  for (const p of outputs) if (!fs.existsSync(p)) throw new Error(`${p} is missing after npm run build`);
  if (wantUi && mtime(VSIX) < Math.max(mtime(EXTENSION_JS), mtime(SERVER_JS))) npmRun('package');
  if (wantUi && !fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing after npm run package`);
}

// ------------------------------------------------------------------- part 1: extension-host suite
// code-server cannot start an extension host without a client, so headless Chromium opens the
// workbench with a `payload` carrying extensionDevelopmentPath/extensionTestsPath; the suite runs in
// the remote (Node) extension host; at the end the workbench calls window.codeAutomationExit(code).
async function runExtensionHostSuite() {
  const t0 = Date.now();
  log('extension-host suite (mocha inside code-server\'s extension host)');
  const dirs = makeRunDirs('exthost');
  const resultFile = path.join(dirs.root, 'result.json');
  const mochaLog = path.join(dirs.root, 'mocha.log');
  const browserLog = [];
  let server, browser, pumped = 0, exitCode;
  const pump = () => { // stream the mocha reporter output that index.ts mirrors into mochaLog
    let text = '';
    try { text = fs.readFileSync(mochaLog, 'utf8'); } catch { return; }
    if (text.length > pumped) {
      process.stdout.write(text.slice(pumped).replace(/^(?=.)/gm, '    '));
      pumped = text.length;
    }
  };
  const timer = setInterval(pump, 250);
  try {
    server = await startCodeServer(dirs, {
      logFile: path.join(ARTIFACTS, 'exthost-code-server.log'),
      env: { GONGWEN_E2E_RESULT: resultFile, GONGWEN_E2E_LOG: mochaLog },
    });
    let context;
    ({ browser, context } = await launchBrowser());
    const page = await context.newPage();
    page.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
    let resolveExit;
    const exited = new Promise((resolve) => { resolveExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    await page.goto(workbenchUrl(server.base, dirs.workspace, [
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(SUITE_JS)],
    ]));
    let deadline;
    exitCode = await Promise.race([exited, new Promise((resolve) => {
      deadline = setTimeout(() => resolve(`timeout after ${EXT_HOST_TIMEOUT_MS / 1000}s`), EXT_HOST_TIMEOUT_MS);
    })]);
    clearTimeout(deadline);
  } catch (err) {
    exitCode = `error: ${err.message}`;
  } finally {
    clearInterval(timer);
    pump();
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.writeFileSync(path.join(ARTIFACTS, 'exthost-browser.log'), browserLog.join('\n') + '\n');
  }

  let summary = null;
  try { summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { /* suite never finished */ }
  removeRunDirs(dirs);
  let passed = summary?.passed ?? 0;
  let failed = summary?.failed ?? 0;
  if (exitCode !== 0 && failed === 0) {
    failed = 1; // crashed, timed out or never started: count the suite itself as one failure
    console.error(`[e2e] extension-host suite did not complete: exit ${exitCode}` +
      (summary ? '' : ' (no result; see test/e2e/artifacts/exthost-*.log)'));
  }
  log(`extension-host suite: ${passed} passed, ${failed} failed (${seconds(t0)})`);
  return { passed, failed };
}

// ---------------------------------------------------------------------------- part 2: UI tests
async function runUiTests() {
  const t0 = Date.now();
  // screenshots of an earlier run must not be mistaken for this one's
  for (const f of fs.readdirSync(ARTIFACTS, { withFileTypes: true })) {
    if (f.isFile() && f.name.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, f.name));
  }
  log('UI smoke test (node:test + playwright-core, packaged gongwen.vsix)');
  let passed = 0, failed = 0;
  const stream = runNodeTests({
    // every ui*.test.mjs, one after the other (each starts its own code-server and browser)
    files: fs.readdirSync(E2E_DIR).filter((f) => /^ui.*\.test\.mjs$/.test(f)).sort().map((f) => path.join(E2E_DIR, f)),
    concurrency: 1,
    timeout: 5 * 60_000,
  });
  stream.on('test:pass', (t) => { if (t.nesting === 0 && t.details?.type !== 'suite') passed++; });
  stream.on('test:fail', (t) => { if (t.nesting === 0 && t.details?.type !== 'suite') failed++; });
  let reporter;
  try { reporter = new spec(); } catch { reporter = spec; } // class in Node 20, generator elsewhere
  for await (const chunk of stream.compose(reporter)) process.stdout.write(chunk);
  log(`UI tests: ${passed} passed, ${failed} failed (${seconds(t0)})`);
  return { passed, failed };
}

// ------------------------------------------------------------------------------------------ main
async function main() {
  const t0 = Date.now();
  checkPrerequisites();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  log(`code-server: ${CS_BIN}`);
  log(`browser:     ${CHROMIUM}`);
  let passed = 0, failed = 0;
  try {
    ensureBuilt();
  } catch (err) {
    console.error(`[e2e] build failed: ${err.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const [wanted, part] of [[wantExtHost, runExtensionHostSuite], [wantUi, runUiTests]]) {
    if (!wanted) continue;
    const r = await part();
    passed += r.passed;
    failed += r.failed;
  }
  if (passed + failed === 0) failed = 1; // ran nothing: that is a failure, not a pass
  log(`finished in ${seconds(t0)}; screenshots and logs in ${path.relative(REPO, ARTIFACTS)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
