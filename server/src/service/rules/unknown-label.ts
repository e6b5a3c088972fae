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
        const what = issue.role === 'row' ? say(context, 'Row label') : say(context, 'Column label');
        const message = issue.surplusCells !== undefined
          ? say(context, 'This row has {0} more number cells than the template; they match no column.', issue.surplusCells)
          : issue.text === ''
          ? say(context, 'This row has numbers but no label; it matches no template row.')
          : issue.suggestion
            ? say(context, '{0} “{1}” is not a template label; did you mean “{2}”?', what, issue.text, issue.suggestion)
            : say(context, '{0} “{1}” matches no template label.', what, issue.text);
        findings.push({ range: issue.range, message, data: issue.suggestion ? { suggestion: issue.suggestion } : undefined });
      }
    }
    return findings;
  },
};
