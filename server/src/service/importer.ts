// Word → gknb draft. A report taken out of Word arrives as plain text (tables one cell per line,
// often behind a TAB, or one row per line with TAB-separated cells; a cell's line breaks split it
// over several lines) or as HTML (exported by Word, by mammoth from a .docx, or copied from a web
// page). importReport finds the title, the section headings and the three statistics tables, writes
// the tables as GFM pipe tables in the standard layout (the one skeleton.ts writes and
// docs/format.md recommends), and keeps every other piece of text, in order, as a paragraph.
// What it cannot place is listed in `unmapped`; it never invents a value or drops a character of
// the report's prose. Pure: no node:, no vscode.
import { HTMLElement, NodeType, parse as parseHtmlDocument, type Node as HtmlNode } from 'node-html-parser';
import type { TableKind, TemplateYear } from './model';
import { closest, isNumberLike, labelKey, splitSegments, stripNumbering, type Candidate } from './labels';
import { parseHeading, parseReport, pipeCells, tabCells } from './parser';
import {
  ACTIVE_BLOCKS, ACTIVE_TEMPLATE_WORDS, APPEAL_GROUPS, APPEAL_HEADER_WORDS, APPEAL_OUTCOMES, REQUEST_COLUMNS,
  REQUEST_HEADER_WORDS, REQUEST_RELATION_NOTE, REQUEST_ROWS, canonicalHeading,
  type ActiveBlockSpec, type RequestRowSpec,
} from './template';

export type ImportFormat = 'text' | 'html';

export interface ImportOptions {
  /** How `input` is written; by default HTML when it starts like an HTML document, else text. */
  readonly format?: ImportFormat;
  /** Template of table 二's blocks when the table's own header words do not tell (default 'auto'). */
  readonly template?: 'auto' | TemplateYear;
}

export interface UnmappedItem {
  /** 0-based line of the OUTPUT text where the piece now stands. */
  readonly line: number;
  /** The text that could not be placed (cells joined by spaces). */
  readonly text: string;
  readonly reason: string;
}

export interface ImportResult {
  /** The gknb draft (Markdown), ending with a line break. */
  readonly text: string;
  readonly unmapped: UnmappedItem[];
  /** What the importer did beyond copying: tables found, rows padded, headers added, titles joined. */
  readonly notes: string[];
}

// ---------------------------------------------------------------------------------------
// Reasons and notes (Chinese first, then English, like the CLI's own messages).

const REASON = {
  fragment: '表格片段无法识别为三张统计表之一，已作为段落保留 / table fragment not recognised as one of the three statistics tables; kept as a paragraph',
  pipeFragment: '表格无法识别为三张统计表之一，已原样保留 / table not recognised as one of the three statistics tables; kept as written',
  rowLabel: '行标签与模板中的任何行都不相符，已保留在表格中（检查时报 unknown-label） / row label matches no template row; kept in the table (reported as unknown-label)',
  noLabel: '此行有数值但没有行标签，已保留在表格中 / row has values but no label; kept in the table',
  headerWord: '表头单元格无法对应到模板中的列，已作为段落保留在表格之后 / header cell matches no template column; kept as a paragraph after the table',
  surplus: '此行的数值单元格比模板多，多出的单元格已保留在标签与数值之间 / row has more value cells than the template; the extra cells are kept between the labels and the values',
  appealsExtra: '表四只有一行数据，此行无法对应，已作为段落保留 / table 四 has one data row; this extra row is kept as a paragraph',
  appealsLabel: '表四数据行中的文字无法对应到模板，已作为段落保留 / text in table 四\'s data row matches nothing in the template; kept as a paragraph',
  blockText: '块标题行中多出的文字，已作为段落保留 / extra text in a block row; kept as a paragraph',
} as const;

// ---------------------------------------------------------------------------------------
// Label knowledge, from template.ts (the parser's own tables are not exported).

const INFO_CONTENT = '信息内容';
const INFO_CONTENT_KEY = labelKey(INFO_CONTENT);
const RELATION_NOTE_KEY = labelKey('本列数据的勾稽关系');
const ACTIVE_BLOCK_RE = /^第二十条第[（(]([一二三四五六七八九十]+)[）)]项/;

const labelsOf = (spec: { readonly label: string; readonly aliases?: readonly string[] }): string[] =>
  [spec.label, ...(spec.aliases ?? [])].map(labelKey);

const ACTIVE_ROW_KEYS = new Set(Object.values(ACTIVE_BLOCKS).flatMap((blocks) => blocks.flatMap((b) => b.rows.flatMap(labelsOf))));
const ACTIVE_COLUMN_KEYS = new Set(Object.values(ACTIVE_BLOCKS).flatMap((blocks) => blocks.flatMap((b) => b.columns.flatMap(labelsOf))));

const REQUEST_ROW_BY_KEY = new Map<string, RequestRowSpec>();
for (const template of ['2021', '2019'] as const) {
  for (const row of REQUEST_ROWS[template]) {
    for (const label of [row.label, ...(row.aliases ?? [])]) {
      const key = labelKey(stripNumbering(label));
      if (!REQUEST_ROW_BY_KEY.has(key)) REQUEST_ROW_BY_KEY.set(key, row);
    }
  }
}
const AMBIGUOUS_KEYS = new Set(['其他', '总计'].map(labelKey));
const DISTINCT_REQUEST_KEYS = new Set([...REQUEST_ROW_BY_KEY.keys()].filter((k) => !AMBIGUOUS_KEYS.has(k)));
const REQUEST_HEADER_KEYS = new Set([...REQUEST_COLUMNS.map((c) => c.label), ...REQUEST_HEADER_WORDS].map(labelKey).filter((k) => !AMBIGUOUS_KEYS.has(k)));
const APPEAL_DISTINCT_KEYS = new Set(['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉'].map(labelKey));
const REQUEST_ROW_CANDIDATES: Candidate<RequestRowSpec>[] = REQUEST_ROWS['2021'].map((r) => ({ key: labelKey(stripNumbering(r.label)), value: r }));
const ACTIVE_ROW_CANDIDATES: Candidate<string>[] = [...new Set(Object.values(ACTIVE_BLOCKS).flatMap((bs) => bs.flatMap((b) => b.rows.map((r) => r.label))))]
  .map((label) => ({ key: labelKey(label), value: label }));

