// Text → ReportModel. One pass over the lines finds headings, table rows and the title; tables
// are then recognised by their labels and every canonical cell is bound with its LSP range.
import type {
  YearMention, Cell, Directive, DirectiveKind, HeadingMatch, LabelIssue, ParsedValue, Range, ReportModel, Section, SectionHeading, SectionNumber, Table, TableKind,
  TemplateSource, TemplateYear, ValueKind, YearSource,
} from './model';
import { asciiDigits, closest, isJsSpace, isNumberLike, isPlainNumber, labelKey, memoisedByText, splitSegments, stripNumbering, type Candidate } from './labels';
import {
  ACTIVE_BLOCKS, ACTIVE_TEMPLATE_WORDS, APPEAL_COLUMNS, APPEAL_HEADER_WORDS, APPEAL_ROW_ID, REQUEST_COLUMNS,
  REQUEST_HEADER_WORDS, REQUEST_RELATION_NOTE, REQUEST_ROWS, SECTIONS, canonicalHeading, activeRowId,
  type ActiveBlockSpec, type ColumnSpec, type RequestRowSpec, type RowSpec,
} from './template';
import { CellRow, CellStore, ParsedRow, leadingSpace, makeRange, trailingSpace } from './cells';

export { makeRange, pipeCells, tabCells } from './cells';

export interface ParseOptions {
  /** Forces a template; 'auto' (default) detects it from the year, then the header words. */
  readonly template?: 'auto' | TemplateYear;
}

// ---------------------------------------------------------------------------------------
// Lines: report content with fenced code and HTML comments blanked out (same length, so
// positions stay valid).

export function splitLines(text: string): string[] {
  // A string separator is much cheaper than the regex; without \r the two split alike.
  return text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
}

const LINE_BREAK = /\r\n|\r|\n/;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Whether the line's first character after up to three spaces is ` or ~ (the regex runs only then). */
function mayOpenFence(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const code = line.charCodeAt(i);
  return code === 96 || code === 126;
}

/** Lines with fenced code emptied and HTML comments blanked (same length, positions kept). */
export function contentLines(raw: readonly string[]): string[] {
  const out: string[] = new Array(raw.length);
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i];
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = ' ' + line.slice(1);
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
      out[i] = '';
      continue;
    }
    if (!inComment && mayOpenFence(line)) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1];
        out[i] = '';
        continue;
      }
    }
    if (inComment || line.includes('<!--')) {
      let result = '';
      let pos = 0;
      while (pos < line.length) {
        if (inComment) {
          const end = line.indexOf('-->', pos);
          const stop = end < 0 ? line.length : end + 3;
          result += ' '.repeat(stop - pos);
          pos = stop;
          if (end >= 0) inComment = false;
        } else {
          const start = line.indexOf('<!--', pos);
          if (start < 0) {
            result += line.slice(pos);
            break;
          }
          result += line.slice(pos, start);
          pos = start;
          inComment = true;
        }
      }
      line = result;
    }
    out[i] = line;
  }
  return out;
}

const DIRECTIVE = /<!--\s*gknb-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\s,]+[a-z][a-z0-9-]*)*)\s*-->/g;

/** Directives are single-line HTML comments outside fenced code. */
function findDirectives(raw: readonly string[], content: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    // Fenced lines are emptied (length differs); comments are blanked with spaces (length kept).
    if (!line.includes('gknb-') || content[i].length !== line.length) continue;
    for (const m of line.matchAll(DIRECTIVE)) {
      if (content[i].slice(m.index, m.index + 4) === '<!--') continue; // not inside a comment
      directives.push({
        kind: m[1] as DirectiveKind,
        rules: m[2].split(/[\s,]+/).filter((r) => r !== ''),
        line: i,
        range: makeRange(i, m.index, m.index + m[0].length),
      });
    }
  }
  return directives;
}

// ---------------------------------------------------------------------------------------
// Table rows: GFM pipe rows and tab-separated rows.

const DELIMITER_ROW = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
type LineKind = 'blank' | 'text' | 'pipe' | 'delimiter' | 'tab';

function classifyLines(lines: readonly string[]): LineKind[] {
  const kinds: LineKind[] = lines.map((line) => {
    // Index arithmetic instead of trim(): this runs on every line of every keystroke's parse.
    const first = leadingSpace(line);
    if (first === line.length) return 'blank';
    const hasPipe = line.includes('|', first);
    if (hasPipe && line.includes('-', first) && DELIMITER_ROW.test(line)) return 'delimiter';
    if (line.charCodeAt(first) === 124) return 'pipe';
    // A tab after the first text: cells pasted from Word (a leading tab alone is indentation).
    let textStart = 0;
    while (textStart < line.length && (line.charCodeAt(textStart) === 9 || line.charCodeAt(textStart) === 32)) textStart++;
    if (line.includes('\t', textStart)) return 'tab';
    return 'text';
  });
  // GFM tables without leading pipes: the header above a delimiter row and the rows below it.
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'delimiter') continue;
    if (i > 0 && kinds[i - 1] === 'text' && lines[i - 1].includes('|')) kinds[i - 1] = 'pipe';
    // Every following line with a pipe is a row, whether or not it starts with one.
    for (let j = i + 1; j < kinds.length && (kinds[j] === 'pipe' || (kinds[j] === 'text' && lines[j].includes('|'))); j++) kinds[j] = 'pipe';
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------
// Section headings.

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const NUMBERING = /^(?:([一二三四五六七八九十])\s*[、.．，,]|(\d{1,2})\s*[、.．](?!\d)|第([一二三四五六])部分\s*[、.．:：]?)/;
const SUBHEAD_NUMBERING = /^[（(][一二三四五六七八九十]+[）)]/;
const TRAILING_PUNCT = /[。.：:；;，,]+$/;

interface SectionMatcher {
  readonly key: string;
  readonly section: SectionNumber;
  readonly variant: boolean;
}

