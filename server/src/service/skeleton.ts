// The standard text of a report: the three statistics tables, the six sections and a whole
// report skeleton, generated from the template data (template.ts), never from copied labels.
// The layout is the one docs/format.md recommends and the parser reads back with every row bound.
import type { SectionNumber, TableKind, TemplateYear } from './model';
import {
  ACTIVE_BLOCKS, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_HEADER_WORDS, APPEAL_OUTCOMES, REQUEST_COLUMNS,
  REQUEST_HEADER_WORDS, REQUEST_RELATION_NOTE, REQUEST_ROWS, canonicalHeading,
} from './template';

/** The header word of every block of table 二 (the parser knows it; template.ts has no constant for it). */
const INFO_CONTENT = '信息内容';

/**
 * The sub-heads of 一、总体情况 on the 2021 template (reference §1: 主动公开、依申请公开、
 * 政府信息管理、政府信息公开平台建设、监督保障).
 */
export const OVERVIEW_SUBHEADS_2021: readonly string[] = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];

/** What the 2021 template requires in 六 (收取信息处理费的情况), in its usual wording. */
export const NO_FEE_SENTENCE = '本年度未收取信息处理费。';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function pipeRow(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

function delimiterRow(width: number): string {
  return `|${'---|'.repeat(width)}`;
}

function blanks(n: number): string[] {
  return new Array<string>(n).fill('');
}

// ---------------------------------------------------------------------------------------
// Tables.

function activeTable(template: TemplateYear, fill: string): string[] {
  const blocks = ACTIVE_BLOCKS[template];
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const lines: string[] = [];
  blocks.forEach((block, index) => {
    // Each block writes only the cells it needs: the parser takes a row's LAST cells as values.
    lines.push(pipeRow([block.label, ...blanks(block.columns.length)]));
    if (index === 0) lines.push(delimiterRow(width));
    lines.push(pipeRow([INFO_CONTENT, ...block.columns.map((c) => c.label)]));
    for (const row of block.rows) lines.push(pipeRow([row.label, ...block.columns.map(() => fill)]));
  });
  return lines;
}

/** Hierarchy level of a table 三 row label: 1 for `一、…`, 2 for `（一）…`, 3 for `1.…`. */
function requestLevel(label: string, group: string | undefined): 0 | 1 | 2 {
  if (group !== undefined) return 2;
  return /^[（(]/.test(label) ? 1 : 0;
}

function requestsTable(template: TemplateYear, fill: string): string[] {
  const labelCount = 3;
  const columns = REQUEST_COLUMNS;
  const width = labelCount + columns.length;
  const [applicants, organisations] = REQUEST_HEADER_WORDS;
  const natural = columns[0];
  const total = columns[columns.length - 1];
  const parts = columns.slice(1, -1);
  const lines: string[] = [
    pipeRow([REQUEST_RELATION_NOTE, ...blanks(labelCount - 1), applicants, ...blanks(columns.length - 1)]),
    delimiterRow(width),
    pipeRow([...blanks(labelCount), natural.label, organisations, ...blanks(parts.length - 1), total.label]),
    pipeRow([...blanks(labelCount), '', ...parts.map((c) => c.label), '']),
  ];
  // A group label (三、本年度办理结果, （三）不予公开 …) has no values: it is written in the
  // label cell of its level in the row of its first item, as in the official table.
  let pending = blanks(labelCount);
  for (const row of REQUEST_ROWS[template]) {
    const level = requestLevel(row.label, row.group);
    pending[level] = row.label;
    if (!row.holdsValues) continue;
    lines.push(pipeRow([...pending, ...columns.map(() => fill)]));
    pending = blanks(labelCount);
  }
  return lines;
}

function appealsTable(fill: string): string[] {
  const outcomes: string[] = APPEAL_OUTCOMES.map((o) => o.label);
  const per = outcomes.length;
  const [review, ...lawsuits]: string[] = APPEAL_GROUPS.map((g) => g.label);
  // 行政诉讼 heads the two lawsuit groups; it is a header word of its own, not a group.
  const litigation = APPEAL_HEADER_WORDS.find((w) => w !== review && !lawsuits.includes(w) && !outcomes.includes(w))!;
  const width = APPEAL_COLUMNS.length;
  return [
    pipeRow([review, ...blanks(per - 1), litigation, ...blanks(width - per - 1)]),
    delimiterRow(width),
    pipeRow([...outcomes, ...lawsuits.flatMap((g) => [g, ...blanks(per - 1)])]),
    pipeRow([...blanks(per), ...lawsuits.flatMap(() => outcomes)]),
    pipeRow(APPEAL_COLUMNS.map(() => fill)),
  ];
}

/**
 * The standard GFM pipe table of section 二 (`active`), 三 (`requests`) or 四 (`appeals`) for a
 * template, with `fill` in every value cell ('0' for a filled table, '' for blanks).
 * No trailing line break.
 */
export function standardTable(kind: TableKind, template: TemplateYear, fill = '0'): string {
  const lines = kind === 'active' ? activeTable(template, fill)
    : kind === 'requests' ? requestsTable(template, fill)
      : appealsTable(fill);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// Sections and the report.

/** The placeholder paragraphs of the skeleton; each reads `（在此填写……。）`. */
const PLACEHOLDERS: Readonly<Record<SectionNumber, string>> = {
  1: '（在此填写本年度政府信息公开工作的总体情况。）',
  2: '（在此填写主动公开政府信息情况的说明。）',
  3: '（在此填写收到和处理政府信息公开申请情况的说明。）',
  4: '（在此填写政府信息公开行政复议、行政诉讼情况的说明。）',
  5: '（在此填写上一年度报告所列问题的整改情况，以及本年度存在的主要问题和改进措施。）',
  6: '（在此填写其他需要报告的事项。）',
};

const SECTION_TABLE: Readonly<Partial<Record<SectionNumber, TableKind>>> = { 2: 'active', 3: 'requests', 4: 'appeals' };

export interface SectionSkeletonOptions {
  /** Goes in every value cell of the section's table (default '0'). */
  readonly fill?: string;
}

/** `（一）主动公开` … `（五）监督保障` as level-3 headings with a placeholder paragraph each. */
export function overviewSubheads(): string {
  return OVERVIEW_SUBHEADS_2021
    .map((title, i) => `### （${NUMERALS[i]}）${title}\n\n（在此填写${title}情况。）`)
    .join('\n\n');
}

/**
 * A section: its canonical heading (`## 一、总体情况`) and a short skeleton — the standard table
 * for 二/三/四, the five sub-heads for 一 and the fee sentence for 六 on the 2021 template, else a
 * placeholder paragraph. No trailing line break.
 */
export function sectionSkeleton(section: SectionNumber, template: TemplateYear, options: SectionSkeletonOptions = {}): string {
  const heading = `## ${canonicalHeading(section)}`;
  const table = SECTION_TABLE[section];
  let body: string;
  if (table) body = standardTable(table, template, options.fill ?? '0');
  else if (section === 1 && template === '2021') body = overviewSubheads();
  else if (section === 6 && template === '2021') body = NO_FEE_SENTENCE;
  else body = PLACEHOLDERS[section];
  return `${heading}\n\n${body}`;
}

export interface ReportSkeletonOptions {
  /** The template; by default the one in force for `year` (≤ 2020 → 2019, else 2021). */
  readonly template?: TemplateYear;
  /** The report year; any text (e.g. a snippet placeholder) is written as given. */
  readonly year: number | string;
  /** The agency, written before the year in the title (default `XX单位`). */
  readonly agency?: string;
  /** Goes in every value cell of the three tables (default '0'). */
  readonly fill?: string;
}

/** The template in force for a report year (reference §6). */
export function templateForYear(year: number): TemplateYear {
  return year <= 2020 ? '2019' : '2021';
}

const TEMPLATE_DOCUMENT: Readonly<Record<TemplateYear, string>> = {
  '2019': '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）',
  '2021': '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
};

/** A whole report: title, preamble with the statistical period, then the six sections. Ends with a line break. */
export function reportSkeleton(options: ReportSkeletonOptions): string {
  const { year } = options;
  const numericYear = typeof year === 'number' ? year : Number(year);
  const template = options.template ?? (Number.isFinite(numericYear) ? templateForYear(numericYear) : '2021');
  const agency = options.agency ?? 'XX单位';
  const parts = [
    `# ${agency}${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》和${TEMPLATE_DOCUMENT[template]}要求编制。`,
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    ...([1, 2, 3, 4, 5, 6] as const).map((n) => sectionSkeleton(n, template, { fill: options.fill })),
  ];
  return `${parts.join('\n\n')}\n`;
}
