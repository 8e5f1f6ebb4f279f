// Drafting in a real VS Code workbench (code-server + headless Chromium), as a writer would:
// a whole-report skeleton from a snippet, a completion accepted from the suggest widget, a quick fix
// from the light-bulb menu, fix-all on save, every 公文 command from the palette, and the status bar.
// Screenshots of each state: test/e2e/artifacts/assist-*.png
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import { sleep } from './lib.mjs';
import { Workbench } from './workbench.mjs';

const wb = new Workbench('assist');
let page;
const read = (name) => fs.readFileSync(wb.file(name), 'utf8');

/** Waits (bounded) until the file on disk satisfies `pred`; saving is asynchronous. */
async function untilFile(name, pred, what) {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(wb.file(name)) && pred(read(name))) return read(name);
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; ${name} is now:\n${fs.existsSync(wb.file(name)) ? read(name) : '(missing)'}`);
}

/** Ctrl+S, and wait until the editor tab is no longer dirty (save participants such as fix-all run first). */
async function save() {
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 20_000 });
}

/** The status bar item of the extension: “字数 N　⚠ M”. */
const statusItem = () => page.locator('[aria-label^="公文助手 字数"]').first();

before(async () => {
  // what a writer would set: fix-all on save for reports
  await wb.start({ '[gongwen]': { 'editor.codeActionsOnSave': { 'source.fixAll.gongwen': 'explicit' } }, 'files.autoSave': 'off' });
  page = wb.page;
});

after(() => wb.stop());

wb.test('a whole-report skeleton is inserted from a snippet typed by its pinyin prefix', async () => {
  await wb.openFile('draft.gw');
  await page.keyboard.type('ndbg');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'ndbg' }).first();
  await row.waitFor();
  await wb.shot('1-snippet-suggest');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape'); // leave snippet mode
  await save();
  const text = await untilFile('draft.gw', (t) => t.includes('现将') && t.includes('一、'), 'the skeleton to be saved');
  assert.match(text, /报告如下：/);
  assert.match(text, /一、.+\n[\s\S]*二、.+\n[\s\S]*三、/);
  assert.match(text, /\d{4}年[1-9]\d?月[1-9]\d?日/, 'the date without leading zeros');
  // the status bar counts the words of the new report
  await statusItem().waitFor();
  assert.match(await statusItem().getAttribute('aria-label'), /公文助手 字数 [1-9]\d* 问题 \d+/);
  await wb.shot('2-snippet-inserted');
});

wb.test('a standard formulation is completed from the suggest widget', async () => {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('坚持习近平新时');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: '习近平新时代中国特色社会主义思想' }).first();
  await row.waitFor();
  await wb.shot('3-completion');
  await row.click();
  await save();
  await untilFile('draft.gw', (t) => t.includes('坚持习近平新时代中国特色社会主义思想'), 'the completed formulation');
});

wb.test('the light-bulb quick fix renumbers a duplicate heading number', async () => {
  await wb.openFile('messy.gw');
  await page.waitForFunction(() => /Warnings?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 60_000 });
  await wb.goToLine(7);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: '重新编号本级标题' }).first();
  await fix.waitFor();
  await wb.shot('4-quick-fix');
  // keyboard, as a writer would: move the focus onto the fix, then Enter
  for (let i = 0; i < 10 && !(await fix.getAttribute('class')).includes('focused'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
  await page.locator('.monaco-editor .view-line', { hasText: '（二）加强理论武装' }).first().waitFor();
  await save();
  const text = await untilFile('messy.gw', (t) => t.includes('（二）加强理论武装'), 'the renumbered heading');
  assert.match(text, /（一）压紧压实主体责任/);
});

wb.test('saving runs fix-all: separators and run-in numbering are fixed', async () => {
  // messy.gw still has “一.” and “三是” after 一是; the save above already ran fix-all
  const text = await untilFile('messy.gw', (t) => t.includes('一、工作开展情况') && t.includes('二是阵地管理'), 'fix-all on save');
  assert.doesNotMatch(text, /一\.工作/);
  await wb.shot('5-fixed-on-save');
});

// The browser runs the workbench in English, so commands show their English titles (package.nls.json);
// a Chinese VS Code shows the zh-cn titles (公文: 报告统计 …) from package.nls.zh-cn.json.
wb.test('every 公文 command runs from the palette', async () => {
  await wb.openFile('report.gw');
  // 报告统计: a modal dialog with the numbers
  await wb.runCommand('Gongwen: Report statistics');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /字数（不含标点和空格）：\d+/);
  await wb.shot('6-statistics');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // 转到下一个占位符: selects an XX
  await page.keyboard.press('Control+Home');
  await wb.runCommand('Gongwen: Go to next placeholder');
  await page.locator('.monaco-editor .selected-text').first().waitFor();
  await wb.shot('7-next-placeholder');
  await wb.runCommand('Gongwen: Go to previous placeholder');

  // 插入标准部分: report.gw has all parts → an information toast says so
  await wb.runCommand('Gongwen: Insert a standard section');
  await page.locator('.notifications-toasts .notification-list-item-message', { hasText: '已包含' }).waitFor();

  // on a report that lacks a part, the QuickPick lists it and inserting numbers it in sequence
  await wb.openFile('partial.gw');
  await wb.runCommand('Gongwen: Insert a standard section');
  const part = page.locator('.quick-input-list .monaco-list-row', { hasText: '二、存在的问题' }).first();
  await part.waitFor();
  await wb.shot('8-insert-section');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: '二、存在的问题' }).first().waitFor();
  await save();
  await untilFile('partial.gw', (t) => t.includes('二、存在的问题\n【待补充】\n三、下一步工作打算'), 'the inserted part');
  // 重新编号标题
  await wb.runCommand('Gongwen: Renumber headings');
  // 打开示例报告: an untitled copy of the bundled sample
  await wb.runCommand('Gongwen: Open the sample report');
  await page.locator('.tabs-container .tab.active', { hasText: '中共XX县文化和旅游局党组' }).waitFor(); // named by its first line
  await page.waitForFunction(() => /Errors?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: 60_000 });
  await wb.shot('9-sample');
});

wb.test('the status bar shows 字数 and the problem count, and a click opens the statistics', async () => {
  await wb.openFile('report.gw');
  const item = statusItem();
  await item.waitFor();
  assert.match(await item.getAttribute('aria-label'), /公文助手 字数 [1-9]\d* 问题 [1-9]/);
  await item.click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /未填写的占位符：2/);
  await wb.shot('10-status-bar');
  await page.keyboard.press('Escape');
});
