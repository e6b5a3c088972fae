// Context-aware completions for report drafts. What fits where:
// - an empty (whitespace-only) document: the whole report skeleton, as a snippet;
// - an empty line outside tables: the missing section headings (alone, and with their skeleton),
//   and in section 二/三/四 without its table, that standard table first;
// - the label cell(s) of a row of a recognised table: the canonical row labels it lacks.
// Anywhere else nothing is offered. Pure: text and position in, items out; never throws.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { isNumberLike, labelKey, splitSegments, stripNumbering } from './labels';
import type { ReportModel, SectionNumber, Table, TableKind, TemplateYear } from './model';
import { contentLines, parseReport, splitLines } from './parser';
import { DEFAULT_SETTINGS, type GknbSettings } from './settings';
import { reportSkeleton, sectionSkeleton, standardTable, templateForYear } from './skeleton';
import {
  ACTIVE_BLOCKS, ACTIVE_TEMPLATE_WORDS, REQUEST_COLUMNS, REQUEST_HEADER_WORDS, REQUEST_ROWS, SECTIONS, activeRowId, canonicalHeading,
  type RequestRowSpec,
} from './template';

export interface CompletionOptions {
  readonly settings?: Partial<GknbSettings>;
  /** "Now", for the default year of a new report (the year before); default `new Date()`. */
  readonly now?: Date;
}

const TABLE_OF: Readonly<Partial<Record<SectionNumber, TableKind>>> = { 2: 'active', 3: 'requests', 4: 'appeals' };
const TABLE_NAME: Readonly<Record<TableKind, string>> = { active: '表二', requests: '表三', appeals: '表四' };

/** Completions at `position` in `text`. Returns [] where nothing fits; never throws. */
export function getCompletions(text: string, position: Position, options: CompletionOptions = {}): CompletionItem[] {
  try {
    if (typeof text !== 'string') return [];
    const settings: GknbSettings = { ...DEFAULT_SETTINGS, ...(options?.settings ?? {}) };
    if (settings.enable === false) return [];
    return complete(text, position, settings, options?.now);
  } catch {
    // A completion is a convenience: a bug here must never break typing.
    return [];
  }
}

