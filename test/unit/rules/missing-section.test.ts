import * as assert from 'node:assert/strict';
import {
  HEADINGS, Severity, TEMPLATES, assertFixed, buildReport, codes, diagnosticsOf, dump, insertLines, lineOf, ofCode, single, textAt,
  messageOf,
} from '../helpers';

suite('rule missing-section', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a section whose heading is missing, on the heading it belongs before', () => {
        const text = buildReport(template, { headings: { 5: null } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'missing-section');
        assert.equal(d.severity, Severity.error);
        const sixLine = lineOf(text, HEADINGS[6]);
        assert.equal(d.range.start.line, sixLine);
        assert.equal(d.range.end.line, sixLine);
        assert.equal(textAt(text, d.range), `## ${HEADINGS[6]}`);
        assert.equal(d.message,
          '缺少第五部分“五、存在的主要问题及改进情况”，应位于“四、政府信息公开行政复议、行政诉讼情况”之后、“六、其他需要报告的事项”之前。');
        assert.deepEqual(d.data, { rule: 'missing-section', section: 5, insertAfterSection: 4, insertBeforeSection: 6 });
      });

      test('flags the first section on the heading of 二, with no section before it', () => {
        const text = buildReport(template, { headings: { 1: null } });
        const d = single(diagnosticsOf(text), 'missing-section');
        assert.equal(d.range.start.line, lineOf(text, HEADINGS[2]));
        assert.match(messageOf(d), /^缺少第一部分“一、总体情况”，应位于“二、主动公开政府信息情况”之前。$/);
        assert.deepEqual(d.data, { rule: 'missing-section', section: 1, insertAfterSection: null, insertBeforeSection: 2 });
      });

      test('flags the last section with where it belongs', () => {
        const text = buildReport(template, { headings: { 6: null } });
        const d = single(diagnosticsOf(text), 'missing-section');
        assert.match(messageOf(d), /缺少第六部分“六、其他需要报告的事项”，应位于“五、存在的主要问题及改进情况”之后/);
        assert.deepEqual(d.data, { rule: 'missing-section', section: 6, insertAfterSection: 5, insertBeforeSection: null });
      });

      test('flags each of several missing sections once', () => {
        const text = buildReport(template, { headings: { 5: null, 6: null } });
        const found = ofCode(diagnosticsOf(text), 'missing-section');
        assert.deepEqual(found.map((d) => (d.data as { section: number }).section), [5, 6]);
      });

      test('an empty document lacks all six', () => {
        const found = ofCode(diagnosticsOf(''), 'missing-section');
        assert.equal(found.length, 6);
        for (const d of found) assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      });

      test('does not flag the correct report', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag accepted variant headings (they are heading-wording information)', () => {
        const variants: [1 | 2 | 3 | 4 | 5 | 6, string][] = [
          [1, '## 一、概述'],
          [1, '1、 总体情况'],
          [2, '主动公开政府信息情况'],
          [2, '## 二、主动公开政府信息统计情况'],
          [4, '## 四、因政府信息公开申请行政复议、提起行政诉讼情况'],
          [4, '## 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
          [4, '## 四、政府信息公开行政法复议、行政诉讼情况'],
          [5, '## 五、政府信息公开工作存在的主要问题及改进情况'],
          [5, '## 五、存在问题及改进情况'],
          [6, '## 六、其他需要报告的事项。'],
        ];
        for (const [n, line] of variants) {
          const text = buildReport(template, { headings: { [n]: line } });
          const diags = diagnosticsOf(text);
          assert.equal(ofCode(diags, 'missing-section').length, 0, `${line}:\n${dump(diags)}`);
          assert.deepEqual(codes(diags), ['heading-wording'], `${line}:\n${dump(diags)}`);
          assert.equal(diags[0].severity, Severity.information);
        }
      });

      test('does not flag a bold heading', () => {
        const text = buildReport(template, { headings: { 6: '## **六、其他需要报告的事项**' } });
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('a heading only inside a code fence or an HTML comment does not count', () => {
        const fenced = buildReport(template, {
          headings: { 5: null },
          transform: (lines) => [...lines, '', '```', `## ${HEADINGS[5]}`, '```'],
        });
        assert.equal(ofCode(diagnosticsOf(fenced), 'missing-section').length, 1);
        const commented = buildReport(template, {
          headings: { 5: null },
          transform: (lines) => [...lines, '', `<!-- ## ${HEADINGS[5]} -->`],
        });
        assert.equal(ofCode(diagnosticsOf(commented), 'missing-section').length, 1);
      });

      test('fix: inserting the section heading where it belongs relints clean', () => {
        const text = buildReport(template, { headings: { 5: null } });
        const before = diagnosticsOf(text);
        const d = single(before, 'missing-section');
        const fixed = insertLines(text, d.range.start.line, [`## ${HEADINGS[5]}`, '']);
        assertFixed(before, diagnosticsOf(fixed), 'missing-section');
      });
    });
  }
});
