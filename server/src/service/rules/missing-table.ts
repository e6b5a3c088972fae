// Flags section 二, 三 or 四 without its statistics table: the tables are the core of the
// report (reference §2–4), and a pasted table that cannot be recognised counts as missing.
import type { SectionNumber, TableKind } from '../model';
import { canonicalHeading } from '../template';
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

const TABLE_OF: ReadonlyMap<SectionNumber, TableKind> = new Map([[2, 'active'], [3, 'requests'], [4, 'appeals']]);

export const missingTable: RuleDefinition<'missing-table'> = {
  id: 'missing-table',
  defaultSeverity: 'error',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    const findings: Finding[] = [];
    for (const section of model.sections) {
      const kind = TABLE_OF.get(section.number);
      if (!kind || section.tables.some((t) => t.kind === kind)) continue;
      const unrecognised = model.unrecognisedTables.some((t) => t.section === section.number && t.range.start.line > section.heading.line);
      const name = canonicalHeading(section.number);
      // Text copied out of Word puts one cell per line, often after a tab: `gknb import` rebuilds the table.
      let cellLines = 0;
      for (let line = section.range.start.line + 1; line <= section.range.end.line; line++) {
        if (/^\t\S/.test(model.lines[line] ?? '')) cellLines++;
      }
      const hint = cellLines >= 5
        ? say(context, ' (it looks like a table copied from Word one cell per line; `gknb import` converts it)')
        : '';
      findings.push({
        range: section.heading.textRange,
        message: unrecognised
          ? say(context, 'The table under “{0}” is not recognisable as the standard table; use the template\'s row and column labels.', name)
          : say(context, '“{0}” has no statistics table.{1}', name, hint),
        data: { section: section.number, table: kind },
      });
    }
    return findings;
  },
};