function complete(text: string, rawPosition: Position, settings: GknbSettings, now: Date | undefined): CompletionItem[] {
  const eol = eolOf(text);
  if (text.trim() === '') return [reportItem(settings, now, eol)];

  const lines = splitLines(text);
  const { line, character } = clamp(lines, rawPosition);
  const current = lines[line];
  if (insideCodeOrComment(lines, line)) return [];

  const model = parseReport(text, { template: settings.template });
  const table = model.tables.find((t) => t.range.start.line <= line && line <= t.range.end.line);
  if (table) return current.trim() === '' ? [] : labelItems(table, lines, line, character);
  if (model.unrecognisedTables.some((t) => t.range.start.line <= line && line <= t.range.end.line)) return [];

  // An empty line (or one holding only the `#` marks of a heading being typed), cursor at its end.
  const before = current.slice(0, character);
  const after = current.slice(character);
  const hashes = /^[ \t]*(#{1,6}[ \t]*)?$/.exec(before);
  if (!hashes || after.trim() !== '') return [];
  const typedStart = hashes[1] !== undefined ? before.length - before.trimStart().length : character;
  const range: Range = { start: { line, character: typedStart }, end: { line, character } };
  const blank = hashes[1] === undefined;
  // A blank line keeps insertions apart from text above; a line with `#` typed is the user's choice.
  const previousBlank = !blank || line === 0 || lines[line - 1].trim() === '';
  const nextBlank = line === lines.length - 1 || lines[line + 1].trim() === '';
  const pad = (body: string): string => `${previousBlank ? '' : eol}${body.split('\n').join(eol)}${nextBlank ? '' : eol}`;

  const items: CompletionItem[] = [];
  const tableOffer = blank ? tableItem(model, line, range, pad) : undefined;
  if (tableOffer) items.push(tableOffer);
  items.push(...sectionItems(model, line, range, pad, previousBlank ? '' : eol, tableOffer === undefined));
  return items;
}

// ---------------------------------------------------------------------------------------
// Positions and text.

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function clamp(lines: readonly string[], position: Position): { line: number; character: number } {
  const last = lines.length - 1;
  const rawLine = Number(position?.line);
  const rawCharacter = Number(position?.character);
  if (!Number.isFinite(rawLine) || rawLine < 0) return { line: 0, character: 0 };
  if (rawLine > last) return { line: last, character: lines[last].length };
  const line = Math.floor(rawLine);
  const character = Number.isFinite(rawCharacter) ? Math.min(Math.max(0, Math.floor(rawCharacter)), lines[line].length) : 0;
  return { line, character };
}

/** Whether a line lies in fenced code or an HTML comment (the parser blanks those). */
function insideCodeOrComment(lines: readonly string[], line: number): boolean {
  // Put a probe on the line: the parser's own blanking tells whether it is content.
  const probe = [...lines];
  probe[line] = 'x';
  return contentLines(probe)[line] !== 'x';
}

/** Escapes text for a snippet: `\`, `$` and `}` are syntax there. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function sortKey(group: number, index: number, sub = 0): string {
  return `${group}-${String(index).padStart(3, '0')}-${sub}`;
}

// ---------------------------------------------------------------------------------------
// The whole report.

// Sentinels for the placeholders: plain ASCII no label contains and escaping keeps.
const AGENCY = '@@GKNB_AGENCY@@';
const YEAR = '@@GKNB_YEAR@@';

function reportItem(settings: GknbSettings, now: Date | undefined, eol: string): CompletionItem {
  const date = now instanceof Date && Number.isFinite(now.getTime()) ? now : new Date();
  const year = date.getFullYear() - 1;
  const template: TemplateYear = settings.template === '2019' || settings.template === '2021' ? settings.template : templateForYear(year);
  let stop = 3;
  const body = escapeSnippet(reportSkeleton({ template, year: YEAR, agency: AGENCY, fill: '0' }))
    .replace(AGENCY, '${1:XX单位}')
    .replaceAll(YEAR, `\${2:${year}}`)
    // The placeholder paragraphs are tab stops after the agency and the year.
    .replace(/（在此填写[^（）\n]*）/g, (placeholder) => `\${${stop++}:${placeholder}}`)
    .split('\n').join(eol);
  return {
    label: '政府信息公开工作年度报告（全文框架）',
    kind: CompletionItemKind.Snippet,
    detail: `${year}年度报告，${template}版模板：标题、六个部分和三张统计表`,
    documentation: '插入完整的年度报告框架：标题、编制依据、统计期限、六个部分及其统计表（数值预填 0）。依次按 Tab 填写单位名称和年份。',
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: '政府信息公开工作年度报告 gknb',
    sortText: sortKey(0, 0),
    preselect: true,
  };
}

// ---------------------------------------------------------------------------------------
// Sections and their tables.

/** The section whose range holds `line` (below its heading), if any. */
function sectionAt(model: ReportModel, line: number) {
  return model.sections.find((s) => s.range.start.line < line && line <= s.range.end.line);
}

function tableItem(model: ReportModel, line: number, range: Range, pad: (body: string) => string): CompletionItem | undefined {
  const section = sectionAt(model, line);
  const kind = section && TABLE_OF[section.number];
  if (!section || !kind || section.tables.some((t) => t.kind === kind)) return undefined;
  const heading = canonicalHeading(section.number);
  return {
    label: `${TABLE_NAME[kind]}：${heading.slice(2)}统计表`,
    kind: CompletionItemKind.Struct,
    detail: `标准统计表（${model.template}版模板，数值预填 0）`,
    documentation: `“${heading}”缺少统计表：插入${model.template}版模板的标准表格。`,
    textEdit: { range, newText: pad(standardTable(kind, model.template, '0')) },
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: `${TABLE_NAME[kind]} ${heading.slice(2)} 统计表`,
    sortText: sortKey(1, 0),
    preselect: true,
  };
}

function sectionItems(model: ReportModel, line: number, range: Range, pad: (body: string) => string, prefix: string, preselect: boolean): CompletionItem[] {
  // Nothing goes above the title.
  if (model.title && line < model.title.line) return [];
  const present = new Map(model.sections.map((s) => [s.number, s.heading.line]));
  let maxBefore = 0;
  let minAfter = 7;
  for (const [number, headingLine] of present) {
    if (headingLine < line) maxBefore = Math.max(maxBefore, number);
    else if (headingLine > line) minAfter = Math.min(minAfter, number);
  }
  const missing = SECTIONS.map((s) => s.number).filter((n) => !present.has(n));
  const fits = (n: SectionNumber): boolean => n > maxBefore && n < minAfter;
  // The sections that fit here in order first (the next missing one leads), then the others.
  const ranked = [...missing.filter(fits), ...missing.filter((n) => !fits(n))];
  const items: CompletionItem[] = [];
  ranked.forEach((number, rank) => {
    const heading = canonicalHeading(number);
    const inOrder = fits(number);
    const where = inOrder ? '' : '（注意：放在此处与章节顺序不符）';
    const numeral = SECTIONS[number - 1].numeral;
    const headingItem: CompletionItem = {
      label: heading,
      kind: CompletionItemKind.Module,
      detail: `插入第${numeral}部分标题${where}`,
      textEdit: { range, newText: `${prefix}## ${heading}` },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: `## ${heading}`,
      sortText: sortKey(2, rank, 0),
    };
    if (preselect && rank === 0 && inOrder) headingItem.preselect = true;
    const table = TABLE_OF[number];
    const skeletonItem: CompletionItem = {
      label: `${heading}（含${table ? '统计表' : '框架'}）`,
      kind: CompletionItemKind.Snippet,
      detail: `插入第${numeral}部分标题及${table ? `${model.template}版标准统计表` : '框架'}${where}`,
      textEdit: { range, newText: pad(sectionSkeleton(number, model.template, { fill: '0' })) },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: `## ${heading}`,
      sortText: sortKey(2, rank, 1),
    };
    items.push(headingItem, skeletonItem);
  });
  return items;
}

// ---------------------------------------------------------------------------------------
// Row labels in a table's label cells.

interface CellAt {
  /** 0-based index of the cell the cursor is in. */
  readonly index: number;
  /** Where the typed text of the cell starts (after the separator and spaces, at most the cursor). */
  readonly start: number;
  /** The texts of the row's cells other than the cursor's, trimmed. */
  readonly others: readonly string[];
  /** The texts of the cells left of the cursor's, trimmed. */
  readonly left: readonly string[];
  /** The whole text of the cursor's cell, trimmed. */
  readonly text: string;
}

/** Splits a row line into cells around the cursor (pipe rows, or tab rows without pipes). */
function cellAt(text: string, character: number): CellAt | undefined {
  const pipes: number[] = [];
  const tabs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '|' && (i === 0 || text[i - 1] !== '\\')) pipes.push(i);
    else if (text[i] === '\t') tabs.push(i);
  }
  const separators = pipes.length > 0 ? pipes : tabs;
  const leading = pipes.length > 0 && text.trimStart().startsWith('|');
  // Cells are the spans between separators; with a leading pipe, the text before it is not a cell.
  const bounds: [number, number][] = [];
  let from = 0;
  for (const s of separators) {
    bounds.push([from, s]);
    from = s + 1;
  }
  bounds.push([from, text.length]);
  if (leading) bounds.shift();
  const index = bounds.findIndex(([a, b]) => a <= character && character <= b);
  if (index < 0) return undefined;
  const [a] = bounds[index];
  let start = a;
  while (start < character && /[\s\u3000]/.test(text[start])) start++;
  const texts = bounds.map(([x, y]) => text.slice(x, y).trim());
  // A trailing pipe closes the row: the empty span after it is not a cell.
  return { index, start, others: texts.filter((_, i) => i !== index), left: texts.slice(0, index), text: texts[index] };
}

