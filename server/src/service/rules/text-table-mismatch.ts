// Flags a figure stated in the body text (新收政府信息公开申请 12 件, 上年结转 3 件, 行政复议 1 件 …) that contradicts
// the table cell holding the same quantity: drafts are revised in one place and not the other (reference §7).
import type { Range, ReportModel, Table, ValueCell } from '../model';
import { REQUEST_ROWS, activeRowId, resultRowIds } from '../template';
import { cellName, relatedCells, say, tablesOf, type Finding, type RuleContext, type RuleDefinition } from './common';

// ---------------------------------------------------------------------------------------
// The quantities a phrase can state, and where each is read in the tables.

type RequestQuantity = 'new' | 'carried' | 'handled' | 'carryover' | 'r1' | 'r2' | 'r3' | 'r4' | 'noInfo' | 'r5' | 'r6';
type AppealQuantity = 'review' | 'litigation' | 'direct' | 'after';
type ActiveQuantity = 'issued' | 'repealed' | 'inForce';
type Quantity = RequestQuantity | AppealQuantity | ActiveQuantity;
type DocType = 'rules' | 'normative';

/** How the quantity is named in messages. */
const NAMES: Readonly<Record<Quantity, readonly [zh: string, en: string]>> = {
  new: ['新收申请', 'new requests'],
  carried: ['上年结转', 'carried over from last year'],
  handled: ['办结', 'requests handled'],
  carryover: ['结转下年度继续办理', 'carried over to next year'],
  r1: ['予以公开', 'disclosed (予以公开)'],
  r2: ['部分公开', 'partly disclosed (部分公开)'],
  r3: ['不予公开', 'not disclosed (不予公开)'],
  r4: ['无法提供', 'cannot be provided (无法提供)'],
  noInfo: ['信息不存在', 'information does not exist (信息不存在)'],
  r5: ['不予处理', 'not processed (不予处理)'],
  r6: ['其他处理', 'otherwise handled (其他处理)'],
  review: ['行政复议', 'administrative reviews'],
  litigation: ['行政诉讼', 'lawsuits'],
  direct: ['未经复议直接起诉', 'lawsuits filed directly'],
  after: ['复议后起诉', 'lawsuits after review'],
  issued: ['制发', 'issued'],
  repealed: ['废止', 'repealed'],
  inForce: ['现行有效', 'in force'],
};

const DOC_NAMES: Readonly<Record<DocType, readonly [zh: string, en: string]>> = {
  rules: ['规章', 'rules (规章)'],
  normative: ['行政规范性文件', 'normative documents'],
};

const RESULT_QUANTITIES: ReadonlySet<Quantity> = new Set(['r1', 'r2', 'r3', 'r4', 'noInfo', 'r5', 'r6']);

/**
 * After `…N件，其中…` the figures are parts of N, not totals, and are not compared; except where the
 * parts are themselves quantities of the table: 办结 N 件，其中予以公开 a 件，部分公开 b 件 … (the result
 * rows), 行政诉讼 N 件，其中未经复议直接起诉 a 件，复议后起诉 b 件.
 */
const PARTS_OF: Partial<Readonly<Record<Quantity, ReadonlySet<Quantity>>>> = {
  handled: RESULT_QUANTITIES,
  litigation: new Set(['direct', 'after']),
};

// ---------------------------------------------------------------------------------------
// The phrases: a key phrase, then at once the number and 件 (`共`, `为` and spaces may come between).

const NUMBER = '([0-9０-９]+|[零〇一二两三四五六七八九十百]+)';
// Unambiguous (共计 is 共 then 计) and bounded, so a hostile run of filler words cannot make the regex backtrack.
const FILLER = '(\\s*(?:(?:共|计|合计|总计|为|达到|达|了)\\s*){0,3})';
const UNIT = '\\s*件(?!次)';
const DOC = '(行政规范性文件|规范性文件|政府规章|规章)';

interface Phrase {
  readonly quantity: Quantity;
  readonly re: RegExp;
  /** Every match of the key contains one of these words: text without them is not searched. */
  readonly cues: readonly string[];
  /** The phrase alone is not specific: the sentence must name 信息公开 before it. */
  readonly needsContext?: boolean;
}

