// Hovers: on a value cell of a recognised table, its row and column in the official wording and,
// for a total, the relation it takes part in with the actual numbers and whether it holds; on a
// section heading, what the report's template requires the section to contain.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ReportModel, SectionHeading, SectionNumber, Table, TemplateYear, ValueCell } from './model';
import { localize, type MessageArgument } from './l10n';
import { formatNumber } from './rules/common';
import type { Locale } from './settings';
import { OVERVIEW_SUBHEADS_2021 } from './skeleton';
import {
  ACTIVE_BLOCKS, APPEAL_GROUPS, APPEAL_OUTCOMES, APPEAL_ROW_ID, NUMERALS, REQUEST_COLUMNS, REQUEST_PART_COLUMNS, REQUEST_ROWS,
  canonicalHeading, resultRowIds,
} from './template';

type Say = (message: string, ...args: MessageArgument[]) => string;

function sayer(locale: Locale): Say {
  return (message, ...args) => localize(locale, message, ...args);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function within(r: { start: Position; end: Position }, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

/** Markdown-escapes text written by the user (cell contents). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------
// Cell names in the official wording.

const TABLE_NUMERAL: Readonly<Record<Table['kind'], string>> = { active: '二', requests: '三', appeals: '四' };

/** The row and column of a value cell, in the official wording of the table's template. */
export function cellLabels(table: Table, cell: ValueCell): { row: string; column: string } {
  if (table.kind === 'requests') {
    const rows = REQUEST_ROWS[table.template];
    const row = rows.find((r) => r.id === cell.rowId);
    const group = row?.group ? rows.find((r) => r.id === row.group) : undefined;
    const column = REQUEST_COLUMNS.find((c) => c.id === cell.columnId);
    const organisation = REQUEST_PART_COLUMNS.includes(cell.columnId) && cell.columnId !== 'natural';
    return {
      row: `${group ? `${group.label} ` : ''}${row?.label ?? cell.rowId}`,
      column: `${organisation ? '法人或其他组织 ' : ''}${column?.label ?? cell.columnId}`,
    };
  }
  if (table.kind === 'appeals') {
    const [groupId, outcomeId] = cell.columnId.split('.');
    const group = APPEAL_GROUPS.find((g) => g.id === groupId);
    const outcome = APPEAL_OUTCOMES.find((o) => o.id === outcomeId);
    return {
      row: groupId === 'review' ? '行政复议' : `行政诉讼 ${group?.label ?? groupId}`,
      column: outcome?.label ?? outcomeId,
    };
  }
  const [item, rowId] = cell.rowId.split('.');
  const block = ACTIVE_BLOCKS[table.template].find((b) => b.item === item);
  const row = block?.rows.find((r) => r.id === rowId);
  const column = block?.columns.find((c) => c.id === cell.columnId);
  return { row: `${block ? `${block.label} ` : ''}${row?.label ?? rowId}`, column: column?.label ?? cell.columnId };
}

function shortRow(table: Table, rowId: string): string {
  return REQUEST_ROWS[table.template].find((r) => r.id === rowId)?.short ?? rowId;
}

function valueNote(cell: ValueCell, say: Say): string | undefined {
  const parsed = cell.parsed;
  if (cell.missing) return say('this cell is missing from the row (counts as 0 in sums)');
  if (parsed.kind === 'blank') return say('blank (counts as 0 in sums; write 0)');
  if (parsed.kind === 'invalid') {
    const written = `“${escapeMarkdown(cell.text)}”`;
    if (parsed.reason === 'negative') return say('{0} is negative; this column takes non-negative integers', written);
    if (parsed.reason === 'fraction') return say('{0} is not an integer; this column takes non-negative integers', written);
    return say('{0} is not a valid number', written);
  }
  if (parsed.fullwidth) return say('full-width digits, read as {0}', formatNumber(parsed.value));
  if (cell.kind === 'signed') return say('this column may be negative (a decrease)');
  if (cell.kind === 'amount') return say('an amount: decimals and a unit are allowed');
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Relations with numbers.

interface Term {
  readonly name: string;
  readonly cell: ValueCell | undefined;
}

function termValue(cell: ValueCell | undefined): string {
  if (!cell || cell.parsed.kind === 'blank') return '0';
  return cell.parsed.kind === 'number' ? formatNumber(cell.parsed.value) : '?';
}

function numeric(cell: ValueCell | undefined): number {
  return cell && cell.parsed.kind === 'number' ? cell.parsed.value : 0;
}

function unreadable(terms: readonly Term[]): Term[] {
  return terms.filter((t) => t.cell?.parsed.kind === 'invalid');
}

function unreadableNote(bad: readonly Term[], say: Say): string {
  const list = bad.map((t) => `${t.name}“${escapeMarkdown(t.cell!.text)}”`).join(say(', '));
  return say('⚠ unreadable value ({0}); not checked', list);
}

/** `lhs = a+b+c = S ✓` or `… = S ✗ 应为 S，实际 T`. */
function sumLine(lhs: string, terms: readonly Term[], total: Term, say: Say): string {
  const values = terms.map((t) => termValue(t.cell)).join('+');
  const bad = unreadable([...terms, total]);
  if (bad.length > 0) return `${lhs} = ${values} ${unreadableNote(bad, say)}`;
  const expected = terms.reduce((s, t) => s + numeric(t.cell), 0);
  const sum = formatNumber(expected);
  if (!total.cell || total.cell.parsed.kind === 'blank') {
    return `${lhs} = ${values} = ${sum} ${say('✗ should be {0}, blank', sum)}`;
  }
  const found = numeric(total.cell);
  if (found === expected) return `${lhs} = ${values} = ${sum} ✓`;
  return `${lhs} = ${values} = ${sum} ${say('✗ should be {0}, found {1}', sum, formatNumber(found))}`;
}

/** I2: a row's 总计 = the six applicant columns. */
function rowTotalBlock(table: Table, rowId: string, say: Say): string {
  const row = table.cells.get(rowId)!;
  const parts = REQUEST_COLUMNS.filter((c) => REQUEST_PART_COLUMNS.includes(c.id));
  const terms = parts.map((c) => ({ name: c.label, cell: row.get(c.id) }));
  const total = { name: '总计', cell: row.get('total') };
  return [
    say('Row relation: ') + `总计 = ${parts.map((c) => c.label).join(' + ')}`,
    sumLine(`${shortRow(table, rowId)}·总计`, terms, total, say),
  ].join('  \n');
}

/** I1: （七）总计 of a column = every result row of the column. */
function resultTotalBlock(table: Table, columnId: string, say: Say): string {
  const ids = resultRowIds(table.template);
  const column = REQUEST_COLUMNS.find((c) => c.id === columnId)?.label ?? columnId;
  const formula = table.template === '2021'
    ? '（七）总计 = （一）+（二）+（三）1–8+（四）1–3+（五）1–5+（六）1–3'
    : '（七）总计 = （一）+（二）+（三）1–8+（四）1–3+（五）1–5+（六）';
  const head = say('Column relation: ') + formula;
  const missing = ids.filter((id) => !table.cells.has(id));
  const lhs = `（七）总计·${column}`;
  if (missing.length > 0) {
    const names = missing.map((id) => shortRow(table, id)).join(say(', '));
    return [head, say('{0}: ⚠ {1} row(s) missing ({2}); not checked', lhs, missing.length, names)].join('  \n');
  }
  const terms = ids.map((id) => ({ name: shortRow(table, id), cell: table.cells.get(id)!.get(columnId) }));
  // Subtotals per group, as the rule's message gives them.
  const groups = REQUEST_ROWS[table.template].filter((r) => /^r[1-6]$/.test(r.id)).map((g) => {
    const sum = ids.filter((id) => id === g.id || id.startsWith(`${g.id}.`)).reduce((s, id) => s + numeric(table.cells.get(id)!.get(columnId)), 0);
    return `${g.short} ${formatNumber(sum)}`;
  });
  const total = { name: '（七）总计', cell: table.cells.get('r7')!.get(columnId) };
  return [head, sumLine(lhs, terms, total, say), `（${groups.join(' + ')}）`].join('  \n');
}

/** E1: 一 + 二 = （七）总计 + 四, for the column of a 结转下年度继续办理 cell. */
function balanceBlock(table: Table, columnId: string, say: Say): string {
  const column = REQUEST_COLUMNS.find((c) => c.id === columnId)?.label ?? columnId;
  const head = say('Column relation (printed in the table): 一 + 二 = （七）总计 + 四');
  const ids = ['new', 'carried', 'r7', 'carryover'];
  const missing = ids.filter((id) => !table.cells.has(id));
  if (missing.length > 0) {
    const names = missing.map((id) => shortRow(table, id)).join(say(', '));
    return [head, say('{0}: ⚠ row(s) missing ({1}); not checked', column, names)].join('  \n');
  }
  const terms: Term[] = ids.map((id) => ({ name: shortRow(table, id), cell: table.cells.get(id)!.get(columnId) }));
  const [a, b, c, d] = terms.map((t) => termValue(t.cell));
  const equation = `${column}：${a} + ${b} = ${c} + ${d}`;
  const bad = unreadable(terms);
  if (bad.length > 0) return [head, `${equation} ${unreadableNote(bad, say)}`].join('  \n');
  const [na, nb, nc, nd] = terms.map((t) => numeric(t.cell));
  const left = na + nb;
  const right = nc + nd;
  const sums = `（${formatNumber(left)} ${left === right ? '=' : '≠'} ${formatNumber(right)}）`;
  if (left === right) return [head, `${equation}${sums} ✓`].join('  \n');
  const expected = left - nc;
  const status = expected >= 0
    ? say('✗ 四 should be {0}+{1}−{2} = {3}, found {4}', formatNumber(na), formatNumber(nb), formatNumber(nc), formatNumber(expected), formatNumber(nd))
    : say('✗ （七）总计 {0} exceeds 一+二 = {1}', formatNumber(nc), formatNumber(left));
  return [head, `${equation}${sums} ${status}`].join('  \n');
}

/** Table 四: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, per group. */
function appealBlock(table: Table, groupId: string, say: Say): string {
  const row = table.cells.get(APPEAL_ROW_ID)!;
  const group = APPEAL_GROUPS.find((g) => g.id === groupId)?.label ?? groupId;
  const parts = APPEAL_OUTCOMES.filter((o) => o.id !== 'total');
  const terms = parts.map((o) => ({ name: o.label, cell: row.get(`${groupId}.${o.id}`) }));
  return [
    say('Relation: ') + `总计 = ${parts.map((o) => o.label).join(' + ')}`,
    sumLine(`${group}·总计`, terms, { name: '总计', cell: row.get(`${groupId}.total`) }, say),
  ].join('  \n');
}

function cellHover(table: Table, cell: ValueCell, say: Say): string {
  const { row, column } = cellLabels(table, cell);
  const parts = [`**${say('Table ')}${TABLE_NUMERAL[table.kind]}** ${row} · ${column}`];
  const note = valueNote(cell, say);
  if (note) parts.push(note);
  if (table.kind === 'requests') {
    if (cell.columnId === 'total') parts.push(rowTotalBlock(table, cell.rowId, say));
    if (cell.rowId === 'r7') parts.push(resultTotalBlock(table, cell.columnId, say));
    if (cell.rowId === 'carryover') parts.push(balanceBlock(table, cell.columnId, say));
  } else if (table.kind === 'appeals') {
    const [groupId, outcomeId] = cell.columnId.split('.');
    if (outcomeId === 'total') parts.push(appealBlock(table, groupId, say));
  }
  return parts.join('\n\n');
}

function findCell(model: ReportModel, position: Position): { table: Table; cell: ValueCell } | undefined {
  for (const table of model.tables) {
    if (position.line < table.range.start.line || position.line > table.range.end.line) continue;
    for (const row of table.cells.values()) {
      for (const cell of row.values()) {
        if (cell.missing || cell.range.start.line !== position.line) continue;
        if (within(cell.range, position)) return { table, cell };
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Section headings.

const TEMPLATE_DOC: Readonly<Record<TemplateYear, string>> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

function templateLine(model: ReportModel, say: Say): string {
  const t = model.template;
  const why = model.templateSource === 'setting' ? say('from the gknb.template setting')
    : model.templateSource === 'year' ? say('from the report year {0}', model.year ?? '')
      : model.templateSource === 'header' ? say('from table 二\'s header words')
        : say('no year found, default');
  return say('Template: {0} format ({1}), {2}', t, TEMPLATE_DOC[t], why);
}

function activeRequirements(template: TemplateYear, say: Say): string[] {
  const blocks = ACTIVE_BLOCKS[template];
  const lines = [say('Must hold table 二 (proactive disclosure), made of {0} blocks of 第二十条:', blocks.length)];
  for (const b of blocks) {
    lines.push(`- ${b.label}：${b.rows.map((r) => r.label).join('、')} — ${say('columns')} ${b.columns.map((c) => c.label).join(' | ')}`);
  }
  lines.push(template === '2021'
    ? say('The 2021 format dropped 其他对外管理服务事项 and the whole 第二十条第（九）项 block; there is no arithmetic relation in this table.')
    : say('There is no arithmetic relation in this table; 对外公开总数量 (cumulative) should not be below 本年新公开数量.'));
  return lines;
}

function requestRequirements(template: TemplateYear, say: Say): string[] {
  const org = REQUEST_PART_COLUMNS.filter((c) => c !== 'natural').map((id) => REQUEST_COLUMNS.find((c) => c.id === id)!.label);
  const r6 = REQUEST_ROWS[template].filter((r) => r.group === 'r6').map((r) => r.label);
  const lines = [
    say('Must hold table 三 (requests received and handled).'),
    say('- Columns: 自然人 | 法人或其他组织 ({0}) | 总计, 7 value columns; 法人或其他组织 is a grouping header with no subtotal column', org.join(', '), org.join('、')),
    say('- Rows: 一 received this year; 二 carried over from last year; 三 results (（一）…（六）, （七）总计); 四 carried over to next year'),
    template === '2021'
      ? say('- 2021 format: （六）其他处理 has three sub-items: {0}', r6.join('; '), r6.join('；'))
      : say('- 2019 format: （六）其他处理 is a single row'),
    say('Relations:'),
    say('- Each column: 一 + 二 = （七）总计 + 四 (printed in the table)'),
    say('- Each column: （七）总计 = （一）+（二）+（三）1–8+（四）1–3+（五）1–5+（六）{0}', template === '2021' ? '1–3' : ''),
    say('- Each row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他'),
    say('Every cell is a non-negative integer; a blank counts as 0 but 0 should be written.'),
  ];
  return lines;
}

function appealRequirements(say: Say): string[] {
  const outcomes = APPEAL_OUTCOMES.map((o) => o.label).join(' | ');
  return [
    say('Must hold table 四 (administrative review and litigation), one row of 15 numbers:'),
    `- 行政复议：${outcomes}`,
    `- 行政诉讼 未经复议直接起诉：${outcomes}`,
    `- 行政诉讼 复议后起诉：${outcomes}`,
    say('Relation: in each group 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计; there is none between review and litigation.'),
  ];
}

function requirements(section: SectionNumber, template: TemplateYear, say: Say): string[] {
  switch (section) {
    case 1:
      return template === '2021'
        ? [
          say('An overview of the year; the 2021 format covers five areas (usually written as sub-heads):'),
          ...OVERVIEW_SUBHEADS_2021.map((s, i) => `- （${NUMERALS[i]}）${s}`),
        ]
        : [say('An overview of the year. The 2019 format prescribes no sub-heads; reports usually cover 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障.')];
    case 2:
      return activeRequirements(template, say);
    case 3:
      return requestRequirements(template, say);
    case 4:
      return appealRequirements(say);
    case 5:
      return [say('The main problems of the year\'s work and how they are being addressed; usually also how the problems named in last year\'s report were fixed.')];
    case 6:
      return template === '2021'
        ? [
          say('The 2021 format requires reporting the information processing fees charged (国办函〔2020〕109号), also when none were, e.g. “本年度未收取信息处理费。”'),
          say('Also commonly reported: implementation of the yearly key points of government affairs openness, publication of how deputies’ proposals were handled, innovations.'),
        ]
        : [say('Any other matters to report (e.g. implementation of the yearly key points, publication of how proposals were handled); write 无 when there are none.')];
  }
}

/** Lines as Markdown: consecutive `- ` items form one list, every other line is its own paragraph. */
function markdownBlocks(lines: readonly string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += line.startsWith('- ') && lines[i - 1].startsWith('- ') ? '\n' : '\n\n';
    out += line;
  });
  return out;
}

function headingHover(model: ReportModel, heading: SectionHeading, say: Say): string {
  const canonical = canonicalHeading(heading.section);
  const parts = [`**${canonical}**`];
  if (heading.match !== 'canonical') parts[0] += say(' (canonical wording; written here as “{0}”)', escapeMarkdown(heading.text));
  parts.push(templateLine(model, say));
  parts.push(markdownBlocks(requirements(heading.section, model.template, say)));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------

/**
 * The hover at `position`: on a bound value cell, its full official name and, for a total or a
 * 结转下年度 cell, its relation with numbers and ✓/✗; on a section heading's text, what the
 * template requires of the section. Undefined elsewhere.
 */
export function hover(model: ReportModel, text: string, position: Position, locale: Locale = 'zh-cn'): Hover | undefined {
  void text; // the model carries every range; the text is part of the contract for future use
  const say = sayer(locale);
  const found = findCell(model, position);
  if (found) {
    return { contents: { kind: MarkupKind.Markdown, value: cellHover(found.table, found.cell, say) }, range: found.cell.range };
  }
  const heading = model.headings.find((h) => h.line === position.line && within(h.textRange, position));
  if (heading) {
    return { contents: { kind: MarkupKind.Markdown, value: headingHover(model, heading, say) }, range: heading.textRange };
  }
  return undefined;
}
