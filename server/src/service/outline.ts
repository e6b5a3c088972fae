// Document structure for the editor: the outline (title → six sections → their tables), folding
// ranges (sections, tables, multi-line HTML comments) and smart selection (cell → row → table →
// section → document). Pure: the parsed model and the text in, LSP structures out.
import {
  FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Position, type Range, type SelectionRange,
} from 'vscode-languageserver-types';
import type { ReportModel, SectionHeading, Table } from './model';
import { splitLines } from './parser';
import { localize } from './l10n';
import type { Locale } from './settings';
import { canonicalHeading } from './template';

// ---------------------------------------------------------------------------------------
// Shared geometry.

function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Whether `outer` contains `inner` (bounds included). */
export function rangeContains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** Whether `r` contains the position (both ends included). */
export function containsPosition(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

function union(a: Range, b: Range): Range {
  return { start: before(b.start, a.start) ? b.start : a.start, end: before(a.end, b.end) ? b.end : a.end };
}

/** A heading of one of the six sections with the lines it governs (to the next heading). */
export interface SectionSpan {
  readonly heading: SectionHeading;
  /** From the heading line to the line before the next section heading (or the end). */
  readonly range: Range;
  /** Whether an earlier heading already named this section. */
  readonly duplicate: boolean;
  readonly tables: readonly Table[];
}

/**
 * Every section heading (duplicates included, as the outline shows what is written) with its
 * span. Spans follow the parser's rule: a section runs to the line before the next heading.
 */
export function sectionSpans(model: ReportModel, lines: readonly string[]): SectionSpan[] {
  const headings = [...model.headings].sort((a, b) => a.line - b.line);
  const seen = new Set<number>();
  const last = Math.max(0, lines.length - 1);
  return headings.map((heading, index) => {
    const next = headings[index + 1];
    const endLine = Math.max(heading.line, Math.min(last, next ? next.line - 1 : last));
    const duplicate = seen.has(heading.section);
    seen.add(heading.section);
    return {
      heading,
      range: range(heading.line, 0, endLine, (lines[endLine] ?? '').length),
      duplicate,
      tables: model.tables.filter((t) => t.line > heading.line && t.line <= endLine),
    };
  });
}

function documentRange(lines: readonly string[]): Range {
  const last = Math.max(0, lines.length - 1);
  return range(0, 0, last, (lines[last] ?? '').length);
}

// ---------------------------------------------------------------------------------------
// Document symbols.

/** The outline name of a table: `表二 主动公开政府信息情况（2021版）`, `表三 …`, `表四 行政复议、行政诉讼`. */
export function tableName(table: Table, locale: Locale = 'zh-cn'): string {
  if (table.kind === 'active') return localize(locale, 'Table 二 proactive disclosure ({0} template)', table.template);
  if (table.kind === 'requests') return localize(locale, 'Table 三 requests received and handled');
  return localize(locale, 'Table 四 administrative review and litigation');
}

function tableSymbol(table: Table, lines: readonly string[], locale: Locale): DocumentSymbol {
  const first = table.range.start.line;
  const firstLine = lines[first] ?? '';
  const indent = firstLine.length - firstLine.trimStart().length;
  const end = firstLine.trimEnd().length;
  // The first row's text is what the editor highlights when the outline entry is picked.
  const selectionRange = end > indent ? range(first, indent, first, end) : range(first, 0, first, firstLine.length);
  return {
    name: tableName(table, locale),
    // Table 三's rows differ between templates (（六）其他处理); table 二 says it in its name.
    detail: table.kind === 'requests' ? localize(locale, 'the {0} template', table.template) : undefined,
    kind: SymbolKind.Struct,
    range: table.range,
    selectionRange: rangeContains(table.range, selectionRange) ? selectionRange : table.range,
  };
}

/** Grows a symbol's range so that it holds its selection range and its children (an LSP rule). */
function contain(symbol: DocumentSymbol): DocumentSymbol {
  let r = union(symbol.range, symbol.selectionRange);
  for (const child of symbol.children ?? []) r = union(r, child.range);
  return { ...symbol, range: r };
}

/**
 * The outline: the title (when the report has one) holding the section headings in document
 * order, each holding the recognised tables inside it. Without a title the sections are top
 * level. Tables before the first heading hang from the title (or are top level).
 */
export function documentSymbols(model: ReportModel, text: string, locale: Locale = 'zh-cn'): DocumentSymbol[] {
  const lines = splitLines(text);
  const spans = sectionSpans(model, lines);
  const placed = new Set<Table>();
  const sections: DocumentSymbol[] = spans.map((span) => {
    const { heading } = span;
    const canonical = canonicalHeading(heading.section);
    const notes: string[] = [];
    if (heading.match !== 'canonical') notes.push(canonical);
    if (span.duplicate) notes.push(localize(locale, 'duplicate'));
    const children = span.tables.map((t) => {
      placed.add(t);
      return tableSymbol(t, lines, locale);
    });
    return contain({
      name: heading.text || canonical,
      detail: notes.length > 0 ? notes.join(' · ') : undefined,
      kind: SymbolKind.Namespace,
      range: span.range,
      selectionRange: heading.textRange,
      children,
    });
  });
  const firstHeadingLine = spans.length > 0 ? spans[0].range.start.line : Number.POSITIVE_INFINITY;
  const title = model.title;
  const loose = model.tables.filter((t) => !placed.has(t));
  if (!title) {
    const top = [...loose.map((t) => tableSymbol(t, lines, locale)), ...sections];
    return top.sort((a, b) => a.range.start.line - b.range.start.line);
  }
  // Tables between the title and the first heading belong to the title; earlier ones stay outside.
  const underTitle = loose.filter((t) => t.line > title.line && t.line < firstHeadingLine);
  const outside = loose.filter((t) => !underTitle.includes(t));
  const titleLine = lines[title.line] ?? '';
  const at = title.text === '' ? -1 : titleLine.indexOf(title.text);
  const titleSelection = at >= 0 ? range(title.line, at, title.line, at + title.text.length) : title.range;
  const whole = documentRange(lines);
  const titleSymbol = contain({
    name: title.text || titleLine.trim() || localize(locale, 'Title'),
    kind: SymbolKind.File,
    range: range(title.line, 0, whole.end.line, whole.end.character),
    selectionRange: titleSelection,
    children: [...underTitle.map((t) => tableSymbol(t, lines, locale)), ...sections].sort((a, b) => a.range.start.line - b.range.start.line),
  });
  return [...outside.map((t) => tableSymbol(t, lines, locale)), titleSymbol].sort((a, b) => a.range.start.line - b.range.start.line);
}

// ---------------------------------------------------------------------------------------
// Folding ranges.

/** Lines inside fenced code: the model empties them (HTML comments keep their length). */
function isFenced(model: ReportModel, raw: readonly string[], line: number): boolean {
  const content = model.lines[line];
  return content !== undefined && content.length !== (raw[line] ?? '').length;
}

/** Multi-line `<!-- … -->` comments outside fenced code, as [startLine, endLine]. */
function commentBlocks(model: ReportModel, raw: readonly string[]): [number, number][] {
  const blocks: [number, number][] = [];
  let open: number | undefined;
  for (let i = 0; i < raw.length; i++) {
    if (open === undefined && isFenced(model, raw, i)) continue;
    const line = raw[i];
    let pos = 0;
    for (;;) {
      if (open !== undefined) {
        // As the parser does: a comment may close right after it opens (`<!-->`).
        const end = line.indexOf('-->', pos);
        if (end < 0) break;
        if (i > open) blocks.push([open, i]);
        open = undefined;
        pos = end + 3;
      } else {
        const start = line.indexOf('<!--', pos);
        if (start < 0) break;
        open = i;
        pos = start;
      }
    }
  }
  // An unclosed comment runs to the end of the document.
  if (open !== undefined && raw.length - 1 > open) blocks.push([open, raw.length - 1]);
  return blocks;
}

/**
 * Folding: each section heading to its last non-blank line before the next heading, each
 * recognised table (region) and each multi-line HTML comment (comment).
 */
export function foldingRanges(model: ReportModel, text: string): FoldingRange[] {
  const raw = splitLines(text);
  const folds: FoldingRange[] = [];
  for (const span of sectionSpans(model, raw)) {
    let end = span.range.end.line;
    while (end > span.heading.line && (raw[end] ?? '').trim() === '') end--;
    if (end > span.heading.line) folds.push({ startLine: span.heading.line, endLine: end });
  }
  for (const table of model.tables) {
    if (table.range.end.line > table.range.start.line) {
      folds.push({ startLine: table.range.start.line, endLine: table.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  for (const [startLine, endLine] of commentBlocks(model, raw)) folds.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

// ---------------------------------------------------------------------------------------
// Selection ranges.

function chain(ranges: readonly Range[]): SelectionRange {
  // Innermost first; a parent is kept only when it strictly contains the range below it.
  const kept: Range[] = [];
  for (const r of ranges) {
    const inner = kept[kept.length - 1];
    if (inner && (!rangeContains(r, inner) || sameRange(r, inner))) continue;
    kept.push(r);
  }
  let parent: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--) parent = { range: kept[i], parent };
  return parent!;
}

function clampPosition(lines: readonly string[], p: Position): Position {
  const line = Math.min(Math.max(0, p.line), Math.max(0, lines.length - 1));
  return { line, character: Math.min(Math.max(0, p.character), (lines[line] ?? '').length) };
}

/**
 * Smart selection at each position: in a table, cell → row → table → section → document;
 * elsewhere, line → section → document. Each parent strictly contains its child.
 */
export function selectionRanges(model: ReportModel, text: string, positions: readonly Position[]): SelectionRange[] {
  const lines = splitLines(text);
  const spans = sectionSpans(model, lines);
  const whole = documentRange(lines);
  return positions.map((original) => {
    const p = clampPosition(lines, original);
    const ranges: Range[] = [];
    const lineText = lines[p.line] ?? '';
    const lineRange = range(p.line, 0, p.line, lineText.length);
    const table = model.tables.find((t) => t.range.start.line <= p.line && p.line <= t.range.end.line);
    if (table) {
      const row = table.rows.find((r) => r.line === p.line);
      const cell = row?.cells.find((c) => containsPosition(c.range, p) && !sameRange(c.range, lineRange));
      if (cell && !samePosition(cell.range.start, cell.range.end)) ranges.push(cell.range);
      ranges.push(row?.range ?? lineRange, table.range);
    } else if (lineText.length > 0) {
      ranges.push(lineRange);
    }
    const span = spans.find((s) => containsPosition(s.range, p));
    if (span) ranges.push(span.range);
    ranges.push(whole);
    return chain(ranges);
  });
}