const SECTION_KEYS: readonly SectionMatcher[] = SECTIONS.flatMap((s) => [
  { key: labelKey(s.title), section: s.number, variant: false },
  ...s.variants.map((v) => ({ key: labelKey(v), section: s.number, variant: true })),
]);
const SECTION_BY_KEY = new Map(SECTION_KEYS.map((m) => [m.key, m]));
const SECTION_FUZZY: Candidate<SectionMatcher>[] = SECTION_KEYS.filter((m) => m.key.length >= 8).map((m) => ({ key: m.key, value: m }));

const ATX_CLOSING = /[ \t]+#+$/;
const EMPHASIS = /^(\*\*|__|\*|_)(.*)\1$/;
const SPACES = /[\s\u3000]/g;

/** Recognises a section heading on one line of content, or returns undefined. */
export function parseHeading(content: string, line: number): SectionHeading | undefined {
  if (content.length > 120) return undefined;
  let level = 0;
  let textStart = leadingSpace(content);
  const atx = ATX.exec(content);
  if (atx) {
    level = atx[1].length;
    textStart = atx[0].length;
  }
  let textEnd = content.length - trailingSpace(content);
  if (atx) {
    // Closing #s of an ATX heading are not text.
    const closing = ATX_CLOSING.exec(content.slice(0, textEnd));
    if (closing) textEnd -= closing[0].length;
  }
  // Emphasis around the whole heading (`**六、其他需要报告的事项**`) is formatting, not wording.
  for (;;) {
    // Only `*` or `_` can open emphasis: other lines skip the copy and the regex.
    const open = content.charCodeAt(textStart);
    if (textStart >= textEnd || (open !== 42 && open !== 95)) break;
    const m = EMPHASIS.exec(content.slice(textStart, textEnd));
    if (!m || m[2].trim() === '') break;
    textStart += m[1].length;
    textEnd -= m[1].length;
  }
  while (textStart < textEnd && isJsSpace(content.charCodeAt(textStart))) textStart++;
  while (textEnd > textStart && isJsSpace(content.charCodeAt(textEnd - 1))) textEnd--;
  const text = content.slice(textStart, textEnd);
  if (text === '' || text.length > 60) return undefined;
  // `（一）…` numbers a sub-head inside a section, never one of the six sections.
  if (SUBHEAD_NUMBERING.test(text)) return undefined;
  const numberingMatch = NUMBERING.exec(text);
  const numbering = numberingMatch ? numberingMatch[0] : '';
  const wording = text.slice(numbering.length).trim().replace(TRAILING_PUNCT, '').trim();
  const key = labelKey(wording);
  if (key === '') return undefined;
  let matcher = SECTION_BY_KEY.get(key);
  let fuzzy = false;
  if (!matcher && (numbering !== '' || level > 0)) {
    matcher = closest(key, SECTION_FUZZY);
    // Fuzzy only for near misses: at most two characters and a fifth of the wording.
    if (matcher && (Math.abs(matcher.key.length - key.length) > 2 || !nearMiss(key, matcher.key))) matcher = undefined;
    fuzzy = matcher !== undefined;
  }
  if (!matcher) return undefined;
  const written = text.replace(SPACES, '');
  const canonical = written === canonicalHeading(matcher.section);
  return new ParsedHeading(
    matcher.section, line, content.length, textStart, textEnd, level, text, numbering.trim(), wording,
    canonical ? 'canonical' : fuzzy ? 'fuzzy' : 'variant',
  );
}

/**
 * A section heading whose two Ranges are built on first read, like a table cell's: a draft of
 * many concatenated reports has thousands of headings and few of their ranges are ever read.
 * toJSON gives the plain SectionHeading.
 */
class ParsedHeading implements SectionHeading {
  private cachedRange: Range | undefined = undefined;
  private cachedTextRange: Range | undefined = undefined;

  constructor(
    readonly section: SectionNumber,
    readonly line: number,
    private readonly length: number,
    private readonly textStart: number,
    private readonly textEnd: number,
    readonly level: number,
    readonly text: string,
    readonly numbering: string,
    readonly wording: string,
    readonly match: HeadingMatch,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= makeRange(this.line, 0, this.length));
  }

  get textRange(): Range {
    return (this.cachedTextRange ??= makeRange(this.line, this.textStart, this.textEnd));
  }

  toJSON(): SectionHeading {
    const { section, line, range, textRange, level, text, numbering, wording, match } = this;
    return { section, line, range, textRange, level, text, numbering, wording, match };
  }
}

function nearMiss(a: string, b: string): boolean {
  // Count differing characters cheaply through the shared prefix and suffix.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const changed = Math.max(a.length, b.length) - prefix - suffix;
  return changed <= 2 && changed <= Math.ceil(b.length / 5);
}

// ---------------------------------------------------------------------------------------
// Values.

const FULLWIDTH_DIGIT = /[０-９]/;

const BLANK: ParsedValue = Object.freeze({ kind: 'blank' });
const SMALL_NUMBERS = new Map<string, ParsedValue>();

const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?(万元|元)?$/;
const COMMAS = /,/g;
const CURRENCY_UNIT = /(万元|元)$/;
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function parseValue(text: string, kind: ValueKind): ParsedValue {
  if (text === '') return BLANK;
  if (isPlainNumber(text)) {
    // Small counts fill most cells: share one frozen value object per number (no garbage per cell).
    if (text.length <= 3) {
      let shared = SMALL_NUMBERS.get(text);
      if (!shared) SMALL_NUMBERS.set(text, shared = Object.freeze({ kind: 'number', value: Number(text), fullwidth: false }));
      return shared;
    }
    return { kind: 'number', value: Number(text), fullwidth: false };
  }
  const fullwidth = FULLWIDTH_DIGIT.test(text);
  let t = text.normalize('NFKC').replace(SPACES, '');
  if (GROUPED_NUMBER.test(t)) t = t.replace(COMMAS, '');
  if (kind === 'amount') t = t.replace(CURRENCY_UNIT, '');
  const m = DECIMAL.exec(t);
  if (!m) return { kind: 'invalid', reason: 'not-a-number' };
  const value = Number(t);
  if (kind !== 'amount' && m[3] !== undefined) return { kind: 'invalid', reason: 'fraction', value };
  if (kind !== 'signed' && m[1] === '-' && value !== 0) return { kind: 'invalid', reason: 'negative', value };
  return { kind: 'number', value: value === 0 ? 0 : value, fullwidth };
}

