// UI smoke test in a real VS Code workbench (code-server) driven by headless Chromium:
// the packaged gongwen.vsix is installed into a fresh code-server, report.gw is opened the way a
// person would (Quick Open), and the Problems panel and Outline view are read back.
// Run through `npm run test:e2e` (builds the vsix if needed), or alone after `npm run package`:
//   node --test test/e2e/ui.test.mjs
// Screenshots: test/e2e/artifacts/ui-*.png
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { ARTIFACTS } from './lib.mjs';
import { Workbench } from './workbench.mjs';

const HEADINGS = ['一、工作开展情况', '二、存在问题', '三、下一步工作打算'];
const wb = new Workbench('ui');
let page;

before(async () => {
  await wb.start();
  page = wb.page;
});

after(() => wb.stop());

wb.test('report.gw opened with Quick Open gets error diagnostics', async () => {
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
  await wb.shot('1-editor');
});

wb.test('Problems panel lists the unfilled placeholders', async () => {
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
  await wb.shot('2-problems');
});

wb.test('Outline view lists the report headings', async () => {
  await wb.runCommand('Explorer: Focus on Outline View');
  // The outline shares the side bar with the folder view and its rows are virtualized: collapse the
  // folder section so the whole outline (title, 3 headings, their items) is rendered.
  const foldersHeader = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await foldersHeader.getAttribute('aria-expanded')) === 'true') await foldersHeader.click();
  const rows = '.outline-pane .monaco-list-row';
  for (const h of HEADINGS) await page.locator(rows, { hasText: h }).first().waitFor();
  const labels = await wb.ariaLabels(rows);
  for (const h of HEADINGS) assert.ok(labels.some((l) => l.startsWith(h)), `outline row "${h}" in ${JSON.stringify(labels)}`);
  await wb.shot('3-outline');
});

wb.test('the workbench logged no errors about the gongwen extension', async () => {
  // e.g. a contributed grammar/snippet file missing from the vsix, or an exception in the client
  fs.writeFileSync(path.join(ARTIFACTS, 'ui-console-errors.log'), wb.consoleErrors.join('\n---\n') + '\n');
  const ours = wb.consoleErrors.filter((e) => /gongwen/i.test(e))
    .map((e) => e.split('\n')[0].replace(/%c\s*ERR color: #\w+\s*/, ''));
  assert.deepEqual(ours, [], 'console errors mentioning gongwen (all errors: test/e2e/artifacts/ui-console-errors.log)');
});
