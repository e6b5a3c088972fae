// Shared builders for the unit tests: a complete, correct report for either template (zero
// diagnostics) that a test changes in ONE place, plus small text/range utilities.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { validateText } from '../../server/src/service/validate';
import type { GknbSettings } from '../../server/src/service/settings';

export type Template = '2019' | '2021';
export type Val = string | number;

export const URI = 'file:///t.gknb.md';

// ---------------------------------------------------------------------------------------
// Diagnostics.

export function diagnosticsOf(text: string, settings?: Partial<GknbSettings>, languageId = 'gknb'): Diagnostic[] {
  return validateText(text, { uri: URI, languageId, settings });
}

/** The codes of the diagnostics, in the order reported. */
export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => String(d.code));
}

/** The diagnostics with the given code. */
export function ofCode(diags: readonly Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** Sorted code list, for before/after comparisons independent of order. */
export function codeBag(diags: readonly Diagnostic[]): string[] {
  return codes(diags).sort();
}

/** A diagnostic's message as plain text. */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A readable dump for assertion messages. */
export function dump(diags: readonly Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} [${String(d.code)}/${d.severity}] ${messageOf(d)}`).join('\n');
}

/** Exactly one diagnostic of `code`; returns it. */
export function single(diags: readonly Diagnostic[], code: string): Diagnostic {
  const found = ofCode(diags, code);
  assert.equal(found.length, 1, `expected exactly one ${code}, got ${found.length}:\n${dump(diags)}`);
  return found[0];
}

// ---------------------------------------------------------------------------------------
// Text utilities.

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 0-based index of the first line (at or after `from`) that contains `needle`; throws when absent. */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = splitLines(text);
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i;
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}

/** UTF-16 offset of a position. */
export function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  let current = 0;
  const re = /\r\n|\r|\n/g;
  while (current < line) {
    const m = re.exec(text);
    if (!m) throw new Error(`line ${line} beyond the document`);
    offset = m.index + m[0].length;
    current++;
  }
  return offset + character;
}

/** The document text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start.line, range.start.character), offsetAt(text, range.end.line, range.end.character));
}

/** The text with `range` replaced by `replacement`. */
export function replaceRange(text: string, range: Range, replacement: string): string {
  return text.slice(0, offsetAt(text, range.start.line, range.start.character)) + replacement
    + text.slice(offsetAt(text, range.end.line, range.end.character));
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function replaceLine(text: string, line: number, replacement: string): string {
  const lines = splitLines(text);
  lines[line] = replacement;
  return lines.join(eolOf(text));
}

export function deleteLines(text: string, line: number, count = 1): string {
  const lines = splitLines(text);
  lines.splice(line, count);
  return lines.join(eolOf(text));
}

/** Inserts lines before line `line`. */
export function insertLines(text: string, line: number, inserted: readonly string[]): string {
  const lines = splitLines(text);
  lines.splice(line, 0, ...inserted);
  return lines.join(eolOf(text));
}

/** Replaces the first occurrence of `search` (which must occur). */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0) throw new Error(`text does not contain ${JSON.stringify(search)}`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** Asserts every diagnostic (and related location) lies inside the document. */
export function assertRangesInside(text: string, diags: readonly Diagnostic[]): void {
  const lines = splitLines(text);
  const check = (range: Range, what: string): void => {
    for (const p of [range.start, range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
        `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line].length}`);
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: start after end`);
  };
  for (const d of diags) {
    check(d.range, `${String(d.code)} ${messageOf(d).slice(0, 60)}`);
    for (const r of d.relatedInformation ?? []) check(r.location.range, `related of ${String(d.code)}`);
  }
}

// ---------------------------------------------------------------------------------------
// Table 三 data.

export const REQUEST_COLUMN_IDS = ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'other', 'total'] as const;
export type RequestColumnId = (typeof REQUEST_COLUMN_IDS)[number];

