// The official format as data: section titles and the rows and columns of the three tables
// for the 2019 (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) templates.
import type { SectionNumber, TemplateYear, ValueKind } from './model';

export const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export interface SectionSpec {
  readonly number: SectionNumber;
  readonly numeral: string;
  readonly title: string;
  /** Wordings seen in real reports that mean this section. */
  readonly variants: readonly string[];
}

export const SECTIONS: readonly SectionSpec[] = [
  { number: 1, numeral: '一', title: '总体情况', variants: ['概述', '总体概述', '基本情况'] },
  { number: 2, numeral: '二', title: '主动公开政府信息情况', variants: ['主动公开政府信息统计情况', '主动公开政府信息'] },
  { number: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', variants: ['收到和处理政府信息公开申请统计情况'] },
  {
    number: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政复议、行政诉讼统计情况',
    ],
  },
  {
    number: 5, numeral: '五', title: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况', '存在的问题及改进情况', '存在的主要问题和改进情况'],
  },
  { number: 6, numeral: '六', title: '其他需要报告的事项', variants: ['其他需要报告的事项情况'] },
];

export function canonicalHeading(section: SectionNumber): string {
  const spec = SECTIONS[section - 1];
  return `${spec.numeral}、${spec.title}`;
}

// ---------------------------------------------------------------------------------------
// Table 二 (主动公开政府信息情况): blocks of 第二十条 items, no arithmetic inside.

export interface ColumnSpec {
  readonly id: string;
  readonly label: string;
  readonly kind: ValueKind;
  readonly aliases?: readonly string[];
}

export interface RowSpec {
  readonly id: string;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export interface ActiveBlockSpec {
  /** The item number of 第二十条, as written: 一, 五, 六, 八, 九. */
  readonly item: string;
  readonly label: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
}

const block = (item: string, columns: ColumnSpec[], rows: RowSpec[]): ActiveBlockSpec => ({
  item, label: `第二十条第（${item}）项`, columns, rows,
});

const count = (id: string, label: string, aliases?: string[]): ColumnSpec => ({ id, label, kind: 'count', aliases });

export const ACTIVE_BLOCKS: Readonly<Record<TemplateYear, readonly ActiveBlockSpec[]>> = {
  '2019': [
    block('一', [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('total', '对外公开总数量')], [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'] },
    ]),
    block('五', [count('previous', '上一年项目数量'), { id: 'change', label: '本年增/减', kind: 'signed', aliases: ['本年增减'] }, count('decisions', '处理决定数量')], [
      { id: 'licensing', label: '行政许可' },
      { id: 'otherServices', label: '其他对外管理服务事项' },
    ]),
    block('六', [count('previous', '上一年项目数量'), { id: 'change', label: '本年增/减', kind: 'signed', aliases: ['本年增减'] }, count('decisions', '处理决定数量')], [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ]),
    block('八', [count('previous', '上一年项目数量'), { id: 'change', label: '本年增/减', kind: 'signed', aliases: ['本年增减'] }], [
      { id: 'fees', label: '行政事业性收费' },
    ]),
    block('九', [count('projects', '采购项目数量'), { id: 'amount', label: '采购总金额', kind: 'amount' }], [
      { id: 'procurement', label: '政府集中采购' },
    ]),
  ],
  '2021': [
    block('一', [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')], [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'] },
    ]),
    block('五', [count('decisions', '本年处理决定数量')], [{ id: 'licensing', label: '行政许可' }]),
    block('六', [count('decisions', '本年处理决定数量')], [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ]),
    block('八', [{ id: 'feeAmount', label: '本年收费金额（单位：万元）', kind: 'amount', aliases: ['本年收费金额', '本年收费金额（万元）'] }], [
      { id: 'fees', label: '行政事业性收费' },
    ]),
  ],
};

/** Row id of a table 二 data row: block item + row id, e.g. `一.rules`. */
export function activeRowId(item: string, rowId: string): string {
  return `${item}.${rowId}`;
}

/** Header words that only one template's table 二 uses (reference §6). */
export const ACTIVE_TEMPLATE_WORDS: Readonly<Record<TemplateYear, readonly string[]>> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额', '其他对外管理服务事项', '政府集中采购'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）', '本年收费金额'],
};

// ---------------------------------------------------------------------------------------
// Table 三 (收到和处理政府信息公开申请情况).

export const REQUEST_COLUMNS: readonly ColumnSpec[] = [
  count('natural', '自然人'),
  count('commercial', '商业企业'),
  count('research', '科研机构'),
  count('publicInterest', '社会公益组织'),
  count('legal', '法律服务机构'),
  count('other', '其他'),
  count('total', '总计'),
];

/** The six applicant columns whose sum is 总计 (I2). */
export const REQUEST_PART_COLUMNS = REQUEST_COLUMNS.slice(0, 6).map((c) => c.id);

