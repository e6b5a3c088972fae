// What every rule shares: the rule contract, cell names for messages, and the arithmetic
// helpers the total rules use (blank counts as 0; an invalid cell suspends its relation).
import type { ParsedValue, Range, ReportModel, Table, TemplateYear, ValueCell } from '../model';
import { CellRow } from '../cells';
import { localize, type MessageArgument } from '../l10n';
import type { Locale, SeverityName } from '../settings';
import { APPEAL_GROUPS, APPEAL_OUTCOMES, ACTIVE_BLOCKS, REQUEST_COLUMNS, REQUEST_ROWS } from '../template';

export interface RelatedCell {
  readonly range: Range;
  readonly message: string;
  /** The document the range is in, when not the checked one (last year's report). */
  readonly uri?: string;
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

/** The same agency's report for the year before, when one was found or named (cross-year). */
export interface PreviousReport {
  readonly uri: string;
  readonly model: ReportModel;
  /** Named by the user (gknb.previousReport, --previous): compared even if the agency name differs. */
  readonly explicit?: boolean;
}

export interface RuleContext {
  readonly model: ReportModel;
  readonly locale: Locale;
  readonly previous?: PreviousReport;
}

export interface RuleDefinition<Id extends string = string> {
  readonly id: Id;
  readonly defaultSeverity: Exclude<SeverityName, 'off'>;
  readonly check: (context: RuleContext) => Finding[];
}

/** The message in the context's language: English key, Chinese from the l10n bundle (see l10n.ts). */
export function say(context: RuleContext, message: string, ...args: MessageArgument[]): string {
  return localize(context.locale, message, ...args);
}

/** The number a cell contributes to a sum: blank and missing count as 0. */
export function numberOf(cell: ValueCell | undefined): number {
  return numberIn(cell?.parsed);
}

/** numberOf for a parsed value (see parsedAt). */
export function numberIn(parsed: ParsedValue | undefined): number {
  return parsed && parsed.kind === 'number' ? parsed.value : 0;
}

/**
 * The parsed value of a row's cell, without making the cell: the parser's rows hand out a new
 * ValueCell on each read, and the total rules read every cell of every table 三.
 */
export function parsedAt(row: ReadonlyMap<string, ValueCell> | undefined, columnId: string): ParsedValue | undefined {
  return row instanceof CellRow ? row.parsedOf(columnId) : row?.get(columnId)?.parsed;
}

/** A relation is checked only when none of its cells is unreadable (invalid-number reports those). */
export function allReadable(cells: readonly (ValueCell | undefined)[]): boolean {
  for (const c of cells) if (!isReadable(c)) return false;
  return true;
}

/** Whether a cell is absent or readable: the test allReadable applies to each cell. */
export function isReadable(cell: ValueCell | undefined): boolean {
  return readableValue(cell?.parsed);
}

export function isBlank(cell: ValueCell | undefined): boolean {
  return blankValue(cell?.parsed);
}

/** isReadable and isBlank for a parsed value (see parsedAt); undefined is an absent cell. */
export const readableValue = (parsed: ParsedValue | undefined): boolean => !parsed || parsed.kind !== 'invalid';
export const blankValue = (parsed: ParsedValue | undefined): boolean => !parsed || parsed.kind === 'blank';

/**
 * The sum of the parsed values `valueAt(0)` … `valueAt(count - 1)` (blank and absent count as 0),
 * or undefined when one is unreadable: the relation is then not checked (invalid-number reports
 * the cell). Reads values, not cells, so a relation that holds costs no garbage.
 */
export function readableSum(count: number, valueAt: (i: number) => ParsedValue | undefined): number | undefined {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    if (!readableValue(value)) return undefined;
    sum += numberIn(value);
  }
  return sum;
}

/** The official name of a cell, `row·column`, for messages and related information. */
export function cellName(table: Table, cell: ValueCell): string {
  // A name depends only on the table kind, the template and the ids, and the same cells recur in
  // every related list: each name is built once (the ids are the template's, so the cache is small).
  const byRow = CELL_NAMES[table.kind]?.[table.template];
  if (!byRow) return buildCellName(table.kind, table.template, cell.rowId, cell.columnId);
  let byColumn = byRow.get(cell.rowId);
  if (!byColumn) {
    if (byRow.size >= 1000) byRow.clear();
    byRow.set(cell.rowId, (byColumn = new Map()));
  }
  let name = byColumn.get(cell.columnId);
  if (name === undefined) {
    name = buildCellName(table.kind, table.template, cell.rowId, cell.columnId);
    byColumn.set(cell.columnId, name);
  }
  return name;
}

const CELL_NAMES: Readonly<Record<Table['kind'], Readonly<Record<TemplateYear, Map<string, Map<string, string>>>>>> = {
  requests: { '2019': new Map(), '2021': new Map() },
  appeals: { '2019': new Map(), '2021': new Map() },
  active: { '2019': new Map(), '2021': new Map() },
};

function buildCellName(kind: Table['kind'], template: TemplateYear, rowId: string, columnId: string): string {
  if (kind === 'requests') {
    const row = REQUEST_ROWS[template].find((r) => r.id === rowId);
    const column = REQUEST_COLUMNS.find((c) => c.id === columnId);
    const group = row?.group ? REQUEST_ROWS[template].find((r) => r.id === row.group) : undefined;
    return `${group ? `${group.label} ` : ''}${row?.label ?? rowId}·${column?.label ?? columnId}`;
  }
  if (kind === 'appeals') {
    const [groupId, outcomeId] = columnId.split('.');
    const group = APPEAL_GROUPS.find((g) => g.id === groupId);
    const outcome = APPEAL_OUTCOMES.find((o) => o.id === outcomeId);
    const parent = groupId === 'review' ? '' : '行政诉讼·';
    return `${parent}${group?.label ?? groupId}·${outcome?.label ?? outcomeId}`;
  }
  const [item, blockRowId] = rowId.split('.');
  const block = ACTIVE_BLOCKS[template].find((b) => b.item === item);
  const row = block?.rows.find((r) => r.id === blockRowId);
  const column = block?.columns.find((c) => c.id === columnId);
  return `${block ? `${block.label} ` : ''}${row?.label ?? blockRowId}·${column?.label ?? columnId}`;
}

/** Related information for the cells a total was computed from. */
export function relatedCells(table: Table, cells: readonly (ValueCell | undefined)[]): RelatedCell[] {
  return cells.filter((c): c is ValueCell => c !== undefined).map((c) => ({
    range: c.range,
    // Joined into one flat string (a template literal keeps its pieces as separate objects).
    message: [cellName(table, c), ' = ', c.parsed.kind === 'number' ? c.parsed.value : 0].join(''),
  }));
}

/**
 * Calls `visit` for every bound value cell of every table whose parsed value passes `where`.
 * The filter sees only the parsed value, so the cells it rejects (most of them) are never made.
 */
export function forEachValueCell(model: ReportModel, where: (parsed: ParsedValue) => boolean, visit: (table: Table, cell: ValueCell) => void): void {
  for (const table of model.tables) {
    const visitCell = (cell: ValueCell): void => visit(table, cell);
    for (const row of table.cells.values()) {
      if (row instanceof CellRow) row.forEachWhere(where, visitCell);
      else for (const cell of row.values()) if (where(cell.parsed)) visitCell(cell);
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
