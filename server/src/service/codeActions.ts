// Quick fixes and fix-all. Every fix is computed from the diagnostic's `data` and the current
// text, edits only the cells or lines it names, and a fix that would break a relation that
// holds now is not offered.
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { SectionNumber, Table, TableKind, TemplateYear } from './model';
import { importReport } from './importer';
import { localize, type MessageArgument } from './l10n';
import { parseHeading, parseReport, splitLines } from './parser';
import { sectionSkeleton, standardTable } from './skeleton';
import { DEFAULT_SETTINGS, type GknbSettings } from './settings';
import { ACTIVE_BLOCKS, APPEAL_COLUMNS, REQUEST_COLUMNS, REQUEST_ROWS, activeRowId, canonicalHeading } from './template';
import { validateText } from './validate';

export interface CodeActionOptions {
  readonly uri: string;
  readonly languageId?: string;
  readonly settings?: Partial<GknbSettings>;
}

type Data = Record<string, unknown>;

const ARITHMETIC = new Set(['row-total', 'result-total', 'balance', 'appeal-total']);
/** Rules whose fixes fix-all applies: they only set totals, fill blanks, or rewrite digits and headings. */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set(['row-total', 'result-total', 'appeal-total', 'empty-cell', 'fullwidth-digit', 'heading-wording']);

function say(settings: GknbSettings, message: string, ...args: MessageArgument[]): string {
  return localize(settings.locale, message, ...args);
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function dataOf(diagnostic: Diagnostic): Data {
  return typeof diagnostic.data === 'object' && diagnostic.data !== null ? (diagnostic.data as Data) : {};
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Offset of an LSP position in `text` (lines split like the parser does). */
function offsetAt(lines: readonly string[], text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line && i < lines.length; i++) {
    offset += lines[i].length;
    offset += text[offset] === '\r' && text[offset + 1] === '\n' ? 2 : 1;
  }
  return offset + character;
}

/** Applies non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = splitLines(text);
  const sorted = edits
    .map((e) => ({ start: offsetAt(lines, text, e.range.start.line, e.range.start.character), end: offsetAt(lines, text, e.range.end.line, e.range.end.character), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/**
 * The edit that writes `value` into a value cell: blank cells keep their padding style. A cell
 * absent from a short row is appended at the end of the row, after `blanksBefore` blank cells
 * standing for the absent cells before it.
 */
function cellEdit(lines: readonly string[], range: Range, value: string, missing = false, blanksBefore = 0): TextEdit {
  const line = lines[range.start.line] ?? '';
  const isPipe = line.includes('|');
  if (missing) {
    const trimmed = line.trimEnd();
    const trailingPipe = trimmed.endsWith('|');
    const cells = [...new Array<string>(blanksBefore).fill(''), value];
    const newText = !isPipe ? cells.map((c) => `\t${c}`).join('')
      : trailingPipe ? cells.map((c) => (c === '' ? '  |' : ` ${c} |`)).join('') : cells.map((c) => ` | ${c}`).join('');
    const at = isPipe ? trimmed.length : line.length;
    return { range: point(range.start.line, at), newText };
  }
  const current = line.slice(range.start.character, range.end.character);
  if (current.trim() === '') return { range, newText: isPipe ? ` ${value} ` : value };
  return { range, newText: value };
}

function action(title: string, diagnostic: Diagnostic | undefined, uri: string, edits: TextEdit[], isPreferred = false, kind = 'quickfix'): CodeAction {
  const result: CodeAction = { title, kind, edit: { changes: { [uri]: edits } } };
  if (diagnostic) result.diagnostics = [diagnostic];
  if (isPreferred) result.isPreferred = true;
  return result;
}

function arithmeticKey(d: Diagnostic): string {
  const data = dataOf(d);
  return `${String(d.code)}|${String(data.rowId ?? '')}|${String(data.columnId ?? '')}`;
}

// ---------------------------------------------------------------------------------------
// Row text for inserted rows, in the table's own layout (pipe or tab, label cell count).

interface Layout {
  readonly pipe: boolean;
  readonly labelCells: number;
  readonly width: number;
}

function layoutOf(table: Table, lines: readonly string[], valueCount: number): Layout {
  const sample = table.rows.find((r) => r.cells.length > 0);
  const pipe = sample ? lines[sample.line].includes('|') : true;
  const width = Math.max(...table.rows.map((r) => r.cells.length), valueCount + 1);
  return { pipe, labelCells: Math.min(3, Math.max(1, width - valueCount)), width };
}

function rowText(layout: Layout, cells: readonly string[]): string {
  return layout.pipe ? `| ${cells.join(' | ')} |` : cells.join('\t');
}

function requestRowText(layout: Layout, template: TemplateYear, rowId: string): string {
  const spec = REQUEST_ROWS[template].find((r) => r.id === rowId)!;
  const group = spec.group ? REQUEST_ROWS[template].find((r) => r.id === spec.group) : undefined;
  const labels = new Array<string>(layout.labelCells).fill('');
  if (layout.labelCells === 1) labels[0] = group ? `${group.label}${spec.label}` : spec.label;
  else if (group) labels[layout.labelCells - 1] = spec.label;
  else labels[0] = spec.label;
  return rowText(layout, [...labels, ...REQUEST_COLUMNS.map(() => '0')]);
}

function activeRowsText(layout: Layout, template: TemplateYear, rowIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const block of ACTIVE_BLOCKS[template]) {
    const ids = block.rows.map((r) => activeRowId(block.item, r.id));
    const wanted = block.rows.filter((r) => rowIds.includes(activeRowId(block.item, r.id)));
    if (wanted.length === 0) continue;
    const pad = (cells: string[]): string[] => [...cells, ...new Array(Math.max(0, layout.width - cells.length)).fill('')];
    if (wanted.length === ids.length) {
      out.push(rowText(layout, pad([block.label])));
      out.push(rowText(layout, pad(['信息内容', ...block.columns.map((c) => c.label)])));
    }
    for (const row of wanted) out.push(rowText(layout, pad([row.label, ...block.columns.map(() => '0')])));
  }
  return out;
}

