// Code lenses and inlay hints over the statistics tables. A lens above each table sums up its
// arithmetic relations (勾稽关系); an inlay hint after each wrong total shows the value it should
// have. Both come from the total rules themselves (row-total, result-total, balance,
// appeal-total), run on the model: no arithmetic is repeated here.
import type { CodeLens, InlayHint, Range, TextEdit } from 'vscode-languageserver-types';
import type { ReportModel, Table } from './model';
import { splitLines } from './parser';
import { RULES } from './rules';
import { formatNumber, type Finding } from './rules/common';
import { localize } from './l10n';
import type { Locale, SeverityName } from './settings';
import { isSuppressed } from './validate';

/** The client command a lens with problems runs: jump to / list the failing total cells. */
export const SHOW_TABLE_PROBLEMS_COMMAND = 'gknb.showTableProblems';

/** The argument of `gknb.showTableProblems` (no URI: the client knows the document). */
export interface TableProblemsArgument {
  /** 0-based first line of the table. */
  readonly line: number;
  /** Ranges of the failing total cells, one per relation finding, in rule order. */
  readonly ranges: Range[];
}

/** The arithmetic rules behind lenses and hints, per table kind. */
export const RELATION_RULE_IDS: Readonly<Record<Table['kind'], readonly string[]>> = {
  active: [],
  requests: ['row-total', 'result-total', 'balance'],
  appeals: ['appeal-total'],
};

export interface RelationOptions {
  /** Per-rule severities as in settings (`gknb.rules`); a rule set to 'off' is not run. */
  readonly rules?: Readonly<Record<string, SeverityName>>;
}

export interface RelationFinding {
  readonly rule: string;
  readonly finding: Finding;
}

function rangeInside(outer: Range, inner: Range): boolean {
  const startOk = inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character);
  const endOk = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character);
  return startOk && endOk;
}

/**
 * The findings of the relation rules, as diagnostics would carry them (rules switched off in
 * `options.rules` and `gknb-disable` comments are respected), in rule order.
 */
export function relationFindings(model: ReportModel, locale: Locale = 'zh-cn', options: RelationOptions = {}): RelationFinding[] {
  const ids = new Set(Object.values(RELATION_RULE_IDS).flat());
  const out: RelationFinding[] = [];
  for (const rule of RULES) {
    if (!ids.has(rule.id) || options.rules?.[rule.id] === 'off') continue;
    for (const finding of rule.check({ model, locale })) {
      if (model.directives.length > 0 && isSuppressed(model.directives, rule.id, finding.range.start.line)) continue;
      out.push({ rule: rule.id, finding });
    }
  }
  return out;
}

/** The relation findings that fall inside one table. */
function findingsOf(table: Table, all: readonly RelationFinding[]): RelationFinding[] {
  const rules = RELATION_RULE_IDS[table.kind];
  return all.filter((f) => rules.includes(f.rule) && rangeInside(table.range, f.finding.range));
}

function countValues(table: Table): number {
  let n = 0;
  for (const row of table.cells.values()) for (const cell of row.values()) if (!cell.missing) n++;
  return n;
}

/**
 * One lens above each recognised table, on its first line: `勾稽关系：全部平衡 ✓`, or
 * `勾稽关系：N 处不平衡` running `gknb.showTableProblems` with the failing cells' ranges; table 二
 * has no relations: `表二：无勾稽关系（共 N 项数据）`. Lenses without problems carry a command
 * with an empty id (title only, nothing to run).
 */
export function codeLenses(model: ReportModel, text: string, locale: Locale = 'zh-cn', options: RelationOptions = {}): CodeLens[] {
  const lines = splitLines(text);
  const all = model.tables.some((t) => t.kind !== 'active') ? relationFindings(model, locale, options) : [];
  return model.tables.map((table) => {
    const line = table.range.start.line;
    const range: Range = { start: { line, character: 0 }, end: { line, character: (lines[line] ?? '').length } };
    if (table.kind === 'active') {
      const n = countValues(table);
      const title = localize(locale, 'Table 二: no arithmetic relations ({0} values)', n);
      return { range, command: { title, command: '' } };
    }
    const failing = findingsOf(table, all);
    if (failing.length === 0) {
      return { range, command: { title: localize(locale, 'Relations: all balanced ✓'), command: '' } };
    }
    const title = localize(locale, 'Relations: {0} unbalanced', failing.length);
    const argument: TableProblemsArgument = { line, ranges: failing.map((f) => f.finding.range) };
    return { range, command: { title, command: SHOW_TABLE_PROBLEMS_COMMAND, arguments: [argument] } };
  });
}

/** The value a failing total should have, from the finding's data. */
function expectedOf(f: RelationFinding): number | undefined {
  const data = f.finding.data as Record<string, unknown> | undefined;
  if (!data) return undefined;
  if (typeof data.expected === 'number') return data.expected;
  if (f.rule === 'balance') {
    // The balance rule reports on 四 (carried over to next year): 一 + 二 − （七）.
    const { received, carried, handled } = data as { received?: unknown; carried?: unknown; handled?: unknown };
    if (typeof received === 'number' && typeof carried === 'number' && typeof handled === 'number') {
      const expected = received + carried - handled;
      return expected >= 0 ? expected : undefined;
    }
  }
  return undefined;
}

function positionIn(range: Range, line: number, character: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && character < range.start.character) return false;
  if (line === range.end.line && character > range.end.character) return false;
  return true;
}

/**
 * After each wrong total inside `range`, the value it should have: `应为 5` (`should be 5`),
 * right after the cell's text. Several findings on one cell make one hint (`应为 7 / 8` when they
 * disagree). A hint with a single expected value carries the edit that writes it.
 */
export function inlayHints(model: ReportModel, text: string, range: Range, locale: Locale = 'zh-cn', options: RelationOptions = {}): InlayHint[] {
  void text; // cell ranges come from the model
  if (!model.tables.some((t) => t.kind !== 'active' && t.range.end.line >= range.start.line && t.range.start.line <= range.end.line)) return [];
  const byCell = new Map<string, { cell: Range; expected: number[]; messages: string[]; rules: string[] }>();
  for (const f of relationFindings(model, locale, options)) {
    const cell = f.finding.range;
    if (!positionIn(range, cell.end.line, cell.end.character)) continue;
    const expected = expectedOf(f);
    const key = `${cell.start.line}:${cell.start.character}:${cell.end.line}:${cell.end.character}`;
    let entry = byCell.get(key);
    if (!entry) byCell.set(key, entry = { cell, expected: [], messages: [], rules: [] });
    if (expected !== undefined && !entry.expected.includes(expected)) entry.expected.push(expected);
    entry.messages.push(f.finding.message);
    entry.rules.push(f.rule);
  }
  const hints: InlayHint[] = [];
  for (const entry of byCell.values()) {
    const values = entry.expected.map(formatNumber).join(' / ');
    const label = entry.expected.length > 0
      ? localize(locale, 'should be {0}', values)
      : localize(locale, 'unbalanced');
    const hint: InlayHint = {
      position: entry.cell.end,
      label,
      paddingLeft: true,
      tooltip: entry.messages.map((m, i) => `${m} (${entry.rules[i]})`).join('\n'),
    };
    if (entry.expected.length === 1 && !entry.rules.includes('balance')) {
      const edit: TextEdit = { range: entry.cell, newText: formatNumber(entry.expected[0]) };
      hint.textEdits = [edit];
    }
    hints.push(hint);
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