const REQUEST_HEADER_KEYS = new Set([...REQUEST_COLUMNS.filter((c) => c.id !== 'other' && c.id !== 'total').map((c) => c.label), ...REQUEST_HEADER_WORDS].map(labelKey));
const RELATION_NOTE_KEY = labelKey('本列数据的勾稽关系');
const ACTIVE_HEADER_KEYS = new Set(['信息内容', ...Object.values(ACTIVE_TEMPLATE_WORDS).flat(), ...Object.values(ACTIVE_BLOCKS).flat().flatMap((b) => b.columns.map((c) => c.label))]
  .map(labelKey));

function isRequestHeader(texts: readonly string[]): boolean {
  return texts.some((t) => t !== '' && (REQUEST_HEADER_KEYS.has(labelKey(t)) || labelKey(t).startsWith(RELATION_NOTE_KEY)));
}

function labelItems(table: Table, lines: readonly string[], line: number, character: number): CompletionItem[] {
  if (table.kind === 'appeals') return []; // its one data row has no label
  const text = lines[line];
  if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(text)) return []; // the delimiter row
  const cell = cellAt(text, character);
  if (!cell || cell.left.some((t) => isNumberLike(t))) return [];
  const range: Range = { start: { line, character: cell.start }, end: { line, character } };
  if (table.kind === 'requests') {
    // Label cells: what the widest row has before its seven values (one to three).
    const widest = Math.max(0, ...table.rows.filter((r) => r.line !== line).map((r) => r.cells.length));
    const labelCells = Math.min(3, Math.max(1, widest - REQUEST_COLUMNS.length));
    if (cell.index >= labelCells || isRequestHeader(cell.others)) return [];
    return withoutWritten(requestLabelItems(table, line, cell, range), cell);
  }
  if (cell.index !== 0 || cell.others.some((t) => t !== '' && ACTIVE_HEADER_KEYS.has(labelKey(t)))) return [];
  return withoutWritten(activeLabelItems(table, line, range), cell);
}