// ---------------------------------------------------------------------------------------

interface Context {
  readonly text: string;
  readonly lines: readonly string[];
  readonly eol: string;
  readonly uri: string;
  readonly settings: GknbSettings;
  readonly languageId: string;
  model(): ReturnType<typeof parseReport>;
  diagnostics(): Diagnostic[];
}

function makeContext(text: string, options: CodeActionOptions): Context {
  const settings: GknbSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  let model: ReturnType<typeof parseReport> | undefined;
  let diagnostics: Diagnostic[] | undefined;
  return {
    text,
    lines: splitLines(text),
    eol: eolOf(text),
    uri: options.uri,
    settings,
    languageId: options.languageId ?? 'gknb',
    model: () => (model ??= parseReport(text, { template: settings.template })),
    diagnostics: () => (diagnostics ??= validateText(text, { uri: options.uri, languageId: options.languageId ?? 'gknb', settings })),
  };
}

function tableAt(ctx: Context, line: number, kind?: TableKind): Table | undefined {
  return ctx.model().tables.find((t) => (!kind || t.kind === kind) && t.range.start.line <= line && line <= t.range.end.line);
}

/** The primary (preferred) fix of a diagnostic, as edits; undefined when it has none. */
function primaryFix(ctx: Context, d: Diagnostic): { title: string; edits: TextEdit[] } | undefined {
  const data = dataOf(d);
  const s = ctx.settings;
  switch (d.code) {
    case 'row-total':
    case 'result-total':
    case 'appeal-total': {
      if (typeof data.expected !== 'number') return undefined;
      const value = String(data.expected);
      return { title: say(s, 'Set the total to {0}', value), edits: [cellEdit(ctx.lines, d.range, value)] };
    }
    case 'empty-cell': {
      if (typeof data.fill !== 'string') return undefined;
      const title = data.isTotal && data.fill !== '0'
        ? say(s, 'Fill in the sum {0}', data.fill)
        : say(s, 'Fill in {0}', data.fill);
      return { title, edits: [cellEdit(ctx.lines, d.range, data.fill, data.missing === true, typeof data.missingIndex === 'number' ? data.missingIndex : 0)] };
    }
    case 'fullwidth-digit':
      if (typeof data.replacement !== 'string') return undefined;
      return { title: say(s, 'Use ASCII digits “{0}”', data.replacement), edits: [{ range: d.range, newText: data.replacement }] };
    case 'heading-wording':
      if (typeof data.canonical !== 'string') return undefined;
      return { title: say(s, 'Change the heading to “{0}”', data.canonical), edits: [{ range: d.range, newText: data.canonical }] };
    case 'unknown-label':
      if (typeof data.suggestion !== 'string') return undefined;
      return { title: say(s, 'Change to “{0}”', data.suggestion), edits: [{ range: d.range, newText: data.suggestion }] };
    case 'missing-section':
      return missingSectionFix(ctx, data);
    case 'template-mismatch':
      return templateFix(ctx, d, data);
    case 'year-mismatch': {
      if (typeof data.expected !== 'number') return undefined;
      const edits: TextEdit[] = [{ range: d.range, newText: String(data.expected) }];
      if (data.alsoRange) edits.push({ range: data.alsoRange as Range, newText: String(data.expected) });
      return { title: say(s, 'Change the year to {0}', data.expected), edits };
    }
    case 'processing-fee': {
      if (typeof data.insertAfterLine !== 'number' || typeof data.text !== 'string') return undefined;
      // After the last written line of 六, as a paragraph of its own.
      let line = data.insertAfterLine;
      while (line > d.range.start.line && ctx.lines[line].trim() === '') line--;
      return {
        title: say(s, 'Insert “{0}”', data.text),
        edits: [{ range: point(line, ctx.lines[line].length), newText: `${ctx.eol}${ctx.eol}${data.text}` }],
      };
    }
    case 'missing-table':
      return missingTableFix(ctx, data);
    case 'missing-row':
      return missingRowFix(ctx, d, data);
    default:
      return undefined;
  }
}

