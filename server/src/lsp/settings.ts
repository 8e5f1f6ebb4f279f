/** Settings as the server uses them: one typed normaliser, pulled per document, never trusted raw. */
import { normalizeRuleConfig, type RuleConfig } from '../core';

export interface Settings {
  enable: boolean;
  checkPlainText: boolean;
  rules: RuleConfig;
  /** Extra dictionary files (absolute, or relative to the workspace folder). */
  dictionaries: string[];
  /** Chinese messages about settings that were ignored. */
  problems: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, checkPlainText: false, rules: {}, dictionaries: [], problems: [] };

export function normalizeSettings(raw: unknown): Settings {
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ...DEFAULT_SETTINGS, problems: raw == null ? [] : ['“gongwen”设置应为对象，已使用默认设置。'] };
  }
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  const bool = (key: string, fallback: boolean): boolean => {
    const v = r[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    problems.push(`设置“gongwen.${key}”应为 true 或 false，当前为“${String(v)}”，已使用默认值 ${fallback}。`);
    return fallback;
  };
  const rules = normalizeRuleConfig(r.rules);
  problems.push(...rules.problems);
  const dictionaries: string[] = [];
  if (Array.isArray(r.dictionaries)) {
    for (const d of r.dictionaries) {
      if (typeof d === 'string' && d.trim()) dictionaries.push(d.trim());
      else problems.push(`设置“gongwen.dictionaries”中的“${String(d)}”不是文件路径，已忽略。`);
    }
  } else if (r.dictionaries !== undefined && r.dictionaries !== null) {
    problems.push('设置“gongwen.dictionaries”应为文件路径列表，已忽略。');
  }
  return {
    enable: bool('enable', DEFAULT_SETTINGS.enable),
    checkPlainText: bool('checkPlainText', DEFAULT_SETTINGS.checkPlainText),
    rules: rules.config,
    dictionaries,
    problems,
  };
}