function blockItem(text: string): string | undefined {
  if (!text.includes('二十')) return undefined;
  const m = ACTIVE_BLOCK_RE.exec(text.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）'));
  return m ? m[1] : undefined;
}

function hasDistinctRequestRow(text: string): boolean {
  return splitSegments(text).some((s) => DISTINCT_REQUEST_KEYS.has(labelKey(stripNumbering(s))));
}

/** What a cell's text says about the table it belongs to: [active, requests, appeals]. */
function cellVotes(text: string): [number, number, number] {
  if (text === '' || text.length > 80 || isValueLike(text)) return [0, 0, 0];
  if (blockItem(text) !== undefined) return [2, 0, 0];
  const key = labelKey(text);
  const active = key === INFO_CONTENT_KEY || ACTIVE_ROW_KEYS.has(key) || ACTIVE_COLUMN_KEYS.has(key) ? 1 : 0;
  const appeals = APPEAL_DISTINCT_KEYS.has(key) ? 1 : 0;
  const requests = key.startsWith(RELATION_NOTE_KEY) ? 2 : REQUEST_HEADER_KEYS.has(key) || hasDistinctRequestRow(text) ? 1 : 0;
  return [active, requests, appeals];
}

function rowKind(cells: readonly string[]): TableKind | undefined {
  let active = 0;
  let requests = 0;
  let appeals = 0;
  for (const cell of cells) {
    const [a, r, p] = cellVotes(cell);
    active += a;
    requests += r;
    appeals += p;
  }
  const best = Math.max(active, requests, appeals);
  if (best < 1) return undefined;
  if (best === requests) return 'requests';
  if (best === appeals) return 'appeals';
  return 'active';
}

// A value cell: a number, blank, or a placeholder writers put where a number belongs (无, —, /).
const PLACEHOLDER = /^[无—–\-－/／]{1,3}$/;

function isValueLike(text: string): boolean {
  return text === '' || isNumberLike(text) || PLACEHOLDER.test(text.replace(/[\s\u3000]/g, ''));
}

/** Whether a row is only numbers and blanks (with at least one number, or wide enough to be a blank data row). */
function isDataOnlyRow(cells: readonly string[], minWidth: number): boolean {
  if (!cells.every(isValueLike)) return false;
  return cells.some((c) => c !== '') || cells.length >= minWidth;
}

// ---------------------------------------------------------------------------------------
// Text helpers.

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]/;

/** Joins the pieces of a cell that Word broke over lines: no space between Chinese characters. */
function joinParts(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return CJK_EDGE.test(a[a.length - 1]) || CJK_EDGE.test(b[0]) ? a + b : `${a} ${b}`;
}

function clean(text: string): string {
  // Zero-width characters and a stray BOM carry nothing; every other character is kept.
  return text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

function pipeRow(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${escapeCell(c)} `)).join('|')}|`;
}

function delimiterRow(width: number): string {
  return `|${'---|'.repeat(Math.max(width, 1))}`;
}

function blanks(n: number): string[] {
  return new Array<string>(Math.max(n, 0)).fill('');
}

function headingOf(text: string): ReturnType<typeof parseHeading> {
  return parseHeading(text, 0);
}

const ATX_PREFIX = /^ {0,3}#{1,6}(?:[ \t]+|$)/;

/** The heading or title text without its `#` marks (and closing `#`s). */
function withoutAtx(text: string): string {
  const m = ATX_PREFIX.exec(text);
  if (!m) return text.trim();
  return text.slice(m[0].length).replace(/[ \t]+#+\s*$/, '').trim();
}

// ---------------------------------------------------------------------------------------
// The blocks of a document, whatever it was written in.

interface GridRow {
  readonly cells: string[];
  /** Input line (text) or position (HTML) the row starts at, for proximity. */
  readonly position: number;
  /** The line as written, for pipe rows (kept verbatim when the table is not recognised). */
  readonly raw?: string;
}

type Block =
  | { readonly kind: 'text'; readonly text: string; readonly afterBlank: boolean }
  | { readonly kind: 'raw'; readonly lines: readonly string[] }
  | { readonly kind: 'grid'; readonly rows: readonly GridRow[] };

// ----- plain text ------------------------------------------------------------------------

type Token =
  | { readonly t: 'blank'; readonly line: number }
  | { readonly t: 'text'; readonly text: string; readonly line: number }
  | { readonly t: 'cell'; readonly text: string; readonly line: number }
  | { readonly t: 'row'; readonly cells: string[]; readonly line: number; readonly raw?: string }
  | { readonly t: 'delim'; readonly line: number }
  | { readonly t: 'fence'; readonly lines: string[]; readonly line: number };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;
/** One cell per line: optional spaces, one TAB, then text without TABs. */
const CELL_LINE = /^[ \u3000\u00a0]*\t([^\t]*)$/;

/** Cell texts of a tab row or a pipe row, split exactly as the checker splits them. */
function rowTexts(cells: readonly { text: string }[]): string[] {
  return cells.map((c) => clean(c.text));
}

function tokenize(input: string): Token[] {
  const lines = input.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  const tokens: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      // Fenced code (a Markdown input) is kept verbatim, up to its closing fence.
      const block = [line];
      let j = i + 1;
      for (; j < lines.length; j++) {
        block.push(lines[j]);
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]);
        if (close && close[1][0] === fence[1][0] && close[1].length >= fence[1].length) break;
      }
      tokens.push({ t: 'fence', lines: block, line: i });
      i = Math.min(j, lines.length - 1);
      continue;
    }
    if (line.includes('\t')) {
      const cell = CELL_LINE.exec(line);
      if (cell) {
        const text = clean(cell[1]);
        // A section heading indented by a TAB is still a heading.
        if (text !== '' && headingOf(text)) tokens.push({ t: 'text', text, line: i });
        else tokens.push({ t: 'cell', text, line: i });
      } else {
        tokens.push({ t: 'row', cells: rowTexts(tabCells(line, i)), line: i });
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') tokens.push({ t: 'blank', line: i });
    else if (trimmed.startsWith('|') && trimmed.includes('-') && DELIMITER_ROW.test(trimmed)) tokens.push({ t: 'delim', line: i });
    else if (trimmed.startsWith('|')) tokens.push({ t: 'row', cells: rowTexts(pipeCells(line, i)), line: i, raw: line });
    else tokens.push({ t: 'text', text: line, line: i });
  }
  return tokens;
}

