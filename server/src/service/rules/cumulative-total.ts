// Flags, on the 2019 template, 对外公开总数量 smaller than 本年新公开数量 in table 二: a cumulative
// count cannot be below this year's new publications (reference §2).
import { activeRowId } from '../template';
import { cellName, numberOf, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

export const cumulativeTotal: RuleDefinition<'cumulative-total'> = {
  id: 'cumulative-total',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of tablesOf(context.model, 'active')) {
      if (table.template !== '2019') continue;
      for (const rowId of ['rules', 'normative'].map((r) => activeRowId('一', r))) {
        const row = table.cells.get(rowId);
        const published = row?.get('published');
        const total = row?.get('total');
        if (!published || !total || published.parsed.kind !== 'number' || total.parsed.kind !== 'number') continue;
        if (numberOf(total) >= numberOf(published)) continue;
        findings.push({
          range: total.range,
          message: say(context, 'Cumulative total {0} is below this year\'s new publications {1} ({2}).', numberOf(total), numberOf(published), cellName(table, total)),
          related: [{ range: published.range, message: cellName(table, published) }],
        });
      }
    }
    return findings;
  },
};
