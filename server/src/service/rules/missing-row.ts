// Flags a canonical row or block that a recognised table lacks: a truncated paste (seen in
// real reports, §7) silently drops numbers, and the sums over it cannot be trusted.
import type { Range, Table, TemplateYear } from '../model';
import { ACTIVE_BLOCKS, APPEAL_ROW_ID, REQUEST_ROWS, activeRowId, type RequestRowSpec } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

/** The line of the nearest canonical row before `index` that the table has, as an anchor. */
function anchorBefore(table: Table, order: readonly string[], index: number): { range: Range; afterRowId: string | null } {
  for (let i = index - 1; i >= 0; i--) {
    const row = table.cells.get(order[i]);
    const cell = row?.values().next().value;
    if (cell) {
      const line = cell.range.start.line;
      const tableRow = table.rows.find((r) => r.line === line);
      return { range: tableRow?.range ?? cell.range, afterRowId: order[i] };
    }
  }
  const first = table.rows[0];
  return { range: first ? first.range : table.range, afterRowId: null };
}

// The canonical rows in order, per template, computed once rather than per table.
const REQUEST_VALUE_ROWS: Readonly<Record<TemplateYear, readonly RequestRowSpec[]>> = {
  '2019': REQUEST_ROWS['2019'].filter((r) => r.holdsValues),
  '2021': REQUEST_ROWS['2021'].filter((r) => r.holdsValues),
};
const REQUEST_ORDER: Readonly<Record<TemplateYear, readonly string[]>> = {
  '2019': REQUEST_VALUE_ROWS['2019'].map((r) => r.id),
  '2021': REQUEST_VALUE_ROWS['2021'].map((r) => r.id),
};
const activeOrder = (template: TemplateYear): string[] => ACTIVE_BLOCKS[template].flatMap((b) => b.rows.map((r) => activeRowId(b.item, r.id)));
const ACTIVE_ORDER: Readonly<Record<TemplateYear, readonly string[]>> = { '2019': activeOrder('2019'), '2021': activeOrder('2021') };
const ACTIVE_BLOCK_IDS = new Map(Object.values(ACTIVE_BLOCKS).flat().map((b) => [b, b.rows.map((r) => activeRowId(b.item, r.id))]));

export const missingRow: RuleDefinition<'missing-row'> = {
  id: 'missing-row',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of context.model.tables) {
      if (table.kind === 'requests') {
        const rows = REQUEST_ROWS[table.template];
        const valueRows = REQUEST_VALUE_ROWS[table.template];
        const order = REQUEST_ORDER[table.template];
        // Consecutive absent rows are one finding: that is how a truncated paste looks.
        for (let i = 0; i < valueRows.length; i++) {
          if (table.cells.has(valueRows[i].id)) continue;
          let j = i;
          while (j + 1 < valueRows.length && !table.cells.has(valueRows[j + 1].id)) j++;
          const run = valueRows.slice(i, j + 1);
          const anchor = anchorBefore(table, order, i);
          const name = (r: typeof run[number]): string => {
            const group = r.group ? rows.find((g) => g.id === r.group) : undefined;
            return group ? `${group.label} ${r.label}` : r.label;
          };
          const groupId = run[0].group;
          const wholeGroup = groupId !== undefined && run.length === rows.filter((r) => r.group === groupId).length && run.every((r) => r.group === groupId);
          const message = run.length === 1
            ? say(context, 'The table lacks the row “{0}”.', name(run[0]))
            : wholeGroup
              ? say(context, 'The table lacks “{0}” and its {1} items.', rows.find((r) => r.id === groupId)!.label, run.length)
              : say(context, 'The table lacks {0} consecutive rows, from “{1}” to “{2}” (a truncated paste?).', run.length, name(run[0]), name(run[run.length - 1]));
          findings.push({ range: anchor.range, message, data: { rowIds: run.map((r) => r.id), afterRowId: anchor.afterRowId } });
          i = j;
        }
      } else if (table.kind === 'active') {
        const blocks = ACTIVE_BLOCKS[table.template];
        const order = ACTIVE_ORDER[table.template];
        for (const block of blocks) {
          const ids = ACTIVE_BLOCK_IDS.get(block)!;
          if (ids.every((id) => table.cells.has(id))) continue;
          const missing = ids.filter((id) => !table.cells.has(id));
          const anchor = anchorBefore(table, order, order.indexOf(missing[0]));
          if (missing.length === ids.length) {
            findings.push({
              range: anchor.range,
              message: say(context, 'The table lacks block “{0}” ({1}).', block.label, block.rows.map((r) => r.label).join(', '), block.rows.map((r) => r.label).join('、')),
              data: { rowIds: missing, afterRowId: anchor.afterRowId },
            });
          } else {
            for (const id of missing) {
              const label = block.rows.find((r) => activeRowId(block.item, r.id) === id)!.label;
              findings.push({
                range: anchorBefore(table, order, order.indexOf(id)).range,
                message: say(context, 'The table lacks the row “{0}” of “{1}”.', label, block.label),
                data: { rowIds: [id], afterRowId: anchor.afterRowId },
              });
            }
          }
        }
      } else if (!table.cells.has(APPEAL_ROW_ID)) {
        findings.push({
          range: table.rows[0]?.range ?? table.range,
          message: say(context, 'The appeals table lacks its data row (15 numbers).'),
          data: { rowIds: [APPEAL_ROW_ID], afterRowId: null },
        });
      }
    }
    return findings;
  },
};