/** Row ids of table 三 that hold values, in template order. */
export function requestRowIds(template: Template): string[] {
  const r6 = template === '2019' ? ['r6'] : ['r6.1', 'r6.2', 'r6.3'];
  return [
    'new', 'carried', 'r1', 'r2',
    'r3.1', 'r3.2', 'r3.3', 'r3.4', 'r3.5', 'r3.6', 'r3.7', 'r3.8',
    'r4.1', 'r4.2', 'r4.3',
    'r5.1', 'r5.2', 'r5.3', 'r5.4', 'r5.5',
    ...r6, 'r7', 'carryover',
  ];
}

/** Result rows summed into （七）总计. */
export function resultRowIds(template: Template): string[] {
  return requestRowIds(template).filter((id) => /^r[1-6]/.test(id));
}

/** The three label cells each row of table 三 is written with by default. */
export function requestLabels(template: Template): Record<string, [string, string, string]> {
  const labels: Record<string, [string, string, string]> = {
    new: ['一、本年新收政府信息公开申请数量', '', ''],
    carried: ['二、上年结转政府信息公开申请数量', '', ''],
    r1: ['三、本年度办理结果', '（一）予以公开', ''],
    r2: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
    'r3.1': ['', '（三）不予公开', '1.属于国家秘密'],
    'r3.2': ['', '', '2.其他法律行政法规禁止公开'],
    'r3.3': ['', '', '3.危及“三安全一稳定”'],
    'r3.4': ['', '', '4.保护第三方合法权益'],
    'r3.5': ['', '', '5.属于三类内部事务信息'],
    'r3.6': ['', '', '6.属于四类过程性信息'],
    'r3.7': ['', '', '7.属于行政执法案卷'],
    'r3.8': ['', '', '8.属于行政查询事项'],
    'r4.1': ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
    'r4.2': ['', '', '2.没有现成信息需要另行制作'],
    'r4.3': ['', '', '3.补正后申请内容仍不明确'],
    'r5.1': ['', '（五）不予处理', '1.信访举报投诉类申请'],
    'r5.2': ['', '', '2.重复申请'],
    'r5.3': ['', '', '3.要求提供公开出版物'],
    'r5.4': ['', '', '4.无正当理由大量反复申请'],
    'r5.5': ['', '', '5.要求行政机关确认或重新出具已获取信息'],
    r7: ['', '（七）总计', ''],
    carryover: ['四、结转下年度继续办理', '', ''],
  };
  if (template === '2019') labels.r6 = ['', '（六）其他处理', ''];
  else {
    labels['r6.1'] = ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'];
    labels['r6.2'] = ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'];
    labels['r6.3'] = ['', '', '3.其他'];
  }
  return labels;
}

// The six applicant columns of the rows a test starts from; totals, （七）总计 and 四 are derived.
const REQUEST_PARTS: Record<string, number[]> = {
  new: [5, 1, 0, 0, 1, 0],
  carried: [1, 0, 0, 0, 0, 0],
  r1: [2, 1, 0, 0, 0, 0],
  r2: [1, 0, 0, 0, 0, 0],
  'r3.4': [0, 0, 0, 0, 1, 0],
  'r4.1': [1, 0, 0, 0, 0, 0],
  r6: [1, 0, 0, 0, 0, 0],
  'r6.1': [1, 0, 0, 0, 0, 0],
};

/**
 * The correct values (7 per row: 6 applicant columns + 总计) of table 三. All relations hold:
 * 新收 7 + 结转 1 = （七）总计 7 + 结转下年 1; （七） = Σ results; 总计 = Σ columns.
 */
export function defaultRequestValues(template: Template): Record<string, number[]> {
  const ids = requestRowIds(template);
  const values: Record<string, number[]> = {};
  const withTotal = (parts: number[]): number[] => [...parts, parts.reduce((a, b) => a + b, 0)];
  for (const id of ids) {
    if (id === 'r7' || id === 'carryover') continue;
    values[id] = withTotal(REQUEST_PARTS[id] ?? [0, 0, 0, 0, 0, 0]);
  }
  const results = resultRowIds(template);
  const r7 = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, id) => s + values[id][c], 0));
  values.r7 = withTotal(r7);
  values.carryover = withTotal([0, 1, 2, 3, 4, 5].map((c) => values.new[c] + values.carried[c] - r7[c]));
  return values;
}