// ---------------------------------------------------------------------------------------
// Table recognition.

/**
 * Consecutive table rows. `texts` (each row's cell texts) are sliced when the run is recognised
 * and dropped with the run once its table is built: the model keeps only spans.
 */
interface RowRun {
  /** The rows, by their numbers in the store. */
  readonly rows: number[];
  texts?: (readonly string[])[];
  readonly firstLine: number;
  lastLine: number;
  lastLineLength: number;
}

const ACTIVE_BLOCK_RE = /^第二十条第[（(]([一二三四五六七八九十]+)[）)]项/;
const ACTIVE_ROW_KEYS = new Set(Object.values(ACTIVE_BLOCKS).flatMap((blocks) => blocks.flatMap((b) => b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])].map(labelKey)))));
const ACTIVE_COLUMN_KEYS = new Set(Object.values(ACTIVE_BLOCKS).flatMap((blocks) => blocks.flatMap((b) => b.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])].map(labelKey)))));
const INFO_CONTENT_KEY = labelKey('信息内容');

const REQUEST_ROW_BY_KEY = new Map<string, RequestRowSpec>();
for (const row of REQUEST_ROWS['2021']) {
  for (const label of [row.label, ...(row.aliases ?? [])]) REQUEST_ROW_BY_KEY.set(labelKey(stripNumbering(label)), row);
}
const REQUEST_ROW_BY_ID: Readonly<Record<TemplateYear, ReadonlyMap<string, RequestRowSpec>>> = {
  '2019': new Map(REQUEST_ROWS['2019'].map((r) => [r.id, r])),
  '2021': new Map(REQUEST_ROWS['2021'].map((r) => [r.id, r])),
};
const REQUEST_ROW_CANDIDATES: Candidate<RequestRowSpec>[] = REQUEST_ROWS['2021'].map((r) => ({ key: labelKey(stripNumbering(r.label)), value: r }));
const REQUEST_COLUMN_KEYS = new Set([...REQUEST_COLUMNS.map((c) => labelKey(c.label)), ...REQUEST_HEADER_WORDS.map(labelKey)]);
const REQUEST_COLUMN_CANDIDATES: Candidate<string>[] = [...REQUEST_COLUMNS.map((c) => c.label), ...REQUEST_HEADER_WORDS].map((l) => ({ key: labelKey(l), value: l }));
const RELATION_NOTE_KEY = labelKey('本列数据的勾稽关系');
const RELATION_NOTE_FULL_KEY = labelKey(REQUEST_RELATION_NOTE);
// Row keys that are also column words: they do not mark the end of the header rows.
const AMBIGUOUS_REQUEST_KEYS = new Set(['其他', '总计'].map(labelKey));
const APPEAL_KEYS = new Set([...APPEAL_HEADER_WORDS.map(labelKey)]);
const APPEAL_DISTINCT_KEYS = new Set(['行政复议', '行政诉讼', '结果维持', '结果纠正', '尚未审结', '未经复议直接起诉', '复议后起诉'].map(labelKey));
const APPEAL_CANDIDATES: Candidate<string>[] = APPEAL_HEADER_WORDS.map((l) => ({ key: labelKey(l), value: l }));

/** How much a cell's text says about which table it is in: [active, requests, appeals]. */
const cellVotes = memoisedByText((text): readonly [number, number, number] => {
  if (blockItem(text) !== undefined) return [2, 0, 0];
  const key = labelKey(text);
  const active = key === INFO_CONTENT_KEY || ACTIVE_ROW_KEYS.has(key) || ACTIVE_COLUMN_KEYS.has(key) ? 1 : 0;
  const appeals = APPEAL_DISTINCT_KEYS.has(key) ? 1 : 0;
  const requests = key.startsWith(RELATION_NOTE_KEY) ? 2
    : (REQUEST_COLUMN_KEYS.has(key) && !AMBIGUOUS_REQUEST_KEYS.has(key)) || hasDistinctRequestRow(text) ? 1 : 0;
  return [active, requests, appeals];
});
const NO_VOTES = [0, 0, 0] as const;

function hasDistinctRequestRow(text: string): boolean {
  for (const s of requestSegments(text)) if (s.spec !== undefined && !AMBIGUOUS_REQUEST_KEYS.has(s.key)) return true;
  return false;
}

/** Whether a row has a label naming a table 三 row that is not also a column word (the header ends there). */
function hasDistinctRequestCell(texts: readonly string[]): boolean {
  for (const text of texts) if (text !== '' && !isPlainNumber(text) && hasDistinctRequestRow(text)) return true;
  return false;
}

/** How many of `texts[from, to)` are number-like. */
function countNumberLike(texts: readonly string[], from = 0, to = texts.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isNumberLike(texts[i])) n++;
  return n;
}

function countNonBlank(texts: readonly string[]): number {
  let n = 0;
  for (const text of texts) if (text !== '') n++;
  return n;
}

/** The cell texts of a run's rows, sliced once when first asked for. */
function runTexts(run: RowRun, store: CellStore): (readonly string[])[] {
  return (run.texts ??= run.rows.map((row) => store.textsOf(row)));
}

