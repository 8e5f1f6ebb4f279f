/** Rule configuration: per-rule severity or off, normalised from whatever a user wrote. */
import { RULES_BY_ID } from './rules';
import { SEVERITIES, type Severity } from './types';

export type RuleSetting = Severity | 'off';
export type RuleConfig = Readonly<Record<string, RuleSetting>>;

export interface NormalizedRuleConfig {
  config: RuleConfig;
  /** Chinese messages naming each setting that was ignored, and why. */
  problems: string[];
}

const SETTING_ALIASES: Record<string, RuleSetting> = {
  off: 'off',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  关闭: 'off',
  错误: 'error',
  警告: 'warning',
  提示: 'info',
  信息: 'info',
};

/** Turns a user's `gongwen.rules` value into a valid config; never throws, reports what it dropped. */
export function normalizeRuleConfig(raw: unknown, where = 'gongwen.rules'): NormalizedRuleConfig {
  const problems: string[] = [];
  const config: Record<string, RuleSetting> = {};
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`设置“${where}”应为对象（规则编号 → 级别），已忽略，使用默认级别。`);
    return { config, problems };
  }
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!RULES_BY_ID.has(id)) {
      problems.push(`设置“${where}”中的规则“${id}”不存在，已忽略。`);
      continue;
    }
    const setting = typeof value === 'boolean' ? (value ? undefined : 'off') : SETTING_ALIASES[String(value).toLowerCase()];
    if (typeof value === 'boolean' && value) continue; // true = keep the default severity
    if (!setting) {
      problems.push(
        `设置“${where}”中规则“${id}”的级别“${String(value)}”无效，应为 ${[...SEVERITIES, 'off'].join('、')} 之一，已使用默认级别。`,
      );
      continue;
    }
    config[id] = setting;
  }
  return { config, problems };
}
