// Flags a table that follows the other template than the report's year requires (2019 tables in
// a 2021-or-later report, or the reverse): using last year's Word file is a real failure mode (§6).
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

const TABLE_NAMES = { active: '表二（主动公开）', requests: '表三（依申请公开）', appeals: '表四（复议诉讼）' } as const;
const DOCUMENTS = { '2019': '国办公开办函〔2019〕60号', '2021': '国办公开办函〔2021〕30号' } as const;

export const templateMismatch: RuleDefinition<'template-mismatch'> = {
  id: 'template-mismatch',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    // Only a year (or the setting) says which template is in force; header words alone cannot.
    if (model.templateSource !== 'year' && model.templateSource !== 'setting') return [];
    return model.tables
      .filter((t) => t.templateFromTable && t.template !== model.template)
      .map((t) => ({
        range: t.rows[0]?.range ?? t.range,
        message: say(context, '{0} follows the {1} template ({2}); this report must use the {3} template ({4}).', TABLE_NAMES[t.kind], t.template, DOCUMENTS[t.template], model.template, DOCUMENTS[model.template]),
        data: { table: t.kind, from: t.template, to: model.template, line: t.line },
      }));
  },
};
