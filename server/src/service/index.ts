// Public surface of the pure language service. Entry points (LSP server, web worker, CLI)
// import from here only.
export * from './model';
export * from './settings';
export { parseReport } from './parser';
export type { ParseOptions } from './parser';
export { validateText, validateModel, shouldCheckDocument, looksLikeReport, exceedsSizeLimit } from './validate';
export type { ValidateOptions } from './validate';
export { RULES, RULE_IDS, DEFAULT_SEVERITIES } from './rules';
export { applyEdits, fixAll, getCodeActions, SAFE_FIX_RULES } from './codeActions';
export { getRefactorActions, CONVERT_TABLE_KIND } from './codeActions';
export type { CodeActionOptions, FixAllResult } from './codeActions';
export { isSuppressed } from './validate';
export type { Rule, RuleId, PreviousReport } from './rules';
export { findPreviousReport, isPreviousReport, parseReportTitle, reportIdentity, reportIdentityOfText, sameAgency } from './agency';
export type { ReportIdentity } from './agency';
export { standardTable, sectionSkeleton, reportSkeleton, overviewSubheads, templateForYear, OVERVIEW_SUBHEADS_2021, NO_FEE_SENTENCE } from './skeleton';
export type { SectionSkeletonOptions, ReportSkeletonOptions } from './skeleton';
export { formatTables, displayWidth, MAX_FORMAT_LINE_LENGTH } from './format';
export { getCompletions } from './completion';
export type { CompletionOptions } from './completion';
export { documentSymbols, foldingRanges, selectionRanges, sectionSpans, tableName } from './outline';
export type { SectionSpan } from './outline';
export { hover, cellLabels } from './hover';
export { codeLenses, inlayHints, relationFindings, SHOW_TABLE_PROBLEMS_COMMAND, RELATION_RULE_IDS } from './lens';
export type { TableProblemsArgument, RelationOptions, RelationFinding } from './lens';
export { importReport, looksLikeHtml } from './importer';
export type { ImportFormat, ImportOptions, ImportResult, UnmappedItem } from './importer';