function missingSectionFix(ctx: Context, data: Data): { title: string; edits: TextEdit[] } | undefined {
  const section = data.section as SectionNumber;
  if (typeof section !== 'number') return undefined;
  const model = ctx.model();
  const skeleton = sectionSkeleton(section, model.template, { fill: '0' }).split('\n').join(ctx.eol);
  const before = model.sections.find((x) => x.number === data.insertBeforeSection);
  let edit: TextEdit;
  if (before) {
    edit = { range: point(before.heading.line, 0), newText: `${skeleton}${ctx.eol}${ctx.eol}` };
  } else {
    const last = ctx.lines.length - 1;
    const endsWithBreak = ctx.lines[last] === '';
    edit = { range: point(last, ctx.lines[last].length), newText: `${endsWithBreak ? '' : ctx.eol}${ctx.eol}${skeleton}${ctx.eol}` };
  }
  const name = canonicalHeading(section);
  return { title: say(ctx.settings, 'Insert “{0}”', name), edits: [edit] };
}

function missingTableFix(ctx: Context, data: Data): { title: string; edits: TextEdit[] } | undefined {
  const section = ctx.model().sections.find((x) => x.number === data.section);
  const kind = data.table as TableKind;
  if (!section || typeof kind !== 'string') return undefined;
  const table = standardTable(kind, ctx.model().template, '0').split('\n').join(ctx.eol);
  // After the section's last written line, separated by a blank line.
  let line = section.range.end.line;
  while (line > section.heading.line && ctx.lines[line].trim() === '') line--;
  const edit: TextEdit = { range: point(line, ctx.lines[line].length), newText: `${ctx.eol}${ctx.eol}${table}` };
  return { title: say(ctx.settings, 'Insert the standard {0} table', ctx.model().template), edits: [edit] };
}