const phrase = (quantity: Quantity, key: string, cues: readonly string[], needsContext?: boolean): Phrase => ({
  quantity, re: new RegExp(`(${key})${FILLER}${NUMBER}${UNIT}`, 'g'), cues, needsContext,
});

const PHRASES: readonly Phrase[] = [
  phrase('new', '(?:新收到|新收|收到)(?:的)?(?:政府信息公开|信息公开|依申请公开)申请(?:数量)?', ['收']),
  phrase('new', '(?:新收到|新收|收到)(?:的)?申请(?:数量)?', ['收'], true),
  phrase('carried', '(?:上一?年度?)结转(?:的)?(?:(?:政府)?信息公开)?(?:申请)?(?:数量)?', ['结转']),
  phrase('handled', '(?:办结|办理完结|办理完毕)(?:了)?(?:(?:政府)?信息公开)?(?:申请)?', ['办结', '办理完']),
  phrase('handled', '答复(?:了)?(?:(?:政府)?信息公开)?申请', ['答复']),
  phrase('carryover', '结转(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?', ['结转']),
  phrase('r1', '予以公开(?:的)?(?:申请)?', ['予以公开']),
  phrase('r2', '部分公开(?:的)?(?:申请)?', ['部分公开']),
  phrase('r3', '不予公开(?:的)?(?:申请)?', ['不予公开']),
  phrase('r4', '无法提供(?:的)?(?:申请)?', ['无法提供']),
  // 信息不存在 is the old name of （四）无法提供 1.本机关不掌握相关政府信息 (reference §7: a report said
  // 信息不存在3件 while its table booked them under 2.没有现成信息需要另行制作).
  phrase('noInfo', '(?:信息不存在|本机关不掌握(?:相关)?(?:的)?(?:政府)?信息)(?:的)?(?:申请)?', ['不存在', '不掌握']),
  phrase('r5', '不予处理(?:的)?(?:申请)?', ['不予处理']),
  phrase('r6', '其他处理(?:的)?(?:申请)?', ['其他处理']),
  phrase('review', '(?:被)?(?:申请)?行政复议(?:申请|案件)?', ['行政复议']),
  phrase('litigation', '(?:被)?(?:提起)?行政诉讼(?:案件)?', ['行政诉讼']),
  phrase('direct', '未经复议直接起诉(?:的)?(?:案件)?', ['直接起诉']),
  phrase('after', '复议后起诉(?:的)?(?:案件)?', ['复议后起诉']),
  // Table 二 of the 2021 template. Without a document type, the one of the clause before applies:
  // 制发行政规范性文件4件，废止2件，现行有效23件.
  phrase('issued', `(?:新)?制发(?:了)?(?:的)?${DOC}?`, ['制发']),
  phrase('repealed', `废止(?:了)?(?:的)?${DOC}?`, ['废止']),
  phrase('inForce', `现行有效(?:的)?${DOC}?`, ['现行有效']),
];

/**
 * Whether a text can hold a phrase at all: every phrase ends in 件 and contains a cue (blanking asides
 * only turns characters into spaces, so what the blanked text matches, the text holds). Most of a
 * report fails this cheap test and is not split into sentences and clauses.
 */
const ANY_CUE = new RegExp([...new Set(PHRASES.flatMap((p) => p.cues))].join('|'));
const mayStateFigure = (text: string): boolean => text.includes('件') && ANY_CUE.test(text);

const ACTIVE_QUANTITIES: ReadonlySet<Quantity> = new Set(['issued', 'repealed', 'inForce']);
const APPEAL_QUANTITIES: ReadonlySet<Quantity> = new Set(['review', 'litigation', 'direct', 'after']);

/**
 * A sentence with any of these words compares, accumulates, plans or includes (同比增长, 占, 累计,
 * 含上年结转, 计划, another year, 上年度 …): its figures are not this year's table quantities.
 */
const SKIP_SENTENCE = /同比|环比|增长|下降|增加|减少|上升|持平|占|[%％]|比上年|比去年|较上年|较去年|较往年|相比|累计|历年|以来|分别|平均|含|包括|去年|前年|往年|上一?年|拟|计划|预计|力争|下一步|明年|约/;