/** Header-only words of table 三 (grouping headers and the printed relation). */
export const REQUEST_HEADER_WORDS: readonly string[] = ['申请人情况', '法人或其他组织', '法人或者其他组织'];
export const REQUEST_RELATION_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export interface RequestRowSpec extends RowSpec {
  /** Group id for items (r3, r4, …), undefined for top-level rows. */
  readonly group?: string;
  /** A group or heading row carries no values of its own. */
  readonly holdsValues: boolean;
  /** Short name used in messages. */
  readonly short: string;
}

const item = (group: string, n: number, label: string, aliases?: string[]): RequestRowSpec => ({
  id: `${group}.${n}`, label: `${n}.${label}`, group, holdsValues: true, short: label, aliases,
});

const REQUEST_ROWS_COMMON_HEAD: RequestRowSpec[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', holdsValues: true, short: '本年新收' },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', holdsValues: true, short: '上年结转' },
  { id: 'results', label: '三、本年度办理结果', holdsValues: false, short: '本年度办理结果' },
  { id: 'r1', label: '（一）予以公开', holdsValues: true, short: '予以公开' },
  {
    id: 'r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', holdsValues: true, short: '部分公开',
    aliases: ['部分公开'],
  },
  { id: 'r3', label: '（三）不予公开', holdsValues: false, short: '不予公开' },
  item('r3', 1, '属于国家秘密'),
  item('r3', 2, '其他法律行政法规禁止公开'),
  item('r3', 3, '危及“三安全一稳定”'),
  item('r3', 4, '保护第三方合法权益'),
  item('r3', 5, '属于三类内部事务信息'),
  item('r3', 6, '属于四类过程性信息'),
  item('r3', 7, '属于行政执法案卷'),
  item('r3', 8, '属于行政查询事项'),
  { id: 'r4', label: '（四）无法提供', holdsValues: false, short: '无法提供' },
  item('r4', 1, '本机关不掌握相关政府信息'),
  item('r4', 2, '没有现成信息需要另行制作'),
  item('r4', 3, '补正后申请内容仍不明确'),
  { id: 'r5', label: '（五）不予处理', holdsValues: false, short: '不予处理' },
  item('r5', 1, '信访举报投诉类申请'),
  item('r5', 2, '重复申请'),
  item('r5', 3, '要求提供公开出版物'),
  item('r5', 4, '无正当理由大量反复申请'),
  item('r5', 5, '要求行政机关确认或重新出具已获取信息'),
];

const REQUEST_ROWS_COMMON_TAIL: RequestRowSpec[] = [
  { id: 'r7', label: '（七）总计', holdsValues: true, short: '（七）总计' },
  { id: 'carryover', label: '四、结转下年度继续办理', holdsValues: true, short: '结转下年度继续办理' },
];

export const REQUEST_ROWS: Readonly<Record<TemplateYear, readonly RequestRowSpec[]>> = {
  '2019': [
    ...REQUEST_ROWS_COMMON_HEAD,
    { id: 'r6', label: '（六）其他处理', holdsValues: true, short: '其他处理' },
    ...REQUEST_ROWS_COMMON_TAIL,
  ],
  '2021': [
    ...REQUEST_ROWS_COMMON_HEAD,
    { id: 'r6', label: '（六）其他处理', holdsValues: false, short: '其他处理' },
    item('r6', 1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    item('r6', 2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    item('r6', 3, '其他'),
    ...REQUEST_ROWS_COMMON_TAIL,
  ],
};

/** Rows summed into （七）总计 (I1), in order: every value row between 三 and （七）. */
export function resultRowIds(template: TemplateYear): readonly string[] {
  return RESULT_ROW_IDS[template];
}

const RESULT_ROW_IDS: Readonly<Record<TemplateYear, readonly string[]>> = {
  '2019': REQUEST_ROWS['2019'].filter((r) => r.holdsValues && /^r[1-6]/.test(r.id)).map((r) => r.id),
  '2021': REQUEST_ROWS['2021'].filter((r) => r.holdsValues && /^r[1-6]/.test(r.id)).map((r) => r.id),
};

// ---------------------------------------------------------------------------------------
// Table 四 (行政复议、行政诉讼): one data row of 15 numbers.

export const APPEAL_GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '未经复议直接起诉' },
  { id: 'after', label: '复议后起诉' },
] as const;

export const APPEAL_OUTCOMES = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

export const APPEAL_COLUMNS: readonly ColumnSpec[] = APPEAL_GROUPS.flatMap((g) =>
  APPEAL_OUTCOMES.map((o) => count(`${g.id}.${o.id}`, `${g.label}·${o.label}`)),
);

export const APPEAL_ROW_ID = 'appeals';
export const APPEAL_HEADER_WORDS: readonly string[] = ['行政复议', '行政诉讼', ...APPEAL_GROUPS.map((g) => g.label), ...APPEAL_OUTCOMES.map((o) => o.label)];