function classifyRun(run: RowRun, store: CellStore): TableKind | undefined {
  let active = 0;
  let requests = 0;
  let appeals = 0;
  for (const texts of runTexts(run, store)) {
    for (const text of texts) {
      const votes = text === '' || text.length > 80 || isPlainNumber(text) ? NO_VOTES : cellVotes(text);
      active += votes[0];
      requests += votes[1];
      appeals += votes[2];
    }
  }
  const best = Math.max(active, requests, appeals);
  if (best < 2) return undefined;
  if (best === requests) return 'requests';
  if (best === appeals) return 'appeals';
  return 'active';
}

function tableRange(run: RowRun): Range {
  return { start: { line: run.firstLine, character: 0 }, end: { line: run.lastLine, character: run.lastLineLength } };
}

/**
 * Values are the last `count` cells of a full-width row. A shorter row is GFM-padded at the
 * end: its leading text or blank cells (up to `maxLabels`) are labels and the missing value
 * cells are the last ones. `fullWidth` is the cell count from which a row counts as full.
 * Returns how many leading cells are labels; value i is cell `labels + i`, when the row has it.
 */
function splitRow(texts: readonly string[], count: number, maxLabels: number, fullWidth: number): number {
  // A row of exactly `count` cells is all values unless it starts with a label (a short row).
  const startsWithLabel = texts.length > 0 && texts[0] !== '' && !isNumberLike(texts[0]);
  if (texts.length >= Math.max(fullWidth, count + 1) || (texts.length === count && (!startsWithLabel || maxLabels === 0))) {
    return texts.length - count;
  }
  let labelCount = 0;
  while (labelCount < texts.length && labelCount < maxLabels && !isNumberLike(texts[labelCount])) labelCount++;
  return Math.max(labelCount, texts.length - count);
}

/** The widest row of a run, capped: rows this wide or wider are full rows. */
function fullWidthOf(rows: readonly (readonly string[])[], cap: number): number {
  let widest = 0;
  for (const texts of rows) widest = Math.max(widest, texts.length);
  return Math.min(widest, cap);
}

/** A recognised table; its `rows` are made when first read (the store keeps rows as numbers). */
class ParsedTable implements Table {
  readonly kind: TableKind;
  readonly template: TemplateYear;
  readonly templateFromTable: boolean;
  readonly range: Range;
  readonly line: number;
  readonly cells: ReadonlyMap<string, CellRow>;
  readonly rowIds: readonly string[];
  readonly labelIssues: readonly LabelIssue[];
  readonly endLine: number;
  private cachedRows: readonly ParsedRow[] | undefined = undefined;

  constructor(private readonly store: CellStore, private readonly rowNumbers: readonly number[], fields: Omit<Table, 'rows'> & { cells: ReadonlyMap<string, CellRow> }) {
    this.kind = fields.kind;
    this.template = fields.template;
    this.templateFromTable = fields.templateFromTable;
    this.range = fields.range;
    this.line = fields.line;
    this.cells = fields.cells;
    this.rowIds = fields.rowIds;
    this.labelIssues = fields.labelIssues;
    this.endLine = fields.endLine;
  }

  get rows(): readonly ParsedRow[] {
    if (this.cachedRows) return this.cachedRows;
    return (this.cachedRows = this.rowNumbers.map((row) => new ParsedRow(this.store, row)));
  }

  toJSON(): Table {
    const { kind, template, templateFromTable, range, line, rows, cells, rowIds, labelIssues, endLine } = this;
    return { kind, template, templateFromTable, range, line, rows, cells, rowIds, labelIssues, endLine };
  }
}

class TableBuilder {
  readonly cells = new Map<string, CellRow>();
  readonly rowIds: string[] = [];
  readonly labelIssues: LabelIssue[] = [];

  constructor(private readonly store: CellStore) {}

  /**
   * Binds cells of `row` (whose texts are `texts`) to `columns` (distinct ids), unless `rowId` is
   * bound already: the cell at `indices[i]` to column i, or without `indices` the cells from
   * `first` on, in order. A cell the row does not have is bound as not written.
   */
  bind(rowId: string, columns: readonly ColumnSpec[], row: number, texts: readonly string[], first: number, indices?: readonly number[]): boolean {
    if (this.cells.has(rowId)) return false;
    let base = -1;
    for (let i = 0; i < columns.length; i++) {
      let index = indices ? indices[i] : first + i;
      if (index >= texts.length) index = -1;
      const stored = this.store.bind(index, parseValue(index < 0 ? '' : texts[index], columns[i].kind));
      if (i === 0) base = stored;
    }
    this.cells.set(rowId, new CellRow(this.store, row, rowId, columns, base));
    this.rowIds.push(rowId);
    return true;
  }

  /** The cell at `index` of a row (-1: an empty cell at its end), for an issue's range. */
  cell(row: number, index: number): Cell {
    return this.store.cellOf(row, index);
  }

  issue(cell: Cell, role: 'row' | 'column', suggestion?: string, text = cell.text): void {
    this.labelIssues.push({ range: cell.range, text, suggestion, role });
  }

  build(kind: TableKind, template: TemplateYear, run: RowRun, templateFromTable = false): Table {
    run.texts = undefined; // the model keeps spans, not texts
    return new ParsedTable(this.store, run.rows, {
      kind, template, templateFromTable, range: tableRange(run), line: run.firstLine, cells: this.cells,
      rowIds: this.rowIds, labelIssues: this.labelIssues, endLine: run.lastLine,
    });
  }
}

