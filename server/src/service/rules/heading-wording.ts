// Flags a section heading whose numbering or wording differs from the official one (variants,
// Word auto-numbering `1、`, a missing `二、`, typos): 格式规范 asks for the exact headings.
import { canonicalHeading } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const headingWording: RuleDefinition<'heading-wording'> = {
  id: 'heading-wording',
  defaultSeverity: 'information',
  check(context: RuleContext): Finding[] {
    return context.model.headings
      .filter((h) => h.match !== 'canonical')
      .map((h) => {
        const canonical = canonicalHeading(h.section);
        return {
          range: h.textRange,
          message: say(context, 'Heading should read “{0}”, found “{1}”.', canonical, h.text),
          data: { canonical },
        };
      });
  },
};
