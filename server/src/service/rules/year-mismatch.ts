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
        message: say(context, `统计期限的年份 ${start.year} 与标题中的年份 ${title.year} 不一致。`, `The statistical period's year ${start.year} differs from the title's year ${title.year}.`),
        related: [{ range: title.range, message: say(context, '标题中的年份', "the title's year") }],
        // A period wholly in the wrong year is fixed at both ends at once.
        data: { expected: title.year, alsoRange: end && end.year === start.year ? end.range : undefined },
      });
    }
    if (start && end && end.year !== start.year) {
      findings.push({
        range: end.range,
        message: say(context, `统计期限应在同一年内（自 ${start.year} 年 1 月 1 日至 12 月 31 日），实际止于 ${end.year} 年。`, `The statistical period should lie within one year (${start.year}), but ends in ${end.year}.`),
        related: [{ range: start.range, message: say(context, '统计期限起始年份', 'start of the period') }],
        data: { expected: start.year },
      });
    }
    return findings;
  },
};