/**
 * Words before a key phrase (in its clause) that make the figure a part: by channel (网上), by applicant
 * (自然人), by timeliness (按时办结), by topic (涉及…), by period (月, 季度), by outcome, or qualified (…的).
 */
const PART_MARKERS = [
  '其中', '的', '自然人', '法人', '企业', '公司', '组织', '网上', '网络', '在线', '信函', '来信', '信件', '当面', '现场', '窗口',
  '传真', '邮件', '邮寄', '电子', '按时', '按期', '如期', '逾期', '超期', '延期', '当场', '当日', '限期', '涉及', '关于', '有关',
  '属于', '针对', '对于', '每', '平均', '月', '季', '半年', '周', '直接', '复议后', '起诉', '维持', '纠正', '审结', '结果', '不予',
  '部分', '予以', '无法', '重复', '个人', '律师', '另',
];

/** A result phrase must open its clause: only these may come before it (不予以公开 is not 予以公开). */
const RESULT_PREFIX = /^(?:\s|全年|本年度|本年|共计|合计|共|依法|均|已|决定|经审查|予以|[-*+]|\d+[.、])*$/;

// ---------------------------------------------------------------------------------------
// Reading the body text: paragraphs of content lines, split into sentences and clauses.

interface Paragraph {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly firstLine: number;
}

function isBodyLine(model: ReportModel, skip: ReadonlySet<number>, line: number): boolean {
  if (skip.has(line)) return false;
  const trimmed = (model.lines[line] ?? '').trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('|');
}

function paragraphsOf(model: ReportModel): Paragraph[] {
  const skip = new Set<number>();
  const skipRange = (range: Range) => { for (let l = range.start.line; l <= range.end.line; l++) skip.add(l); };
  for (const table of model.tables) skipRange(table.range);
  for (const other of model.unrecognisedTables) skipRange(other.range);
  for (const heading of model.headings) skip.add(heading.line);
  if (model.title) skip.add(model.title.line);
  const paragraphs: Paragraph[] = [];
  let line = 0;
  while (line < model.lines.length) {
    if (!isBodyLine(model, skip, line)) { line++; continue; }
    const firstLine = line;
    const lineStarts: number[] = [];
    let text = '';
    while (line < model.lines.length && isBodyLine(model, skip, line)) {
      if (line > firstLine) text += '\n';
      lineStarts.push(text.length);
      text += model.lines[line];
      line++;
    }
    paragraphs.push({ text, lineStarts, firstLine });
  }
  return paragraphs;
}

function positionAt(paragraph: Paragraph, offset: number): { line: number; character: number } {
  // The last line starting at or before the offset (binary search: a paragraph may have many lines).
  let low = 0;
  let high = paragraph.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (paragraph.lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  const index = low;
  return { line: paragraph.firstLine + index, character: offset - paragraph.lineStarts[index] };
}

const ASIDE_OPENER = /[（(《]/g;
const NEWLINE = 0x0a;

/** The closing bracket (UTF-16 code) of an opening one, 0 for any other character. */
function closerOf(code: number): number {
  return code === 0xff08 ? 0xff09 : code === 0x28 ? 0x29 : code === 0x300a ? 0x300b : 0; // （） () 《》
}

/** The text with bracketed asides blanked (same length): （自然人26件…） and 《…》 hold parts and titles, not totals. */
function blankAsides(text: string): string {
  const stack: number[] = [];
  let out = '';
  let kept = 0; // text before this offset is in `out`
  let i = 0;
  while (i < text.length) {
    if (stack.length === 0) {
      // Outside asides only an opening bracket matters: jump to the next one.
      ASIDE_OPENER.lastIndex = i;
      const opener = ASIDE_OPENER.exec(text);
      if (!opener) break;
      i = opener.index;
      out += text.slice(kept, i);
      kept = i;
      stack.push(closerOf(text.charCodeAt(i)));
      i++;
      continue;
    }
    const c = text.charCodeAt(i);
    const closer = closerOf(c);
    if (c === NEWLINE) {
      // An aside left open ends with its line.
      out += ' '.repeat(i - kept);
      kept = i;
      stack.length = 0;
    } else if (closer) stack.push(closer);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) { out += ' '.repeat(i + 1 - kept); kept = i + 1; }
    }
    i++;
  }
  return out + (stack.length > 0 ? ' '.repeat(text.length - kept) : text.slice(kept));
}