/** A line of text that is a label of one of the tables (not a heading, not a sentence). */
function isTableLabelLine(text: string): boolean {
  const line = clean(text);
  return line.length <= 80 && !/[。；;]/.test(line) && !headingOf(line) && rowKind([line]) !== undefined;
}

/** Blank lines a table may contain between its rows. */
const MAX_BLANKS_IN_TABLE = 3;

/**
 * A line of text inside a table written one cell per line is the rest of the cell above it
 * when it is short, not a heading, and more cells follow (Word broke the cell's text).
 */
function isContinuation(tokens: readonly Token[], index: number, current: GridRow | undefined): boolean {
  if (!current || current.cells.length === 0) return false;
  const previous = current.cells[current.cells.length - 1];
  if (isValueLike(previous)) return false;
  const token = tokens[index];
  if (token.t !== 'text') return false;
  const text = clean(token.text);
  if (text === '' || text.length > 40 || /[。；;]/.test(text) || headingOf(text)) return false;
  let next = index + 1;
  let blankCount = 0;
  while (next < tokens.length && tokens[next].t === 'blank') {
    next++;
    blankCount++;
  }
  return blankCount <= 1 && next < tokens.length && tokens[next].t === 'cell';
}

function readRegion(tokens: readonly Token[], start: number): { rows: GridRow[]; next: number } {
  const rows: GridRow[] = [];
  let current: GridRow | undefined;
  let j = start;
  const append = (text: string): void => {
    const cells = current!.cells;
    cells[cells.length - 1] = joinParts(cells[cells.length - 1], clean(text));
  };
  while (j < tokens.length) {
    const token = tokens[j];
    if (token.t === 'cell') {
      if (!current) {
        current = { cells: [], position: token.line };
        rows.push(current);
      }
      current.cells.push(token.text);
      j++;
    } else if (token.t === 'row') {
      current = undefined;
      rows.push({ cells: token.cells, position: token.line, raw: token.raw });
      j++;
    } else if (token.t === 'delim') {
      current = undefined;
      j++;
    } else if (token.t === 'blank') {
      let k = j;
      while (k < tokens.length && tokens[k].t === 'blank') k++;
      const after = tokens[k];
      if (!after || k - j > MAX_BLANKS_IN_TABLE) break;
      if (after.t === 'cell' || after.t === 'row' || after.t === 'delim') {
        current = undefined; // a blank line ends a row written one cell per line
        j = k;
      } else if (after.t === 'text' && k - j <= 1 && isContinuation(tokens, k, current)) {
        append(after.text);
        j = k + 1;
      } else {
        break;
      }
    } else if (token.t === 'text' && isContinuation(tokens, j, current)) {
      append(token.text);
      j++;
    } else if (token.t === 'text' && isTableLabelLine(token.text)) {
      // A row that is one merged cell (第二十条第（一）项) has no TAB once Word turns the table into text.
      current = undefined;
      rows.push({ cells: [clean(token.text)], position: token.line });
      j++;
    } else {
      break;
    }
  }
  return { rows, next: j };
}

function textBlocks(input: string): Block[] {
  const tokens = tokenize(input);
  const blocks: Block[] = [];
  let afterBlank = true;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.t === 'blank') {
      afterBlank = true;
      i++;
    } else if (token.t === 'fence') {
      blocks.push({ kind: 'raw', lines: token.lines });
      afterBlank = false;
      i++;
    } else if (token.t === 'text' && isTableLabelLine(token.text) && (tokens[i + 1]?.t === 'row' || tokens[i + 1]?.t === 'cell')) {
      // A table whose first row is one merged cell: the region starts here.
      const { rows, next } = readRegion(tokens, i + 1);
      blocks.push({ kind: 'grid', rows: [{ cells: [clean(token.text)], position: token.line }, ...rows] });
      afterBlank = false;
      i = Math.max(next, i + 2);
    } else if (token.t === 'text') {
      blocks.push({ kind: 'text', text: token.text, afterBlank });
      afterBlank = false;
      i++;
    } else {
      const { rows, next } = readRegion(tokens, i);
      if (rows.length > 0) blocks.push({ kind: 'grid', rows });
      afterBlank = false;
      i = Math.max(next, i + 1);
    }
  }
  return blocks;
}

// ----- HTML ------------------------------------------------------------------------------

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul',
  'caption', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'xml', 'object', 'svg']);
const MAX_COLSPAN = 50;
const MAX_ROWSPAN = 500;

function tagOf(node: HtmlNode): string {
  return node instanceof HTMLElement ? (node.rawTagName ?? '').toLowerCase() : '';
}

/** Collects the lines of an element's text: block elements and <br> break lines. */
class LineCollector {
  readonly lines: string[] = [];
  private buffer = '';

  text(value: string): void {
    // HTML whitespace collapses; a no-break space is kept as written.
    this.buffer += value.replace(/[ \t\r\n\f]+/g, ' ');
  }

  flush(): void {
    const line = clean(this.buffer);
    if (line !== '') this.lines.push(line);
    this.buffer = '';
  }
}

function collectText(node: HtmlNode, out: LineCollector): void {
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      out.text(child.text);
      continue;
    }
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const tag = tagOf(child);
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'br') {
      out.flush();
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) out.flush();
    collectText(child, out);
    if (isBlock) out.flush();
  }
}

