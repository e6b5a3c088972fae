import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codeBag, codes, diagnosticsOf, dump, lineOf, ofCode, replaceOnce, replaceRange,
  requestCellRange, single, textAt, type ReportOptions,
} from '../helpers';

suite('rule fullwidth-digit', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags full-width digits in a value cell, with the ASCII replacement', () => {
        const value = template === '2019' ? ['28', '-2', '１３５６'] : ['１３５６'];
        const text = buildReport(template, { active: { '五.licensing': value } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'fullwidth-digit');
        assert.equal(d.severity, Severity.warning);
        assert.equal(d.range.start.line, lineOf(text, '| 行政许可 |'));
        assert.equal(textAt(text, d.range), '１３５６');
        const column = template === '2019' ? '处理决定数量' : '本年处理决定数量';
        assert.equal(d.message, `“第二十条第（五）项 行政许可·${column}”使用了全角数字“１３５６”，应为“1356”。`);
        assert.deepEqual(d.data, { rule: 'fullwidth-digit', replacement: '1356' });
        assert.deepEqual(codes(diags), ['fullwidth-digit']);
      });

      test('full-width digits still count in sums: a right total gives no row-total, a wrong one does', () => {
        const right = buildReport(template, { requests: { new: { natural: '５', total: '７' } } });
        const rd = diagnosticsOf(right);
        assert.deepEqual(codeBag(rd), ['fullwidth-digit', 'fullwidth-digit'], dump(rd));
        assert.deepEqual(ofCode(rd, 'fullwidth-digit').map((d) => d.range), [
          requestCellRange(right, template, 'new', 'natural'),
          requestCellRange(right, template, 'new', 'total'),
        ]);
        const wrong = buildReport(template, { requests: { new: { total: '６' } } });
        const wd = diagnosticsOf(wrong);
        assert.equal(ofCode(wd, 'row-total').length, 1, dump(wd));
        assert.deepEqual(single(wd, 'fullwidth-digit').data, { rule: 'fullwidth-digit', replacement: '6' });
      });

      test('only the digits are replaced: signs, units and decimals stay', () => {
        if (template === '2019') {
          const text = buildReport(template, { active: { '五.licensing': [28, '－２', 1356], '九.procurement': [6, '１８６.４万元'] } });
          const found = ofCode(diagnosticsOf(text), 'fullwidth-digit');
          assert.deepEqual(found.map((d) => (d.data as { replacement: string }).replacement), ['－2', '186.4万元']);
        } else {
          const text = buildReport(template, { active: { '八.fees': ['１２.５'] } });
          const d = single(diagnosticsOf(text), 'fullwidth-digit');
          assert.equal((d.data as { replacement: string }).replacement, '12.5');
        }
      });

      test('does not flag the correct report, full-width brackets in labels, or digits in prose', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const prose = replaceOnce(buildReport(template), '本年度依申请公开工作总体平稳。', '本年度新收申请７件，结转１件。');
        assert.deepEqual(codes(diagnosticsOf(prose)), []);
      });

      test('does not flag full-width digits in a row label\'s numbering (１.属于国家秘密 is 1.属于国家秘密)', () => {
        // Word pastes full-width numbering; labels are matched after normalisation (reference, intro).
        const label = replaceOnce(buildReport(template), '1.属于国家秘密', '１.属于国家秘密');
        const diags = diagnosticsOf(label);
        assert.deepEqual(codes(diags), [], dump(diags));
      });

      test('does not flag an invalid cell that happens to hold full-width digits as fullwidth only', () => {
        // `３.５` in a count is a fraction: invalid-number, and the digits are full-width too.
        const text = buildReport(template, { requests: { 'r3.1': { natural: '３.５' } } });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'invalid-number').length, 1, dump(diags));
      });

      test('fix: writing data.replacement relints clean', () => {
        const changes: ReportOptions['requests'][] = [{ new: { natural: '５', total: '７' } }, { carryover: { total: '１' } }];
        for (const change of changes) {
          const text = buildReport(template, { requests: change });
          const before = diagnosticsOf(text);
          let fixed = text;
          for (const d of [...ofCode(before, 'fullwidth-digit')].reverse()) {
            fixed = replaceRange(fixed, d.range, (d.data as { replacement: string }).replacement);
          }
          assertFixed(before, diagnosticsOf(fixed), 'fullwidth-digit');
        }
      });
    });
  }
});
