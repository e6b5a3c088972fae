// Flags a value cell that is not a valid number for its column: text such as 无 or —, a
// negative count, or a fraction where a count is expected (本年增/减 is signed; amounts allow decimals).
import { cellName, say, forEachValueCell, type Finding, type RuleContext, type RuleDefinition } from './common';

export const invalidNumber: RuleDefinition<'invalid-number'> = {
  id: 'invalid-number',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    forEachValueCell(context.model, (parsed) => parsed.kind === 'invalid', (table, cell) => {
      if (cell.parsed.kind !== 'invalid') return;
      const name = cellName(table, cell);
      const message = cell.parsed.reason === 'negative'
        ? say(context, '“{0}” cannot be negative, found {1}.', name, cell.text)
        : cell.parsed.reason === 'fraction'
          ? say(context, '“{0}” must be a whole number (a count), found {1}.', name, cell.text)
          : cell.kind === 'amount'
            ? say(context, '“{0}” must be an amount, found “{1}”.', name, cell.text)
            : say(context, '“{0}” must be a number (0 if none), found “{1}”.', name, cell.text);
      findings.push({ range: cell.range, message, data: { reason: cell.parsed.reason } });
    });
    return findings;
  },
};