/** The rows of a table element, not those of tables nested in its cells. */
function tableRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const visit = (node: HtmlNode): void => {
    for (const child of node.childNodes) {
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function spanOf(cell: HtmlNode, name: string, max: number): number {
  const value = cell instanceof HTMLElement ? Number.parseInt(cell.getAttribute(name) ?? '1', 10) : 1;
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/** A table as a grid: every row, spanned positions filled with blank cells (the standard layout's blanks). */
function htmlGrid(table: HtmlNode, position: number): GridRow[] {
  const grid: GridRow[] = [];
  const carry: number[] = []; // rows still covered from above, per column
  tableRows(table).forEach((tr, r) => {
    const cells: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while (carry[column] > 0) {
        cells[column] = '';
        carry[column]--;
        column++;
      }
    };
    for (const td of tr.childNodes) {
      const tag = tagOf(td);
      if (tag !== 'td' && tag !== 'th') continue;
      skipCovered();
      const collector = new LineCollector();
      collectText(td, collector);
      collector.flush();
      const text = collector.lines.reduce(joinParts, '');
      const colspan = spanOf(td, 'colspan', MAX_COLSPAN);
      const rowspan = spanOf(td, 'rowspan', MAX_ROWSPAN);
      for (let k = 0; k < colspan; k++) {
        cells[column + k] = k === 0 ? text : '';
        carry[column + k] = rowspan - 1;
      }
      column += colspan;
    }
    // Columns still covered at the row's end.
    for (; column < carry.length; column++) {
      if (carry[column] > 0) {
        cells[column] = '';
        carry[column]--;
      }
    }
    for (let k = 0; k < cells.length; k++) cells[k] ??= '';
    grid.push({ cells, position: position + r });
  });
  return grid;
}

function htmlBlocks(input: string): Block[] {
  // Word's downlevel-revealed conditional comments (<![if !supportLists]>) are markup, not text.
  const html = input.replace(/<!\[(?:if [^\]]*|endif)\]>/gi, '');
  const root = parseHtmlDocument(html, { comment: false, lowerCaseTagName: true });
  const blocks: Block[] = [];
  const collector = new LineCollector();
  let position = 0;
  const flushLines = (): void => {
    collector.flush();
    for (const line of collector.lines.splice(0)) blocks.push({ kind: 'text', text: line, afterBlank: false });
  };
  const visit = (node: HtmlNode): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === NodeType.TEXT_NODE) {
        collector.text(child.text);
        continue;
      }
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'table') {
        flushLines();
        const rows = htmlGrid(child, position);
        position += rows.length + 1;
        if (rows.length > 0) blocks.push({ kind: 'grid', rows });
        continue;
      }
      if (tag === 'br') {
        collector.flush();
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        collector.flush();
        position++;
      }
      visit(child);
      if (isBlock) collector.flush();
    }
  };
  visit(root);
  flushLines();
  return blocks;
}

export function looksLikeHtml(input: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(input);
}

// ---------------------------------------------------------------------------------------
// Output.

interface Emitted {
  /** Lines of a part; a table's rows map to lines by their index. */
  readonly lines: string[];
  /** Unmapped items by line index within `lines`. */
  readonly unmapped: { readonly offset: number; readonly text: string; readonly reason: string }[];
}

class Output {
  readonly lines: string[] = [];
  readonly unmapped: UnmappedItem[] = [];
  readonly notes: string[] = [];

  part(part: Emitted): void {
    if (part.lines.length === 0) return;
    if (this.lines.length > 0) this.lines.push('');
    const start = this.lines.length;
    this.lines.push(...part.lines);
    for (const u of part.unmapped) this.unmapped.push({ line: start + u.offset, text: u.text, reason: u.reason });
  }

  paragraph(text: string, unmapped?: string): void {
    this.part({ lines: [text], unmapped: unmapped ? [{ offset: 0, text, reason: unmapped }] : [] });
  }

  get nextLine(): number {
    return this.lines.length === 0 ? 0 : this.lines.length + 1;
  }
}

