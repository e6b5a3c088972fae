// The rule registry: every rule the service runs, in the order their findings are reported.
// A rule's id is its diagnostic code, its setting key (gknb.rules.<id>) and its docs anchor.
import { appealTotal } from './appeal-total';
import { balance } from './balance';
import type { RuleDefinition } from './common';
import { duplicateSection } from './duplicate-section';
import { emptyCell } from './empty-cell';
import { fullwidthDigit } from './fullwidth-digit';
import { headingWording } from './heading-wording';
import { invalidNumber } from './invalid-number';
import { missingRow } from './missing-row';
import { missingSection } from './missing-section';
import { missingTable } from './missing-table';
import { resultTotal } from './result-total';
import { rowTotal } from './row-total';
import { sectionOrder } from './section-order';
import { unknownLabel } from './unknown-label';
import { templateMismatch } from './template-mismatch';
import { yearMismatch } from './year-mismatch';
import { processingFee } from './processing-fee';
import { cumulativeTotal } from './cumulative-total';
import { textTableMismatch } from './text-table-mismatch';
import { crossYear } from './cross-year';

export type { Finding, PreviousReport, RuleContext, RuleDefinition } from './common';

export const RULES = [
  missingSection,
  sectionOrder,
  duplicateSection,
  headingWording,
  missingTable,
  missingRow,
  unknownLabel,
  rowTotal,
  resultTotal,
  balance,
  appealTotal,
  emptyCell,
  invalidNumber,
  fullwidthDigit,
  templateMismatch,
  yearMismatch,
  processingFee,
  cumulativeTotal,
  crossYear,
  textTableMismatch,
] as const satisfies readonly RuleDefinition[];

export type Rule = (typeof RULES)[number];

/**
 * `file-too-large` is not a check over the model: validate emits it instead of running the
 * rules on a file above gknb.maxFileSizeKB. It is still a rule id, so it can be configured.
 */
export const FILE_TOO_LARGE = 'file-too-large';

export type RuleId = Rule['id'] | typeof FILE_TOO_LARGE;

export const RULE_IDS: readonly RuleId[] = [...RULES.map((r) => r.id), FILE_TOO_LARGE];

export const DEFAULT_SEVERITIES: Readonly<Record<RuleId, RuleDefinition['defaultSeverity']>> = {
  ...Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
  [FILE_TOO_LARGE]: 'information',
} as Record<RuleId, RuleDefinition['defaultSeverity']>;