function missingRowFix(ctx: Context, d: Diagnostic, data: Data): { title: string; edits: TextEdit[] } | undefined {
  const rowIds = Array.isArray(data.rowIds) ? (data.rowIds as string[]) : [];
  const table = tableAt(ctx, d.range.start.line);
  if (!table || rowIds.length === 0) return undefined;
  let texts: string[];
  if (table.kind === 'requests') {
    const layout = layoutOf(table, ctx.lines, REQUEST_COLUMNS.length);
    texts = rowIds.map((id) => requestRowText(layout, table.template, id));
  } else if (table.kind === 'active') {
    const maxColumns = Math.max(...ACTIVE_BLOCKS[table.template].map((b) => b.columns.length));
    texts = activeRowsText(layoutOf(table, ctx.lines, maxColumns), table.template, rowIds);
  } else {
    const layout = layoutOf(table, ctx.lines, APPEAL_COLUMNS.length);
    texts = [rowText(layout, APPEAL_COLUMNS.map(() => '0'))];
  }
  const after = typeof data.afterRowId === 'string' ? table.cells.get(data.afterRowId)?.values().next().value : undefined;
  let edit: TextEdit;
  if (after) {
    const line = after.range.start.line;
    edit = { range: point(line, ctx.lines[line].length), newText: `${ctx.eol}${texts.join(ctx.eol)}` };
  } else if (table.kind === 'appeals') {
    const line = table.range.end.line;
    edit = { range: point(line, ctx.lines[line].length), newText: `${ctx.eol}${texts.join(ctx.eol)}` };
  } else {
    // Before the first data row (after the header rows).
    const firstData = Math.min(...[...table.cells.values()].map((row) => row.values().next().value?.range.start.line ?? Infinity));
    if (Number.isFinite(firstData)) {
      edit = { range: point(firstData, 0), newText: `${texts.join(ctx.eol)}${ctx.eol}` };
    } else {
      // No data row yet: after the header rows, which may end the document.
      const line = table.range.end.line;
      edit = { range: point(line, ctx.lines[line].length), newText: `${ctx.eol}${texts.join(ctx.eol)}` };
    }
  }
  return { title: say(ctx.settings, 'Insert the {0} missing row(s) with 0', rowIds.length), edits: [edit] };
}

/**
 * The table rewritten in the other template: rows and columns that exist in both keep their
 * values; new cells are left blank for the user (empty-cell points at them). 2021's three
 * （六） items become 2019's single （六） row as their sum.
 */
function templateFix(ctx: Context, d: Diagnostic, data: Data): { title: string; edits: TextEdit[] } | undefined {
  const to = data.to as TemplateYear;
  const table = tableAt(ctx, d.range.start.line, data.table as TableKind);
  if (!table || (to !== '2019' && to !== '2021') || table.kind === 'appeals') return undefined;
  const value = (rowId: string, columnId: string): string => {
    const cell = table.cells.get(rowId)?.get(columnId);
    return cell && cell.parsed.kind !== 'blank' ? cell.text : '';
  };
  const values: string[] = [];
  let dropped: string[] = [];
  if (table.kind === 'requests') {
    for (const row of REQUEST_ROWS[to].filter((r) => r.holdsValues)) {
      for (const column of REQUEST_COLUMNS) {
        if (row.id === 'r6' && to === '2019') {
          const items = ['r6.1', 'r6.2', 'r6.3'].map((id) => table.cells.get(id)?.get(column.id));
          const readable = items.every((c) => !c || c.parsed.kind !== 'invalid');
          const filled = items.some((c) => c && c.parsed.kind === 'number');
          values.push(readable && filled ? String(items.reduce((sum, c) => sum + (c && c.parsed.kind === 'number' ? c.parsed.value : 0), 0)) : '');
        } else {
          values.push(value(row.id, column.id));
        }
      }
    }
  } else {
    const target = ACTIVE_BLOCKS[to];
    for (const block of target) {
      for (const row of block.rows) {
        for (const column of block.columns) {
          // Only a column with the same meaning in both templates carries its number over.
          const same = ACTIVE_BLOCKS[table.template].find((b) => b.item === block.item)?.columns.some((c) => c.id === column.id && c.label.replace('本年', '') === column.label.replace('本年', ''));
          values.push(same ? value(activeRowId(block.item, row.id), column.id) : '');
        }
      }
    }
    const kept = new Set(target.flatMap((b) => b.rows.map((r) => activeRowId(b.item, r.id))));
    dropped = ACTIVE_BLOCKS[table.template].flatMap((b) => b.rows.filter((r) => !kept.has(activeRowId(b.item, r.id))).map((r) => r.label));
  }
  const PLACEHOLDER = '\u0000';
  let index = 0;
  const converted = standardTable(table.kind, to, PLACEHOLDER)
    .split(PLACEHOLDER).map((part, i, parts) => (i < parts.length - 1 ? part + (values[index++] ?? '') : part)).join('')
    .replace(/\| {2}(?=\|)/g, '| ').split('\n').join(ctx.eol);
  const end = table.range.end;
  const note = dropped.length > 0 ? say(ctx.settings, ' ({0} are not in the {1} template and will be removed)', dropped.join(', '), to, dropped.join('、')) : '';
  return {
    title: say(ctx.settings, 'Convert this table to the {0} template{1}', to, note),
    edits: [{ range: { start: { line: table.range.start.line, character: 0 }, end }, newText: converted }],
  };
}

