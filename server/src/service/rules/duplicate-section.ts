// Flags a section heading that repeats a section already present: usually a paste from another
// report or last year's draft left in place.
import { canonicalHeading } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const duplicateSection: RuleDefinition<'duplicate-section'> = {
  id: 'duplicate-section',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    const first = new Map(model.sections.map((s) => [s.number, s.heading]));
    return model.headings
      .filter((h) => first.get(h.section) !== h)
      .map((h) => {
        const original = first.get(h.section)!;
        const name = canonicalHeading(h.section);
        return {
          range: h.textRange,
          message: say(context, '“{0}” appears again (already on line {1}).', name, original.line + 1),
          related: [{ range: original.textRange, message: say(context, 'first occurrence') }],
        };
      });
  },
};
