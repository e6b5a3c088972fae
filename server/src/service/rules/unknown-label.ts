// Flags a row or column label of a recognised table that matches no official label exactly
// (e.g. 社会组织 for 社会公益组织): non-template labels were found in real reports (§7).
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const unknownLabel: RuleDefinition<'unknown-label'> = {
  id: 'unknown-label',
  defaultSeverity: 'information',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const table of context.model.tables) {
      for (const issue of table.labelIssues) {
        const what = issue.role === 'row' ? say(context, '行标签', 'Row label') : say(context, '列标签', 'Column label');
        const message = issue.surplusCells !== undefined
          ? say(context, `此行比模板多出 ${issue.surplusCells} 个数字单元格，无法对应到模板中的列。`, `This row has ${issue.surplusCells} more number cells than the template; they match no column.`)
          : issue.text === ''
          ? say(context, '此行有数字但没有行标签，无法对应到模板中的行。', 'This row has numbers but no label; it matches no template row.')
          : issue.suggestion
            ? say(context, `${what}“${issue.text}”不是模板标签，应为“${issue.suggestion}”。`, `${what} “${issue.text}” is not a template label; did you mean “${issue.suggestion}”?`)
            : say(context, `${what}“${issue.text}”与模板中的任何标签都不相符。`, `${what} “${issue.text}” matches no template label.`);
        findings.push({ range: issue.range, message, data: issue.suggestion ? { suggestion: issue.suggestion } : undefined });
      }
    }
    return findings;
  },
};
