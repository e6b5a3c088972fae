// A synthetic, correct 2021-format report of about a given size (UTF-8 bytes): the six
// sections and three tables with consistent numbers (row totals, （七）总计, the balance
// 一+二 = 三+四, appeal totals), padded with narrative paragraphs in sections 一, 五 and 六.
// Deterministic (seeded), so every run measures the same text.

function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const COLUMNS = 6; // 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他
const RESULT_ROWS = [
  ['三、本年度办理结果', '（一）予以公开', ''],
  ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['', '（三）不予公开', '1.属于国家秘密'],
  ['', '', '2.其他法律行政法规禁止公开'],
  ['', '', '3.危及“三安全一稳定”'],
  ['', '', '4.保护第三方合法权益'],
  ['', '', '5.属于三类内部事务信息'],
  ['', '', '6.属于四类过程性信息'],
  ['', '', '7.属于行政执法案卷'],
  ['', '', '8.属于行政查询事项'],
  ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '', '2.没有现成信息需要另行制作'],
  ['', '', '3.补正后申请内容仍不明确'],
  ['', '（五）不予处理', '1.信访举报投诉类申请'],
  ['', '', '2.重复申请'],
  ['', '', '3.要求提供公开出版物'],
  ['', '', '4.无正当理由大量反复申请'],
  ['', '', '5.要求行政机关确认或重新出具已获取信息'],
  ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '', '3.其他'],
];

const PARAGRAPHS = [
  '坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，及时准确公开政府信息，主动回应社会关切，全年通过门户网站、政务新媒体等渠道主动公开政府信息',
  '严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，规范信息发布流程，全年未发生因信息公开引发的失泄密事件，累计审查拟公开信息',
  '优化门户网站“政府信息公开”专栏，按照《条例》第二十条要求调整栏目设置，完善政府信息公开指南和目录，提升检索和下载便利度，专栏全年访问量达到',
  '将政府信息公开工作纳入年度绩效考核，组织开展业务培训和季度自查，主动接受社会监督，及时回应网民留言，全年办理网民留言和咨询',
  '针对上年度报告提出的问题逐项整改，建立问题清单、任务清单和责任清单，明确整改时限，整改完成情况在门户网站公开，全年完成整改事项',
];

function paragraphs(random, bytes) {
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = `（${i + 1}）${PARAGRAPHS[Math.floor(random() * PARAGRAPHS.length)]}${1 + Math.floor(random() * 2000)}条（件）。`;
    out.push(text, '');
    size += Buffer.byteLength(text, 'utf8') + 2;
  }
  return out;
}

const row = (cells) => `| ${cells.join(' | ')} |`;
const sum = (values) => values.reduce((a, b) => a + b, 0);

function tables(random) {
  const small = () => (random() < 0.5 ? 0 : Math.floor(random() * 6));
  const results = RESULT_ROWS.map(() => Array.from({ length: COLUMNS }, small));
  const total = Array.from({ length: COLUMNS }, (_, c) => sum(results.map((r) => r[c])));
  const carried = Array.from({ length: COLUMNS }, small);
  const carryover = Array.from({ length: COLUMNS }, small);
  // 一 + 二 = （七）总计 + 四  ⇒  一 = 总计 + 四 − 二, kept non-negative by raising 四.
  for (let c = 0; c < COLUMNS; c++) if (total[c] + carryover[c] < carried[c]) carryover[c] = carried[c] - total[c];
  const received = Array.from({ length: COLUMNS }, (_, c) => total[c] + carryover[c] - carried[c]);
  const values = (numbers) => [...numbers, sum(numbers)].map(String);
  const appeals = [0, 1, 2].flatMap(() => {
    const parts = [small(), small(), small(), small()];
    return [...parts, sum(parts)].map(String);
  });
  const n = () => String(Math.floor(random() * 5000));
  return [
    '## 二、主动公开政府信息情况',
    '',
    '| 第二十条第（一）项 | | | |',
    '|---|---|---|---|',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    row(['规章', '0', '0', '0']),
    row(['行政规范性文件', n(), n(), n()]),
    '| 第二十条第（五）项 | |',
    '| 信息内容 | 本年处理决定数量 |',
    row(['行政许可', n()]),
    '| 第二十条第（六）项 | |',
    '| 信息内容 | 本年处理决定数量 |',
    row(['行政处罚', n()]),
    row(['行政强制', n()]),
    '| 第二十条第（八）项 | |',
    '| 信息内容 | 本年收费金额（单位：万元） |',
    row(['行政事业性收费', (random() * 100).toFixed(2)]),
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|',
    '| | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
    row(['一、本年新收政府信息公开申请数量', '', '', ...values(received)]),
    row(['二、上年结转政府信息公开申请数量', '', '', ...values(carried)]),
    ...RESULT_ROWS.map((labels, i) => row([...labels, ...values(results[i])])),
    row(['', '（七）总计', '', ...values(total)]),
    row(['四、结转下年度继续办理', '', '', ...values(carryover)]),
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    row(appeals),
    '',
  ];
}

/** A correct report of roughly `bytes` UTF-8 bytes (at least the size of its tables, ~6 KB). */
export function syntheticReport(bytes, seed = 2023) {
  const random = rng(seed);
  const table = tables(random);
  const fixed = Buffer.byteLength(table.join('\n'), 'utf8') + 600;
  const narrative = Math.max(0, bytes - fixed);
  return [
    '# 云溪市示例局2023年政府信息公开工作年度报告',
    '',
    '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
    '',
    '## 一、总体情况',
    '',
    ...paragraphs(random, narrative * 0.6),
    ...table,
    '## 五、存在的主要问题及改进情况',
    '',
    ...paragraphs(random, narrative * 0.3),
    '## 六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
    ...paragraphs(random, narrative * 0.1),
  ].join('\n');
}
