// Flags each of the six sections that does not occur: the format requires all six, in order
// (国办公开办函〔2019〕60号 / 〔2021〕30号). The finding sits where the section should stand.
import type { SectionNumber } from '../model';
import { SECTIONS, canonicalHeading } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const missingSection: RuleDefinition<'missing-section'> = {
  id: 'missing-section',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    const present = new Map(model.sections.map((s) => [s.number, s]));
    const findings: Finding[] = [];
    for (const spec of SECTIONS) {
      if (present.has(spec.number)) continue;
      const before = [...present.keys()].filter((n) => n < spec.number).sort((a, b) => b - a)[0] as SectionNumber | undefined;
      const after = [...present.keys()].filter((n) => n > spec.number).sort((a, b) => a - b)[0] as SectionNumber | undefined;
      // Where it should stand: on the heading it belongs before, else the title, else the top.
      const anchor = after !== undefined ? present.get(after)!.heading.range
        : model.title?.range ?? (before !== undefined ? present.get(before)!.heading.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      const name = canonicalHeading(spec.number);
      const where = before !== undefined && after !== undefined
        ? say(context, 'it belongs after “{0}” and before “{1}”', canonicalHeading(before), canonicalHeading(after))
        : after !== undefined
          ? say(context, 'it belongs before “{0}”', canonicalHeading(after))
          : before !== undefined
            ? say(context, 'it belongs after “{0}”', canonicalHeading(before))
            : say(context, 'an annual report has all six sections');
      findings.push({
        range: anchor,
        message: say(context, 'Missing section “{0}”: {1}.', name, where, spec.numeral),
        data: { section: spec.number, insertAfterSection: before ?? null, insertBeforeSection: after ?? null },
      });
    }
    return findings;
  },
};
