/** The core's public surface for the hosts (LSP glue, CLI, tests). Pure: text in, tree and findings out. */
export * from './types';
export * from './rule';
export { parseReport } from './parse/parser';
export type * from './parse/report';
export { lint, type LintOptions, type LintResult } from './lint';
export { normalizeRuleConfig, type RuleConfig, type RuleSetting } from './config';
export { applyEdits, collectFixAllEdits, normalizeEdits } from './fixes';
export { buildOutline, type OutlineNode, type OutlineKind } from './outline';
export { LineIndex, type Position } from './text/lineIndex';
export { RULES, RULES_BY_ID } from './rules';
export { decodeReport, type DecodeResult } from './text/decode';
export { fixAll, minimalEdit, type FixAllResult } from './fixAll';
export { renumberAll, renumberGroup, renumberRunInList, siblingGroups, groupOf } from './renumber';
export { standardMarker, matchMarkerAt, type HeadingLevel, type HeadingMarker } from './parse/markers';
export { toChineseNumber, parseChineseNumber } from './parse/numerals';
export { PARTS, PART_TITLES, partsOf, isWorkReport, type PartKind } from './parts';
export { headingLabel, levelName } from './headings';
