#!/usr/bin/env node
// Writes the rule catalogue from the registry into README.md (between the rules markers) and into the
// `gongwen.rules` settings schema in package.json. Run after adding a rule: `npm run sync-rules`.
// test/unit/meta.test.ts fails when either is out of date.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = resolve(root, 'server/out/cli.js');
const run = (...args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

const table = run('rules', '--markdown').trimEnd();
const readmePath = resolve(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a === -1 || b === -1) throw new Error('README.md lacks the rules markers');
writeFileSync(readmePath, readme.slice(0, a + start.length) + '\n' + table + '\n' + readme.slice(b));

const metas = JSON.parse(run('rules', '--format', 'json'));
const pkgPath = resolve(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const severityZh = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
const properties = {};
for (const m of metas) {
  properties[m.id] = {
    type: 'string',
    enum: ['off', 'hint', 'info', 'warning', 'error'],
    markdownDescription: `${m.title}（默认：${severityZh[m.defaultSeverity]}）`,
  };
}
pkg.contributes.configuration.properties['gongwen.rules'].properties = properties;
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
console.log(`synced ${metas.length} rules into README.md and package.json`);
