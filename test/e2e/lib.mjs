// Shared plumbing for the real-workbench e2e tests: code-server (VS Code web server) + headless
// Debian Chromium driven by playwright-core. Used by run.mjs (extension-host mocha suite) and
// ui.test.mjs (UI smoke test). Nothing here talks to anything but 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(E2E_DIR, '..', '..');
export const WORKSPACE_SRC = path.join(E2E_DIR, 'workspace');
export const ARTIFACTS = process.env.GONGWEN_E2E_ARTIFACTS || path.join(E2E_DIR, 'artifacts');
export const CS_DIR = process.env.GONGWEN_CS_DIR || path.join(os.homedir(), '.cache', 'gongwen', 'code-server');
export const CS_BIN = process.env.CODE_SERVER || path.join(CS_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const VSIX = process.env.GONGWEN_VSIX || path.join(REPO, 'gongwen.vsix');

/** Problems that make the e2e tests impossible to run; empty when everything is there. */
export function missingPrerequisites() {
  const problems = [];
  const executable = (p) => {
    try { fs.accessSync(p, fs.constants.X_OK); return true; } catch { return false; }
  };
  if (!executable(CS_BIN)) problems.push(`code-server not found at ${CS_BIN}`);
  if (!executable(CHROMIUM)) problems.push(`Chromium not found at ${CHROMIUM}`);
  try {
    execFileSync(process.execPath, ['-e', 'require.resolve("playwright-core")'], { cwd: REPO, stdio: 'ignore' });
  } catch {
    problems.push('playwright-core is not installed in node_modules (run `npm ci`)');
  }
  return problems;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------------------- process groups
// code-server is spawned detached (own process group): killing -pid ends the server, its file
// watcher, the extension host and the language server. Extension hosts outlive a closed browser
// tab for minutes, so this must happen on every exit path.
const groups = new Set();
function killGroup(pid, signal = 'SIGTERM') {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
function killAllGroups() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}
process.on('exit', killAllGroups);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killAllGroups();
    process.exit(128 + os.constants.signals[sig]);
  });
}

const USER_SETTINGS = {
  // no trust dialog, no welcome page / walkthroughs, nothing phoning home
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'window.restoreWindows': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

/**
 * Fresh per-run directories in the OS temp dir: user data (with settings), extensions, a copy of
 * test/e2e/workspace, and a code-server config file (keeps code-server away from ~/.config).
 */
export function makeRunDirs(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `gongwen-e2e-${prefix}-`));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions);
  fs.cpSync(WORKSPACE_SRC, dirs.workspace, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return dirs;
}

export function removeRunDirs(dirs) {
  if (process.env.GONGWEN_E2E_KEEP) return;
  try { fs.rmSync(dirs.root, { recursive: true, force: true }); } catch { /* best effort */ }
}

const commonArgs = (dirs) => ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

/** code-server's gallery (open-vsx.org) is switched off; tests never leave 127.0.0.1. */
const serverEnv = (extra) => ({ ...process.env, EXTENSIONS_GALLERY: '{}', ...extra });

export function installVsix(dirs, vsix) {
  execFileSync(CS_BIN, [...commonArgs(dirs), '--install-extension', vsix, '--force'], {
    stdio: 'pipe',
    env: serverEnv(),
    timeout: 120_000,
  });
}

/**
 * Starts code-server for `dirs` on a free 127.0.0.1 port and waits for /healthz.
 * Returns { base, authority, stop() }; the log goes to `logFile`.
 */
export async function startCodeServer(dirs, { logFile, env = {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    const log = fs.openSync(logFile, attempt === 1 ? 'w' : 'a');
    const child = spawn(CS_BIN, [
      ...commonArgs(dirs),
      '--bind-addr', authority, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
      dirs.workspace,
    ], { detached: true, stdio: ['ignore', log, log], env: serverEnv(env) });
    fs.closeSync(log);
    groups.add(child.pid);
    let exited = null;
    child.on('exit', (code, signal) => { exited = signal || `exit code ${code}`; });
    const stop = async () => {
      if (!groups.delete(child.pid)) return;
      killGroup(child.pid, 'SIGTERM');
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      killGroup(child.pid, 'SIGKILL'); // leftovers (extension host, language server) of the group
    };
    const deadline = Date.now() + 60_000;
    while (exited === null && Date.now() < deadline) {
      try {
        if ((await fetch(`http://${authority}/healthz`)).ok) return { base: `http://${authority}`, authority, stop };
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    await stop();
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    if (exited !== null && /EADDRINUSE/.test(tail) && attempt < 3) continue; // port was taken meanwhile
    throw new Error(`code-server did not become ready (${exited ?? 'timeout'}); log ${logFile}:\n${tail}`);
  }
}

/** Headless Chromium with a fresh profile; every request not to 127.0.0.1 is aborted. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return { browser, context };
}

/** Workbench URL that opens `folder`, optionally with a `payload` (list of [key, value] pairs). */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