// ---------------------------------------------------------------------------------------
// Table 二 and 四 data.

export function defaultActiveValues(template: Template): Record<string, Val[]> {
  return template === '2019'
    ? {
      '一.rules': [0, 0, 0], '一.normative': [3, 3, 17],
      '五.licensing': [28, -2, 1356], '五.otherServices': [12, 1, 245],
      '六.penalty': [196, 3, 87], '六.coercion': [12, 0, 5],
      '八.fees': [2, -1],
      '九.procurement': [6, '186.4万元'],
    }
    : {
      '一.rules': [0, 0, 0], '一.normative': [4, 2, 23],
      '五.licensing': [3428],
      '六.penalty': [612], '六.coercion': [37],
      '八.fees': ['12.5'],
    };
}

/** 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5 (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
export const DEFAULT_APPEALS: readonly number[] = [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];

export const APPEAL_COLUMN_IDS: readonly string[] = ['review', 'direct', 'after'].flatMap((g) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${g}.${o}`));

// ---------------------------------------------------------------------------------------
// The report builder.

export const HEADINGS: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6, string>> = {
  1: '一、总体情况',
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
  5: '五、存在的主要问题及改进情况',
  6: '六、其他需要报告的事项',
};

export interface ReportOptions {
  /** Year of the report (title and statistical period); default 2020 for 2019, 2023 for 2021. */
  readonly year?: number;
  /** The title line (without `# `); null drops it. */
  readonly title?: string | null;
  /** Whether to write the statistical-period sentence (default true). */
  readonly period?: boolean;
  /** Whole heading lines (e.g. `## 一、概述`); null drops the heading line (its body stays). */
  readonly headings?: Partial<Record<1 | 2 | 3 | 4 | 5 | 6, string | null>>;
  /**
   * Table 三 values by row id: an array replaces the row's value cells (fewer cells make a ragged
   * row), an object overrides single columns.
   */
  readonly requests?: Readonly<Record<string, readonly Val[] | Partial<Record<RequestColumnId, Val>>>>;
  /** Table 三 label cells by row id (any number of cells). */
  readonly requestLabels?: Readonly<Record<string, readonly string[]>>;
  /** Table 三 rows left out. */
  readonly dropRequestRows?: readonly string[];
  /** Write table 三 (header and rows) tab-separated instead of as pipe rows. */
  readonly requestsFormat?: 'pipe' | 'tab';
  /** Table 二 values by row id (`五.licensing`). */
  readonly active?: Readonly<Record<string, readonly Val[]>>;
  readonly dropActiveRows?: readonly string[];
  /** Table 四: all 15 values, or single columns by id (`review.total`). */
  readonly appeals?: readonly Val[] | Readonly<Record<string, Val>>;
  readonly appealsFormat?: 'pipe' | 'tab';
  /** Leave out a whole table. */
  readonly omitTables?: readonly ('active' | 'requests' | 'appeals')[];
  readonly eol?: '\n' | '\r\n';
  /** Last-minute edit of the lines. */
  readonly transform?: (lines: string[]) => string[];
}

function pipeRow(cells: readonly Val[]): string {
  return `| ${cells.map((c) => String(c)).join(' | ')} |`;
}

function tabRow(cells: readonly Val[]): string {
  return cells.map((c) => String(c)).join('\t');
}

