// Flags a column of table 三 where 一 + 二 ≠ （七）总计 + 四, the relation printed in the table's
// corner (E1): applications received plus carried over must all be handled or carried forward.
import { REQUEST_COLUMNS } from '../template';
import { allReadable, formatNumber, isBlank, numberOf, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

export const balance: RuleDefinition<'balance'> = {
  id: 'balance',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'requests')) {
      const rows = ['new', 'carried', 'r7', 'carryover'].map((id) => table.cells.get(id));
      if (rows.some((r) => r === undefined)) continue; // missing-row reports the absent row
      for (const column of REQUEST_COLUMNS) {
        const [received, carried, handled, carryover] = rows.map((r) => r!.get(column.id));
        const cells = [received, carried, handled, carryover];
        if (cells.every(isBlank) || !allReadable(cells)) continue;
        const [a, b, c, d] = cells.map(numberOf);
        if (a + b === c + d) continue;
        const left = `${formatNumber(a)}+${formatNumber(b)}=${formatNumber(a + b)}`;
        const right = `${formatNumber(c)}+${formatNumber(d)}=${formatNumber(c + d)}`;
        const expected = a + b - c;
        const advice = expected >= 0
          ? say(context, `结转下年度继续办理应为 ${formatNumber(expected)}（${formatNumber(a)}+${formatNumber(b)}−${formatNumber(c)}），实际填写 ${formatNumber(d)}`,
            `carry-over should be ${formatNumber(expected)} (${formatNumber(a)}+${formatNumber(b)}−${formatNumber(c)}), found ${formatNumber(d)}`)
          : say(context, `（七）总计 ${formatNumber(c)} 大于一、二两项之和 ${formatNumber(a + b)}`,
            `（七）total ${formatNumber(c)} exceeds 一+二 = ${formatNumber(a + b)}`);
        findings.push({
          range: (carryover ?? handled)!.range,
          message: say(context,
            `勾稽关系不平衡（${column.label}列）：第一项加第二项 ${left}，第三项加第四项 ${right}；${advice}`,
            `Balance broken (column ${column.label}): 一+二 ${left}, （七）+四 ${right}; ${advice}`),
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