function buildRequestsTable(run: RowRun, reportTemplate: TemplateYear, store: CellStore): Table {
  const builder = new TableBuilder(store);
  const columnCount = REQUEST_COLUMNS.length;
  const rowTexts = runTexts(run, store);
  const fullWidth = fullWidthOf(rowTexts, columnCount + 3);
  // Resolve every row's label first: the template of this table depends on its rows.
  /** A data row: its first `labels` cells are labels, the values follow. */
  interface Resolved { row: number; texts: readonly string[]; labels: number; leaf?: RequestRowSpec; unknown?: { index: number; text: string }[] }
  const resolved: Resolved[] = [];
  let headerDone = false;
  let template: TemplateYear | undefined;
  let headerRows = 0;
  for (let r = 0; r < run.rows.length; r++) {
    const row = run.rows[r];
    const texts = rowTexts[r];
    if (!headerDone) {
      // After the first header row, a row names at least one column to be a header row too: a
      // number-less row with none (a truncated paste leaves 益 of 4.保护第三方合法权益) is a data row,
      // and its label is reported as a row label.
      if (!hasDistinctRequestCell(texts) && countNumberLike(texts) < 2 && (headerRows === 0 || namesRequestColumn(texts))) {
        checkHeaderRow(row, texts, builder);
        headerRows++;
        continue;
      }
      headerDone = true;
    }
    const labels = splitRow(texts, columnCount, 3, fullWidth);
    // Every field set here: added later, they would move the object to a larger shape.
    const entry: Resolved = { row, texts, labels, leaf: undefined, unknown: undefined };
    // Numbers before the seven value cells do not belong to any column: one issue per row.
    if (countNumberLike(texts, 0, labels) > 0) {
      const surplus: Cell[] = [];
      for (let index = 0; index < labels; index++) if (isNumberLike(texts[index])) surplus.push(builder.cell(row, index));
      builder.labelIssues.push({
        range: { start: surplus[0].range.start, end: surplus[surplus.length - 1].range.end },
        text: surplus.map((c) => c.text).join(' '), role: 'row', surplusCells: surplus.length,
      });
    }
    for (let index = 0; index < labels; index++) {
      const text = texts[index];
      if (text === '' || isNumberLike(text)) continue;
      for (const { segment, spec } of requestSegments(text)) {
        if (spec) entry.leaf = spec;
        else (entry.unknown ??= []).push({ index, text: segment });
        if (spec?.group === 'r6') template = '2021';
      }
    }
    resolved.push(entry);
  }
  if (!template) {
    const other = resolved.find((r) => r.leaf?.id === 'r6');
    if (other && countNonBlank(other.texts.slice(other.labels)) > 0) template = '2019';
  }
  const templateFromTable = template !== undefined;
  template ??= reportTemplate;
  const columns = REQUEST_COLUMNS;
  const byId = REQUEST_ROW_BY_ID[template];
  for (const entry of resolved) {
    let spec = entry.leaf && byId.get(entry.leaf.id);
    if (entry.unknown) {
      for (const u of entry.unknown) {
        const guess = closest(labelKey(stripNumbering(u.text)), REQUEST_ROW_CANDIDATES);
        builder.issue(segmentCell(builder.cell(entry.row, u.index), u.text), 'row', guess && byId.has(guess.id) ? guess.label : undefined, u.text);
        // A mistyped leaf still binds to the row it obviously means, so its sums are checked.
        if (!spec && guess && byId.get(guess.id)?.holdsValues && !builder.cells.has(guess.id)) spec = byId.get(guess.id);
      }
    }
    if (!spec || !spec.holdsValues) {
      if (!spec && !entry.unknown && countNonBlank(entry.texts.slice(entry.labels)) > 0) {
        // Numbers without any label: nothing to bind them to.
        builder.issue(builder.cell(entry.row, entry.texts.length > 0 ? 0 : -1), 'row', undefined, '');
      }
      continue;
    }
    builder.bind(spec.id, columns, entry.row, entry.texts, entry.labels);
  }
  return builder.build('requests', template, run, templateFromTable);
}

/** The part of a label cell that one hierarchy segment occupies (for precise fixes). */
function segmentCell(cell: Cell, segment: string): Cell {
  const at = asciiDigits(cell.text).indexOf(segment);
  if (at < 0) return cell;
  const start = cell.range.start.character + at;
  return { text: segment, range: makeRange(cell.range.start.line, start, start + segment.length) };
}

/**
 * The hierarchy segments of a table 三 label cell with the row each names (undefined: unknown),
 * numbering-only segments (`一、` in a cell of its own) left out. Memoised: labels repeat.
 */
const requestSegments = memoisedByText((text): readonly RequestSegment[] => splitSegments(text)
  .map((segment) => ({ segment, key: labelKey(stripNumbering(segment)) }))
  .filter((s) => s.key !== '')
  .map(({ segment, key }) => ({ segment, key, spec: REQUEST_ROW_BY_KEY.get(key) })));
interface RequestSegment {
  readonly segment: string;
  /** labelKey of the segment without its numbering. */
  readonly key: string;
  readonly spec?: RequestRowSpec;
}

/** Whether a row has a cell naming a column of table 三 (or its relation note). */
function namesRequestColumn(texts: readonly string[]): boolean {
  for (const text of texts) {
    if (text === '') continue;
    const key = labelKey(text);
    if (REQUEST_COLUMN_KEYS.has(key) || key.startsWith(RELATION_NOTE_KEY)) return true;
  }
  return false;
}

function checkHeaderRow(row: number, texts: readonly string[], builder: TableBuilder): void {
  texts.forEach((text, index) => {
    if (text === '') return;
    const key = labelKey(text);
    if (REQUEST_COLUMN_KEYS.has(key) || key.startsWith(RELATION_NOTE_KEY) || key === RELATION_NOTE_FULL_KEY) return;
    builder.issue(builder.cell(row, index), 'column', closest(key, REQUEST_COLUMN_CANDIDATES));
  });
}

