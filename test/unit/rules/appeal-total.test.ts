import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, cellRangeOnLine, codes, diagnosticsOf, dump, lineOf, ofCode, replaceRange, single, textAt,
} from '../helpers';

/** The data row of table 四 (pipe format): header, delimiter and two more header rows above it. */
const dataLine = (text: string): number => lineOf(text, '| 行政复议 |') + 4;

suite('rule appeal-total', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags 行政复议 whose 总计 is not 维持+纠正+其他+尚未审结', () => {
        const text = buildReport(template, { appeals: { 'review.total': 3 } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'appeal-total');
        assert.equal(d.severity, Severity.error);
        const line = dataLine(text);
        assert.deepEqual(d.range, cellRangeOnLine(text, line, 4));
        assert.equal(textAt(text, d.range), '3');
        assert.equal(d.message, '行政复议总计应为 2（1+0+0+1），实际填写 3');
        assert.deepEqual(d.data, { rule: 'appeal-total', expected: 2, rowId: 'appeals', columnId: 'review.total' });
        const related = d.relatedInformation ?? [];
        assert.deepEqual(related.map((r) => r.location.range), [0, 1, 2, 3].map((i) => cellRangeOnLine(text, line, i)));
        assert.deepEqual(related.map((r) => r.message), ['行政复议·结果维持 = 1', '行政复议·结果纠正 = 0', '行政复议·其他结果 = 0', '行政复议·尚未审结 = 1']);
        assert.deepEqual(codes(diags), ['appeal-total']);
      });

      test('flags 未经复议直接起诉 and 复议后起诉 separately', () => {
        const text = buildReport(template, { appeals: { 'direct.other': 2, 'after.total': 1 } });
        const found = ofCode(diagnosticsOf(text), 'appeal-total');
        assert.deepEqual(found.map((d) => d.message), [
          '未经复议直接起诉总计应为 3（1+0+2+0），实际填写 1',
          '复议后起诉总计应为 0（0+0+0+0），实际填写 1',
        ]);
        const line = dataLine(text);
        assert.deepEqual(found.map((d) => d.range), [cellRangeOnLine(text, line, 9), cellRangeOnLine(text, line, 14)]);
        assert.equal(found[0].relatedInformation![0].message, '行政诉讼·未经复议直接起诉·结果维持 = 1');
      });

      test('flags a tab-separated table 四 with the cell range in the tab row', () => {
        const text = buildReport(template, { appealsFormat: 'tab', appeals: { 'direct.total': 5 } });
        const d = single(diagnosticsOf(text), 'appeal-total');
        const line = lineOf(text, '1\t0\t0\t1\t2\t');
        assert.equal(d.range.start.line, line);
        assert.equal(textAt(text, d.range), '5');
        assert.equal(d.range.start.character, '1\t0\t0\t1\t2\t1\t0\t0\t0\t'.length);
      });

      test('does not flag the correct report, nor 复议 and 诉讼 totals that differ', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const text = buildReport(template, { appeals: [3, 1, 0, 2, 6, 0, 0, 1, 0, 1, 2, 0, 0, 0, 2] });
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('does not flag a blank total (empty-cell warns) or an unreadable part (invalid-number)', () => {
        const blank = diagnosticsOf(buildReport(template, { appeals: { 'review.total': '' } }));
        assert.equal(ofCode(blank, 'appeal-total').length, 0, dump(blank));
        const e = single(blank, 'empty-cell');
        assert.equal(e.severity, Severity.warning);
        assert.equal((e.data as { fill: string }).fill, '2');
        const invalid = diagnosticsOf(buildReport(template, { appeals: { 'review.other': '无' } }));
        assert.deepEqual(codes(invalid), ['invalid-number'], dump(invalid));
      });

      test('fix: writing data.expected into the total relints clean', () => {
        const text = buildReport(template, { appeals: { 'review.total': 3 } });
        const before = diagnosticsOf(text);
        const d = single(before, 'appeal-total');
        assertFixed(before, diagnosticsOf(replaceRange(text, d.range, String((d.data as { expected: number }).expected))), 'appeal-total');
      });
    });
  }
});
