// Flags full-width digits (０-９) in a value cell: they read as numbers to people but not to
// spreadsheets and checkers that collect the published tables.
import type { ParsedValue } from '../model';
import { cellName, say, forEachValueCell, type Finding, type RuleContext, type RuleDefinition } from './common';

const FULLWIDTH = /[０-９]/;

export const fullwidthDigit: RuleDefinition<'fullwidth-digit'> = {
  id: 'fullwidth-digit',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    // A number written with full-width digits parses with `fullwidth`; text that does not parse may hold some too.
    const mayHaveFullwidth = (parsed: ParsedValue): boolean => parsed.kind === 'invalid' || (parsed.kind === 'number' && parsed.fullwidth);
    forEachValueCell(context.model, mayHaveFullwidth, (table, cell) => {
      if (!FULLWIDTH.test(cell.text)) return;
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
