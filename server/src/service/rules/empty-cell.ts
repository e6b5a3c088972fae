// Flags a blank value cell where the template expects a number (0 when nothing happened):
// blanks were found in three of a dozen real reports (§7); a blank total whose parts are filled warns.
import type { Table, ValueCell } from '../model';
import { APPEAL_ROW_ID, REQUEST_PART_COLUMNS, resultRowIds } from '../template';
import { allReadable, cellName, forEachValueCell, formatNumber, isBlank, numberOf, say, type Finding, type RuleContext, type RuleDefinition } from './common';

/** The cells a total cell is the sum of, or undefined when the cell is not a total. */
function partsOf(table: Table, cell: ValueCell): (ValueCell | undefined)[] | undefined {
  if (table.kind === 'requests') {
    if (cell.columnId === 'total') return REQUEST_PART_COLUMNS.map((c) => table.cells.get(cell.rowId)?.get(c));
    if (cell.rowId === 'r7') return resultRowIds(table.template).map((id) => table.cells.get(id)?.get(cell.columnId));
  }
  if (table.kind === 'appeals' && cell.columnId.endsWith('.total')) {
    const group = cell.columnId.split('.')[0];
    return ['upheld', 'corrected', 'other', 'pending'].map((p) => table.cells.get(APPEAL_ROW_ID)?.get(`${group}.${p}`));
  }
  return undefined;
}

/**
 * For a cell absent from a short row: how many absent cells come before it. A fix must write
 * that many blank cells first, or its value would land in an earlier column.
 */
function missingIndexOf(table: Table, cell: ValueCell): { missingIndex?: number } {
  if (!cell.missing) return {};
  let before = 0;
  for (const other of table.cells.get(cell.rowId)!.values()) {
    if (other.columnId === cell.columnId) break;
    if (other.missing) before++;
  }
  return { missingIndex: before };
}

export const emptyCell: RuleDefinition<'empty-cell'> = {
  id: 'empty-cell',
  defaultSeverity: 'information',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    forEachValueCell(context.model, (parsed) => parsed.kind === 'blank', (table, cell) => {
      const name = cellName(table, cell);
      const parts = partsOf(table, cell);
      const filled = parts !== undefined && parts.some((p) => !isBlank(p)) && allReadable(parts);
      if (filled) {
        const sum = parts!.reduce((s, p) => s + numberOf(p), 0);
        findings.push({
          range: cell.range,
          severity: 'warning',
          message: say(context, '“{0}” is blank; the sum of its parts is {1}.', name, formatNumber(sum)),
          data: { fill: formatNumber(sum), missing: cell.missing, isTotal: true, ...missingIndexOf(table, cell) },
        });
      } else {
        findings.push({
          range: cell.range,
          message: cell.missing
            ? say(context, 'This row lacks the cell “{0}”; write a number (0 if none).', name)
            : say(context, '“{0}” is blank; write a number (0 if none).', name),
          data: { fill: '0', missing: cell.missing, isTotal: parts !== undefined, ...missingIndexOf(table, cell) },
        });
      }
    });
    return findings;
  },
};
