/**
 * The rule registry: every rule, listed explicitly (no file-system globbing, so bundles stay static).
 * A rule's id is its path under rules/ — checked by test/unit/meta.test.ts.
 */
import type { Rule } from '../rule';
import placeholderUnfilled from './placeholder/unfilled';

export const RULES: readonly Rule[] = [placeholderUnfilled];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
