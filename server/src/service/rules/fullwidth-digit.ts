// Flags full-width digits (０-９) in a value cell: they read as numbers to people but not to
// spreadsheets and checkers that collect the published tables.
import { cellName, say, forEachValueCell, type Finding, type RuleContext, type RuleDefinition } from './common';

const FULLWIDTH = /[０-９]/;

export const fullwidthDigit: RuleDefinition<'fullwidth-digit'> = {
  id: 'fullwidth-digit',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    forEachValueCell(context.model, (table, cell) => {
      if (cell.parsed.kind === 'blank' || !FULLWIDTH.test(cell.text)) return;
      const ascii = cell.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      findings.push({
        range: cell.range,
        message: say(context, '“{0}” uses full-width digits “{1}”; write “{2}”.', cellName(table, cell), cell.text, ascii),
        data: { replacement: ascii },
      });
    });
    return findings;
  },
};
