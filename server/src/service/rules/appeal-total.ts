// Flags table 四 where 结果维持+结果纠正+其他结果+尚未审结 ≠ 总计, for 行政复议, 未经复议直接起诉
// and 复议后起诉 each (reference §5); there is no relation between 复议 and 诉讼.
import { APPEAL_GROUPS, APPEAL_ROW_ID } from '../template';
import { formatNumber, isBlank, isReadable, numberOf, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

const PARTS = ['upheld', 'corrected', 'other', 'pending'];
/** Column ids per group, built once: `review.upheld` … and `review.total`. */
const COLUMN_IDS = new Map(APPEAL_GROUPS.map((g) => [g.id, { total: `${g.id}.total`, parts: PARTS.map((p) => `${g.id}.${p}`) }]));

export const appealTotal: RuleDefinition<'appeal-total'> = {
  id: 'appeal-total',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'appeals')) {
      const row = table.cells.get(APPEAL_ROW_ID);
      if (!row) continue;
      for (const group of APPEAL_GROUPS) {
        const ids = COLUMN_IDS.get(group.id)!;
        const total = row.get(ids.total);
        const parts = ids.parts.map((id) => row.get(id));
        if (isBlank(total) || !isReadable(total) || !parts.every(isReadable)) continue;
        const expected = parts.reduce((s, c) => s + numberOf(c), 0);
        const found = numberOf(total);
        if (expected === found) continue;
        const formula = parts.map((c) => formatNumber(numberOf(c))).join('+');
        findings.push({
          range: total!.range,
          message: say(context, '{0} total should be {1} ({2}), found {3}', group.label, formatNumber(expected), formula, formatNumber(found)),
          related: relatedCells(table, parts),
          data: { expected, rowId: APPEAL_ROW_ID, columnId: `${group.id}.total` },
        });
      }
    }
    return findings;
  },
};