/** A paragraph as Markdown that reads back as the same text and no other construct the checker knows. */
function paragraphText(text: string, format: ImportFormat): string {
  let line = clean(text).replace(/\t/g, ' ');
  if (/^(?:`{3,}|~{3,})/.test(line)) line = `\\${line}`;
  if (line.startsWith('|')) line = `\\${line}`;
  if (format === 'html') {
    // Text from HTML is plain text: what would be Markdown or a comment is escaped.
    if (/^#{1,6}(?:\s|$)/.test(line)) line = `\\${line}`;
    line = line.replace(/<!--/g, '<\\!--');
  }
  return line;
}

// ---------------------------------------------------------------------------------------
// Tables.

interface Slot {
  readonly row: number;
  readonly column: number;
  readonly label: string;
  readonly keys: readonly string[];
  /** Matches by prefix (the relation note). */
  readonly prefix?: string;
}

/**
 * Puts header words (in reading order) into the standard header's slots: exact matches first,
 * then near misses (kept as written, so unknown-label reports them); slots nobody wrote keep
 * the template's word. Words that fit no slot are returned.
 */
function placeHeaderWords(words: readonly string[], slots: readonly Slot[]): { texts: string[]; leftovers: string[] } {
  const assigned: (string | undefined)[] = new Array(slots.length).fill(undefined);
  const pending: string[] = [];
  for (const word of words) {
    const key = labelKey(word);
    if (key === '') {
      pending.push(word);
      continue;
    }
    const index = slots.findIndex((s, i) => assigned[i] === undefined && (s.keys.includes(key) || (s.prefix !== undefined && key.startsWith(s.prefix))));
    if (index >= 0) assigned[index] = word;
    else pending.push(word);
  }
  const leftovers: string[] = [];
  for (const word of pending) {
    const key = labelKey(word);
    const candidates: Candidate<number>[] = slots.flatMap((s, i) => (assigned[i] === undefined ? [{ key: s.keys[0], value: i }] : []));
    const index = key === '' ? undefined : closest(key, candidates);
    if (index !== undefined) assigned[index] = word;
    else leftovers.push(word);
  }
  return { texts: slots.map((s, i) => assigned[i] ?? s.label), leftovers };
}

function slotGrid(slots: readonly Slot[], texts: readonly string[], rows: number, width: number): string[][] {
  const grid = Array.from({ length: rows }, () => blanks(width));
  slots.forEach((s, i) => {
    grid[s.row][s.column] = texts[i];
  });
  return grid;
}

interface ValueSplit {
  labels: string[];
  values: string[];
  /** Value-like cells beyond the template's count that are not blank. */
  surplus: string[];
  /** Value cells added (blank) because the row had fewer than the template's count. */
  padded: number;
}

/**
 * A row's value cells are the value-like cells after its last label cell. Extra blank cells
 * (Word pads merged cells) are dropped from the right; extra numbers are surplus; a short row is
 * padded with blanks so empty-cell points at what is missing.
 */
function splitValues(cells: readonly string[], count: number): ValueSplit {
  let last = -1;
  cells.forEach((c, i) => {
    if (!isValueLike(c)) last = i;
  });
  const labels = cells.slice(0, last + 1);
  const values = cells.slice(last + 1);
  for (let k = values.length - 1; values.length > count && k >= 0; k--) if (values[k] === '') values.splice(k, 1);
  const surplus = values.length > count ? values.splice(0, values.length - count) : [];
  const padded = Math.max(0, count - values.length);
  for (let k = 0; k < padded; k++) values.push('');
  return { labels, values, surplus, padded };
}

const nonEmpty = (cells: readonly string[]): string[] => cells.filter((c) => c !== '');

interface TableContext {
  readonly template: TemplateYear;
  readonly notes: string[];
}

// ----- table 三 ----------------------------------------------------------------------------

const REQUEST_LABEL_CELLS = 3;
const REQUEST_WIDTH = REQUEST_LABEL_CELLS + REQUEST_COLUMNS.length;
const [APPLICANTS, ORGANISATIONS, ORGANISATIONS_ALT] = REQUEST_HEADER_WORDS;

const REQUEST_SLOTS: readonly Slot[] = [
  { row: 0, column: 0, label: REQUEST_RELATION_NOTE, keys: [labelKey(REQUEST_RELATION_NOTE)], prefix: RELATION_NOTE_KEY },
  { row: 0, column: REQUEST_LABEL_CELLS, label: APPLICANTS, keys: [labelKey(APPLICANTS)] },
  { row: 1, column: REQUEST_LABEL_CELLS, label: REQUEST_COLUMNS[0].label, keys: [labelKey(REQUEST_COLUMNS[0].label)] },
  { row: 1, column: REQUEST_LABEL_CELLS + 1, label: ORGANISATIONS, keys: [labelKey(ORGANISATIONS), labelKey(ORGANISATIONS_ALT)] },
  { row: 1, column: REQUEST_WIDTH - 1, label: REQUEST_COLUMNS[REQUEST_COLUMNS.length - 1].label, keys: [labelKey(REQUEST_COLUMNS[REQUEST_COLUMNS.length - 1].label)] },
  ...REQUEST_COLUMNS.slice(1, -1).map((c, i) => ({ row: 2, column: REQUEST_LABEL_CELLS + 1 + i, label: c.label, keys: [labelKey(c.label)] })),
];

/** Label level of a row of table 三: 0 for 一、…, 1 for （一）…, 2 for the numbered items. */
function specLevel(spec: RequestRowSpec): number {
  if (spec.group !== undefined) return 2;
  return /^[（(]/.test(spec.label) ? 1 : 0;
}

function numberingLevel(segment: string): number | undefined {
  if (/^[一二三四五六七八九十]+[、.．]/.test(segment)) return 0;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(segment)) return 1;
  if (/^\d{1,2}[.．、]/.test(segment)) return 2;
  return undefined;
}

function isRequestDataRow(cells: readonly string[]): boolean {
  return cells.some((c) => c !== '' && !isValueLike(c) && hasDistinctRequestRow(c)) || cells.filter((c) => c !== '' && isNumberLike(c)).length >= 2;
}

function isRequestHeaderWord(text: string): boolean {
  const key = labelKey(text);
  return REQUEST_HEADER_KEYS.has(key) || AMBIGUOUS_KEYS.has(key) || key.startsWith(RELATION_NOTE_KEY)
    || closest(key, REQUEST_SLOTS.map((s) => ({ key: s.keys[0], value: s }))) !== undefined;
}

function buildRequests(rows: readonly GridRow[], context: TableContext): Emitted {
  const count = REQUEST_COLUMNS.length;
  const headerWords: string[] = [];
  const dataRows: GridRow[] = [];
  for (const row of rows) {
    // Header rows come first and hold header words; a row of neither (a truncated label) is data.
    if (dataRows.length === 0 && !isRequestDataRow(row.cells) && nonEmpty(row.cells).some(isRequestHeaderWord)) headerWords.push(...nonEmpty(row.cells));
    else dataRows.push(row);
  }
  const lines: string[] = [];
  const unmapped: Emitted['unmapped'] = [];
  const { texts, leftovers } = placeHeaderWords(headerWords, REQUEST_SLOTS);
  if (headerWords.length === 0) {
    context.notes.push('表三没有表头行，已按模板补上表头 / table 三 had no header rows; the template\'s header was added');
  }
  const header = slotGrid(REQUEST_SLOTS, texts, 3, REQUEST_WIDTH);
  lines.push(pipeRow(header[0]), delimiterRow(REQUEST_WIDTH), pipeRow(header[1]), pipeRow(header[2]));

  for (const row of dataRows) {
    const { labels, values, surplus, padded } = splitValues(row.cells, count);
    if (labels.every((c) => c === '') && values.every((v) => v === '') && surplus.length === 0) continue;
    const slots = blanks(REQUEST_LABEL_CELLS);
    const prefixes = blanks(REQUEST_LABEL_CELLS);
    const unknown: string[] = [];
    let known = false;
    labels.forEach((cell, index) => {
      if (cell === '') return;
      for (const segment of splitSegments(cell)) {
        const key = labelKey(stripNumbering(segment));
        const fallback = Math.min(index, REQUEST_LABEL_CELLS - 1);
        if (key === '') {
          // Numbering in a cell of its own (`一、` | `本年新收…`): it goes before its level's words.
          const level = numberingLevel(segment) ?? fallback;
          prefixes[level] += segment;
          continue;
        }
        const spec = REQUEST_ROW_BY_KEY.get(key);
        const level = spec ? specLevel(spec) : numberingLevel(segment) ?? fallback;
        slots[level] = joinParts(slots[level], segment);
        if (spec) known = true;
        else unknown.push(segment);
      }
    });
    const labelCells = slots.map((s, i) => prefixes[i] + s);
    const offset = lines.length;
    lines.push(pipeRow([...labelCells, ...surplus, ...values]));
    const text = nonEmpty(row.cells).join(' ');
    if (surplus.length > 0) unmapped.push({ offset, text, reason: REASON.surplus });
    if (padded > 0 && padded < count && values.some((v) => v !== "")) {
      context.notes.push(`表三“${nonEmpty(labels).join(' ')}”一行只有 ${count - padded} 个数值单元格，已补 ${padded} 个空单元格 / a row of table 三 had ${count - padded} value cells; ${padded} blank cells added`);
    }
    if (unknown.length > 0) {
      const close = unknown.some((u) => closest(labelKey(stripNumbering(u)), REQUEST_ROW_CANDIDATES) !== undefined);
      if (!close) unmapped.push({ offset, text: unknown.join(' '), reason: REASON.rowLabel });
    } else if (!known && labelCells.every((c) => c === '') && values.some((v) => v !== '')) {
      unmapped.push({ offset, text, reason: REASON.noLabel });
    }
  }
  return withLeftovers({ lines, unmapped }, leftovers, REASON.headerWord);
}

function withLeftovers(table: Emitted, leftovers: readonly string[], reason: string): Emitted {
  if (leftovers.length === 0) return table;
  // Kept right after the table, as a paragraph of its own.
  const offset = table.lines.length + 1;
  const text = leftovers.join(' ');
  return { lines: [...table.lines, '', text], unmapped: [...table.unmapped, { offset, text, reason }] };
}

// ----- table 四 ----------------------------------------------------------------------------

const APPEAL_WIDTH = APPEAL_GROUPS.length * APPEAL_OUTCOMES.length;
/** A row of this many blank cells is table 四's data row not filled in yet. */
const APPEAL_BLANK_ROW_WIDTH = 10;
const LITIGATION = APPEAL_HEADER_WORDS.find((w) => !APPEAL_GROUPS.some((g) => g.label === w) && !APPEAL_OUTCOMES.some((o) => o.label === w))!;

const APPEAL_SLOTS: readonly Slot[] = (() => {
  const per = APPEAL_OUTCOMES.length;
  const slot = (row: number, column: number, label: string): Slot => ({ row, column, label, keys: [labelKey(label)] });
  return [
    slot(0, 0, APPEAL_GROUPS[0].label),
    slot(0, per, LITIGATION),
    ...APPEAL_OUTCOMES.map((o, i) => slot(1, i, o.label)),
    ...APPEAL_GROUPS.slice(1).map((g, i) => slot(1, per * (i + 1), g.label)),
    ...APPEAL_GROUPS.slice(1).flatMap((_, g) => APPEAL_OUTCOMES.map((o, i) => slot(2, per * (g + 1) + i, o.label))),
  ];
})();

function buildAppeals(rows: readonly GridRow[], context: TableContext): Emitted {
  // The data row: numbers (and blanks), else a wide row of blanks (a table not filled in yet).
  const withNumbers = rows.findIndex((r) => r.cells.every(isValueLike) && r.cells.some((c) => c !== ''));
  const dataIndex = withNumbers >= 0 ? withNumbers : rows.findIndex((r) => isDataOnlyRow(r.cells, APPEAL_BLANK_ROW_WIDTH));
  const headerRows = dataIndex < 0 ? rows : rows.slice(0, dataIndex);
  const { texts, leftovers } = placeHeaderWords(headerRows.flatMap((r) => nonEmpty(r.cells)), APPEAL_SLOTS);
  const header = slotGrid(APPEAL_SLOTS, texts, 3, APPEAL_WIDTH);
  const lines = [pipeRow(header[0]), delimiterRow(APPEAL_WIDTH), pipeRow(header[1]), pipeRow(header[2])];
  const unmapped: Emitted['unmapped'] = [];
  const after: { text: string; reason: string }[] = [];
  if (dataIndex < 0) {
    context.notes.push('表四没有数据行（15 个数字） / table 四 has no data row (15 numbers)');
  } else {
    const { labels, values, surplus, padded } = splitValues(rows[dataIndex].cells, APPEAL_WIDTH);
    const text = nonEmpty(rows[dataIndex].cells).join(' ');
    if (surplus.length > 0) unmapped.push({ offset: lines.length, text, reason: REASON.surplus });
    if (padded > 0) {
      context.notes.push(`表四数据行只有 ${APPEAL_WIDTH - padded} 个数值单元格，已补 ${padded} 个空单元格 / table 四's data row had ${APPEAL_WIDTH - padded} value cells; ${padded} blank cells added`);
    }
    lines.push(pipeRow([...surplus, ...values]));
    if (nonEmpty(labels).length > 0) after.push({ text: nonEmpty(labels).join(' '), reason: REASON.appealsLabel });
    for (const extra of rows.slice(dataIndex + 1)) {
      if (nonEmpty(extra.cells).length > 0) after.push({ text: nonEmpty(extra.cells).join(' '), reason: REASON.appealsExtra });
    }
  }
  let table = withLeftovers({ lines, unmapped }, leftovers, REASON.headerWord);
  for (const a of after) table = withLeftovers(table, [a.text], a.reason);
  return table;
}