function buildAppealsTable(run: RowRun, template: TemplateYear, store: CellStore): Table {
  const builder = new TableBuilder(store);
  const columnCount = APPEAL_COLUMNS.length;
  const rowTexts = runTexts(run, store);
  const fullWidth = fullWidthOf(rowTexts, columnCount + 1);
  let bound = false;
  for (let r = 0; r < run.rows.length; r++) {
    const row = run.rows[r];
    const texts = rowTexts[r];
    const numbers = countNumberLike(texts);
    // The data row: numbers, or a full row of blanks (a table not filled in yet).
    const blankDataRow = texts.length >= columnCount && numbers === countNonBlank(texts);
    if (!bound && (numbers >= 3 || blankDataRow)) {
      builder.bind(APPEAL_ROW_ID, APPEAL_COLUMNS, row, texts, splitRow(texts, columnCount, 1, fullWidth));
      bound = true;
      continue;
    }
    if (bound) continue;
    texts.forEach((text, index) => {
      if (text === '') return;
      const key = labelKey(text);
      if (!APPEAL_KEYS.has(key)) builder.issue(builder.cell(row, index), 'column', closest(key, APPEAL_CANDIDATES));
    });
  }
  return builder.build('appeals', template, run);
}

function activeTemplateOf(run: RowRun, store: CellStore): TemplateYear | undefined {
  let votes2019 = 0;
  let votes2021 = 0;
  for (const texts of runTexts(run, store)) {
    for (const text of texts) {
      // Blanks and plain counts are never template words (and labelKey would only echo them).
      if (text === '' || isPlainNumber(text)) continue;
      const votes = templateVotes(text);
      votes2019 += votes >> 2;
      votes2021 += votes & 3;
    }
  }
  if (votes2019 === votes2021) return undefined;
  return votes2019 > votes2021 ? '2019' : '2021';
}

const ACTIVE_WORDS_2019 = new Set(ACTIVE_TEMPLATE_WORDS['2019'].map(labelKey));
const ACTIVE_WORDS_2021 = new Set(ACTIVE_TEMPLATE_WORDS['2021'].map(labelKey));

/** A cell's votes for the 2019 and 2021 table 二, as 2019 × 4 + 2021. Memoised: labels repeat. */
const templateVotes = memoisedByText((text): number => {
  const key = labelKey(text);
  const votes2019 = (ACTIVE_WORDS_2019.has(key) ? 1 : 0) + (blockItem(text) === '九' ? 1 : 0);
  const votes2021 = ACTIVE_WORDS_2021.has(key) ? 1 : 0;
  return votes2019 * 4 + votes2021;
});

const OPEN_PAREN = /\(/g;
const CLOSE_PAREN = /\)/g;

/** The item of a table 二 block header (第二十条第（一）项 → 一). Memoised: the headers repeat. */
function blockItem(text: string): string | undefined {
  if (!text.includes('二十')) return undefined; // also the test for 第二十条, which contains it
  return blockItemOfHeader(text);
}
const blockItemOfHeader = memoisedByText((text): string | undefined =>
  ACTIVE_BLOCK_RE.exec(text.normalize('NFKC').replace(SPACES, '').replace(OPEN_PAREN, '（').replace(CLOSE_PAREN, '）'))?.[1]);

interface ColumnAt {
  readonly spec: ColumnSpec;
  /** Cell index relative to the row's label cell. */
  readonly offset: number;
}

/** Columns in template order right after the label: the layout when a block has no header row. */
function positionalColumns(block: ActiveBlockSpec): readonly ColumnAt[] {
  return activeIndex(block).positional;
}

/** A table 二 block's labels as keys, computed once per block instead of per row. */
interface ActiveBlockIndex {
  /** Row label or alias key → the first row spec it names. */
  readonly rowByKey: ReadonlyMap<string, RowSpec>;
  /** Column header or alias key → the first column spec it names. */
  readonly columnByKey: ReadonlyMap<string, ColumnSpec>;
  readonly rowCandidates: readonly Candidate<string>[];
  readonly columnCandidates: readonly Candidate<ColumnSpec>[];
  /** Columns in template order right after the label (never mutated: shared by every table). */
  readonly positional: readonly ColumnAt[];
  readonly positionalLayout: ColumnLayout;
}

const activeIndexes = new Map<ActiveBlockSpec, ActiveBlockIndex>();

function activeIndex(block: ActiveBlockSpec): ActiveBlockIndex {
  let index = activeIndexes.get(block);
  if (!index) {
    const keysOf = (spec: { label: string; aliases?: readonly string[] }): string[] => [spec.label, ...(spec.aliases ?? [])].map(labelKey);
    const rowByKey = new Map<string, RowSpec>();
    for (const row of block.rows) for (const key of keysOf(row)) if (!rowByKey.has(key)) rowByKey.set(key, row);
    const columnByKey = new Map<string, ColumnSpec>();
    for (const column of block.columns) for (const key of keysOf(column)) if (!columnByKey.has(key)) columnByKey.set(key, column);
    const positional = block.columns.map((spec, i) => ({ spec, offset: i + 1 }));
    index = {
      rowByKey,
      columnByKey,
      rowCandidates: block.rows.map((r) => ({ key: labelKey(r.label), value: r.label })),
      columnCandidates: block.columns.map((c) => ({ key: labelKey(c.label), value: c })),
      positional,
      positionalLayout: layoutOf(positional),
    };
    activeIndexes.set(block, index);
  }
  return index;
}

/** Columns as bind takes them: their specs, and their offsets unless those are 1, 2, 3… */
interface ColumnLayout {
  readonly specs: readonly ColumnSpec[];
  readonly offsets: readonly number[];
  readonly consecutive: boolean;
}

/** The layout of columns, made once when they are known (per block, per header row), not per row. */
function layoutOf(cols: readonly ColumnAt[]): ColumnLayout {
  // A column named twice (as Map.set would): its first position, the later cell.
  const specs: ColumnSpec[] = [];
  const offsets: number[] = [];
  for (const { spec, offset } of cols) {
    const seen = specs.findIndex((s) => s.id === spec.id);
    if (seen < 0) {
      specs.push(spec);
      offsets.push(offset);
    } else offsets[seen] = offset;
  }
  return { specs, offsets, consecutive: offsets.every((offset, i) => offset === i + 1) };
}

