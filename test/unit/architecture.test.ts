/** The allowed import directions (ARCHITECTURE.md), checked on the source files themselves. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { REPO_ROOT } from './paths';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  return out;
}

/** Where an import points: a repo-relative path for relative imports, else the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(REPO_ROOT, resolve(dirname(file), spec)).replace(/\\/g, '/');
}

interface Layer {
  dir: string;
  allowed: (t: string) => boolean;
  why: string;
}

const LAYERS: Layer[] = [
  {
    dir: 'server/src/core',
    // yaml is a pure parser (text in, tree out). docx, only in core/export: it builds the Word file's XML and zip
    // in memory (tree in, bytes out) and touches no file system, so the exporter stays a pure function.
    allowed: (t) => t.startsWith('server/src/core') || t === 'yaml',
    why: 'core 必须是纯逻辑：只能引用 core 自身和纯解析库 yaml（不得引用 LSP、vscode、node:fs 等）',
  },
  {
    dir: 'server/src/lsp',
    allowed: (t) =>
      t.startsWith('server/src/core') || t.startsWith('server/src/lsp') || t.startsWith('server/src/host') || t === 'server/src/protocol' || /^vscode-languageserver/.test(t) || /^node:/.test(t),
    why: 'lsp 只能引用 core、host、protocol、vscode-languageserver* 和 node 内置模块',
  },
  {
    dir: 'server/src/cli',
    allowed: (t) =>
      t.startsWith('server/src/core') || t.startsWith('server/src/cli') || t.startsWith('server/src/host') || t === 'server/src/lsp/server' || /^node:/.test(t) || /^vscode-languageserver/.test(t),
    why: 'cli 只能引用 core、host、lsp/server（用于 gongwen lsp）和 node 内置模块',
  },
  {
    dir: 'server/src/host',
    allowed: (t) => t.startsWith('server/src/core') || t.startsWith('server/src/host') || /^node:/.test(t) || t === 'yaml',
    why: 'host（文件读写等 Node 宿主功能）只能引用 core、yaml 和 node 内置模块，不能涉及 LSP',
  },
  {
    dir: 'client/src',
    allowed: (t) => t.startsWith('client/src') || t === 'server/src/protocol' || t === 'vscode' || /^vscode-languageclient/.test(t) || /^node:/.test(t),
    why: 'client 只能引用 vscode、vscode-languageclient 和 server/src/protocol，不能自己解析报告',
  },
];

/** Packages allowed only in one folder of a layer, with the reason. */
const SUBFOLDER_PACKAGES: { dir: string; packages: string[]; why: string }[] = [
  // The .docx builder: in-memory XML and zip, no file system (see the core rule above).
  { dir: 'server/src/core/export/', packages: ['docx'], why: 'core/export 用 docx 在内存中生成 Word 文件' },
  // Reading .docx files: zip (fflate), XML (@xmldom/xmldom) and the document body (mammoth) — Node-side glue.
  { dir: 'server/src/host/', packages: ['mammoth', 'fflate', '@xmldom/xmldom'], why: 'host 读取 Word 文件（导入）' },
];

function allowedInSubfolder(file: string, t: string): boolean {
  return SUBFOLDER_PACKAGES.some((s) => file.startsWith(s.dir) && s.packages.includes(t));
}

describe('architecture: allowed import directions', () => {
  for (const layer of LAYERS) {
    it(`${layer.dir} — ${layer.why}`, () => {
      const bad: string[] = [];
      const files = sources(join(REPO_ROOT, layer.dir));
      assert.ok(files.length > 0, `no sources in ${layer.dir}`);
      for (const file of files) {
        for (const spec of importsOf(file)) {
          const t = target(file, spec).replace(/\.(ts|js)$/, '');
          if (!layer.allowed(t) && !allowedInSubfolder(relative(REPO_ROOT, file).replace(/\\/g, '/'), t)) bad.push(`${relative(REPO_ROOT, file)} → ${spec}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }

  it('protocol.ts imports nothing', () => {
    assert.deepEqual(importsOf(join(REPO_ROOT, 'server/src/protocol.ts')), []);
  });

  it('the scanner sees imports (self-check)', () => {
    const spec = importsOf(join(REPO_ROOT, 'server/src/lsp/server.ts'));
    assert.ok(spec.includes('vscode-languageserver'), spec.join(', '));
    assert.ok(spec.some((s) => s.startsWith('./')));
  });
});