/** Balance fixes: each changes one of the four cells; offered only if nothing that holds breaks. */
function balanceFixes(ctx: Context, d: Diagnostic): CodeAction[] {
  const data = dataOf(d);
  const ranges = (data.ranges ?? {}) as Record<string, Range | undefined>;
  const [a, b, c, dd] = ['received', 'carried', 'handled', 'carryover'].map((k) => Number(data[k]));
  const column = REQUEST_COLUMNS.find((x) => x.id === data.columnId)?.label ?? String(data.columnId);
  const candidates: { cell: string; value: number; zh: string; en: string }[] = [
    { cell: 'carryover', value: a + b - c, zh: '结转下年度继续办理', en: 'carry-over' },
    { cell: 'handled', value: a + b - dd, zh: '（七）总计', en: '（七）total' },
    { cell: 'received', value: c + dd - b, zh: '本年新收', en: 'received' },
    { cell: 'carried', value: c + dd - a, zh: '上年结转', en: 'carried over' },
  ];
  const before = new Set(ctx.diagnostics().filter((x) => ARITHMETIC.has(String(x.code))).map(arithmeticKey));
  const actions: CodeAction[] = [];
  for (const candidate of candidates) {
    const range = ranges[candidate.cell];
    if (!range || candidate.value < 0 || !Number.isInteger(candidate.value)) continue;
    const edit = cellEdit(ctx.lines, range, String(candidate.value));
    const after = validateText(applyEdits(ctx.text, [edit]), { uri: ctx.uri, languageId: ctx.languageId, settings: ctx.settings })
      .filter((x) => ARITHMETIC.has(String(x.code)));
    const broken = after.some((x) => !before.has(arithmeticKey(x)));
    const stillUnbalanced = after.some((x) => x.code === 'balance' && dataOf(x).columnId === data.columnId);
    if (broken || stillUnbalanced) continue;
    actions.push(action(
      say(ctx.settings, 'Set {0} (column {1}) to {2}', candidate.en, column, candidate.value, candidate.zh),
      d, ctx.uri, [edit], actions.length === 0,
    ));
  }
  return actions;
}

function fillTableAction(ctx: Context, d: Diagnostic): CodeAction | undefined {
  const table = tableAt(ctx, d.range.start.line);
  if (!table) return undefined;
  const edits: TextEdit[] = [];
  let count = 0;
  for (const row of table.cells.values()) {
    let missing = 0;
    let lastMissing: Range | undefined;
    for (const cell of row.values()) {
      if (cell.parsed.kind !== 'blank') continue;
      count++;
      if (cell.missing) {
        missing++;
        lastMissing = cell.range;
      } else {
        edits.push(cellEdit(ctx.lines, cell.range, '0'));
      }
    }
    // The absent cells at the end of a short row: one insertion writing all of them.
    if (lastMissing) edits.push({ ...cellEdit(ctx.lines, lastMissing, '0', true, 0), newText: cellEdit(ctx.lines, lastMissing, '0', true, 0).newText.repeat(missing) });
  }
  if (count < 2 || !removesTarget(ctx, edits, d)) return undefined;
  return action(say(ctx.settings, 'Fill all {0} blank cells of this table with 0', count), d, ctx.uri, edits);
}

