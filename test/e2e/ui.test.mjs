// UI smoke test in a real VS Code workbench (code-server) driven by headless Chromium:
// the packaged gongwen.vsix is installed into a fresh code-server, report.gw is opened the way a
// person would (Quick Open), and the Problems panel and Outline view are read back.
// Run through `npm run test:e2e` (builds the vsix if needed), or alone after `npm run package`:
//   node --test test/e2e/ui.test.mjs
// Screenshots: test/e2e/artifacts/ui-*.png
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, VSIX, installVsix, launchBrowser, makeRunDirs, missingPrerequisites, removeRunDirs,
  startCodeServer, workbenchUrl,
} from './lib.mjs';

const HEADINGS = ['一、工作开展情况', '二、存在问题', '三、下一步工作打算'];
let dirs, server, browser, page;
const consoleErrors = []; // workbench console errors + uncaught page errors, for the last test

const shot = async (name) => {
  await page.waitForTimeout(300); // let slide-in animations (panels, toasts) settle for the picture
  await page.screenshot({ path: path.join(ARTIFACTS, `ui-${name}.png`) });
};
const ariaLabels = (selector) => page.$$eval(selector, (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

/** Command palette: F1 pre-fills '>'; wait for the filtered row before Enter. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** node:test `test` that leaves a screenshot ui-FAILED-<n>.png behind when it fails. */
let testNo = 0;
function uiTest(name, fn) {
  const n = ++testNo;
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      await page?.screenshot({ path: path.join(ARTIFACTS, `ui-FAILED-${n}.png`) }).catch(() => {});
      throw err;
    }
  });
}

before(async () => {
  const missing = missingPrerequisites();
  if (missing.length) throw new Error(`${missing.join('; ')} — run: bash test/e2e/setup.sh`);
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found — run: npm run package`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dirs = makeRunDirs('ui');
  installVsix(dirs, VSIX);
  server = await startCodeServer(dirs, { logFile: path.join(ARTIFACTS, 'ui-code-server.log') });
  let context;
  ({ browser, context } = await launchBrowser());
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`${e.message}\n${e.stack ?? ''}`));
  await page.goto(workbenchUrl(server.base, dirs.workspace));
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (dirs) removeRunDirs(dirs);
});

uiTest('report.gw opened with Quick Open gets error diagnostics', async () => {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('report.gw');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'report.gw' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'report.gw' }).waitFor();
  // the status bar problem counter reads "No Problems" until the language server publishes
  const problems = page.locator('#status\\.problems');
  await page.waitForFunction(
    () => /Errors?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''),
    null, { timeout: 60_000 },
  );
  assert.match(await problems.getAttribute('aria-label'), /Errors?: [1-9]/);
  await shot('1-editor');
});

uiTest('Problems panel lists the unfilled placeholders', async () => {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row[aria-level="2"]'); // level 1 = the file
  await rows.first().waitFor();
  const found = await page.$$eval('.markers-panel .monaco-list-row[aria-level="2"]',
    (els) => els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: e.innerText })));
  const placeholderRows = found.filter((r) => /placeholder\/unfilled|占位符/.test(r.label));
  assert.equal(placeholderRows.length, 2, `two placeholder rows in ${JSON.stringify(found, null, 1)}`);
  for (const r of placeholderRows) {
    assert.match(r.label, /^Error/, r.label);
    assert.match(r.label, /XX/, r.label);
    assert.match(r.text, /placeholder\/unfilled/, `the row shows the rule id: ${r.text}`);
  }
  await shot('2-problems');
});

uiTest('Outline view lists the report headings', async () => {
  await runCommand('Explorer: Focus on Outline View');
  // The outline shares the side bar with the folder view and its rows are virtualized: collapse the
  // folder section so the whole outline (title, 3 headings, their items) is rendered.
  const foldersHeader = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await foldersHeader.getAttribute('aria-expanded')) === 'true') await foldersHeader.click();
  const rows = '.outline-pane .monaco-list-row';
  for (const h of HEADINGS) await page.locator(rows, { hasText: h }).first().waitFor();
  const labels = await ariaLabels(rows);
  for (const h of HEADINGS) assert.ok(labels.some((l) => l.startsWith(h)), `outline row "${h}" in ${JSON.stringify(labels)}`);
  await shot('3-outline');
});

uiTest('the workbench logged no errors about the gongwen extension', async () => {
  // e.g. a contributed grammar/snippet file missing from the vsix, or an exception in the client
  fs.writeFileSync(path.join(ARTIFACTS, 'ui-console-errors.log'), consoleErrors.join('\n---\n') + '\n');
  const ours = consoleErrors.filter((e) => /gongwen/i.test(e))
    .map((e) => e.split('\n')[0].replace(/%c\s*ERR color: #\w+\s*/, ''));
  assert.deepEqual(ours, [], 'console errors mentioning gongwen (all errors: test/e2e/artifacts/ui-console-errors.log)');
});