// ----- table 二 ----------------------------------------------------------------------------

function activeTemplateOf(rows: readonly GridRow[]): TemplateYear | undefined {
  const words2019 = new Set(ACTIVE_TEMPLATE_WORDS['2019'].map(labelKey));
  const words2021 = new Set(ACTIVE_TEMPLATE_WORDS['2021'].map(labelKey));
  let votes2019 = 0;
  let votes2021 = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      const key = labelKey(cell);
      if (words2019.has(key)) votes2019++;
      if (words2021.has(key)) votes2021++;
      if (blockItem(cell) === '九') votes2019++;
    }
  }
  if (votes2019 === votes2021) return undefined;
  return votes2019 > votes2021 ? '2019' : '2021';
}

interface OutBlock {
  /** The block row as written, or undefined when the input had none. */
  label?: string;
  spec?: ActiveBlockSpec;
  infoContent?: string;
  headerWords?: string[];
  readonly rows: { label: string; values: string[]; source: GridRow; surplus: string[]; padded: number }[];
  readonly extra: string[];
}

function buildActive(rows: readonly GridRow[], context: TableContext): Emitted {
  const template = activeTemplateOf(rows) ?? context.template;
  const specs = ACTIVE_BLOCKS[template];
  const blocks: OutBlock[] = [];
  let block: OutBlock | undefined;
  const columnCount = (b: OutBlock): number => b.spec?.columns.length ?? Math.max(b.headerWords?.length ?? 0, 1);
  for (const row of rows) {
    const first = row.cells.findIndex((c) => c !== '');
    if (first < 0) continue;
    const text = row.cells[first];
    const item = blockItem(text);
    if (item !== undefined) {
      block = { label: text, spec: specs.find((s) => s.item === item), rows: [], extra: nonEmpty(row.cells.slice(first + 1)) };
      blocks.push(block);
      continue;
    }
    if (labelKey(text) === INFO_CONTENT_KEY) {
      if (!block || block.headerWords !== undefined || block.rows.length > 0) {
        block = { rows: [], extra: [] };
        blocks.push(block);
      }
      block.infoContent = text;
      block.headerWords = nonEmpty(row.cells.slice(first + 1));
      continue;
    }
    // A data row; without a block row above it, its label says which block it is in.
    const key = labelKey(text);
    const inBlock = block?.spec?.rows.some((r) => labelsOf(r).includes(key));
    if (!inBlock) {
      const owner = specs.find((s) => s.rows.some((r) => labelsOf(r).includes(key)));
      if (owner && block && !block.spec && block.rows.length === 0) {
        block.spec = owner; // a header row without its block row: the first data row names the block
      } else if (owner && owner !== block?.spec) {
        block = { spec: owner, rows: [], extra: [] };
        blocks.push(block);
      }
    }
    if (!block) {
      block = { rows: [], extra: [] };
      blocks.push(block);
    }
    const { labels, values, surplus, padded } = splitValues(row.cells.slice(first), columnCount(block));
    block.rows.push({ label: nonEmpty(labels).join(' '), values, source: row, surplus, padded });
  }

  const lines: string[] = [];
  const unmapped: Emitted['unmapped'] = [];
  const after: { text: string; reason: string }[] = [];
  const width = 1 + Math.max(1, ...blocks.map(columnCount));
  const push = (cells: string[]): number => {
    const offset = lines.length;
    lines.push(pipeRow(cells));
    if (lines.length === 1) lines.push(delimiterRow(width));
    return offset;
  };
  for (const b of blocks) {
    const n = columnCount(b);
    if (b.label !== undefined) push([b.label, ...blanks(n)]);
    for (const extra of b.extra) after.push({ text: extra, reason: REASON.blockText });
    if (b.headerWords !== undefined || b.rows.length > 0) {
      if (b.spec) {
        const slots: Slot[] = b.spec.columns.map((c, i) => ({ row: 0, column: i, label: c.label, keys: labelsOf(c) }));
        const { texts, leftovers } = placeHeaderWords(b.headerWords ?? [], slots);
        if (b.headerWords === undefined) {
          context.notes.push(`表二“${b.spec.label}”没有“信息内容”表头行，已按模板补上 / table 二 block ${b.spec.label} had no header row; the template's was added`);
        }
        push([b.infoContent ?? INFO_CONTENT, ...texts]);
        for (const word of leftovers) after.push({ text: word, reason: REASON.headerWord });
      } else if (b.headerWords !== undefined) {
        push([b.infoContent ?? INFO_CONTENT, ...b.headerWords]);
      }
    }
    for (const r of b.rows) {
      const offset = push([r.label, ...r.surplus, ...r.values]);
      const text = nonEmpty(r.source.cells).join(' ');
      if (r.surplus.length > 0) unmapped.push({ offset, text, reason: REASON.surplus });
      if (r.padded > 0 && r.padded < n) {
        context.notes.push(`表二“${r.label}”一行只有 ${n - r.padded} 个数值单元格，已补 ${r.padded} 个空单元格 / a row of table 二 had ${n - r.padded} value cells; ${r.padded} blank cells added`);
      }
      if (r.label === '') {
        unmapped.push({ offset, text, reason: REASON.noLabel });
      } else if (!ACTIVE_ROW_KEYS.has(labelKey(r.label)) && closest(labelKey(r.label), ACTIVE_ROW_CANDIDATES) === undefined) {
        unmapped.push({ offset, text: r.label, reason: REASON.rowLabel });
      }
    }
  }
  let table: Emitted = { lines, unmapped };
  for (const a of after) table = withLeftovers(table, [a.text], a.reason);
  return table;
}