export function requestTableLines(template: Template, options: ReportOptions = {}): string[] {
  const row = options.requestsFormat === 'tab' ? tabRow : pipeRow;
  const lines: string[] = [];
  const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  lines.push(row([note, '', '', '申请人情况', '', '', '', '', '', '']));
  if (options.requestsFormat !== 'tab') lines.push('|---|---|---|---|---|---|---|---|---|---|');
  lines.push(row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']));
  lines.push(row(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']));
  const values = defaultRequestValues(template);
  const labels = requestLabels(template);
  for (const id of requestRowIds(template)) {
    if (options.dropRequestRows?.includes(id)) continue;
    let vals: Val[] = values[id];
    const override = options.requests?.[id];
    if (Array.isArray(override)) vals = [...override];
    else if (override) {
      vals = [...vals];
      for (const [col, v] of Object.entries(override)) {
        const index = REQUEST_COLUMN_IDS.indexOf(col as RequestColumnId);
        if (index < 0) throw new Error(`unknown column ${col}`);
        vals[index] = v as Val;
      }
    }
    lines.push(row([...(options.requestLabels?.[id] ?? labels[id]), ...vals]));
  }
  return lines;
}

export function activeTableLines(template: Template, options: ReportOptions = {}): string[] {
  const values = { ...defaultActiveValues(template), ...(options.active ?? {}) };
  const drop = new Set(options.dropActiveRows ?? []);
  const lines: string[] = [];
  const blocks: [string, string[], [string, string][]][] = template === '2019'
    ? [
      ['一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['rules', '规章'], ['normative', '规范性文件']]],
      ['五', ['上一年项目数量', '本年增/减', '处理决定数量'], [['licensing', '行政许可'], ['otherServices', '其他对外管理服务事项']]],
      ['六', ['上一年项目数量', '本年增/减', '处理决定数量'], [['penalty', '行政处罚'], ['coercion', '行政强制']]],
      ['八', ['上一年项目数量', '本年增/减'], [['fees', '行政事业性收费']]],
      ['九', ['采购项目数量', '采购总金额'], [['procurement', '政府集中采购']]],
    ]
    : [
      ['一', ['本年制发件数', '本年废止件数', '现行有效件数'], [['rules', '规章'], ['normative', '行政规范性文件']]],
      ['五', ['本年处理决定数量'], [['licensing', '行政许可']]],
      ['六', ['本年处理决定数量'], [['penalty', '行政处罚'], ['coercion', '行政强制']]],
      ['八', ['本年收费金额（单位：万元）'], [['fees', '行政事业性收费']]],
    ];
  blocks.forEach(([item, columns, rows], index) => {
    lines.push(pipeRow([`第二十条第（${item}）项`, ...columns.map(() => '')]));
    if (index === 0) lines.push(`|${columns.map(() => '---|').join('')}---|`);
    lines.push(pipeRow(['信息内容', ...columns]));
    for (const [id, label] of rows) {
      const key = `${item}.${id}`;
      if (drop.has(key)) continue;
      lines.push(pipeRow([label, ...values[key]]));
    }
  });
  return lines;
}

export function appealTableLines(options: ReportOptions = {}): string[] {
  let vals: Val[] = [...DEFAULT_APPEALS];
  if (Array.isArray(options.appeals)) vals = [...options.appeals];
  else if (options.appeals) {
    for (const [col, v] of Object.entries(options.appeals)) {
      const index = APPEAL_COLUMN_IDS.indexOf(col);
      if (index < 0) throw new Error(`unknown appeal column ${col}`);
      vals[index] = v as Val;
    }
  }
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const blank = (n: number): string[] => new Array<string>(n).fill('');
  const header = [
    ['行政复议', ...blank(4), '行政诉讼', ...blank(9)],
    [...outcomes, '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)],
    [...blank(5), ...outcomes, ...outcomes],
  ];
  if (options.appealsFormat === 'tab') return [...header, vals].map(tabRow);
  return [pipeRow(header[0]), `|${'---|'.repeat(15)}`, pipeRow(header[1]), pipeRow(header[2]), pipeRow(vals)];
}

/** A complete, correct report (zero diagnostics) for the template, with the given changes. */
export function buildReport(template: Template, options: ReportOptions = {}): string {
  const year = options.year ?? (template === '2019' ? 2020 : 2023);
  const omit = new Set(options.omitTables ?? []);
  const heading = (n: 1 | 2 | 3 | 4 | 5 | 6): string[] => {
    const given = options.headings?.[n];
    if (given === null) return [];
    return [given ?? `## ${HEADINGS[n]}`, ''];
  };
  const lines: string[] = [];
  if (options.title !== null) lines.push(`# ${options.title ?? `云溪市测试局${year}年政府信息公开工作年度报告`}`, '');
  lines.push('本报告根据《中华人民共和国政府信息公开条例》要求编制。', '');
  if (options.period !== false) lines.push(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  lines.push(...heading(1));
  lines.push('本年度，我局认真贯彻《条例》，持续深化政府信息公开工作。', '');
  if (template === '2021') {
    lines.push('### （一）主动公开', '', '全年通过门户网站主动公开政府信息。', '');
    lines.push('### （二）依申请公开', '', '所有申请均在法定期限内答复。', '');
  }
  lines.push(...heading(2));
  if (!omit.has('active')) lines.push(...activeTableLines(template, options), '');
  lines.push(...heading(3));
  if (!omit.has('requests')) lines.push(...requestTableLines(template, options), '');
  lines.push('本年度依申请公开工作总体平稳。', '');
  lines.push(...heading(4));
  if (!omit.has('appeals')) lines.push(...appealTableLines(options), '');
  lines.push('本年度行政复议、行政诉讼情况如上表。', '');
  lines.push(...heading(5));
  lines.push('一是部分信息公开不够及时；二是答复文书规范性有待加强。', '');
  lines.push(...heading(6));
  lines.push(template === '2021' ? '本年度未收取信息处理费。' : '无其他需要报告的事项。');
  const out = options.transform ? options.transform(lines) : lines;
  return out.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/** Line index of a table 三 row (by its row id) in a text built with default labels. */
export function requestRowLine(text: string, template: Template, rowId: string): number {
  const labels = requestLabels(template)[rowId];
  const distinctive = labels.filter((l) => l !== '').pop()!;
  const start = lineOf(text, '三、收到和处理政府信息公开申请情况');
  return lineOf(text, distinctive, start);
}

/**
 * The range of the n-th cell (0-based, as written between pipes) on a line: the trimmed text,
 * or for a blank cell the whole space between its pipes.
 */
export function cellRangeOnLine(text: string, line: number, index: number): Range {
  const content = splitLines(text)[line];
  const pipes: number[] = [];
  for (let i = 0; i < content.length; i++) if (content[i] === '|') pipes.push(i);
  const start = pipes[index] + 1;
  const end = pipes[index + 1];
  const segment = content.slice(start, end);
  const lead = segment.length - segment.trimStart().length;
  const trail = segment.length - segment.trimEnd().length;
  if (segment.trim() === '') return { start: { line, character: start }, end: { line, character: end } };
  return { start: { line, character: start + lead }, end: { line, character: end - trail } };
}

/** Range of a table 三 value cell (pipe format, default 3 label cells). */
export function requestCellRange(text: string, template: Template, rowId: string, column: RequestColumnId): Range {
  return cellRangeOnLine(text, requestRowLine(text, template, rowId), 3 + REQUEST_COLUMN_IDS.indexOf(column));
}

/**
 * After a fix: `code` was reported before and is gone now, and no diagnostic appeared that was not
 * there before (multiset inclusion of the code lists); `expectedAfter` is the full code list after.
 */
export function assertFixed(before: readonly Diagnostic[], after: readonly Diagnostic[], code: string, expectedAfter: readonly string[] = []): void {
  assert.ok(codes(before).includes(code), `${code} was not reported before the fix:\n${dump(before)}`);
  assert.equal(ofCode(after, code).length, 0, `${code} still reported after the fix:\n${dump(after)}`);
  const remaining = codeBag(before);
  for (const c of codeBag(after)) {
    const i = remaining.indexOf(c);
    assert.ok(i >= 0, `the fix introduced a new ${c}:\n${dump(after)}`);
    remaining.splice(i, 1);
  }
  assert.deepEqual(codeBag(after), [...expectedAfter].sort(), `diagnostics after the fix:\n${dump(after)}`);
}

export const TEMPLATES: readonly Template[] = ['2019', '2021'];

/** LSP severities. */
export const Severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so "random" inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let built = false;

/**
 * Builds dist/ (`node scripts/build.mjs`) once per test run, for the suites that run the bundles
 * (the CLI, the stdio server): `npx mocha` alone must not test a stale build.
 */
export function buildDistOnce(): void {
  if (built) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  assert.equal(build.status, 0, `node scripts/build.mjs failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  built = true;
}
