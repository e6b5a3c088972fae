// A parsed draft's table rows and cells, stored compactly: each row as three numbers (line, first
// span, cell count), each row cell as two (its span on the line), each bound value cell as a cell
// index and a parsed value, in arrays shared by the whole document. The TableRow, Cell and
// ValueCell objects of the model are made from them when read.
//
// Why: a large draft has tens of thousands of cells. With an object (and a string) kept for each,
// a 1 MB draft's model was 9 MB of small objects (now 1.9 MB), which V8's young-generation
// collector copies while the parse still runs: parse time grew faster than the draft (the
// benchmark's linearity target). Numbers in typed arrays are never copied or traced.
import type { Cell, ParsedValue, Range, TableRow, ValueCell, ValueKind } from './model';
import type { ColumnSpec } from './template';

export function makeRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Whitespace as Word pastes it: ASCII, NBSP, ideographic space, BOM, zero-width and en/em spaces. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 10 || code === 13 || code === 11 || code === 12
    || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x1680 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

// Loops rather than /\s*$/: a regex anchored at the end rescans long runs of spaces (quadratic).
export function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

export function trailingSpace(text: string): number {
  let i = text.length;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return text.length - i;
}

// ---------------------------------------------------------------------------------------
// Spans: per cell [start, end) of its trimmed text, or for a blank cell [start, ~end) of the
// whole space between its separators (the bitwise not marks it blank).

/** `data`, or a copy twice as large when it has fewer than `needed` elements. */
function withRoom(data: Int32Array, needed: number): Int32Array {
  if (data.length >= needed) return data;
  const grown = new Int32Array(Math.max(needed, data.length * 2));
  grown.set(data);
  return grown;
}

/** A growable list of cell spans. */
class SpanList {
  data: Int32Array = new Int32Array(256);
  length = 0;

  push(start: number, end: number): void {
    if (this.data.length < 2 * this.length + 2) this.data = withRoom(this.data, 2 * this.length + 2);
    this.data[2 * this.length] = start;
    this.data[2 * this.length + 1] = end;
    this.length++;
  }

  text(content: string, k: number): string {
    const end = this.data[2 * k + 1];
    return end < 0 ? '' : cellText(content, this.data[2 * k], end);
  }

  cell(content: string, line: number, k: number): Cell {
    const start = this.data[2 * k];
    const end = this.data[2 * k + 1];
    return end < 0 ? new RowCell('', line, start, ~end) : new RowCell(cellText(content, start, end), line, start, end);
  }
}

/**
 * Texts of short plain numbers, shared: most value cells hold one, and `slice` would allocate a
 * new string for each (V8 shares only single characters).
 */
const NUMBER_TEXTS: string[] = [];

function cellText(content: string, from: number, to: number): string {
  const length = to - from;
  if (length >= 2 && length <= 3) {
    let value = 0;
    let i = from;
    for (; i < to; i++) {
      const code = content.charCodeAt(i);
      if (code < 48 || code > 57) break;
      value = value * 10 + code - 48;
    }
    // Only the canonical spelling (no leading zero) is shared, so text stays exactly as written.
    if (i === to && content.charCodeAt(from) !== 48) return (NUMBER_TEXTS[value] ??= content.slice(from, to));
  }
  return content.slice(from, to);
}

function pushCell(content: string, out: SpanList, start: number, end: number): void {
  let from = start;
  while (from < end && isSpace(content.charCodeAt(from))) from++;
  if (from === end) {
    out.push(start, ~end);
    return;
  }
  let to = end;
  while (to > from && isSpace(content.charCodeAt(to - 1))) to--;
  out.push(from, to);
}

/** Scans a GFM pipe row (`\|` stays text) onto `out`; returns the cell count. */
function scanPipeRow(content: string, out: SpanList): number {
  const first = leadingSpace(content);
  const last = content.length - trailingSpace(content) - 1;
  const before = out.length;
  // Cells lie between unescaped pipes; text before a leading pipe and after a trailing one is not a cell.
  let start = 0;
  let isFirst = true;
  for (let i = content.indexOf('|'); ; i = content.indexOf('|', i + 1)) {
    if (i > 0 && content.charCodeAt(i - 1) === 92) continue; // \| is text
    const end = i < 0 ? content.length : i;
    const leading = isFirst && end === first;
    const trailing = i < 0 && content.charCodeAt(last) === 124 && content.charCodeAt(last - 1) !== 92;
    if (!leading && !trailing) pushCell(content, out, start, end);
    if (i < 0) break;
    isFirst = false;
    start = i + 1;
  }
  return out.length - before;
}

/** Scans a tab-separated row (Word/WPS paste) onto `out`; returns the cell count. */
function scanTabRow(content: string, out: SpanList): number {
  const before = out.length;
  let start = 0;
  for (let i = content.indexOf('\t'); ; i = content.indexOf('\t', start)) {
    const end = i < 0 ? content.length : i;
    pushCell(content, out, start, end);
    if (i < 0) break;
    start = i + 1;
  }
  // A trailing tab leaves an empty cell that is only an artefact of copying.
  if (out.length - before > 1 && out.data[2 * out.length - 1] < 0 && content.endsWith('\t')) out.length--;
  return out.length - before;
}

