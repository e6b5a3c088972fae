// Public surface of the pure language service. Entry points (LSP server, web worker, CLI)
// import from here only.
export * from './model';
export * from './settings';
export { parseReport } from './parser';
export type { ParseOptions } from './parser';
export { validateText, validateModel, shouldCheckDocument, looksLikeReport } from './validate';
export type { ValidateOptions } from './validate';
export { RULES, RULE_IDS } from './rules';
export type { Rule, RuleId } from './rules';
