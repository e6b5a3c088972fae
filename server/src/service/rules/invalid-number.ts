// Flags a value cell that is not a valid number for its column: text such as 无 or —, a
// negative count, or a fraction where a count is expected (本年增/减 is signed; amounts allow decimals).
import { cellName, say, forEachValueCell, type Finding, type RuleContext, type RuleDefinition } from './common';

export const invalidNumber: RuleDefinition<'invalid-number'> = {
  id: 'invalid-number',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    forEachValueCell(context.model, (table, cell) => {
      if (cell.parsed.kind !== 'invalid') return;
      const name = cellName(table, cell);
      const message = cell.parsed.reason === 'negative'
        ? say(context, `“${name}”不能为负数，实际填写 ${cell.text}。`, `“${name}” cannot be negative, found ${cell.text}.`)
        : cell.parsed.reason === 'fraction'
          ? say(context, `“${name}”应为整数（件数），实际填写 ${cell.text}。`, `“${name}” must be a whole number (a count), found ${cell.text}.`)
          : cell.kind === 'amount'
            ? say(context, `“${name}”应为金额数字，实际填写“${cell.text}”。`, `“${name}” must be an amount, found “${cell.text}”.`)
            : say(context, `“${name}”应为数字（没有则填 0），实际填写“${cell.text}”。`, `“${name}” must be a number (0 if none), found “${cell.text}”.`);
      findings.push({ range: cell.range, message, data: { reason: cell.parsed.reason } });
    });
    return findings;
  },
};
