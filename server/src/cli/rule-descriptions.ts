// One-line rule descriptions for SARIF `rules[].shortDescription` (a rule id without one
// falls back to itself).
// (Metadata for reports, not diagnostics: every finding still comes from the service.)
export const RULE_DESCRIPTIONS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  'missing-section': { zh: '缺少年度报告六个部分中的某一部分', en: 'One of the six sections of the report is missing' },
  'section-order': { zh: '各部分未按一至六的顺序排列', en: 'Sections are not in the official order 一 to 六' },
  'duplicate-section': { zh: '同一部分的标题重复出现', en: 'A section heading appears more than once' },
  'heading-wording': { zh: '部分标题的编号或措辞与格式规范不一致', en: 'A section heading differs from the official numbering or wording' },
  'missing-table': { zh: '第二、三、四部分缺少统计表或统计表无法识别', en: 'Section 二, 三 or 四 lacks its statistics table, or it cannot be recognised' },
  'missing-row': { zh: '统计表缺少模板中的行或栏目', en: 'A statistics table lacks a row or block of the template' },
  'unknown-label': { zh: '统计表的行、列标签与模板不一致', en: 'A row or column label does not match the template' },
  'row-total': { zh: '申请情况表中某行的总计不等于各类申请人之和', en: 'In table 三, a row total is not the sum of the applicant columns' },
  'result-total': { zh: '申请情况表中（七）总计不等于各项办理结果之和', en: 'In table 三, （七）总计 is not the sum of the result rows' },
  balance: { zh: '申请情况表不满足“第一项加第二项之和，等于第三项加第四项之和”', en: 'Table 三 breaks the relation 一 + 二 = 三 + 四' },
  'appeal-total': { zh: '行政复议、行政诉讼表中总计不等于各项结果之和', en: 'In table 四, a total is not the sum of its outcomes' },
  'empty-cell': { zh: '统计表中应填写数字的单元格为空', en: 'A value cell of a statistics table is blank' },
  'invalid-number': { zh: '统计表单元格的内容不是有效数字', en: 'A value cell does not hold a valid number' },
  'fullwidth-digit': { zh: '统计表中使用了全角数字', en: 'A value cell uses full-width digits' },
  'template-mismatch': { zh: '统计表使用的模板与报告年份应使用的模板不一致', en: "A table follows the other template than the report's year requires" },
  'year-mismatch': { zh: '统计期限的年份与标题年份不一致，或不在同一年内', en: "The statistical period's year differs from the title's, or spans two years" },
  'processing-fee': { zh: '2021 版格式：第六部分未报告信息处理费收取情况', en: '2021 template: section 六 does not report information processing fees' },
  'cumulative-total': { zh: '2019 版格式：对外公开总数量小于本年新公开数量', en: "2019 template: cumulative total below this year's new publications" },
  'text-table-mismatch': { zh: '正文中的数字与表格中同一数量的单元格不一致', en: 'A figure in the text contradicts the table cell for the same quantity' },
  'cross-year': { zh: '与同一单位上一年度报告的数据不衔接（上年结转、上一年项目数量、现行有效件数）', en: "Figures do not follow from the same agency's report for the year before" },
  'file-too-large': { zh: '文件超过 gknb.maxFileSizeKB，未检查', en: 'The file exceeds gknb.maxFileSizeKB and was not checked' },
};
