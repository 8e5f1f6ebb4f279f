/** `npm run quality`: prints recall per family and false alarms per 10k characters; writes out/quality.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { repoPath } from '../unit/paths';
import { measureQuality } from './measure';

const q = measureQuality();
console.log('召回率（预置错误）');
for (const f of q.recall) console.log(`  ${f.family.padEnd(12)} ${f.found}/${f.seeded}  ${(f.recall * 100).toFixed(1)}%`);
const total = q.recall.reduce((a, f) => ({ s: a.s + f.seeded, f: a.f + f.found }), { s: 0, f: 0 });
console.log(`  ${'合计'.padEnd(11)} ${total.f}/${total.s}  ${total.s ? ((total.f / total.s) * 100).toFixed(1) : '0'}%`);
console.log(`误报（警告和错误，干净文本 ${q.cleanChars} 字）：${q.falseAlarms.length} 处，每万字 ${q.falseAlarmsPer10k.toFixed(2)} 处`);
for (const fa of q.falseAlarms) console.log(`  ${fa.file}  ${fa.ruleId}  「${fa.text.replace(/\n/g, '⏎')}」 ${fa.message}`);
if (process.argv.includes('--missed')) for (const f of q.recall) for (const m of f.missed) console.log(`  漏报 ${m}`);
mkdirSync(repoPath('out'), { recursive: true });
writeFileSync(repoPath('out/quality.json'), JSON.stringify(q, null, 2));