function allFullwidthAction(ctx: Context, d: Diagnostic): CodeAction | undefined {
  const all = ctx.diagnostics().filter((x) => x.code === 'fullwidth-digit' && typeof dataOf(x).replacement === 'string');
  if (all.length < 2) return undefined;
  return action(say(ctx.settings, 'Convert all {0} full-width numbers in the document', all.length), d, ctx.uri,
    all.map((x) => ({ range: x.range, newText: dataOf(x).replacement as string })));
}

function disableActions(ctx: Context, d: Diagnostic): CodeAction[] {
  const rule = String(d.code);
  const line = d.range.start.line;
  const text = ctx.lines[line] ?? '';
  const indent = /^[ \t]*/.exec(text)![0];
  // A comment line inside a pipe table would end the table in Markdown; there the directive
  // goes inside the row's first cell instead (inline HTML, invisible in the preview).
  const firstPipe = text.trimStart().startsWith('|') ? text.indexOf('|') : -1;
  const lineEdit: TextEdit = firstPipe >= 0
    ? { range: point(line, firstPipe + 1), newText: ` <!-- gknb-disable-line ${rule} -->` }
    : { range: point(line, 0), newText: `${indent}<!-- gknb-disable-next-line ${rule} -->${ctx.eol}` };
  return [
    action(say(ctx.settings, 'Disable {0} for this line', rule), d, ctx.uri, [lineEdit]),
    action(say(ctx.settings, 'Disable {0} for this file', rule), d, ctx.uri,
      [{ range: point(0, 0), newText: `<!-- gknb-disable-file ${rule} -->${ctx.eol}` }]),
  ];
}

/**
 * Fixes whose edits change numbers that arithmetic relations read. Filling a blank part with 0
 * changes no sum (a blank counts as 0), so only totals and filled-in totals are checked.
 */
function changesSums(d: Diagnostic): boolean {
  const data = dataOf(d);
  return d.code === 'row-total' || d.code === 'result-total' || d.code === 'appeal-total' || (d.code === 'empty-cell' && data.isTotal === true && data.fill !== '0');
}

/**
 * An insertion can land where it is not report content (inside an unclosed HTML comment or code
 * fence) and so fix nothing: such a fix is checked by validating its result.
 */
function removesTarget(ctx: Context, edits: readonly TextEdit[], target: Diagnostic): boolean {
  if (!edits.some((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character)) return true;
  const after = validateText(applyEdits(ctx.text, edits), { uri: ctx.uri, languageId: ctx.languageId, settings: ctx.settings });
  return !after.some((x) => x.code === target.code && x.message === target.message);
}

function acceptable(ctx: Context, fix: { edits: TextEdit[] }, d: Diagnostic): boolean {
  return !(changesSums(d) && breaksRelations(ctx, fix.edits, d)) && removesTarget(ctx, fix.edits, d);
}

/**
 * Whether applying `edits` makes an arithmetic relation fail that holds now (or was not checked):
 * such a fix hides one mistake behind another, e.g. setting （七）总计 to the column sum when the
 * real slip is a number typed in the wrong column.
 */
function breaksRelations(ctx: Context, edits: readonly TextEdit[], target: Diagnostic): boolean {
  const before = new Set(ctx.diagnostics().filter((x) => ARITHMETIC.has(String(x.code))).map(arithmeticKey));
  const after = validateText(applyEdits(ctx.text, edits), { uri: ctx.uri, languageId: ctx.languageId, settings: ctx.settings });
  return after.some((x) => ARITHMETIC.has(String(x.code)) && !before.has(arithmeticKey(x)) && arithmeticKey(x) !== arithmeticKey(target));
}

/** Quick fixes for the diagnostics the editor sends (those of gknb), in a stable order. */
export function getCodeActions(text: string, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const ctx = makeContext(text, options);
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'gknb' || typeof d.code !== 'string') continue;
    if (d.code === 'balance') actions.push(...balanceFixes(ctx, d));
    else {
      const fix = primaryFix(ctx, d);
      if (fix && acceptable(ctx, fix, d)) actions.push(action(fix.title, d, ctx.uri, fix.edits, true));
    }
    if (d.code === 'empty-cell') {
      const fill = fillTableAction(ctx, d);
      if (fill) actions.push(fill);
    }
    if (d.code === 'fullwidth-digit') {
      const all = allFullwidthAction(ctx, d);
      if (all) actions.push(all);
    }
    actions.push(...disableActions(ctx, d));
  }
  return actions;
}