// ---------------------------------------------------------------------------------------
// A grid: its tables, and what is not a table.

const TABLE_NAMES: Readonly<Record<TableKind, string>> = {
  active: '表二（主动公开政府信息情况） / table 二',
  requests: '表三（收到和处理政府信息公开申请情况） / table 三',
  appeals: '表四（行政复议、行政诉讼情况） / table 四',
};

function isProse(cells: readonly string[]): boolean {
  const filled = nonEmpty(cells);
  return filled.length === 1 && !isValueLike(filled[0]);
}

function layoutGrid(rows: readonly GridRow[], out: Output, context: TableContext, format: ImportFormat): void {
  // All-blank rows are dropped, except a wide one: table 四's data row not filled in yet.
  const live = rows.filter((r) => nonEmpty(r.cells).length > 0 || r.cells.length >= APPEAL_BLANK_ROW_WIDTH);
  const kinds: (TableKind | undefined)[] = live.map((r) => rowKind(r.cells));
  if (kinds.every((k) => k === undefined)) {
    unrecognised(live, out, format);
    return;
  }
  // Rows that say nothing (numbers, blanks, a stray word) join the nearest table row, the one
  // above on a tie (found in two linear passes: the nearest row with a kind before and after).
  const before: number[] = [];
  const after: number[] = new Array<number>(live.length);
  for (let i = 0, last = -1; i < live.length; i++) {
    before.push(last);
    if (kinds[i] !== undefined) last = i;
  }
  for (let i = live.length - 1, next = -1; i >= 0; i--) {
    after[i] = next;
    if (kinds[i] !== undefined) next = i;
  }
  const assigned: (TableKind | 'prose' | undefined)[] = kinds.map((k, i) => {
    if (k !== undefined) return k;
    const filled = nonEmpty(live[i].cells);
    if (isProse(live[i].cells) && (filled[0].length > 30 || /[。；;]/.test(filled[0]))) return 'prose';
    const up = before[i];
    const down = after[i];
    if (up < 0) return kinds[down];
    if (down < 0) return kinds[up];
    const distance = (j: number): number => Math.abs(live[j].position - live[i].position);
    return distance(down) < distance(up) ? kinds[down] : kinds[up];
  });
  let i = 0;
  while (i < live.length) {
    const kind = assigned[i];
    if (kind === 'prose' || kind === undefined) {
      const text = nonEmpty(live[i].cells).join(' ');
      if (text !== '') out.paragraph(paragraphText(text, format));
      i++;
      continue;
    }
    let j = i;
    while (j < live.length && assigned[j] === kind) j++;
    const part = live.slice(i, j);
    const table = kind === 'requests' ? buildRequests(part, context) : kind === 'appeals' ? buildAppeals(part, context) : buildActive(part, context);
    context.notes.push(`识别出${TABLE_NAMES[kind]}，共 ${part.length} 行（输出第 ${out.nextLine + 1} 行起） / recognised ${kind} table, ${part.length} rows (output line ${out.nextLine + 1})`);
    out.part(table);
    i = j;
  }
}