const scratch = new SpanList();

function scannedCells(content: string, line: number, count: number): Cell[] {
  const cells = new Array<Cell>(count);
  for (let k = 0; k < count; k++) cells[k] = scratch.cell(content, line, k);
  return cells;
}

/** The cells of a GFM pipe row, with ranges on `line` (`\|` stays text). */
export function pipeCells(content: string, line: number): Cell[] {
  scratch.length = 0;
  return scannedCells(content, line, scanPipeRow(content, scratch));
}

/** The cells of a tab-separated row (Word/WPS paste), with ranges on `line`. */
export function tabCells(content: string, line: number): Cell[] {
  scratch.length = 0;
  return scannedCells(content, line, scanTabRow(content, scratch));
}

// ---------------------------------------------------------------------------------------
// The store and the model objects over it.

/**
 * One parse's cells: every table row (its line, its first span, its cell count) with the spans of
 * its cells, and every bound value cell. Rows are numbered in document order.
 */
export class CellStore {
  readonly spans = new SpanList();
  private rowData: Int32Array = new Int32Array(3 * 256);
  private rows = 0;
  /** Per bound value cell: the index of its cell in its row, or -1 when the row does not have it. */
  cellIndex: Int32Array = new Int32Array(256);
  /** Per bound value cell: its parsed value (small numbers and blanks are shared objects). */
  parsed: ParsedValue[] = [];
  private bound = 0;

  /** `lines`: the content lines the rows are on (the model's `lines`). */
  constructor(readonly lines: readonly string[]) {}

  /** Scans line `line`, a pipe or tab row, into the store; returns the row's number. */
  addRow(line: number, pipe: boolean): number {
    const content = this.lines[line];
    const first = this.spans.length;
    const count = pipe ? scanPipeRow(content, this.spans) : scanTabRow(content, this.spans);
    this.rowData = withRoom(this.rowData, 3 * this.rows + 3);
    this.rowData[3 * this.rows] = line;
    this.rowData[3 * this.rows + 1] = first;
    this.rowData[3 * this.rows + 2] = count;
    return this.rows++;
  }

  lineOf(row: number): number {
    return this.rowData[3 * row];
  }

  /** How many cells row `row` has. */
  countOf(row: number): number {
    return this.rowData[3 * row + 2];
  }

  textOf(row: number, index: number): string {
    return this.spans.text(this.lines[this.rowData[3 * row]], this.rowData[3 * row + 1] + index);
  }

  /** The texts of a row's cells (a new array on each call). */
  textsOf(row: number): string[] {
    const count = this.countOf(row);
    const texts = new Array<string>(count);
    for (let k = 0; k < count; k++) texts[k] = this.textOf(row, k);
    return texts;
  }

  /** The cell at `index` of a row, or for -1 (a value cell the row does not have) an empty cell at the row's end. */
  cellOf(row: number, index: number): Cell {
    const line = this.rowData[3 * row];
    if (index < 0) return { text: '', range: this.endRangeOf(row) };
    return this.spans.cell(this.lines[line], line, this.rowData[3 * row + 1] + index);
  }

  /** The range of the cell at `index` of a row. */
  rangeOf(row: number, index: number): Range {
    const k = this.rowData[3 * row + 1] + index;
    const end = this.spans.data[2 * k + 1];
    return makeRange(this.rowData[3 * row], this.spans.data[2 * k], end < 0 ? ~end : end);
  }

  /** The whole line of a row. */
  rowRange(row: number): Range {
    const line = this.rowData[3 * row];
    return makeRange(line, 0, this.lines[line].length);
  }

  /** The empty range at a row's end: where a value cell the row does not have would go. */
  endRangeOf(row: number): Range {
    const line = this.rowData[3 * row];
    const length = this.lines[line].length;
    return makeRange(line, length, length);
  }

  /** Stores a bound value cell; returns its index in the store. */
  bind(cellIndex: number, parsed: ParsedValue): number {
    const at = this.bound++;
    if (at === 0) {
      // Tables are built after every row was scanned: there are about as many value cells as
      // spans, so the arrays are made that large at once instead of grown (and copied) by steps.
      this.cellIndex = withRoom(this.cellIndex, this.spans.length + 16);
      this.parsed = new Array(this.spans.length + 16);
    }
    if (this.cellIndex.length <= at) this.cellIndex = withRoom(this.cellIndex, at + 1);
    this.cellIndex[at] = cellIndex;
    this.parsed[at] = parsed;
    return at;
  }
}

/**
 * A table cell whose Range is built on first use and then kept (the same object every time).
 * toJSON keeps the serialised form `{ text, range }` of a plain Cell.
 */
class RowCell implements Cell {
  private cachedRange: Range | undefined = undefined;