function buildActiveTable(run: RowRun, reportTemplate: TemplateYear, store: CellStore): Table {
  const ownTemplate = activeTemplateOf(run, store);
  const template = ownTemplate ?? reportTemplate;
  const blocks = ACTIVE_BLOCKS[template];
  const builder = new TableBuilder(store);
  const rowTexts = runTexts(run, store);
  let block: ActiveBlockSpec | undefined;
  let columns: readonly ColumnAt[] | undefined;
  let columnsLayout: ColumnLayout | undefined;
  for (let r = 0; r < run.rows.length; r++) {
    const row = run.rows[r];
    const texts = rowTexts[r];
    let firstIndex = 0;
    while (firstIndex < texts.length && texts[firstIndex] === '') firstIndex++;
    if (firstIndex === texts.length) continue;
    const firstText = texts[firstIndex];
    const item = blockItem(firstText);
    if (item !== undefined) {
      block = blocks.find((b) => b.item === item);
      columns = block && positionalColumns(block);
      columnsLayout = block && activeIndex(block).positionalLayout;
      if (!block) builder.issue(builder.cell(row, firstIndex), 'row', undefined);
      continue;
    }
    const firstKey = labelKey(firstText);
    if (firstKey === INFO_CONTENT_KEY) {
      if (!block) continue;
      // Values sit under their header words (Word pads merged cells at the end, or in between).
      const known = block.columns;
      const index = activeIndex(block);
      const mapped: ColumnAt[] = [];
      for (let j = firstIndex + 1; j < texts.length; j++) {
        if (texts[j] === '') continue;
        const key = labelKey(texts[j]);
        let spec = index.columnByKey.get(key);
        if (!spec) {
          const guess = closest(key, index.columnCandidates);
          builder.issue(builder.cell(row, j), 'column', guess?.label);
          spec = guess;
        }
        if (spec && !mapped.some((m) => m.spec.id === spec!.id)) mapped.push({ spec, offset: j - firstIndex });
      }
      // Columns whose header word is absent keep their template position.
      for (const fallback of positionalColumns(block)) {
        if (!mapped.some((m) => m.spec.id === fallback.spec.id) && !mapped.some((m) => m.offset === fallback.offset)) mapped.push(fallback);
      }
      columns = known.map((spec) => mapped.find((m) => m.spec.id === spec.id)).filter((m): m is ColumnAt => m !== undefined);
      columnsLayout = layoutOf(columns);
      continue;
    }
    // A data row: find its block by its label when the block row was left out.
    const rowBlock = block && activeIndex(block).rowByKey.has(firstKey)
      ? block
      : blocks.find((b) => activeIndex(b).rowByKey.has(firstKey));
    let spec = rowBlock && activeIndex(rowBlock).rowByKey.get(firstKey);
    const useBlock = rowBlock ?? block;
    if (!spec) {
      if (!useBlock) continue;
      const guess = closest(firstKey, activeIndex(useBlock).rowCandidates);
      builder.issue(builder.cell(row, firstIndex), 'row', guess);
      spec = guess ? useBlock.rows.find((r) => r.label === guess) : undefined;
      if (!spec) continue;
    }
    const ownColumns = useBlock === block && columns !== undefined;
    let cols = ownColumns ? columns! : positionalColumns(useBlock!);
    let layout = ownColumns ? columnsLayout! : activeIndex(useBlock!).positionalLayout;
    // Word pads merged cells with empty ones: when exactly one value per column is written among
    // more cells than columns, the blanks are padding and the values go to the columns in order.
    if (texts.length - firstIndex - 1 > cols.length) {
      const filled: number[] = [];
      for (let j = firstIndex + 1; j < texts.length; j++) if (texts[j] !== '') filled.push(j - firstIndex);
      if (filled.length === cols.length) {
        cols = [...cols].sort((a, b) => a.offset - b.offset).map((c, i) => ({ spec: c.spec, offset: filled[i] }));
        layout = layoutOf(cols);
      }
    }
    const indices = layout.consecutive ? undefined : layout.offsets.map((offset) => firstIndex + offset);
    builder.bind(activeRowId(useBlock!.item, spec.id), layout.specs, row, texts, firstIndex + 1, indices);
  }
  return builder.build('active', template, run, ownTemplate !== undefined);
}

// ---------------------------------------------------------------------------------------
// Title, year and template.

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/d;
// 统计期限自2020年1月1日起至2020年12月31日止, and variants (统计时限, 为, 从…到…).
const PERIOD = /统计(?:期限|时限|周期|时间|区间)[^0-9。\n]{0,12}?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?[^0-9。\n]{0,8}?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/d;
const PERIOD_START = /统计(?:期限|时限|周期|时间|区间)[^0-9。\n]{0,12}?((?:19|20)\d{2})\s*年/d;

function findYearMentions(lines: readonly string[], title: { line: number } | undefined): YearMention[] {
  const mentions: YearMention[] = [];
  const mention = (kind: YearMention['kind'], line: number, m: RegExpExecArray, group: number): YearMention => {
    const [start, end] = m.indices![group];
    return { kind, year: Number(m[group]), range: makeRange(line, start, end) };
  };
  if (title) {
    const m = TITLE_YEAR.exec(asciiDigits(lines[title.line]));
    if (m) mentions.push(mention('title', title.line, m, 1));
  }
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('统计')) continue;
    // Full-width digits are read as ASCII (same length, so ranges stay right).
    const line = asciiDigits(lines[i]);
    const full = PERIOD.exec(line);
    if (full) {
      mentions.push(mention('period-start', i, full, 1), mention('period-end', i, full, 2));
      break;
    }
    const start = PERIOD_START.exec(line);
    if (start) {
      mentions.push(mention('period-start', i, start, 1));
      break;
    }
  }
  return mentions;
}