export interface FixAllResult {
  readonly text: string;
  /** Minimal edits from the original text to the fixed one (one per changed line). */
  readonly edits: TextEdit[];
  /** How many fixes were applied. */
  readonly applied: number;
  /** Diagnostics left after fixing. */
  readonly remaining: Diagnostic[];
}

/**
 * Applies every safe fix (totals, blanks, digits, headings) until none is left. Fixes that
 * disagree about one cell are skipped, so the result is stable: fixing it again changes nothing.
 */
export function fixAll(text: string, options: CodeActionOptions): FixAllResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const ctx = makeContext(current, options);
    const byRange = new Map<string, TextEdit | null>();
    for (const d of ctx.diagnostics()) {
      if (!SAFE_FIX_RULES.has(String(d.code))) continue;
      const fix = primaryFix(ctx, d);
      if (!fix || fix.edits.length !== 1 || !acceptable(ctx, fix, d)) continue;
      const edit = fix.edits[0];
      const key = `${edit.range.start.line}:${edit.range.start.character}:${edit.range.end.line}:${edit.range.end.character}`;
      const seen = byRange.get(key);
      const isInsert = edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
      if (seen === undefined) byRange.set(key, edit);
      // Cells absent from one short row all insert at the row's end: the longest insertion writes
      // blanks for the earlier ones and the last value; the next pass fills the blanks.
      else if (seen !== null && isInsert && edit.newText.length > seen.newText.length) byRange.set(key, edit);
      else if (seen !== null && !isInsert && seen.newText !== edit.newText) byRange.set(key, null); // two fixes disagree: neither is safe
    }
    const edits = [...byRange.values()].filter((e): e is TextEdit => e !== null);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
  }
  const settings: GknbSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  return {
    text: current,
    edits: lineEdits(text, current),
    applied,
    remaining: validateText(current, { uri: options.uri, languageId: options.languageId ?? 'gknb', settings }),
  };
}

/** Edits turning `before` into `after` when both have the same lines, trimmed to the changed span. */
function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) {
    const lastLine = a.length - 1;
    return [{ range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: a[lastLine].length } }, newText: after }];
  }
  const edits: TextEdit[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let start = 0;
    while (start < a[i].length && start < b[i].length && a[i][start] === b[i][start]) start++;
    let endA = a[i].length;
    let endB = b[i].length;
    while (endA > start && endB > start && a[i][endA - 1] === b[i][endB - 1]) { endA--; endB--; }
    edits.push({ range: { start: { line: i, character: start }, end: { line: i, character: endA } }, newText: b[i].slice(start, endB) });
  }
  return edits;
}

// ---------------------------------------------------------------------------------------
// Refactor 转换为标准表格 (paste support): rows pasted from Word — TAB-separated, or one cell per
// line behind a TAB — in section 二, 三 or 四 become the standard pipe table. The conversion is
// the importer's (the same as `gknb import`); only the block of pasted rows is replaced.

export const CONVERT_TABLE_KIND = 'refactor.rewrite';

/** Blank lines a pasted table may hold between its rows (as the importer allows). */
const MAX_BLANKS_IN_PASTE = 3;

/**
 * A line of a table pasted from Word: it holds a TAB and is no pipe row. A single cell behind a
 * TAB that reads as a sentence is an indented paragraph, not a row.
 */
