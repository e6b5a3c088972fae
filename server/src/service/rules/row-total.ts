// Flags a row of table 三 whose 总计 is not 自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他
// (relation I2): 法人或其他组织 is only a grouping header, so there is no subtotal to hide behind.
import { REQUEST_PART_COLUMNS, REQUEST_ROWS } from '../template';
import { blankValue, formatNumber, numberIn, numberOf, parsedAt, readableSum, readableValue, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

export const rowTotal: RuleDefinition<'row-total'> = {
  id: 'row-total',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'requests')) {
      for (const [rowId, row] of table.cells) {
        const totalValue = parsedAt(row, 'total');
        // A blank total is empty-cell's to report (with the sum to fill in).
        if (blankValue(totalValue) || !readableValue(totalValue)) continue;
        const expected = readableSum(REQUEST_PART_COLUMNS.length, (i) => parsedAt(row, REQUEST_PART_COLUMNS[i]));
        const found = numberIn(totalValue);
        if (expected === undefined || expected === found) continue;
        const total = row.get('total');
        const parts = REQUEST_PART_COLUMNS.map((c) => row.get(c));
        const short = REQUEST_ROWS[table.template].find((r) => r.id === rowId)?.short ?? rowId;
        const formula = parts.map((c) => formatNumber(numberOf(c))).join('+');
        findings.push({
          range: total!.range,
          message: say(context, 'Total should be {0} ({1}), found {2} ({3})', formatNumber(expected), formula, formatNumber(found), short),
          related: relatedCells(table, parts),
          data: { expected, rowId, columnId: 'total' },
        });
      }
    }
    return findings;
  },
};