function unrecognised(rows: readonly GridRow[], out: Output, format: ImportFormat): void {
  // Pipe tables of a Markdown input that are not report tables stay as they are.
  if (rows.length > 0 && rows.every((r) => r.raw !== undefined)) {
    const lines = rows.map((r) => r.raw!);
    lines.splice(1, 0, delimiterRow(Math.max(...rows.map((r) => r.cells.length))));
    out.part({ lines, unmapped: [{ offset: 0, text: nonEmpty(rows[0].cells).join(' '), reason: REASON.pipeFragment }] });
    return;
  }
  for (const row of rows) {
    const text = nonEmpty(row.cells).join(' ');
    if (text === '') continue;
    // A single piece of text (an indented paragraph) is a paragraph, not a table fragment.
    out.paragraph(paragraphText(text, format), isProse(row.cells) ? undefined : REASON.fragment);
  }
}

// ---------------------------------------------------------------------------------------

/** The report's template from its title or statistical period, when the text names a year. */
function yearTemplate(blocks: readonly Block[]): TemplateYear | undefined {
  const text = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n');
  const year = parseReport(text).year;
  if (year === undefined) return undefined;
  return year <= 2020 ? '2019' : '2021';
}

/** A title broken over two lines by Word (`句容市…政府信息公开工作` / `年度报告`) is joined. */
function joinsTitle(previous: Block | undefined, title: string): previous is Extract<Block, { kind: 'text' }> {
  if (!previous || previous.kind !== 'text') return false;
  const before = clean(previous.text);
  if (before === '' || before.length > 40 || /[。，,；;：:]/.test(before) || /年度报告|年报/.test(before) || headingOf(before)) return false;
  return !title.includes('政府信息公开') && (before + title).includes('政府信息公开');
}

export function importReport(input: string, options: ImportOptions = {}): ImportResult {
  const format: ImportFormat = options.format ?? (looksLikeHtml(input) ? 'html' : 'text');
  const blocks = format === 'html' ? htmlBlocks(input) : textBlocks(input);
  const out = new Output();
  const template: TemplateYear = options.template === '2019' || options.template === '2021'
    ? options.template
    : yearTemplate(blocks) ?? '2021';
  const context: TableContext = { template, notes: out.notes };
  let seenHeading = false;
  let titleDone = false;
  // A paragraph is written one block late, so that a title broken over two lines can take it.
  let held: Extract<Block, { kind: 'text' }> | undefined;
  const release = (): void => {
    if (held) out.paragraph(paragraphText(held.text, format));
    held = undefined;
  };
  for (const block of blocks) {
    if (block.kind === 'raw') {
      release();
      out.part({ lines: [...block.lines], unmapped: [] });
      continue;
    }
    if (block.kind === 'grid') {
      release();
      layoutGrid(block.rows, out, context, format);
      continue;
    }
    const text = clean(block.text);
    if (text === '') continue;
    const heading = headingOf(text);
    if (heading) {
      release();
      seenHeading = true;
      const written = withoutAtx(text);
      if (heading.match === 'fuzzy') {
        const canonical = canonicalHeading(heading.section);
        out.notes.push(`标题“${written}”疑似错别字，已写成“${canonical}” / heading “${written}” looks mistyped; written as “${canonical}”`);
        out.paragraph(`## ${canonical}`);
      } else {
        out.paragraph(`## ${written}`);
      }
      continue;
    }
    if (!titleDone && !seenHeading && /年度报告|年报/.test(text) && text.length <= 100) {
      titleDone = true;
      let title = withoutAtx(text);
      const previous = held;
      if (previous && (format === 'html' || !block.afterBlank) && joinsTitle(previous, title)) {
        out.notes.push(`标题分在两行，已合并：“${clean(previous.text)}”+“${title}” / the title was split over two lines; joined`);
        title = clean(previous.text) + title;
        held = undefined;
      }
      release();
      out.paragraph(`# ${title}`);
      continue;
    }
    release();
    held = block;
  }
  release();
  return { text: out.lines.length === 0 ? '' : `${out.lines.join('\n')}\n`, unmapped: out.unmapped, notes: out.notes };
}
