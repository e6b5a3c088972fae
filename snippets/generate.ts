// Builds the VS Code snippets (snippets/gknb.json) from the report skeleton, so the snippets
// always hold the official labels of template.ts. Run `node scripts/gen-snippets.mjs` after
// changing the skeleton or the template data; test/unit/skeleton.test.ts fails on drift.
import type { SectionNumber, TableKind, TemplateYear } from '../server/src/service/model';
import { overviewSubheads, reportSkeleton, sectionSkeleton, standardTable } from '../server/src/service/skeleton';
import { canonicalHeading } from '../server/src/service/template';

export interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

const TEMPLATES: readonly TemplateYear[] = ['2019', '2021'];
const SECTIONS: readonly SectionNumber[] = [1, 2, 3, 4, 5, 6];
const DEFAULT_YEAR: Readonly<Record<TemplateYear, string>> = { '2019': '2020', '2021': '2023' };
const TEMPLATE_NAME: Readonly<Record<TemplateYear, string>> = {
  '2019': '2019年模板，国办公开办函〔2019〕60号',
  '2021': '2021年模板，国办公开办函〔2021〕30号',
};
const TABLE_NAME: Readonly<Record<TableKind, string>> = {
  active: `表二：${canonicalHeading(2).slice(2)}`,
  requests: `表三：${canonicalHeading(3).slice(2)}`,
  appeals: `表四：${canonicalHeading(4).slice(2)}`,
};
const TABLE_PREFIX: Readonly<Record<TableKind, string>> = { active: 'gknb-table2', requests: 'gknb-table3', appeals: 'gknb-table4' };

// Sentinels for the agency and the year: plain ASCII that no label contains and escaping keeps.
const AGENCY = '@@GKNB_AGENCY@@';
const YEAR = '@@GKNB_YEAR@@';

/** Escapes text for a snippet body: `\`, `$` and `}` are syntax there. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A snippet body from escaped skeleton text: every `（在此填写……）` paragraph becomes a tab stop
 * (numbered from `first`, its text the default), then the text is split into lines.
 */
function withTabStops(escaped: string, first: number): string[] {
  let stop = first;
  return escaped
    .replace(/\n+$/, '')
    .replace(/（在此填写[^（）\n]*）/g, (placeholder) => `\${${stop++}:${placeholder}}`)
    .split('\n');
}

function toBody(text: string): string[] {
  return withTabStops(escapeSnippet(text), 1);
}

export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const template of TEMPLATES) {
    const text = escapeSnippet(reportSkeleton({ template, year: YEAR, agency: AGENCY }))
      .replaceAll(AGENCY, '${1:XX单位}')
      .replaceAll(YEAR, `\${2:${DEFAULT_YEAR[template]}}`);
    // Placeholder paragraphs become tab stops after the agency ($1) and the year ($2).
    const body = withTabStops(text, 3);
    snippets[`年度报告全文（${template}年模板）`] = {
      prefix: `gknb-report-${template}`,
      body,
      description: `政府信息公开工作年度报告全文骨架（${TEMPLATE_NAME[template]}）：标题、统计期限和六个部分，三张统计表数值均为 0。`,
    };
  }
  for (const section of SECTIONS) {
    const [a, b] = TEMPLATES.map((t) => sectionSkeleton(section, t));
    const heading = canonicalHeading(section);
    if (a === b) {
      snippets[`章节：${heading}`] = {
        prefix: `gknb-section-${section}`,
        body: toBody(a),
        description: `章节“${heading}”：规范标题和内容骨架（两种模板相同）。`,
      };
      continue;
    }
    for (const template of TEMPLATES) {
      snippets[`章节：${heading}（${template}年模板）`] = {
        prefix: `gknb-section-${section}-${template}`,
        body: toBody(sectionSkeleton(section, template)),
        description: `章节“${heading}”：规范标题和内容骨架（${TEMPLATE_NAME[template]}）。`,
      };
    }
  }
  for (const kind of ['active', 'requests', 'appeals'] as const) {
    const [a, b] = TEMPLATES.map((t) => standardTable(kind, t));
    const variants: [string, string, string][] = a === b
      ? [[TABLE_PREFIX[kind], a, '两种模板相同']]
      : TEMPLATES.map((t) => [`${TABLE_PREFIX[kind]}-${t}`, standardTable(kind, t), TEMPLATE_NAME[t]]);
    for (const [prefix, table, note] of variants) {
      const suffix = a === b ? '' : `（${prefix.slice(-4)}年模板）`;
      snippets[`${TABLE_NAME[kind]}${suffix}`] = {
        prefix,
        body: toBody(table),
        description: `${TABLE_NAME[kind]}，标准表格（${note}），数值均为 0。`,
      };
    }
  }
  snippets['总体情况小标题（2021年模板）'] = {
    prefix: 'gknb-overview-2021',
    body: toBody(overviewSubheads()),
    description: `“${canonicalHeading(1)}”下的五个小标题（${TEMPLATE_NAME['2021']}）：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。`,
  };
  return snippets;
}

/** The exact text of snippets/gknb.json. */
export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
