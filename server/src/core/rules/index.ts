/**
 * The rule registry: every rule, listed explicitly (no file-system globbing, so bundles stay static).
 * A rule's id is its path under rules/ — checked by test/unit/meta.test.ts. Order here is the order in
 * which rules run and, for equal positions, the order of their findings.
 */
import type { Rule } from '../rule';
import consistencyAbbreviatedYear from './consistency/abbreviated-year';
import consistencyAnniversary from './consistency/anniversary';
import consistencyApproximateNumber from './consistency/approximate-number';
import consistencyAsOf from './consistency/as-of';
import consistencyBareYear from './consistency/bare-year';
import consistencyDateFormat from './consistency/date-format';
import consistencyHalfYearScope from './consistency/half-year-scope';
import consistencyOrganization from './consistency/organization';
import consistencyReportYear from './consistency/report-year';
import consistencyYearZero from './consistency/year-zero';
import duplicateEnumerationItem from './duplicate/enumeration-item';
import duplicateRepeatedSentence from './duplicate/repeated-sentence';
import duplicateRepeatedWord from './duplicate/repeated-word';
import formulationEnumeration from './formulation/enumeration';
import formulationOutdated from './formulation/outdated';
import formulationStandard from './formulation/standard';
import numberingDuplicate from './numbering/duplicate';
import numberingGap from './numbering/gap';
import numberingInconsistentSeparator from './numbering/inconsistent-separator';
import numberingLevelSkip from './numbering/level-skip';
import numberingOrder from './numbering/order';
import numberingRestart from './numbering/restart';
import numberingRunInSequence from './numbering/run-in-sequence';
import numberingSeparator from './numbering/separator';
import placeholderUnfilled from './placeholder/unfilled';
import grammarDanglingVerb from './grammar/dangling-verb';
import punctuationApproximateDunhao from './punctuation/approximate-dunhao';
import punctuationBookTitleMisuse from './punctuation/book-title-misuse';
import punctuationBracketEndMark from './punctuation/bracket-end-mark';
import punctuationDunhaoBetweenQuotes from './punctuation/dunhao-between-quotes';
import punctuationDunhaoConjunction from './punctuation/dunhao-conjunction';
import punctuationEllipsisDash from './punctuation/ellipsis-dash';
import punctuationHalfWidth from './punctuation/half-width';
import punctuationNestedColon from './punctuation/nested-colon';
import punctuationParagraphEnd from './punctuation/paragraph-end';
import punctuationParagraphStart from './punctuation/paragraph-start';
import punctuationPeriodPlacement from './punctuation/period-placement';
import punctuationQuoteDirection from './punctuation/quote-direction';
import punctuationRangeDash from './punctuation/range-dash';
import punctuationRepeated from './punctuation/repeated';
import punctuationRunInSeparator from './punctuation/run-in-separator';
import punctuationUnbalancedPair from './punctuation/unbalanced-pair';
import punctuationWhitespace from './punctuation/whitespace';
import structureEmptySection from './structure/empty-section';
import structureHeadingPunctuation from './structure/heading-punctuation';
import structureHeadingRunIn from './structure/heading-run-in';
import structureMissingOpening from './structure/missing-opening';
import structureMissingPart from './structure/missing-part';
import structureRunInSingle from './structure/run-in-single';
import typoConfusion from './typo/confusion';
import typoDictionary from './typo/dictionary';

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
  punctuationHalfWidth,
  punctuationUnbalancedPair,
  punctuationQuoteDirection,
  punctuationRepeated,
  punctuationEllipsisDash,
  punctuationWhitespace,
  punctuationParagraphStart,
  punctuationParagraphEnd,
  punctuationPeriodPlacement,
  punctuationApproximateDunhao,
  punctuationDunhaoBetweenQuotes,
  punctuationBookTitleMisuse,
  punctuationRangeDash,
  punctuationDunhaoConjunction,
  punctuationBracketEndMark,
  punctuationNestedColon,
  punctuationRunInSeparator,
  consistencyReportYear,
  consistencyHalfYearScope,
  consistencyAnniversary,
  consistencyAsOf,
  consistencyApproximateNumber,
  consistencyAbbreviatedYear,
  consistencyBareYear,
  consistencyDateFormat,
  consistencyYearZero,
  consistencyOrganization,
  duplicateRepeatedWord,
  duplicateEnumerationItem,
  duplicateRepeatedSentence,
  typoDictionary,
  typoConfusion,
  formulationStandard,
  formulationEnumeration,
  formulationOutdated,
  grammarDanglingVerb,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
