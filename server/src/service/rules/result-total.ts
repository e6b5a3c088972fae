// Flags a column of table 三 whose （七）总计 is not the sum of the result rows （一）…（六） and
// their sub-items (relation I1); a real report kept the printed relation while breaking this one.
import { REQUEST_COLUMNS, REQUEST_ROWS, resultRowIds } from '../template';
import type { TemplateYear } from '../model';
import { blankValue, formatNumber, numberIn, numberOf, parsedAt, readableSum, readableValue, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

// Group the terms as the template does: （一）（二） rows, then （三）…（六） groups, each with
// the result rows it sums (the row itself or its items), computed once per template.
const groupsOf = (template: TemplateYear): readonly { short: string; rowIds: readonly string[] }[] =>
  REQUEST_ROWS[template].filter((r) => /^r[1-6]$/.test(r.id)).map((g) => ({
    short: g.short,
    rowIds: resultRowIds(template).filter((id) => id === g.id || id.startsWith(`${g.id}.`)),
  }));
const GROUPS: Readonly<Record<TemplateYear, ReturnType<typeof groupsOf>>> = { '2019': groupsOf('2019'), '2021': groupsOf('2021') };

export const resultTotal: RuleDefinition<'result-total'> = {
  id: 'result-total',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'requests')) {
      const rowIds = resultRowIds(table.template);
      // With rows missing the sum cannot be known; missing-row reports them.
      if (!table.cells.has('r7') || rowIds.some((id) => !table.cells.has(id))) continue;
      const groups = GROUPS[table.template];
      const totalRow = table.cells.get('r7')!;
      const partRows = rowIds.map((id) => table.cells.get(id)!);
      for (const column of REQUEST_COLUMNS) {
        const totalValue = parsedAt(totalRow, column.id);
        if (blankValue(totalValue) || !readableValue(totalValue)) continue;
        const expected = readableSum(partRows.length, (i) => parsedAt(partRows[i], column.id));
        const found = numberIn(totalValue);
        if (expected === undefined || expected === found) continue;
        const total = totalRow.get(column.id);
        const parts = rowIds.map((id) => table.cells.get(id)!.get(column.id));
        const terms = groups.map((g) => {
          const sum = g.rowIds.reduce((s, id) => s + numberOf(table.cells.get(id)!.get(column.id)), 0);
          return `${g.short} ${formatNumber(sum)}`;
        });
        findings.push({
          range: total!.range,
          message: say(context, '（七）Total should be {0} ({1}), found {2} (column {3})', formatNumber(expected), terms.join(' + '), formatNumber(found), column.label),
          related: relatedCells(table, parts),
          data: { expected, rowId: 'r7', columnId: column.id },
        });
      }
    }
    return findings;
  },
};