const LIST_ITEM = /^\s*(?:[-*+]\s|\d+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])/;

interface Sentence {
  readonly start: number;
  readonly end: number;
}

const SENTENCE_BREAK = /[。！？!?\n]/g;
const SPACE = /\s/;

/** Sentences end at 。！？ and at a line break after punctuation or before a list item. */
function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (;;) {
    const found = SENTENCE_BREAK.exec(text);
    const i = found ? found.index : text.length;
    let end = true;
    if (found && text.charCodeAt(i) === NEWLINE) {
      let last = i - 1;
      while (last >= start && SPACE.test(text[last])) last--;
      end = (last >= start && '。！？!?；;'.includes(text[last])) || LIST_ITEM.test(text.slice(i + 1, i + 16));
    }
    if (end) {
      if (i > start) sentences.push({ start, end: i });
      start = i + 1;
    }
    if (!found) return sentences;
  }
}

type Separator = 'start' | 'comma' | 'semicolon' | 'qizhong';

interface Clause {
  readonly start: number;
  readonly end: number;
  readonly separator: Separator;
}

const CLAUSE_BREAK = /([，,、：:])|([；;])|其中/g;

/** Clauses of a sentence (in the blanked text): split at ，、：, at ； (which ends a 其中) and at 其中. */
function clausesOf(blanked: string, sentence: Sentence): Clause[] {
  const clauses: Clause[] = [];
  let start = sentence.start;
  let separator: Separator = 'start';
  // Searched in the sentence alone, so that a sentence without separators does not scan the rest of the
  // paragraph. (A 其中 cannot straddle the sentence end: that character is 。！？!?, a line break or a space.)
  const text = blanked.slice(sentence.start, sentence.end);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    clauses.push({ start, end: sentence.start + m.index, separator });
    separator = m[1] ? 'comma' : m[2] ? 'semicolon' : 'qizhong';
    start = sentence.start + m.index + m[0].length;
  }
  clauses.push({ start, end: sentence.end, separator });
  return clauses;
}

