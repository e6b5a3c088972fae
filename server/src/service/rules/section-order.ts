// Flags a section heading that comes after a later section: readers and evaluators expect the
// six sections in the official order (一 to 六).
import { canonicalHeading } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const sectionOrder: RuleDefinition<'section-order'> = {
  id: 'section-order',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    let latest: number | undefined;
    for (const section of context.model.sections) {
      if (latest !== undefined && section.number < latest) {
        const name = canonicalHeading(section.number);
        const other = canonicalHeading(latest as 1);
        findings.push({
          range: section.heading.textRange,
          message: say(context, '“{0}” should come before “{1}”.', name, other),
          data: { section: section.number },
        });
      } else {
        latest = section.number;
      }
    }
    return findings;
  },
};
