import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codeBag, codes, diagnosticsOf, dump, ofCode, replaceRange,
  requestCellRange, resultRowIds, single, textAt,
} from '../helpers';

suite('rule result-total', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags （七）总计 that is not the sum of the results while 一+二 = （七）+四 still holds', () => {
        // （一）予以公开 got one more 自然人 application (its own 总计 too): the printed relation E1
        // is untouched, only I1 breaks, in the 自然人 and the 总计 columns.
        const text = buildReport(template, { requests: { r1: [3, 1, 0, 0, 0, 0, 4] } });
        const diags = diagnosticsOf(text);
        assert.deepEqual(codeBag(diags), ['result-total', 'result-total'], dump(diags));
        const [natural, total] = ofCode(diags, 'result-total');
        assert.equal(natural.severity, Severity.error);
        assert.deepEqual(natural.range, requestCellRange(text, template, 'r7', 'natural'));
        assert.equal(textAt(text, natural.range), '5');
        assert.equal(natural.message, '（七）总计应为 6（予以公开 3 + 部分公开 1 + 不予公开 0 + 无法提供 1 + 不予处理 0 + 其他处理 1），实际填写 5（自然人列）');
        assert.deepEqual(natural.data, { rule: 'result-total', expected: 6, rowId: 'r7', columnId: 'natural' });
        assert.deepEqual(total.range, requestCellRange(text, template, 'r7', 'total'));
        assert.equal(textAt(text, total.range), '7');
        assert.equal(total.message, '（七）总计应为 8（予以公开 4 + 部分公开 1 + 不予公开 1 + 无法提供 1 + 不予处理 0 + 其他处理 1），实际填写 7（总计列）');
        assert.deepEqual(total.data, { rule: 'result-total', expected: 8, rowId: 'r7', columnId: 'total' });
      });

      test('related information points at every summed result cell of the column', () => {
        const text = buildReport(template, { requests: { r1: [3, 1, 0, 0, 0, 0, 4] } });
        const d = ofCode(diagnosticsOf(text), 'result-total')[0];
        const rows = resultRowIds(template);
        assert.equal(rows.length, template === '2019' ? 19 : 21);
        const related = d.relatedInformation ?? [];
        assert.equal(related.length, rows.length);
        related.forEach((r, i) => assert.deepEqual(r.location.range, requestCellRange(text, template, rows[i], 'natural'), rows[i]));
        assert.equal(related[0].message, '（一）予以公开·自然人 = 3');
        assert.equal(textAt(text, related[0].location.range), '3');
        assert.equal(related[2].message, '（三）不予公开 1.属于国家秘密·自然人 = 0');
        const last = related[related.length - 1].message;
        assert.equal(last, template === '2019' ? '（六）其他处理·自然人 = 1' : '（六）其他处理 3.其他·自然人 = 0');
      });

      test('flags each broken column once', () => {
        const text = buildReport(template, { requests: { r7: { natural: 4, commercial: 2, total: 7 } } });
        const found = ofCode(diagnosticsOf(text), 'result-total');
        assert.deepEqual(found.map((d) => (d.data as { columnId: string }).columnId), ['natural', 'commercial']);
      });

      test('does not flag the correct report', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag a blank （七）总计 cell (empty-cell warns with the sum)', () => {
        const text = buildReport(template, { requests: { r7: { natural: '' } } });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'result-total').length, 0, dump(diags));
        const e = single(diags, 'empty-cell');
        assert.equal(e.severity, Severity.warning);
        assert.equal((e.data as { fill: string }).fill, '5');
      });

      test('does not flag when a result row is missing (missing-row) or unreadable (invalid-number)', () => {
        const missing = diagnosticsOf(buildReport(template, { dropRequestRows: ['r4.1'], requests: { r7: { natural: 4, total: 6 } } }));
        assert.equal(ofCode(missing, 'result-total').length, 0, dump(missing));
        assert.equal(ofCode(missing, 'missing-row').length, 1);
        const invalid = diagnosticsOf(buildReport(template, { requests: { 'r3.2': { natural: '—' } } }));
        assert.deepEqual(codes(invalid), ['invalid-number'], dump(invalid));
      });

      test('fix: writing data.expected into （七）总计 relints clean', () => {
        const text = buildReport(template, { requests: { r7: { natural: 4 } } });
        const before = diagnosticsOf(text);
        const d = single(before, 'result-total');
        assert.equal((d.data as { expected: number }).expected, 5);
        const fixed = replaceRange(text, d.range, String((d.data as { expected: number }).expected));
        assertFixed(before, diagnosticsOf(fixed), 'result-total');
      });
    });
  }

  suite('where the templates differ', () => {
    test('2019: the single （六）其他处理 row is summed', () => {
      const text = buildReport('2019', { requests: { r6: [2, 0, 0, 0, 0, 0, 2] } });
      const diags = diagnosticsOf(text);
      assert.deepEqual(codeBag(diags), ['result-total', 'result-total'], dump(diags));
      const d = ofCode(diags, 'result-total')[0];
      assert.equal(d.message, '（七）总计应为 6（予以公开 2 + 部分公开 1 + 不予公开 0 + 无法提供 1 + 不予处理 0 + 其他处理 2），实际填写 5（自然人列）');
      assert.equal(d.relatedInformation![18].message, '（六）其他处理·自然人 = 2');
    });

    test('2021: each of the three （六） sub-rows is summed', () => {
      for (const id of ['r6.1', 'r6.2', 'r6.3']) {
        const values = id === 'r6.1' ? [2, 0, 0, 0, 0, 0, 2] : [1, 0, 0, 0, 0, 0, 1];
        const text = buildReport('2021', { requests: { [id]: values } });
        const diags = diagnosticsOf(text);
        assert.deepEqual(codeBag(diags), ['result-total', 'result-total'], `${id}:\n${dump(diags)}`);
        const d = ofCode(diags, 'result-total')[0];
        assert.equal(d.message, '（七）总计应为 6（予以公开 2 + 部分公开 1 + 不予公开 0 + 无法提供 1 + 不予处理 0 + 其他处理 2），实际填写 5（自然人列）');
        const index = 18 + ['r6.1', 'r6.2', 'r6.3'].indexOf(id);
        assert.deepEqual(d.relatedInformation![index].location.range, requestCellRange(text, '2021', id, 'natural'));
      }
    });

    test('2021: a count moved from one （六） sub-row to another keeps the sum', () => {
      const text = buildReport('2021', { requests: { 'r6.1': [0, 0, 0, 0, 0, 0, 0], 'r6.3': [1, 0, 0, 0, 0, 0, 1] } });
      assert.deepEqual(codes(diagnosticsOf(text)), []);
    });
  });

  test('columns are the seven of table 三', () => {
    const text = buildReport('2021', { requests: { r7: [4, 0, 1, 1, 0, 2, 8] } });
    const found = ofCode(diagnosticsOf(text), 'result-total');
    assert.deepEqual(found.map((d) => (d.data as { columnId: string }).columnId), ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'other', 'total']);
    assert.deepEqual(found.map((d) => textAt(text, d.range)), ['4', '0', '1', '1', '0', '2', '8']);
  });
});