  constructor(readonly text: string, private readonly line: number, private readonly start: number, private readonly end: number) {}

  get range(): Range {
    return (this.cachedRange ??= makeRange(this.line, this.start, this.end));
  }

  toJSON(): Cell {
    return { text: this.text, range: this.range };
  }
}

/**
 * A table row as the model shows it (Table.rows), made when a table's rows are first read: the
 * store keeps rows as numbers. Its range and cells are built on first read, then kept.
 * A content line of a table row has its raw line's length (comments are blanked, not removed).
 */
export class ParsedRow implements TableRow {
  private cachedRange: Range | undefined = undefined;
  private cachedCells: readonly Cell[] | undefined = undefined;

  constructor(private readonly store: CellStore, private readonly row: number) {}

  get line(): number {
    return this.store.lineOf(this.row);
  }

  get range(): Range {
    return (this.cachedRange ??= this.store.rowRange(this.row));
  }

  get texts(): readonly string[] {
    return this.store.textsOf(this.row);
  }

  get cells(): readonly Cell[] {
    if (this.cachedCells) return this.cachedCells;
    const count = this.store.countOf(this.row);
    const cells = new Array<Cell>(count);
    for (let k = 0; k < count; k++) cells[k] = this.store.cellOf(this.row, k);
    return (this.cachedCells = cells);
  }

  toJSON(): TableRow {
    return { line: this.line, range: this.range, texts: this.texts, cells: this.cells };
  }
}

/**
 * A bound row's cells by column id: the ReadonlyMap the model promises, over `columns.length`
 * bound cells stored from `base` on. The ValueCells it hands out are views made on each read
 * (they die young, which costs the collector nothing): compare cells by rowId and columnId, not
 * by identity. Iterates in binding order, like a Map, and serialises like one (`{}`).
 */
export class CellRow implements ReadonlyMap<string, ValueCell> {
  constructor(
    readonly store: CellStore,
    /** The row's number in the store. */
    readonly row: number,
    readonly rowId: string,
    readonly columns: readonly ColumnSpec[],
    readonly base: number,
  ) {}

  get size(): number {
    return this.columns.length;
  }

  get(columnId: string): ValueCell | undefined {
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) if (columns[i].id === columnId) return new BoundCell(this, i);
    return undefined;
  }

  has(columnId: string): boolean {
    for (const column of this.columns) if (column.id === columnId) return true;
    return false;
  }

  /** The parsed value of a column's cell, without making the cell (the totals' hot loops). */
  parsedOf(columnId: string): ParsedValue | undefined {
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) if (columns[i].id === columnId) return this.store.parsed[this.base + i];
    return undefined;
  }

  /** Visits the cells whose parsed value passes `where`: only those are made. */
  forEachWhere(where: (parsed: ParsedValue) => boolean, visit: (cell: ValueCell) => void): void {
    for (let i = 0; i < this.columns.length; i++) if (where(this.store.parsed[this.base + i])) visit(new BoundCell(this, i));
  }

  forEach(callback: (value: ValueCell, key: string, map: ReadonlyMap<string, ValueCell>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.columns.length; i++) callback.call(thisArg, new BoundCell(this, i), this.columns[i].id, this);
  }

  entries(): MapIterator<[string, ValueCell]> {
    return this.columns.map((column, i): [string, ValueCell] => [column.id, new BoundCell(this, i)]).values();
  }

  keys(): MapIterator<string> {
    return this.columns.map((column) => column.id).values();
  }

  values(): MapIterator<ValueCell> {
    return this.columns.map((_, i): ValueCell => new BoundCell(this, i)).values();
  }

  [Symbol.iterator](): MapIterator<[string, ValueCell]> {
    return this.entries();
  }

  toJSON(): object {
    return {};
  }
}

/** A bound value cell: a view of the `column`-th cell of a CellRow. */
class BoundCell implements ValueCell {
  constructor(private readonly owner: CellRow, private readonly column: number) {}

  get rowId(): string {
    return this.owner.rowId;
  }

  get columnId(): string {
    return this.owner.columns[this.column].id;
  }

  get kind(): ValueKind {
    return this.owner.columns[this.column].kind;
  }

  get parsed(): ParsedValue {
    return this.owner.store.parsed[this.owner.base + this.column];
  }

  private get index(): number {
    return this.owner.store.cellIndex[this.owner.base + this.column];
  }

  get text(): string {
    const index = this.index;
    return index < 0 ? '' : this.owner.store.textOf(this.owner.row, index);
  }

  get missing(): boolean {
    return this.index < 0;
  }

  get range(): Range {
    const index = this.index;
    return index < 0 ? this.owner.store.endRangeOf(this.owner.row) : this.owner.store.rangeOf(this.owner.row, index);
  }

  toJSON(): ValueCell {
    return { text: this.text, range: this.range, rowId: this.rowId, columnId: this.columnId, kind: this.kind, parsed: this.parsed, missing: this.missing };
  }
}
