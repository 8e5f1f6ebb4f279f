#!/usr/bin/env node
// The npm registry mirror here serves only the linux-x64 builds of packages that ship native binaries as
// per-platform optional dependencies (@node-rs/jieba-*, autocorrect-node-*), so `npm install` leaves the
// other platforms out of package-lock.json and `npm ci` then refuses the lock as out of sync. This adds
// lock entries for the missing platforms (os/cpu/libc from the package name, optional): npm ci skips
// them on this machine and installs them where they fit. Run after `npm install` changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const platform = (suffix) => {
  const [os, cpu, abi] = suffix.split('-');
  const entry = { os: [os], cpu: [cpu === 'arm' ? 'arm' : cpu] };
  if (os === 'linux') entry.libc = [abi === 'musl' ? 'musl' : 'glibc'];
  return entry;
};
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!pkg.optionalDependencies || !path.startsWith('node_modules/')) continue;
  const name = path.slice('node_modules/'.length);
  for (const [dep, version] of Object.entries(pkg.optionalDependencies)) {
    if (!dep.startsWith(`${name}-`) || lock.packages[`node_modules/${dep}`]) continue;
    lock.packages[`node_modules/${dep}`] = { version, ...platform(dep.slice(name.length + 1)), dev: pkg.dev, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-optionals: added ${added} platform entries`);
