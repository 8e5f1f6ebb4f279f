/** Settings as the server uses them: one typed normaliser, pulled per document, never trusted raw. */
import { normalizeRuleConfig, type RuleConfig } from '../core';

export interface Settings {
  enable: boolean;
  checkPlainText: boolean;
  rules: RuleConfig;
  /** Chinese messages about settings that were ignored. */
  problems: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, checkPlainText: false, rules: {}, problems: [] };

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
  return {
    enable: bool('enable', DEFAULT_SETTINGS.enable),
    checkPlainText: bool('checkPlainText', DEFAULT_SETTINGS.checkPlainText),
    rules: rules.config,
    problems,
  };
}
