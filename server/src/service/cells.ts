// A parsed draft's table cells, stored compactly: each row cell as two numbers (its span on the
// line) and each bound value cell as a cell index and a parsed value, in arrays shared by the
// whole document. The Cell and ValueCell objects of the model are built from them when read.
//
// Why: a large draft has tens of thousands of cells. With an object (and a string) kept for each,
// a 1 MB draft's model was 9 MB of small objects that V8's young-generation collector copies
// while the parse still runs, so parse time grew faster than the draft (the benchmark's
// linearity target). Numbers in typed arrays are never copied or traced.
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

/** A growable list of cell spans. */
class SpanList {
  data = new Int32Array(256);
  length = 0;

  push(start: number, end: number): void {
    if (this.data.length < 2 * this.length + 2) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
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

/** One parse's cells: the spans of every table row, and every bound value cell. */
export class CellStore {
  readonly spans = new SpanList();
  /** Per bound value cell: the index of its cell in its row, or -1 when the row does not have it. */
  cellIndex = new Int32Array(256);
  /** Per bound value cell: its parsed value (small numbers and blanks are shared objects). */
  readonly parsed: ParsedValue[] = [];

  /** A table row of `content` on `line`, its cells scanned into the store. */
  row(content: string, line: number, pipe: boolean): ParsedRow {
    const first = this.spans.length;
    const count = pipe ? scanPipeRow(content, this.spans) : scanTabRow(content, this.spans);
    return new ParsedRow(this, line, content, first, count);
  }

  /** Stores a bound value cell; returns its index in the store. */
  bind(cellIndex: number, parsed: ParsedValue): number {
    const at = this.parsed.length;
    if (this.cellIndex.length <= at) {
      const grown = new Int32Array(this.cellIndex.length * 2);
      grown.set(this.cellIndex);
      this.cellIndex = grown;
    }
    this.cellIndex[at] = cellIndex;
    this.parsed.push(parsed);
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

/** A table row: its cells are spans in the store; `texts` are sliced on each read, `cells` built once when first read. */
export class ParsedRow implements TableRow {
  private cachedRange: Range | undefined = undefined;
  private cachedCells: readonly Cell[] | undefined = undefined;

  constructor(
    private readonly store: CellStore,
    readonly line: number,
    /**
     * The content line the cells were scanned from (held by the model's `lines` anyway). A table
     * line's content has the raw line's length: comments are blanked, not removed.
     */
    private readonly content: string,
    private readonly first: number,
    /** Number of cells. */
    readonly count: number,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= makeRange(this.line, 0, this.content.length));
  }

  /** The empty range at the row's end: where a value cell the row does not have would go. */
  get endRange(): Range {
    return makeRange(this.line, this.content.length, this.content.length);
  }

  get texts(): readonly string[] {
    const texts = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) texts[k] = this.store.spans.text(this.content, this.first + k);
    return texts;
  }

  textAt(index: number): string {
    return this.store.spans.text(this.content, this.first + index);
  }

  get cells(): readonly Cell[] {
    if (this.cachedCells) return this.cachedCells;
    const cells = new Array<Cell>(this.count);
    for (let k = 0; k < this.count; k++) cells[k] = this.store.spans.cell(this.content, this.line, this.first + k);
    return (this.cachedCells = cells);
  }

  /**
   * The range of the cell at `index`: its Cell's when the cells were built, else made from its
   * span (a flagged value cell's range is read without building every cell of its row).
   */
  rangeOf(index: number): Range {
    if (this.cachedCells) return this.cachedCells[index].range;
    const spans = this.store.spans.data;
    const k = this.first + index;
    const end = spans[2 * k + 1];
    return makeRange(this.line, spans[2 * k], end < 0 ? ~end : end);
  }

  /** The cell at `index`, or for -1 (a value cell the row does not have) an empty cell at the row's end. */
  cellAt(index: number): Cell {
    return index >= 0 ? this.cells[index] : { text: '', range: this.endRange };
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
    readonly row: ParsedRow,
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
    return index < 0 ? '' : this.owner.row.textAt(index);
  }

  get missing(): boolean {
    return this.index < 0;
  }

  get range(): Range {
    const index = this.index;
    return index < 0 ? this.owner.row.endRange : this.owner.row.rangeOf(index);
  }

  toJSON(): ValueCell {
    return { text: this.text, range: this.range, rowId: this.rowId, columnId: this.columnId, kind: this.kind, parsed: this.parsed, missing: this.missing };
  }
}