// ---------------------------------------------------------------------------------------

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  const raw = splitLines(text);
  const lines = contentLines(raw);
  const kinds = classifyLines(lines);

  const store = new CellStore(lines);
  // Headings and row runs, in one pass.
  const headings: SectionHeading[] = [];
  const runs: RowRun[] = [];
  let run: RowRun | undefined;
  let titleLine: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    if (kind === 'pipe' || kind === 'tab' || kind === 'delimiter') {
      if (!run) {
        run = { rows: [], firstLine: i, lastLine: i, lastLineLength: raw[i].length };
        runs.push(run);
      }
      run.lastLine = i;
      run.lastLineLength = raw[i].length;
      if (kind !== 'delimiter') run.rows.push(store.addRow(i, kind === 'pipe'));
      continue;
    }
    run = undefined;
    if (kind !== 'text') continue;
    const heading = parseHeading(lines[i], i);
    if (heading) headings.push(heading);
    else if (titleLine === undefined && headings.length === 0 && /年度报告|年报/.test(lines[i]) && lines[i].length <= 100) titleLine = i;
  }
  const title = titleLine !== undefined
    ? { line: titleLine, range: makeRange(titleLine, 0, raw[titleLine].length), text: lines[titleLine].replace(/^\s*#+\s*/, '').trim() }
    : undefined;

  const yearMentions = findYearMentions(lines, title);
  // The report's year: the title's, else the statistical period's.
  const yearMention = yearMentions.find((m) => m.kind === 'title') ?? yearMentions.find((m) => m.kind === 'period-start');
  const year = yearMention?.year;
  const yearSource: YearSource = !yearMention ? 'none' : yearMention.kind === 'title' ? 'title' : 'period';
  let template: TemplateYear;
  let templateSource: TemplateSource;
  if (options.template === '2019' || options.template === '2021') {
    template = options.template;
    templateSource = 'setting';
  } else if (year !== undefined) {
    template = year <= 2020 ? '2019' : '2021';
    templateSource = 'year';
  } else {
    const votes = runs.filter((r) => classifyRun(r, store) === 'active').map((r) => activeTemplateOf(r, store)).filter((t) => t !== undefined);
    template = votes[0] ?? '2021';
    templateSource = votes.length > 0 ? 'header' : 'default';
  }

  // Which section (by heading order) a line belongs to.
  // Runs are visited in document order, so the heading before each is found by walking forward.
  let headingIndex = -1;
  const sectionAt = (line: number): SectionNumber | undefined => {
    while (headingIndex + 1 < headings.length && headings[headingIndex + 1].line <= line) headingIndex++;
    return headingIndex >= 0 ? headings[headingIndex].section : undefined;
  };

  // Recognise runs; merge consecutive runs of one kind in one section (a blank line in a table).
  // A table is built as soon as the next run does not continue it, so that only one table's
  // cell texts are alive at a time.
  const tables: Table[] = [];
  const unrecognisedTables: { section?: SectionNumber; range: Range }[] = [];
  let open: { kind: TableKind; section?: SectionNumber; run: RowRun } | undefined;
  const build = (): void => {
    if (!open) return;
    const { kind, run: merged } = open;
    tables.push(kind === 'requests' ? buildRequestsTable(merged, template, store)
      : kind === 'appeals' ? buildAppealsTable(merged, template, store)
        : buildActiveTable(merged, template, store));
    open = undefined;
  };
  for (const r of runs) {
    if (r.rows.length === 0) continue;
    const kind = classifyRun(r, store);
    const section = sectionAt(r.firstLine);
    if (!kind) {
      // Continuation of the previous table when only blank lines separate them.
      if (open && open.section === section && onlyBlankBetween(kinds, open.run.lastLine, r.firstLine)) {
        appendRun(open.run, r, store);
        continue;
      }
      unrecognisedTables.push({ section, range: tableRange(r) });
      r.texts = undefined;
      build();
      continue;
    }
    if (open && open.kind === kind && open.section === section && onlyBlankBetween(kinds, open.run.lastLine, r.firstLine)) {
      appendRun(open.run, r, store);
      continue;
    }
    build();
    const merged: RowRun = { rows: [...r.rows], texts: runTexts(r, store), firstLine: r.firstLine, lastLine: r.lastLine, lastLineLength: r.lastLineLength };
    r.texts = undefined;
    open = { kind, section, run: merged };
  }
  build();

  // Sections: the first occurrence of each number, ranged up to the next heading.
  const sections: Section[] = [];
  const seen = new Set<SectionNumber>();
  headings.forEach((heading, index) => {
    if (seen.has(heading.section)) return;
    seen.add(heading.section);
    const next = headings[index + 1];
    const endLine = next ? next.line - 1 : raw.length - 1;
    const range: Range = { start: { line: heading.line, character: 0 }, end: { line: endLine, character: raw[endLine].length } };
    sections.push({
      number: heading.section,
      heading,
      range,
      tables: tables.filter((t) => t.line > heading.line && t.line <= endLine),
    });
  });

  return {
    lineCount: raw.length,
    lines,
    title,
    year,
    yearSource,
    yearMentions,
    template,
    templateSource,
    headings,
    sections,
    tables,
    unrecognisedTables,
    directives: text.includes('gknb-') ? findDirectives(raw, lines) : [],
  };
}

function onlyBlankBetween(kinds: readonly LineKind[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (kinds[i] !== 'blank') return false;
  return true;
}

function appendRun(target: RowRun, extra: RowRun, store: CellStore): void {
  target.rows.push(...extra.rows);
  runTexts(target, store).push(...runTexts(extra, store));
  extra.texts = undefined;
  target.lastLine = extra.lastLine;
  target.lastLineLength = extra.lastLineLength;
}
