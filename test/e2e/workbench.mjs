// A real VS Code workbench for UI tests: the packaged gongwen.vsix installed into a fresh code-server,
// opened in headless Chromium, with the gestures a writer uses (palette, Quick Open, Go to Line) and
// screenshots. Shared by ui*.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS, VSIX, installVsix, launchBrowser, makeRunDirs, missingPrerequisites, removeRunDirs,
  startCodeServer, workbenchUrl,
} from './lib.mjs';

export class Workbench {
  /** @param {string} prefix screenshots are `<prefix>-<name>.png` in test/e2e/artifacts */
  constructor(prefix) {
    this.prefix = prefix;
    this.failures = 0;
    this.consoleErrors = [];
  }

  /** Starts code-server with the vsix and opens the workspace; `settings` are added to the user settings. */
  async start(settings = {}) {
    const missing = missingPrerequisites();
    if (missing.length) throw new Error(`${missing.join('; ')} — run: bash test/e2e/setup.sh`);
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found — run: npm run package`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    this.dirs = makeRunDirs(this.prefix);
    const settingsFile = path.join(this.dirs.userData, 'User', 'settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')), ...settings }, null, 2));
    installVsix(this.dirs, VSIX);
    this.server = await startCodeServer(this.dirs, { logFile: path.join(ARTIFACTS, `${this.prefix}-code-server.log`) });
    const { browser, context } = await launchBrowser();
    this.browser = browser;
    this.page = await context.newPage();
    this.page.setDefaultTimeout(30_000);
    this.page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    this.page.on('pageerror', (e) => this.consoleErrors.push(`${e.message}\n${e.stack ?? ''}`));
    await this.page.goto(workbenchUrl(this.server.base, this.dirs.workspace));
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    await this.server?.stop();
    if (this.dirs) removeRunDirs(this.dirs);
  }

  /** A file of the (temporary) workspace on disk. */
  file(name) {
    return path.join(this.dirs.workspace, name);
  }

  async shot(name) {
    await this.page.waitForTimeout(300); // let slide-in panels, widgets and toasts settle for the picture
    await this.page.screenshot({ path: path.join(ARTIFACTS, `${this.prefix}-${name}.png`) });
  }

  /** node:test `test` that leaves `<prefix>-FAILED-<n>.png` behind when it fails. */
  test(name, fn) {
    test(name, async () => {
      try {
        await fn();
      } catch (err) {
        const n = ++this.failures;
        await this.page?.screenshot({ path: path.join(ARTIFACTS, `${this.prefix}-FAILED-${n}.png`) }).catch(() => {});
        throw err;
      }
    });
  }

  /** Command palette: F1 pre-fills '>'; wait for the filtered row before Enter. */
  async runCommand(title) {
    const page = this.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /** Quick Open a workspace file and put the focus in its editor. */
  async openFile(name) {
    const page = this.page;
    const active = page.locator('.tabs-container .tab.active', { hasText: name });
    // A keystroke can be swallowed while a widget or dialog is closing: try Quick Open up to three times.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(name);
      // Enter opens the FIRST row: wait until the filtered list has put the file there
      await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name }).waitFor();
      await page.keyboard.press('Enter');
      try {
        await active.waitFor({ timeout: attempt < 3 ? 5_000 : 30_000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    await page.locator('.monaco-editor .view-lines').first().click();
  }

  async goToLine(line) {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').fill(`:${line}`);
    await this.page.keyboard.press('Enter');
  }

  /** aria-labels of the elements matching `selector`. */
  ariaLabels(selector) {
    return this.page.$$eval(selector, (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }
}