/** Drops the label the cell already holds in full: completing it would change nothing. */
function withoutWritten(items: CompletionItem[], cell: CellAt): CompletionItem[] {
  const written = labelKey(cell.text);
  return written === '' ? items : items.filter((i) => labelKey(i.label) !== written);
}

/** Whether a bound row lies on another line than the cursor's (the row being typed does not count). */
function boundElsewhere(table: Table, rowId: string, line: number): boolean {
  const row = table.cells.get(rowId);
  if (!row) return false;
  for (const cell of row.values()) return cell.range.start.line !== line;
  return false;
}

function requestLabelItems(table: Table, line: number, cell: CellAt, range: Range): CompletionItem[] {
  const specs = REQUEST_ROWS[table.template];
  const byKey = new Map<string, RequestRowSpec>();
  for (const spec of specs) for (const label of [spec.label, ...(spec.aliases ?? [])]) byKey.set(labelKey(stripNumbering(label)), spec);
  const present = new Set(specs.filter((s) => boundElsewhere(table, s.id, line)).map((s) => s.id));
  // Group labels (三、本年度办理结果, （三）不予公开 …) hold no values: look for their text, in
  // every label but the one being typed (the cursor's row may hold others in its other cells).
  for (const row of table.rows) {
    const texts = row.line === line ? cell.others : row.cells.map((c) => c.text);
    if (isRequestHeader(texts)) continue;
    for (const t of texts) {
      if (t === '' || isNumberLike(t)) continue;
      for (const segment of splitSegments(t)) {
        const spec = byKey.get(labelKey(stripNumbering(segment)));
        if (spec) present.add(spec.id);
      }
    }
  }
  const results = specs.find((s) => s.id === 'results');
  const items: CompletionItem[] = [];
  specs.forEach((spec, index) => {
    if (present.has(spec.id)) return;
    const group = spec.group ? specs.find((g) => g.id === spec.group) : undefined;
    // The group a label belongs to: （五）不予处理 for its items, 三、本年度办理结果 for （一）…（七）.
    const detail = group ? group.label
      : /^r[1-7]$/.test(spec.id) && results ? results.label
        : `${TABLE_NAME.requests}：收到和处理政府信息公开申请情况`;
    items.push({
      label: spec.label,
      kind: spec.holdsValues ? CompletionItemKind.EnumMember : CompletionItemKind.Enum,
      detail: spec.holdsValues ? detail : `${detail}（分组标题，不填数值）`,
      textEdit: { range, newText: spec.label },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: `${stripNumbering(spec.label)} ${spec.label}`,
      sortText: sortKey(3, index),
    });
  });
  return items;
}

function activeLabelItems(table: Table, line: number, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  const blockKeys = new Set(table.rows.filter((r) => r.line !== line).flatMap((r) => r.cells.map((c) => labelKey(c.text))));
  let index = 0;
  for (const block of ACTIVE_BLOCKS[table.template]) {
    const missing = block.rows.filter((r) => !boundElsewhere(table, activeRowId(block.item, r.id), line));
    if (missing.length === block.rows.length && !blockKeys.has(labelKey(block.label))) {
      items.push({
        label: block.label,
        kind: CompletionItemKind.Enum,
        detail: `${TABLE_NAME.active}分项：${block.rows.map((r) => r.label).join('、')}`,
        textEdit: { range, newText: block.label },
        insertTextFormat: InsertTextFormat.PlainText,
        filterText: `第二十条 ${block.label}`,
        sortText: sortKey(3, index++),
      });
    }
    for (const row of missing) {
      items.push({
        label: row.label,
        kind: CompletionItemKind.EnumMember,
        detail: block.label,
        textEdit: { range, newText: row.label },
        insertTextFormat: InsertTextFormat.PlainText,
        filterText: row.label,
        sortText: sortKey(3, index++),
      });
    }
  }
  return items;
}