// ---------------------------------------------------------------------------------------
// Numbers.

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 十二 → 12, 一百零五 → 105; undefined for what is not a plain count (二〇 is a year's digits). */
export function parseChineseCount(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let previousUnit = Infinity;
  for (const c of text) {
    if (c in CHINESE_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CHINESE_DIGITS[c];
      continue;
    }
    const unit = c === '十' ? 10 : c === '百' ? 100 : undefined;
    if (unit === undefined || unit >= previousUnit) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
    previousUnit = unit;
  }
  return total + (digit ?? 0);
}

function parseCount(text: string): number | undefined {
  if (/^[0-9０-９]+$/.test(text)) return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return parseChineseCount(text);
}

// ---------------------------------------------------------------------------------------
// What the tables say.

interface TableValue {
  readonly table: Table;
  /** The cells the value is read from (their sum): shown and linked. */
  readonly cells: readonly ValueCell[];
  readonly value: number;
  /** Readings of the same quantity that a broken table relation makes differ (Σ of the row, 一+二−四). */
  readonly alternatives: readonly number[];
  /** The cell description in messages. */
  readonly zh: string;
  readonly en: string;
}

const numeric = (cell: ValueCell | undefined): cell is ValueCell => cell !== undefined && !cell.missing && cell.parsed.kind === 'number';
const valueOf = (cell: ValueCell): number => (cell.parsed.kind === 'number' ? cell.parsed.value : 0);

/** The sum of the cells when every one holds a number (blank or invalid: no reading). */
function sumOf(cells: readonly (ValueCell | undefined)[]): number | undefined {
  if (!cells.every(numeric)) return undefined;
  return (cells as ValueCell[]).reduce((sum, c) => sum + valueOf(c), 0);
}

/** The single table of a kind; with none or two (a pasted duplicate), nothing is compared. */
function onlyTable(model: ReportModel, kind: Table['kind']): Table | undefined {
  const tables = [...tablesOf(model, kind)];
  return tables.length === 1 ? tables[0] : undefined;
}

function rowTotals(table: Table, rowIds: readonly string[]): (ValueCell | undefined)[] {
  return rowIds.map((id) => table.cells.get(id)?.get('total'));
}

function rowPartSums(table: Table, rowIds: readonly string[]): number | undefined {
  let sum = 0;
  for (const id of rowIds) {
    const row = table.cells.get(id);
    if (!row) return undefined;
    const parts = sumOf([...row.values()].filter((c) => c.columnId !== 'total'));
    if (parts === undefined) return undefined;
    sum += parts;
  }
  return sum;
}

function requestValue(table: Table, quantity: RequestQuantity): TableValue | undefined {
  const rows = REQUEST_ROWS[table.template];
  let rowIds: string[];
  if (quantity === 'handled') rowIds = ['r7'];
  else if (quantity === 'new' || quantity === 'carried' || quantity === 'carryover') rowIds = [quantity];
  else if (quantity === 'noInfo') rowIds = ['r4.1'];
  else rowIds = rows.filter((r) => r.holdsValues && (r.id === quantity || r.group === quantity)).map((r) => r.id);
  if (rowIds.length === 0) return undefined;
  const cells = rowTotals(table, rowIds);
  const value = sumOf(cells);
  if (value === undefined) return undefined;
  const alternatives = [rowPartSums(table, rowIds)];
  if (quantity === 'handled') {
    alternatives.push(sumOf(rowTotals(table, resultRowIds(table.template))));
    const [fresh, carried, carryover] = rowTotals(table, ['new', 'carried', 'carryover']).map((c) => (numeric(c) ? valueOf(c) : undefined));
    if (fresh !== undefined && carried !== undefined && carryover !== undefined) alternatives.push(fresh + carried - carryover);
  }
  const numbered = cells as ValueCell[];
  const group = rows.find((r) => r.id === quantity && !r.holdsValues);
  return {
    table, cells: numbered, value, alternatives: alternatives.filter((a): a is number => a !== undefined),
    zh: group ? `${group.label}各项·总计之和` : cellName(table, numbered[0]),
    en: group ? `sum of the 总计 of the ${group.label} items` : cellName(table, numbered[0]),
  };
}

function appealValue(table: Table, quantity: AppealQuantity): TableValue | undefined {
  const groups = quantity === 'review' ? ['review'] : quantity === 'direct' ? ['direct'] : quantity === 'after' ? ['after'] : ['direct', 'after'];
  const row = table.cells.values().next().value;
  if (!row) return undefined;
  const cells = groups.map((g) => row.get(`${g}.total`));
  const value = sumOf(cells);
  if (value === undefined) return undefined;
  const outcomes = sumOf(groups.flatMap((g) => ['upheld', 'corrected', 'other', 'pending'].map((o) => row.get(`${g}.${o}`))));
  const numbered = cells as ValueCell[];
  const name = numbered.map((c) => cellName(table, c)).join(' + ');
  return { table, cells: numbered, value, alternatives: outcomes === undefined ? [] : [outcomes], zh: name, en: name };
}

function activeValue(table: Table, quantity: ActiveQuantity, doc: DocType): TableValue | undefined {
  if (table.template !== '2021') return undefined;
  const cell = table.cells.get(activeRowId('一', doc))?.get(quantity);
  if (!numeric(cell)) return undefined;
  const name = cellName(table, cell);
  return { table, cells: [cell], value: valueOf(cell), alternatives: [], zh: name, en: name };
}

const TABLE_NAMES: Readonly<Record<Table['kind'], readonly [zh: string, en: string]>> = {
  active: ['表二', 'table 二'],
  requests: ['表三', 'table 三'],
  appeals: ['表四', 'table 四'],
};

// ---------------------------------------------------------------------------------------
// The rule.

interface Match {
  readonly quantity: Quantity;
  readonly doc?: DocType;
  readonly count: number;
  /** Offsets of the number in the paragraph. */
  readonly start: number;
  readonly end: number;
}

function docOf(text: string | undefined): DocType | undefined {
  if (!text) return undefined;
  return text.includes('规章') ? 'rules' : 'normative';
}

/** What the conditions on appeals and bare 申请 need to know of a sentence, found once per sentence. */
interface SentenceFacts {
  /** Paragraph offset of the sentence. */
  readonly start: number;
  /** Paragraph offsets of the first 信息公开 / 依申请公开, and of the first 信息公开 (Infinity: none). */
  readonly firstContext: number;
  readonly firstDisclosure: number;
  /** Paragraph offset of the last 信息公开 / 涉及 / 有关 / 关于 (-1: none). */
  readonly lastTopic: number;
  readonly inSectionFour: boolean;
}

function sentenceFacts(text: string, sentence: Sentence, inSectionFour: boolean): SentenceFacts {
  const at = (index: number) => (index < 0 ? Infinity : sentence.start + index);
  return {
    start: sentence.start,
    firstContext: Math.min(at(text.indexOf('信息公开')), at(text.indexOf('依申请公开'))),
    firstDisclosure: at(text.indexOf('信息公开')),
    lastTopic: Math.max(...['信息公开', '涉及', '有关', '关于'].map((w) => {
      const index = text.lastIndexOf(w);
      return index < 0 ? -1 : sentence.start + index;
    })),
    inSectionFour,
  };
}

/** Whether the clause holds only whitespace (as `trim() === ''`, without cutting it out). */
function isBlank(blanked: string, clause: Clause): boolean {
  for (let i = clause.start; i < clause.end; i++) if (!SPACE.test(blanked[i])) return false;
  return true;
}

function containsAny(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

/** Longer than any clause a person writes around a figure: not read (and no quadratic work on hostile input). */
const MAX_CLAUSE_LENGTH = 400;

/**
 * The phrases stated in one clause, in order, with the conditions on what precedes them applied.
 * `facts` is asked only for a phrase that depends on them (most clauses state nothing).
 */
function matchesIn(blanked: string, clause: Clause, facts: () => SentenceFacts): Match[] {
  if (clause.end - clause.start > MAX_CLAUSE_LENGTH) return [];
  const text = blanked.slice(clause.start, clause.end);
  if (!text.includes('件')) return [];
  const found: Match[] = [];
  for (const p of PHRASES) {
    if (!containsAny(text, p.cues)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const pre = text.slice(0, m.index);
      if (RESULT_QUANTITIES.has(p.quantity) || p.quantity === 'direct' || p.quantity === 'after') {
        if (!RESULT_PREFIX.test(pre)) continue;
      } else if (PART_MARKERS.some((w) => pre.includes(w))) continue;
      const at = clause.start + m.index;
      if (p.needsContext && !(facts().firstContext < at)) continue;
      if (APPEAL_QUANTITIES.has(p.quantity)) {
        // Agencies also report all their 行政复议 cases: only those tied to 信息公开 are table 四's.
        const { firstDisclosure, inSectionFour, lastTopic } = facts();
        const tied = firstDisclosure < at || (inSectionFour && lastTopic < at);
        if (!tied || (p.quantity === 'litigation' && pre.includes('复议')) || (p.quantity === 'review' && pre.includes('诉讼'))) continue;
      }
      const numberText = m[m.length - 1];
      const count = parseCount(numberText);
      if (count === undefined) continue;
      const numberStart = at + m[1].length + m[m.length - 2].length;
      found.push({
        quantity: p.quantity,
        doc: ACTIVE_QUANTITIES.has(p.quantity) ? docOf(m[2]) : undefined,
        count,
        start: numberStart,
        end: numberStart + numberText.length,
      });
    }
  }
  // Two phrases never state the same number; keep the first if they do.
  return found.sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || all[i - 1].start !== m.start);
}

function yearsAgree(sentence: string, year: number | undefined): boolean {
  const years = [...sentence.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (year !== undefined) return years.every((y) => y === year);
  return new Set(years).size <= 1;
}

export const textTableMismatch: RuleDefinition<'text-table-mismatch'> = {
  id: 'text-table-mismatch',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    const tables = { active: onlyTable(model, 'active'), requests: onlyTable(model, 'requests'), appeals: onlyTable(model, 'appeals') };
    if (!tables.active && !tables.requests && !tables.appeals) return [];
    const four = model.sections.find((s) => s.number === 4);
    const findings: Finding[] = [];

    const readValue = (q: Quantity, doc: DocType | undefined): TableValue | undefined => {
      if (ACTIVE_QUANTITIES.has(q)) return tables.active && doc ? activeValue(tables.active, q as ActiveQuantity, doc) : undefined;
      if (APPEAL_QUANTITIES.has(q)) return tables.appeals ? appealValue(tables.appeals, q as AppealQuantity) : undefined;
      return tables.requests ? requestValue(tables.requests, q as RequestQuantity) : undefined;
    };
    // A report states the same quantities again and again (总体情况, 三, 四): each is read from the tables once.
    const values = new Map<string, TableValue | undefined>();
    const tableValue = (match: Match): TableValue | undefined => {
      const key = `${match.quantity} ${match.doc ?? ''}`;
      if (!values.has(key)) values.set(key, readValue(match.quantity, match.doc));
      return values.get(key);
    };

    const compare = (paragraph: Paragraph, match: Match): void => {
      const found = tableValue(match);
      if (!found || found.value === match.count || found.alternatives.includes(match.count)) return;
      const [zh, en] = NAMES[match.quantity];
      const [docZh, docEn] = match.doc ? DOC_NAMES[match.doc] : ['', ''];
      const [tableZh, tableEn] = TABLE_NAMES[found.table.kind];
      findings.push({
        range: { start: positionAt(paragraph, match.start), end: positionAt(paragraph, match.end) },
        message: say(context, 'The text says {0} {1}{2}; {3} “{4}” is {5}.', match.count, en, docEn ? ` ${docEn}` : '', tableEn, found.en, found.value, zh, docZh, tableZh, found.zh),
        related: relatedCells(found.table, found.cells),
      });
    };

    for (const paragraph of paragraphsOf(model)) {
      // Paragraphs are read independently (`previous` does not cross them): one that cannot state a figure is skipped.
      if (!mayStateFigure(paragraph.text)) continue;
      const blanked = blankAsides(paragraph.text);
      // The last phrase stated before a 其中: in the sentence so far, or in the sentence just before when
      // this one opens with 其中 (办结54件。其中予以公开…). Clauses that state none (按时办结率100%, a
      // qualified 按时办结4件) do not replace it; a sentence skipped for comparing (它含 %) still states it.
      let previous: Match | undefined;
      for (const sentence of sentencesOf(paragraph.text)) {
        if (!/^\s*其中/.test(blanked.slice(sentence.start, sentence.end))) previous = undefined;
        // What is known of the sentence is worked out once a clause of it states a phrase, not before.
        let facts: SentenceFacts | undefined;
        let usable: boolean | undefined;
        const sentenceText = () => paragraph.text.slice(sentence.start, sentence.end);
        const factsOf = (): SentenceFacts => {
          if (facts) return facts;
          const line = positionAt(paragraph, sentence.start).line;
          const inSectionFour = four !== undefined && four.range.start.line <= line && line <= four.range.end.line;
          return (facts = sentenceFacts(sentenceText(), sentence, inSectionFour));
        };
        const isUsable = (): boolean => {
          if (usable !== undefined) return usable;
          const text = sentenceText();
          return (usable = !SKIP_SENTENCE.test(text.replace(/上一?年度?结转/g, '结转')) && yearsAgree(text, model.year));
        };
        let scope: 'all' | 'none' | ReadonlySet<Quantity> = 'all';
        let doc: DocType | undefined;
        for (const clause of clausesOf(blanked, sentence)) {
          if (clause.separator === 'semicolon') scope = 'all';
          if (clause.separator === 'qizhong') scope = (previous && PARTS_OF[previous.quantity]) ?? 'none';
          // Nothing between two separators (`，其中`): the clause before is still the one before.
          if (isBlank(blanked, clause)) continue;
          const matches = matchesIn(blanked, clause, factsOf);
          for (const match of matches) {
            const resolved = ACTIVE_QUANTITIES.has(match.quantity) ? { ...match, doc: match.doc ?? doc } : match;
            if (resolved.doc) doc = resolved.doc;
            if (!isUsable() || scope === 'none' || (scope !== 'all' && !scope.has(match.quantity))) continue;
            compare(paragraph, resolved);
          }
          if (!matches.some((m) => ACTIVE_QUANTITIES.has(m.quantity))) doc = undefined;
          if (matches.length > 0) previous = matches[matches.length - 1];
        }
      }
    }
    return findings;
  },
};
