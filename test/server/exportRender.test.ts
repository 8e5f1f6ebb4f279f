/**
 * The exported layout as a word processor lays it out: LibreOffice renders the portable-grid .docx to PDF and
 * pdftotext reads it back — 22 lines on a full page, 28 字 on a full line, “— 1 —” right on odd pages and “— 2 —”
 * left on even pages. (LibreOffice is no preview of Word's own character grid: design note, pitfall 4.)
 * Needs `libreoffice` (Debian libreoffice-writer-nogui) and `pdftotext` (poppler-utils); skipped with a message
 * where they are not installed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI } from './lspClient';

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg], { encoding: 'utf8' }).status === 0;

/** A report with only CJK text (so every full line holds exactly 28 字) over several pages. */
function longReport(): string {
  const chars = '我局坚持以习近平新时代中国特色社会主义思想为指导全面贯彻党的二十大精神认真落实意识形态工作责任制牢牢掌握领导权管理权话语权';
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const lines = ['关于意识形态工作情况的报告', '', '县委：'];
  for (let i = 0; i < 40; i++) {
    let s = '';
    for (let n = 40 + rnd(160); n > 0; n--) s += chars[rnd(chars.length)];
    lines.push(s + '。');
  }
  return lines.join('\n') + '\n';
}

describe('export rendered by LibreOffice (portable grid)', function () {
  this.timeout(180_000);
  let dir: string;
  let pages: string[] = [];
  let rawPages: string[] = [];

  before(function () {
    if (!has('libreoffice', '--version') || !has('pdftotext', '-v')) {
      console.log('      (skipped: LibreOffice or pdftotext is not installed — apt-get install libreoffice-writer-nogui poppler-utils)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'gongwen-render-'));
    const gw = join(dir, 'long.gw');
    writeFileSync(gw, longReport());
    const e = spawnSync(process.execPath, [CLI, 'export', gw, '--grid', 'portable'], { encoding: 'utf8' });
    assert.equal(e.status, 0, e.stderr);
    const lo = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile'))}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'long.docx')],
      { encoding: 'utf8', timeout: 150_000 },
    );
    assert.ok(existsSync(join(dir, 'long.pdf')), `LibreOffice made no PDF: ${lo.stdout} ${lo.stderr}`);
    pages = spawnSync('pdftotext', ['-layout', join(dir, 'long.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f');
    rawPages = spawnSync('pdftotext', ['-raw', join(dir, 'long.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f');
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const isPageNumber = (l: string) => /^\s*—\s*\d+\s*—\s*$/.test(l);
  const textLines = (page: string) => page.split('\n').filter((l) => l.trim() && !isPageNumber(l));

  it('a full page has 22 lines (exact 579 twips; 580 would give 21)', () => {
    assert.ok(pages.length >= 4, `pages: ${pages.length}`);
    assert.equal(textLines(pages[1]).length, 22, pages[1]);
    assert.equal(textLines(pages[2]).length, 22, pages[2]);
    // page 1: title, the blank line after it, then text: 21 rows with text
    assert.equal(textLines(pages[0]).length, 21, pages[0]);
  });

  it('a full line holds 28 字 and a paragraph starts 2 字 in', () => {
    const lines = textLines(pages[1]);
    const full = lines.filter((l) => !l.startsWith(' ') && !l.trim().endsWith('。'));
    assert.ok(full.length > 5);
    for (const l of full) assert.equal([...l.trim()].length, 28, l);
    const first = lines.filter((l) => /^ {2}\S/.test(l));
    assert.ok(first.length > 0, 'indented first lines');
  });

  it('page numbers “— 1 —” right on odd pages, “— 2 —” left on even pages', () => {
    assert.ok(rawPages[0].includes('— 1 —'), rawPages[0].slice(-40));
    assert.ok(rawPages[1].includes('— 2 —'), rawPages[1].slice(-40));
    const footer = (page: string) => page.split('\n').find(isPageNumber)!;
    assert.ok(/^\s{10,}—/.test(footer(pages[0])), `odd: ${footer(pages[0])}`);
    assert.ok(/^—/.test(footer(pages[1])), `even: ${footer(pages[1])}`);
  });
});
