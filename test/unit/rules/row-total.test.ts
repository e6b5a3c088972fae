import * as assert from 'node:assert/strict';
import {
  REQUEST_COLUMN_IDS, Severity, TEMPLATES, assertFixed, buildReport, codeBag, codes, diagnosticsOf, dump, ofCode, replaceRange,
  requestCellRange, requestRowLine, single, textAt,
} from '../helpers';

const PARTS = REQUEST_COLUMN_IDS.slice(0, 6);
const COLUMN_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

suite('rule row-total', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a row whose 总计 is not the sum of the six applicant columns', () => {
        const text = buildReport(template, { requests: { new: { total: 6 } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'row-total');
        assert.equal(d.severity, Severity.error);
        assert.deepEqual(d.range, requestCellRange(text, template, 'new', 'total'));
        assert.equal(textAt(text, d.range), '6');
        assert.equal(d.message, '总计应为 7（5+1+0+0+1+0），实际填写 6（本年新收）');
        assert.deepEqual(d.data, { rule: 'row-total', expected: 7, rowId: 'new', columnId: 'total' });
        const related = d.relatedInformation ?? [];
        assert.equal(related.length, 6);
        related.forEach((r, i) => {
          assert.equal(r.location.uri, 'file:///t.gknb.md');
          assert.deepEqual(r.location.range, requestCellRange(text, template, 'new', PARTS[i]));
          assert.equal(r.message, `一、本年新收政府信息公开申请数量·${COLUMN_LABELS[i]} = ${[5, 1, 0, 0, 1, 0][i]}`);
        });
        assert.deepEqual(related.map((r) => textAt(text, r.location.range)), ['5', '1', '0', '0', '1', '0']);
        // The same wrong total also breaks 一+二 = （七）+四 in the 总计 column.
        assert.deepEqual(codeBag(diags), ['balance', 'row-total']);
      });

      test('flags a sub-item row, naming its group in the related cells', () => {
        const text = buildReport(template, { requests: { 'r3.4': { natural: 1 } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'row-total');
        assert.equal(d.range.start.line, requestRowLine(text, template, 'r3.4'));
        assert.equal(textAt(text, d.range), '1');
        assert.equal(d.message, '总计应为 2（1+0+0+0+1+0），实际填写 1（保护第三方合法权益）');
        assert.equal(d.relatedInformation![0].message, '（三）不予公开 4.保护第三方合法权益·自然人 = 1');
        assert.equal(textAt(text, d.relatedInformation![0].location.range), '1');
      });

      test('flags each wrong row once', () => {
        const text = buildReport(template, { requests: { new: { total: 6 }, carried: { total: 0 }, r2: { total: 2 } } });
        const found = ofCode(diagnosticsOf(text), 'row-total');
        assert.deepEqual(found.map((d) => (d.data as { rowId: string }).rowId), ['new', 'carried', 'r2']);
      });

      test('does not flag the correct report', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag a blank total (empty-cell reports it, with the sum)', () => {
        const text = buildReport(template, { requests: { 'r3.4': { total: '' } } });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'row-total').length, 0, dump(diags));
        const e = single(diags, 'empty-cell');
        assert.equal((e.data as { fill: string }).fill, '1');
      });

      test('does not flag a row with an unreadable part (invalid-number reports it)', () => {
        const text = buildReport(template, { requests: { 'r3.1': { commercial: '无' } } });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'row-total').length, 0, dump(diags));
        assert.deepEqual(codes(diags), ['invalid-number']);
      });

      test('does not flag a right sum written with full-width digits or blank parts', () => {
        const full = buildReport(template, { requests: { new: { natural: '５', total: '７' } } });
        const diags = diagnosticsOf(full);
        assert.equal(ofCode(diags, 'row-total').length, 0, dump(diags));
        assert.deepEqual(codes(diags), ['fullwidth-digit', 'fullwidth-digit']);
        // Blank parts count as 0 for the sum (and are empty-cell's to report).
        const blanks = buildReport(template, { requests: { new: { research: '', publicInterest: '' } } });
        assert.deepEqual(codeBag(diagnosticsOf(blanks)), ['empty-cell', 'empty-cell']);
      });

      test('fix: writing data.expected into the total relints clean', () => {
        for (const [rowId, change] of [['new', { total: 6 }], ['r2', { total: 0 }], ['r7', { total: 8 }]] as const) {
          const text = buildReport(template, { requests: { [rowId]: change } });
          const before = diagnosticsOf(text);
          const d = single(before, 'row-total');
          const fixed = replaceRange(text, d.range, String((d.data as { expected: number }).expected));
          assertFixed(before, diagnosticsOf(fixed), 'row-total');
        }
      });

      test('when a part was wrong, fixing the row total hands the error on to （七）总计', () => {
        const text = buildReport(template, { requests: { 'r3.4': { natural: 1 } } });
        const before = diagnosticsOf(text);
        assert.deepEqual(codeBag(before), ['result-total', 'row-total']);
        const d = single(before, 'row-total');
        const after = diagnosticsOf(replaceRange(text, d.range, '2'));
        assert.deepEqual(codeBag(after), ['result-total', 'result-total'], dump(after));
      });
    });
  }

  test('2021: a （六） sub-row is checked with its own short name', () => {
    const text = buildReport('2021', { requests: { 'r6.3': { total: 3 } } });
    const d = single(diagnosticsOf(text), 'row-total');
    assert.equal(d.message, '总计应为 0（0+0+0+0+0+0），实际填写 3（其他）');
    assert.equal(d.range.start.line, requestRowLine(text, '2021', 'r6.3'));
  });
});
