import * as assert from 'node:assert/strict';
import { HEADINGS, Severity, TEMPLATES, assertFixed, buildReport, codes, diagnosticsOf, dump, lineOf, replaceRange, single, textAt } from '../helpers';

type N = 1 | 2 | 3 | 4 | 5 | 6;

// [section, the heading line as written, the heading text the range covers]
const CASES: [N, string, string][] = [
  [1, '1、 总体情况', '1、 总体情况'],
  [1, '## 一、概述', '一、概述'],
  [1, '## **一、概述**', '一、概述'],
  [2, '主动公开政府信息情况', '主动公开政府信息情况'],
  [2, '## 主动公开政府信息情况', '主动公开政府信息情况'],
  [2, '## 二、主动公开政府信息统计情况', '二、主动公开政府信息统计情况'],
  [4, '## 四、因政府信息公开申请行政复议、提起行政诉讼情况', '四、因政府信息公开申请行政复议、提起行政诉讼情况'],
  [4, '## 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  [4, '## 四、政府信息公开行政法复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'],
  [5, '## 五、政府信息公开工作存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
  [5, '## 五、存在问题及改进情况', '五、存在问题及改进情况'],
  [6, '## 六、其他需要报告的事项。', '六、其他需要报告的事项。'],
  [6, '### 6. 其他需要报告的事项 ###', '6. 其他需要报告的事项'],
  [2, '## 三、主动公开政府信息情况', '三、主动公开政府信息情况'],
  [3, '## 3.收到和处理政府信息公开申请情况', '3.收到和处理政府信息公开申请情况'],
];

suite('rule heading-wording', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a non-canonical heading on its text, with the canonical wording', () => {
        for (const [n, line, written] of CASES) {
          const text = buildReport(template, { headings: { [n]: line } });
          const diags = diagnosticsOf(text);
          const d = single(diags, 'heading-wording');
          assert.equal(d.severity, Severity.information);
          assert.equal(d.range.start.line, lineOf(text, line), line);
          assert.equal(textAt(text, d.range), written, line);
          assert.equal(d.message, `标题应为“${HEADINGS[n]}”，实际为“${written}”。`);
          assert.deepEqual(d.data, { rule: 'heading-wording', canonical: HEADINGS[n] });
          assert.deepEqual(codes(diags), ['heading-wording'], `${line}:\n${dump(diags)}`);
        }
      });

      test('does not flag canonical headings at any level, bold, or with stray spaces', () => {
        for (const line of ['# 一、总体情况', '一、总体情况', '### 一、总体情况', '## **一、总体情况**', '## __一、总体情况__', '##   一、总体情况  ', '## 一、 总体情况']) {
          const text = buildReport(template, { headings: { 1: line } });
          assert.deepEqual(codes(diagnosticsOf(text)), [], line);
        }
      });

      test('fix: replacing the range with data.canonical relints clean', () => {
        for (const [n, line] of CASES) {
          const text = buildReport(template, { headings: { [n]: line } });
          const before = diagnosticsOf(text);
          const d = single(before, 'heading-wording');
          const fixed = replaceRange(text, d.range, (d.data as { canonical: string }).canonical);
          assertFixed(before, diagnosticsOf(fixed), 'heading-wording');
        }
      });
    });
  }
});
