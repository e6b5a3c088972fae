// Table formatter: aligns GFM pipe tables by display width, so the pipes of a Chinese table line
// up in a monospace editor. Only whitespace around cell content and the dashes of delimiter rows
// change; cells are never added or removed, cell text stays byte-identical, line breaks are kept.
import { eastAsianWidth } from 'get-east-asian-width';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { contentLines, splitLines } from './parser';

/** Lines longer than this are not formatted, nor is any table that holds one. */
export const MAX_FORMAT_LINE_LENGTH = 10_000;

// ---------------------------------------------------------------------------------------
// Display width.

// East Asian Ambiguous characters count as narrow, except the curly quotes: in Chinese text
// “”‘’ are full-width punctuation and CJK fonts draw them wide.
const WIDE_AMBIGUOUS = new Set([0x2018, 0x2019, 0x201c, 0x201d]);
const ZERO_WIDTH = /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Mark}\p{Surrogate}]+$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Printable ASCII, Latin-1, general punctuation, CJK and full-width forms: no clustering needed.
const SIMPLE_BMP = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uffee]*$/;

let segmenter: Intl.Segmenter | undefined;

function codePointWidth(codePoint: number): number {
  return WIDE_AMBIGUOUS.has(codePoint) ? 2 : eastAsianWidth(codePoint, { ambiguousAsWide: false });
}

/**
 * Columns a text takes in a monospace editor: wide and full-width characters (CJK, （）、，“”)
 * count 2, ambiguous-width characters 1, combining marks and format characters 0; a grapheme
 * cluster (an emoji sequence) counts as its first visible character.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (SIMPLE_BMP.test(text)) {
    // No marks, joiners, selectors or astral characters: one column cell per UTF-16 unit.
    let width = 0;
    for (let i = 0; i < text.length; i++) width += codePointWidth(text.charCodeAt(i));
    return width;
  }
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter() : undefined;
  const clusters: Iterable<string> = segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : text;
  let width = 0;
  for (const cluster of clusters) {
    for (const char of cluster) {
      if (ZERO_WIDTH.test(char)) continue;
      // U+FE0F asks for emoji presentation, which is wide.
      width += cluster.includes('\ufe0f') ? 2 : codePointWidth(char.codePointAt(0)!);
      break;
    }
  }
  return width;
}

// ---------------------------------------------------------------------------------------
// Rows.

interface RowShape {
  /** Leading whitespace as written. */
  readonly indent: string;
  readonly leadingPipe: boolean;
  readonly trailingPipe: boolean;
  /** Cell contents without the spaces and tabs around them. */
  readonly cells: readonly string[];
}

function isBlankChar(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** A row split at its unescaped pipes, or undefined when the line holds no pipe at all. */
function splitRow(line: string): RowShape | undefined {
  let start = 0;
  while (start < line.length && isBlankChar(line[start])) start++;
  let end = line.length;
  while (end > start && isBlankChar(line[end - 1])) end--;
  const rest = line.slice(start, end);
  const pipes: number[] = [];
  // A pipe after a backslash is cell text (GFM, and the parser, read `\|` so).
  for (let i = rest.indexOf('|'); i >= 0; i = rest.indexOf('|', i + 1)) if (i === 0 || rest[i - 1] !== '\\') pipes.push(i);
  if (pipes.length === 0) {
    // Only escaped pipes: still a row of a table (one cell), as GFM and the parser read it.
    return rest.includes('|') ? { indent: line.slice(0, start), leadingPipe: false, trailingPipe: false, cells: [rest] } : undefined;
  }
  const leadingPipe = pipes[0] === 0;
  const trailingPipe = pipes[pipes.length - 1] === rest.length - 1 && rest.length > 1;
  const bounds = [leadingPipe ? 0 : -1, ...pipes.slice(leadingPipe ? 1 : 0, trailingPipe ? -1 : undefined), trailingPipe ? rest.length - 1 : rest.length];
  const cells: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) cells.push(trimBlanks(rest.slice(bounds[k] + 1, bounds[k + 1])));
  // `|` alone: one empty cell without a closing pipe, written back as `|`.
  return { indent: line.slice(0, start), leadingPipe, trailingPipe, cells };
}

function trimBlanks(text: string): string {
  let start = 0;
  while (start < text.length && isBlankChar(text[start])) start++;
  let end = text.length;
  while (end > start && isBlankChar(text[end - 1])) end--;
  return text.slice(start, end);
}

const DELIMITER_CELL = /^:?-+:?$/;

/** Whether a row has a cell delimiter (header and delimiter rows must have one). */
function hasPipe(row: RowShape): boolean {
  return row.leadingPipe || row.trailingPipe || row.cells.length > 1;
}

function isDelimiterRow(row: RowShape): boolean {
  return row.cells.length > 0 && row.cells.every((c) => DELIMITER_CELL.test(c));
}

// A header row cannot be another block: a heading, a quote, a list item or indented code.
const NOT_A_HEADER = /^(?: {4}|\t| {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-+*][ \t]|\d{1,9}[.)][ \t]))/;

type Alignment = 'left' | 'right' | 'center';

function alignmentOf(delimiterCell: string): Alignment {
  const left = delimiterCell.startsWith(':');
  const right = delimiterCell.endsWith(':') && delimiterCell.length > 1;
  return left && right ? 'center' : right ? 'right' : 'left';
}

// ---------------------------------------------------------------------------------------
// Tables.

interface TableLines {
  /** 0-based line of the header row; the delimiter row follows it. */
  readonly first: number;
  /** 0-based last line (inclusive). */
  readonly last: number;
  readonly rows: readonly RowShape[];
  /** False when the table must be left alone (long line, tab inside a cell, HTML comment). */
  readonly formattable: boolean;
}

