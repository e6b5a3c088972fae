// The report model: what the parser finds in a draft. Every node carries its LSP range,
// computed once by the parser, so rules never re-scan text.
import type { Range } from 'vscode-languageserver-types';

export type { Range };

/** Which national template a report (or one table) follows. */
export type TemplateYear = '2019' | '2021';

/** The six sections, by their number in the official format. */
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** How a section heading was written compared with the canonical one. */
export type HeadingMatch =
  | 'canonical' // exactly the official wording and numbering
  | 'variant' // an accepted variant wording (e.g. 一、概述)
  | 'fuzzy'; // a near miss (e.g. the typo 行政法复议)

/** A heading of one of the six sections (the parser's build `range` and `textRange` on first read: do not spread one to copy it). */
export interface SectionHeading {
  readonly section: SectionNumber;
  /** 0-based line of the heading. */
  readonly line: number;
  /** The whole line, without the line break. */
  readonly range: Range;
  /** Range of the heading text after `#` marks and emphasis, what a fix replaces. */
  readonly textRange: Range;
  /** ATX level, or 0 for a bare line. */
  readonly level: number;
  /** The heading text as written, without `#` marks and emphasis. */
  readonly text: string;
  /** The numbering as written (`二、`, `1、`, ''), trimmed. */
  readonly numbering: string;
  /** The wording after the numbering, trimmed, without trailing 。：. */
  readonly wording: string;
  readonly match: HeadingMatch;
}

export interface Section {
  readonly number: SectionNumber;
  readonly heading: SectionHeading;
  /** From the heading to the line before the next section heading (or the end). */
  readonly range: Range;
  readonly tables: readonly Table[];
}

/** The three tables of the format, by the section they belong to. */
export type TableKind = 'active' | 'requests' | 'appeals';

export type ValueKind =
  | 'count' // non-negative integer
  | 'signed' // integer with optional sign (本年增/减)
  | 'amount'; // money, decimals and units allowed (采购总金额, 本年收费金额)

export type ParsedValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number; readonly fullwidth: boolean }
  | { readonly kind: 'invalid'; readonly reason: 'not-a-number' | 'negative' | 'fraction'; readonly value?: number };

export interface Cell {
  /** Cell text as written, trimmed (full-width spaces included). */
  readonly text: string;
  /**
   * Range of the trimmed text; for a blank cell, the whole span between its separators. The
   * parser's cells build it on first read (an accessor, not an own property, and for a value cell
   * `text` and `missing` are accessors too): read `cell.range`, do not spread a cell
   * (`{ ...cell }`) to copy it. JSON.stringify gives `{ text, range }` as usual.
   */
  readonly range: Range;
}

/**
 * A cell bound to a row and column of a template table. The parser's tables hand out a new
 * ValueCell object on each read (`table.cells.get(r).get(c)`): compare cells by rowId and
 * columnId, never by identity.
 */
export interface ValueCell extends Cell {
  readonly rowId: string;
  readonly columnId: string;
  readonly kind: ValueKind;
  readonly parsed: ParsedValue;
  /** True when the cell was not written at all (a short, ragged row). */
  readonly missing: boolean;
}

/** A label (row or column header) that matched no canonical label exactly. */
export interface LabelIssue {
  readonly range: Range;
  readonly text: string;
  /** The closest canonical label, when one is close enough to suggest. */
  readonly suggestion?: string;
  readonly role: 'row' | 'column';
  /** Set when the issue is surplus number cells in a row rather than a wrong label. */
  readonly surplusCells?: number;
}

export interface TableRow {
  readonly line: number;
  /** The whole line; an accessor built on first read, like Cell.range. */
  readonly range: Range;
  /** The cells' texts, in order (the parser's rows slice them from the line on each read). */
  readonly texts: readonly string[];
  /** The cells with their ranges (the parser's rows build them on first read, then keep them). */
  readonly cells: readonly Cell[];
}

export interface Table {
  readonly kind: TableKind;
  /** The template this table's own header words and rows follow. */
  readonly template: TemplateYear;
  /** True when `template` was decided by the table's own words or rows, not taken from the report. */
  readonly templateFromTable: boolean;
  readonly range: Range;
  /** 0-based first line. */
  readonly line: number;
  readonly rows: readonly TableRow[];
  /** Bound value cells: rowId → columnId → cell. A row is a ReadonlyMap, not necessarily a Map instance. */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, ValueCell>>;
  /** Canonical row ids found, in order of appearance. */
  readonly rowIds: readonly string[];
  readonly labelIssues: readonly LabelIssue[];
  /** Where a missing row would be inserted (the line after the table). */
  readonly endLine: number;
}

export type YearSource = 'title' | 'period' | 'none';

export interface YearMention {
  readonly kind: 'title' | 'period-start' | 'period-end';
  readonly year: number;
  /** Range of the four digits. */
  readonly range: Range;
}
export type TemplateSource = 'setting' | 'year' | 'header' | 'default';

export interface ReportModel {
  readonly lineCount: number;
  /** The lines as content: fenced code emptied, HTML comments blanked (positions kept). */
  readonly lines: readonly string[];
  /** The title line (the first heading or line that names 年度报告), if any. */
  readonly title?: { readonly line: number; readonly range: Range; readonly text: string };
  readonly year?: number;
  readonly yearSource: YearSource;
  /** Years written in the title and the statistical period, with where they are written. */
  readonly yearMentions: readonly YearMention[];
  readonly template: TemplateYear;
  readonly templateSource: TemplateSource;
  /** Every section heading found, in document order (duplicates included). */
  readonly headings: readonly SectionHeading[];
  /** The first occurrence of each section, in document order. */
  readonly sections: readonly Section[];
  /** Every recognised table, in document order. */
  readonly tables: readonly Table[];
  /** Lines that hold table-like rows no template table could be made of, per section. */
  readonly unrecognisedTables: readonly { readonly section?: SectionNumber; readonly range: Range }[];
  /** `<!-- gknb-disable … -->` comments, in document order. */
  readonly directives: readonly Directive[];
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  readonly rules: readonly string[];
  readonly line: number;
  readonly range: Range;
}