function isPastedRow(content: string, line: number): boolean {
  if (!content.includes('\t')) return false;
  const text = content.trim();
  if (text === '') return true; // an empty cell written one per line
  if (text.startsWith('|')) return false;
  if (text.includes('\t')) return true;
  // One cell behind a TAB: a heading indented by a TAB (a section boundary) or a sentence is no row.
  return text.length <= 80 && !/[。；;]/.test(text) && !parseHeading(text, line);
}

/** A short line of text between pasted rows: a cell Word broke over two lines, or a merged label row. */
function isShortTableText(content: string, line: number): boolean {
  const text = content.trim();
  return text !== '' && text.length <= 40 && !/[。；;]/.test(text) && !/^[|#>]/.test(text) && !parseHeading(content, line);
}

/** The last line of the pasted block that starts at row `from`, walking by `step` (±1) within [low, high]. */
function blockEdge(lines: readonly string[], from: number, step: 1 | -1, low: number, high: number): number {
  const inside = (i: number): boolean => i >= low && i <= high;
  const nextFilled = (i: number): { line: number; blanks: number } => {
    let blanks = 0;
    while (inside(i) && lines[i].trim() === '' && !lines[i].includes('\t')) {
      i += step;
      blanks++;
    }
    return { line: i, blanks };
  };
  let edge = from;
  for (;;) {
    const next = nextFilled(edge + step);
    if (!inside(next.line) || next.blanks > MAX_BLANKS_IN_PASTE) return edge;
    if (isPastedRow(lines[next.line], next.line)) {
      edge = next.line;
      continue;
    }
    // Text is taken only when more rows follow it closely: the block never ends on text.
    if (next.blanks > 1 || !isShortTableText(lines[next.line], next.line)) return edge;
    const after = nextFilled(next.line + step);
    if (!inside(after.line) || after.blanks > 1 || !isPastedRow(lines[after.line], after.line)) return edge;
    edge = after.line;
  }
}

/**
 * 转换为标准表格 for the block of pasted rows at `range`, when it lies in section 二, 三 or 四 and
 * the importer recognises a statistics table in it; otherwise nothing. The edit replaces exactly
 * the block's lines (plus a blank line to separate the table from adjacent text).
 */
export function getRefactorActions(text: string, range: Range, options: CodeActionOptions): CodeAction[] {
  // Asked on every cursor move: without a TAB at the cursor there is nothing to parse for.
  if (!splitLines(text).slice(range.start.line, range.end.line + 1).some((line) => line.includes('\t'))) return [];
  const ctx = makeContext(text, options);
  const model = ctx.model();
  const content = model.lines;
  const first = Math.max(0, range.start.line);
  const last = Math.min(content.length - 1, range.end.line);
  let row = -1;
  for (let line = first; line <= last && row < 0; line++) if (isPastedRow(content[line], line)) row = line;
  if (row < 0) return [];
  // The section the rows are in: the last heading above them, up to the next heading.
  let index = -1;
  while (index + 1 < model.headings.length && model.headings[index + 1].line < row) index++;
  const heading = model.headings[index];
  if (!heading || (heading.section !== 2 && heading.section !== 3 && heading.section !== 4)) return [];
  const low = heading.line + 1;
  const high = (model.headings[index + 1]?.line ?? content.length) - 1;
  const start = blockEdge(content, row, -1, low, high);
  const end = blockEdge(content, row, 1, low, high);

  const block = ctx.lines.slice(start, end + 1).join('\n');
  const converted = importReport(block, { format: 'text', template: model.template });
  // Offered only when a table came out, and nothing became a heading or title.
  if (parseReport(converted.text, { template: model.template }).tables.length === 0 || /^#/m.test(converted.text)) return [];

  const separate = (line: number): string => (line >= 0 && line < ctx.lines.length && ctx.lines[line].trim() !== '' ? ctx.eol : '');
  const table = converted.text.replace(/\n$/, '').split('\n').join(ctx.eol);
  const edit: TextEdit = {
    range: { start: { line: start, character: 0 }, end: { line: end, character: ctx.lines[end].length } },
    newText: `${separate(start - 1)}${table}${separate(end + 1)}`,
  };
  return [action(say(ctx.settings, 'Convert to a standard table'), undefined, ctx.uri, [edit], false, CONVERT_TABLE_KIND)];
}
