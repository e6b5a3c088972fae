// What every rule shares: the rule contract, cell names for messages, and the arithmetic
// helpers the total rules use (blank counts as 0; an invalid cell suspends its relation).
import type { Range, ReportModel, Table, ValueCell } from '../model';
import type { Locale, SeverityName } from '../settings';
import { APPEAL_GROUPS, APPEAL_OUTCOMES, ACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_ROWS } from '../template';

export interface RelatedCell {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (unless the user set one). */
  readonly severity?: Exclude<SeverityName, 'off'>;
  readonly related?: readonly RelatedCell[];
  /** Fix data, carried in `diagnostic.data` for code actions. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface RuleContext {
  readonly model: ReportModel;
  readonly locale: Locale;
}

export interface RuleDefinition<Id extends string = string> {
  readonly id: Id;
  readonly defaultSeverity: Exclude<SeverityName, 'off'>;
  readonly check: (context: RuleContext) => Finding[];
}

/** Picks the message in the context's language. */
export function say(context: RuleContext, zh: string, en: string): string {
  return context.locale === 'en' ? en : zh;
}

/** The number a cell contributes to a sum: blank and missing count as 0. */
export function numberOf(cell: ValueCell | undefined): number {
  return cell && cell.parsed.kind === 'number' ? cell.parsed.value : 0;
}

/** A relation is checked only when none of its cells is unreadable (invalid-number reports those). */
export function allReadable(cells: readonly (ValueCell | undefined)[]): boolean {
  return cells.every((c) => !c || c.parsed.kind !== 'invalid');
}

export function isBlank(cell: ValueCell | undefined): boolean {
  return !cell || cell.parsed.kind === 'blank';
}

/** The official name of a cell, `row·column`, for messages and related information. */
export function cellName(table: Table, cell: ValueCell): string {
  if (table.kind === 'requests') {
    const row = REQUEST_ROWS[table.template].find((r) => r.id === cell.rowId);
    const column = REQUEST_COLUMNS.find((c) => c.id === cell.columnId);
    const group = row?.group ? REQUEST_ROWS[table.template].find((r) => r.id === row.group) : undefined;
    return `${group ? `${group.label} ` : ''}${row?.label ?? cell.rowId}·${column?.label ?? cell.columnId}`;
  }
  if (table.kind === 'appeals') {
    const [groupId, outcomeId] = cell.columnId.split('.');
    const group = APPEAL_GROUPS.find((g) => g.id === groupId);
    const outcome = APPEAL_OUTCOMES.find((o) => o.id === outcomeId);
    const parent = groupId === 'review' ? '' : '行政诉讼·';
    return `${parent}${group?.label ?? groupId}·${outcome?.label ?? outcomeId}`;
  }
  const [item, rowId] = cell.rowId.split('.');
  const block = ACTIVE_BLOCKS[table.template].find((b) => b.item === item);
  const row = block?.rows.find((r) => r.id === rowId);
  const column = block?.columns.find((c) => c.id === cell.columnId);
  return `${block ? `${block.label} ` : ''}${row?.label ?? rowId}·${column?.label ?? cell.columnId}`;
}

/** Related information for the cells a total was computed from. */
export function relatedCells(table: Table, cells: readonly (ValueCell | undefined)[]): RelatedCell[] {
  return cells.filter((c): c is ValueCell => c !== undefined).map((c) => ({
    range: c.range,
    message: `${cellName(table, c)} = ${c.parsed.kind === 'number' ? c.parsed.value : 0}`,
  }));
}

/** Calls `visit` for every bound value cell of every table (a callback: no allocation per cell on the hot path). */
export function forEachValueCell(model: ReportModel, visit: (table: Table, cell: ValueCell) => void): void {
  for (const table of model.tables) {
    for (const row of table.cells.values()) {
      for (const cell of row.values()) visit(table, cell);
    }
  }
}

export function* tablesOf(model: ReportModel, kind: Table['kind']): Iterable<Table> {
  for (const table of model.tables) if (table.kind === kind) yield table;
}

/** Formats a number for messages without float noise. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}
