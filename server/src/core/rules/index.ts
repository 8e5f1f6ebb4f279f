/**
 * The rule registry: every rule, listed explicitly (no file-system globbing, so bundles stay static).
 * A rule's id is its path under rules/ — checked by test/unit/meta.test.ts. Order here is the order in
 * which rules run and, for equal positions, the order of their findings.
 */
import type { Rule } from '../rule';
import numberingDuplicate from './numbering/duplicate';
import numberingGap from './numbering/gap';
import numberingInconsistentSeparator from './numbering/inconsistent-separator';
import numberingLevelSkip from './numbering/level-skip';
import numberingOrder from './numbering/order';
import numberingRestart from './numbering/restart';
import numberingRunInSequence from './numbering/run-in-sequence';
import numberingSeparator from './numbering/separator';
import placeholderUnfilled from './placeholder/unfilled';
import structureEmptySection from './structure/empty-section';
import structureHeadingPunctuation from './structure/heading-punctuation';
import structureHeadingRunIn from './structure/heading-run-in';
import structureMissingOpening from './structure/missing-opening';
import structureMissingPart from './structure/missing-part';
import structureRunInSingle from './structure/run-in-single';

export const RULES: readonly Rule[] = [
  placeholderUnfilled,
  numberingGap,
  numberingDuplicate,
  numberingRestart,
  numberingOrder,
  numberingLevelSkip,
  numberingSeparator,
  numberingInconsistentSeparator,
  numberingRunInSequence,
  structureHeadingRunIn,
  structureHeadingPunctuation,
  structureEmptySection,
  structureRunInSingle,
  structureMissingOpening,
  structureMissingPart,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
