// Drafting in a real VS Code workbench (code-server + headless Chromium), as a writer would:
// a whole-report skeleton from a snippet, a completion accepted from the suggest widget, a quick fix
// from the light-bulb menu, fix-all on save, every 公文 command from the palette, and the status bar.
// Screenshots of each state: test/e2e/artifacts/assist-*.png
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, VSIX, installVsix, launchBrowser, makeRunDirs, missingPrerequisites, removeRunDirs,
  sleep, startCodeServer, workbenchUrl,
} from './lib.mjs';

let dirs, server, browser, page;

const shot = async (name) => {
  await page.waitForTimeout(300); // let widgets and toasts settle for the picture
  await page.screenshot({ path: path.join(ARTIFACTS, `assist-${name}.png`) });
};
const file = (name) => path.join(dirs.workspace, name);
const read = (name) => fs.readFileSync(file(name), 'utf8');

/** Waits (bounded) until the file on disk satisfies `pred`; saving is asynchronous. */
async function untilFile(name, pred, what) {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(file(name)) && pred(read(name))) return read(name);
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; ${name} is now:\n${fs.existsSync(file(name)) ? read(name) : '(missing)'}`);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

async function goToLine(line) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/** The status bar item of the extension: “字数 N　⚠ M”. */
const statusItem = () => page.locator('[aria-label^="公文助手 字数"]').first();

let testNo = 0;
function uiTest(name, fn) {
  const n = ++testNo;
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      await page?.screenshot({ path: path.join(ARTIFACTS, `assist-FAILED-${n}.png`) }).catch(() => {});
      throw err;
    }
  });
}

before(async () => {
  const missing = missingPrerequisites();
  if (missing.length) throw new Error(`${missing.join('; ')} — run: bash test/e2e/setup.sh`);
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found — run: npm run package`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dirs = makeRunDirs('assist');
  // what a writer would set: fix-all on save for reports
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['[gongwen]'] = { 'editor.codeActionsOnSave': { 'source.fixAll.gongwen': 'explicit' } };
  settings['files.autoSave'] = 'off';
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  installVsix(dirs, VSIX);
  server = await startCodeServer(dirs, { logFile: path.join(ARTIFACTS, 'assist-code-server.log') });
  let context;
  ({ browser, context } = await launchBrowser());
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(workbenchUrl(server.base, dirs.workspace));
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (dirs) removeRunDirs(dirs);
});

uiTest('a whole-report skeleton is inserted from a snippet typed by its pinyin prefix', async () => {
  await openFile('draft.gw');
  await page.keyboard.type('ndbg');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'ndbg' }).first();
  await row.waitFor();
  await shot('1-snippet-suggest');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape'); // leave snippet mode
  await page.keyboard.press('Control+S');
  const text = await untilFile('draft.gw', (t) => t.includes('现将') && t.includes('一、'), 'the skeleton to be saved');
  assert.match(text, /报告如下：/);
  assert.match(text, /一、.+\n[\s\S]*二、.+\n[\s\S]*三、/);
  assert.match(text, /\d{4}年[1-9]\d?月[1-9]\d?日/, 'the date without leading zeros');
  // the status bar counts the words of the new report
  await statusItem().waitFor();
  assert.match(await statusItem().getAttribute('aria-label'), /公文助手 字数 [1-9]\d* 问题 \d+/);
  await shot('2-snippet-inserted');
});

uiTest('a standard formulation is completed from the suggest widget', async () => {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('坚持习近平新时');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: '习近平新时代中国特色社会主义思想' }).first();
  await row.waitFor();
  await shot('3-completion');
  await row.click();
  await page.keyboard.press('Control+S');
  await untilFile('draft.gw', (t) => t.includes('坚持习近平新时代中国特色社会主义思想'), 'the completed formulation');
});

uiTest('the light-bulb quick fix renumbers a duplicate heading number', async () => {
  await openFile('messy.gw');
  await page.waitForFunction(() => /Warnings?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 60_000 });
  await goToLine(7);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: '重新编号本级标题' }).first();
  await fix.waitFor();
  await shot('4-quick-fix');
  // keyboard, as a writer would: move the focus onto the fix, then Enter
  for (let i = 0; i < 10 && !(await fix.getAttribute('class')).includes('focused'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const text = await untilFile('messy.gw', (t) => t.includes('（二）加强理论武装'), 'the renumbered heading');
  assert.match(text, /（一）压紧压实主体责任/);
});

uiTest('saving runs fix-all: separators and run-in numbering are fixed', async () => {
  // messy.gw still has “一.” and “三是” after 一是; the save above already ran fix-all
  const text = await untilFile('messy.gw', (t) => t.includes('一、工作开展情况') && t.includes('二是阵地管理'), 'fix-all on save');
  assert.doesNotMatch(text, /一\.工作/);
  await shot('5-fixed-on-save');
});

// The browser runs the workbench in English, so commands show their English titles (package.nls.json);
// a Chinese VS Code shows the zh-cn titles (公文: 报告统计 …) from package.nls.zh-cn.json.
uiTest('every 公文 command runs from the palette', async () => {
  await openFile('report.gw');
  // 报告统计: a modal dialog with the numbers
  await runCommand('Gongwen: Report statistics');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /字数（不含标点和空格）：\d+/);
  await shot('6-statistics');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // 转到下一个占位符: selects an XX
  await page.keyboard.press('Control+Home');
  await runCommand('Gongwen: Go to next placeholder');
  await page.locator('.monaco-editor .selected-text').first().waitFor();
  await shot('7-next-placeholder');
  await runCommand('Gongwen: Go to previous placeholder');

  // 插入标准部分: report.gw has all parts → an information toast says so
  await runCommand('Gongwen: Insert a standard section');
  await page.locator('.notifications-toasts .notification-list-item-message', { hasText: '已包含' }).waitFor();

  // on a report that lacks a part, the QuickPick lists it and inserting numbers it in sequence
  await openFile('partial.gw');
  await runCommand('Gongwen: Insert a standard section');
  const part = page.locator('.quick-input-list .monaco-list-row', { hasText: '二、存在的问题' }).first();
  await part.waitFor();
  await shot('8-insert-section');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  await untilFile('partial.gw', (t) => t.includes('二、存在的问题\n【待补充】\n三、下一步工作打算'), 'the inserted part');
  // 重新编号标题
  await runCommand('Gongwen: Renumber headings');
  // 打开示例报告: an untitled copy of the bundled sample
  await runCommand('Gongwen: Open the sample report');
  await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
  await page.waitForFunction(() => /Errors?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 60_000 });
  await shot('9-sample');
});

uiTest('the status bar shows 字数 and the problem count, and a click opens the statistics', async () => {
  await openFile('report.gw');
  const item = statusItem();
  await item.waitFor();
  assert.match(await item.getAttribute('aria-label'), /公文助手 字数 [1-9]\d* 问题 [1-9]/);
  await item.click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /未填写的占位符：2/);
  await shot('10-status-bar');
  await page.keyboard.press('Escape');
});
