// Bundles the three hosts (client, server, CLI) and the test suites.
// Usage: node esbuild.mjs [--watch] [--production]
// Type-checking is separate: `npm run typecheck` (tsc --noEmit).
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  charset: 'utf8',
  // Shipped dictionaries are YAML text bundled into the server (server/src/core/data/*.yml); the typo
  // detector's lexicon and character tables are plain text (server/src/core/data/*.txt).
  loader: { '.yml': 'text', '.txt': 'text' },
};

/** Reports build results in the format the `$esbuild-watch` problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'workspace' || name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const builds = [
  // The extension client: `vscode` is provided by the host.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The language server, started by the client over IPC.
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js' },
  // The CLI (`gongwen check|outline|lsp`), a third host on the same core.
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // Tests: one output file per test source; packages stay external (mocha, vscode, playwright-core …).
  {
    ...common,
    entryPoints: testEntries('test'),
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
    sourcemap: true,
    minify: false,
  },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context({ ...options, plugins: [problemMatcher] });
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