function findTables(lines: readonly string[], content: readonly string[]): TableLines[] {
  const tables: TableLines[] = [];
  const rowAt = (i: number): RowShape | undefined =>
    lines[i].length > MAX_FORMAT_LINE_LENGTH || content[i].trim() === '' ? undefined : splitRow(content[i]);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].length > MAX_FORMAT_LINE_LENGTH || !content[i].includes('-') || !content[i].includes('|')) continue;
    const delimiter = rowAt(i);
    if (!delimiter || !hasPipe(delimiter) || !isDelimiterRow(delimiter)) continue;
    const header = lines[i - 1].length > MAX_FORMAT_LINE_LENGTH ? undefined : rowAt(i - 1);
    if (!header || !hasPipe(header) || header.cells.length !== delimiter.cells.length || NOT_A_HEADER.test(content[i - 1])) continue;
    if (tables.length > 0 && tables[tables.length - 1].last >= i - 1) continue;
    const rows = [header, delimiter];
    let formattable = true;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (content[j].trim() === '') break;
      if (lines[j].length > MAX_FORMAT_LINE_LENGTH) {
        // Too long to split cheaply: ends the formatting of this table, whatever it holds.
        if (content[j].includes('|')) {
          formattable = false;
          last = j;
          continue;
        }
        break;
      }
      const row = splitRow(content[j]);
      if (!row) break;
      rows.push(row);
      last = j;
    }
    for (let k = i - 1; k <= last && formattable; k++) {
      // A line an HTML comment touches (blanked in `content`) is not plain table text.
      if (content[k] !== lines[k]) formattable = false;
    }
    if (formattable && rows.some((r) => r.cells.some((c) => c.includes('\t')))) formattable = false;
    tables.push({ first: i - 1, last, rows, formattable });
    i = last;
  }
  return tables;
}

function pad(text: string, width: number, alignment: Alignment, closed: boolean): string {
  const room = Math.max(0, width - displayWidth(text));
  if (!closed) {
    // The last cell of a row without a closing pipe: nothing to line up after it.
    if (text === '') return '';
    const before = alignment === 'right' ? room : alignment === 'center' ? Math.floor(room / 2) : 0;
    return ' '.repeat(before) + text;
  }
  const before = alignment === 'right' ? room : alignment === 'center' ? Math.floor(room / 2) : 0;
  return ' '.repeat(before) + text + ' '.repeat(room - before);
}

function formatTable(table: TableLines): string[] {
  const [, delimiter] = table.rows;
  const alignments = delimiter.cells.map(alignmentOf);
  const widths: number[] = [];
  table.rows.forEach((row, r) => {
    if (r === 1) return;
    row.cells.forEach((cell, c) => { widths[c] = Math.max(widths[c] ?? 3, displayWidth(cell)); });
  });
  for (let c = 0; c < delimiter.cells.length; c++) widths[c] ??= 3;
  const indent = table.rows[0].indent;
  // Without a leading pipe, a row's first cell gets the room `| ` takes in the others.
  const openExtra = table.rows.some((row) => row.leadingPipe) ? 2 : 0;
  return table.rows.map((row, r) => {
    const parts = row.cells.map((cell, c) => {
      const closed = c < row.cells.length - 1 || row.trailingPipe;
      const open = c === 0 && !row.leadingPipe;
      const width = widths[c] + (open && closed ? openExtra : 0);
      let text: string;
      if (r === 1) {
        const left = cell.startsWith(':') ? ':' : '';
        const right = cell.length > 1 && cell.endsWith(':') ? ':' : '';
        text = left + '-'.repeat(Math.max(1, width - left.length - right.length)) + right;
      } else {
        // Spaces before the first cell of a row without a leading pipe would read as indentation.
        text = pad(cell, width, open ? 'left' : alignments[c] ?? 'left', closed);
      }
      if (!closed && text === '') return '';
      return (open ? '' : ' ') + text + (closed ? ' ' : '');
    });
    return indent + (row.leadingPipe ? '|' : '') + parts.join('|') + (row.trailingPipe ? '|' : '');
  });
}

/**
 * Edits that align every GFM pipe table of `text` (or, with `range`, every table that
 * intersects it): one edit per changed line, replacing the line's content (never its line
 * break). Tables in fenced code or HTML comments, tab-separated rows and tables with a line
 * over 10,000 characters are left alone. Formatting twice gives no edits the second time.
 */
export function formatTables(text: string, range?: Range): TextEdit[] {
  const lines = splitLines(text);
  const bom = lines.length > 0 && lines[0].charCodeAt(0) === 0xfeff;
  const content = contentLines(lines);
  if (bom) {
    // Compare and format line 0 without its BOM; the edit starts after it.
    lines[0] = lines[0].slice(1);
    content[0] = content[0].slice(1);
  }
  let fromLine = 0;
  let toLine = lines.length - 1;
  if (range) {
    fromLine = range.start.line;
    toLine = range.end.line > range.start.line && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  }
  const edits: TextEdit[] = [];
  for (const table of findTables(lines, content)) {
    if (!table.formattable || table.last < fromLine || table.first > toLine) continue;
    formatTable(table).forEach((newText, k) => {
      const line = table.first + k;
      if (newText === lines[line]) return;
      const offset = line === 0 && bom ? 1 : 0;
      edits.push({
        range: { start: { line, character: offset }, end: { line, character: offset + lines[line].length } },
        newText,
      });
    });
  }
  return edits;
}
