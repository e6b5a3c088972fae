// Flags a statistical period whose year disagrees with the title's, or that does not start and
// end in one year: the report covers one calendar year (条例第五十条), and evaluators check it.
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const yearMismatch: RuleDefinition<'year-mismatch'> = {
  id: 'year-mismatch',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const mentions = context.model.yearMentions;
    const title = mentions.find((m) => m.kind === 'title');
    const start = mentions.find((m) => m.kind === 'period-start');
    const end = mentions.find((m) => m.kind === 'period-end');
    const findings: Finding[] = [];
    if (title && start && start.year !== title.year) {
      findings.push({
        range: start.range,
        message: say(context, 'The statistical period\'s year {0} differs from the title\'s year {1}.', start.year, title.year),
        related: [{ range: title.range, message: say(context, 'the title\'s year') }],
        // A period wholly in the wrong year is fixed at both ends at once.
        data: { expected: title.year, alsoRange: end && end.year === start.year ? end.range : undefined },
      });
    }
    if (start && end && end.year !== start.year) {
      findings.push({
        range: end.range,
        message: say(context, 'The statistical period should lie within one year ({0}), but ends in {1}.', start.year, end.year),
        related: [{ range: start.range, message: say(context, 'start of the period') }],
        data: { expected: start.year },
      });
    }
    return findings;
  },
};
