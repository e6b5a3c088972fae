// Flags a column of table 三 where 一 + 二 ≠ （七）总计 + 四, the relation printed in the table's
// corner (E1): applications received plus carried over must all be handled or carried forward.
import { REQUEST_COLUMNS } from '../template';
import { formatNumber, isBlank, isReadable, numberOf, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

export const balance: RuleDefinition<'balance'> = {
  id: 'balance',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'requests')) {
      const newRow = table.cells.get('new');
      const carriedRow = table.cells.get('carried');
      const handledRow = table.cells.get('r7');
      const carryoverRow = table.cells.get('carryover');
      if (!newRow || !carriedRow || !handledRow || !carryoverRow) continue; // missing-row reports the absent row
      for (const column of REQUEST_COLUMNS) {
        const received = newRow.get(column.id);
        const carried = carriedRow.get(column.id);
        const handled = handledRow.get(column.id);
        const carryover = carryoverRow.get(column.id);
        if (isBlank(received) && isBlank(carried) && isBlank(handled) && isBlank(carryover)) continue;
        if (!isReadable(received) || !isReadable(carried) || !isReadable(handled) || !isReadable(carryover)) continue;
        const a = numberOf(received);
        const b = numberOf(carried);
        const c = numberOf(handled);
        const d = numberOf(carryover);
        if (a + b === c + d) continue;
        const left = `${formatNumber(a)}+${formatNumber(b)}=${formatNumber(a + b)}`;
        const right = `${formatNumber(c)}+${formatNumber(d)}=${formatNumber(c + d)}`;
        const expected = a + b - c;
        const advice = expected >= 0
          ? say(context, 'carry-over should be {0} ({1}+{2}−{3}), found {4}', formatNumber(expected), formatNumber(a), formatNumber(b), formatNumber(c), formatNumber(d))
          : say(context, '（七）total {0} exceeds 一+二 = {1}', formatNumber(c), formatNumber(a + b));
        findings.push({
          range: (carryover ?? handled)!.range,
          message: say(context, 'Balance broken (column {0}): 一+二 {1}, （七）+四 {2}; {3}', column.label, left, right, advice),
          related: relatedCells(table, [received, carried, handled]),
          // The four cells' ranges let a fix change whichever one makes the column balance.
          data: {
            columnId: column.id, received: a, carried: b, handled: c, carryover: d,
            ranges: { received: received?.range, carried: carried?.range, handled: handled?.range, carryover: carryover?.range },
          },
        });
      }
    }
    return findings;
  },
};
