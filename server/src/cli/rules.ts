/** `gongwen rules`: the rule catalogue (id, severity, fixable, title, description, standard). */
import { RULES, type Severity } from '../core';
import { parseArgs } from './args';
import type { Io } from './main';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

/** The README rule table; `node server/scripts/sync-rules.mjs` writes it between the rules markers. */
export function rulesMarkdown(): string {
  const rows = RULES.map((r) => {
    const m = r.meta;
    const cell = (s: string): string => s.replace(/\|/g, '\\|');
    return `| \`${m.id}\` | ${SEVERITY_ZH[m.defaultSeverity]} | ${m.fixable ? '是' : '否'} | **${cell(m.title)}**：${cell(m.description)} | ${cell(m.standard)} |`;
  });
  return ['| 规则 | 默认级别 | 可修复 | 说明 | 依据 |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function runRules(args: string[], io: Io): number {
  const parsed = parseArgs(args, [], ['--markdown']);
  if (parsed.error) {
    io.err(parsed.error);
    return 2;
  }
  if (parsed.flags.has('--markdown')) io.out(rulesMarkdown());
  else if (parsed.format === 'json') io.out(JSON.stringify(RULES.map((r) => r.meta), null, 2));
  else for (const r of RULES) io.out(`${r.meta.id.padEnd(34)} ${SEVERITY_ZH[r.meta.defaultSeverity]}  ${r.meta.fixable ? '可修复' : '      '}  ${r.meta.title}`);
  return 0;
}
