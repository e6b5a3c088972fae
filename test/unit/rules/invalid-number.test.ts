import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codes, diagnosticsOf, dump, lineOf, ofCode, replaceRange, requestCellRange, single, textAt,
  type Template,
} from '../helpers';

/** 行政许可's 处理决定数量 (2019) / 本年处理决定数量 (2021): a count column of table 二. */
function licensing(template: Template, value: string): Record<string, (string | number)[]> {
  return template === '2019' ? { '五.licensing': [28, -2, value] } : { '五.licensing': [value] };
}
const licensingColumn = (template: Template): string => (template === '2019' ? '处理决定数量' : '本年处理决定数量');

suite('rule invalid-number', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a fraction in a count column', () => {
        const text = buildReport(template, { active: licensing(template, '3.5') });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'invalid-number');
        assert.equal(d.severity, Severity.error);
        assert.equal(d.range.start.line, lineOf(text, '| 行政许可 |'));
        assert.equal(textAt(text, d.range), '3.5');
        assert.equal(d.message, `“第二十条第（五）项 行政许可·${licensingColumn(template)}”应为整数（件数），实际填写 3.5。`);
        assert.deepEqual(d.data, { rule: 'invalid-number', reason: 'fraction' });
        assert.deepEqual(codes(diags), ['invalid-number']);
      });

      test('flags a negative count', () => {
        const text = buildReport(template, { active: licensing(template, '-2') });
        const d = single(diagnosticsOf(text), 'invalid-number');
        assert.equal(textAt(text, d.range), '-2');
        assert.equal(d.message, `“第二十条第（五）项 行政许可·${licensingColumn(template)}”不能为负数，实际填写 -2。`);
        assert.deepEqual(d.data, { rule: 'invalid-number', reason: 'negative' });
      });

      test('flags text in a cell of table 三 and table 四', () => {
        const text = buildReport(template, { requests: { 'r3.1': { natural: '无' } }, appeals: { 'after.pending': '—' } });
        const found = ofCode(diagnosticsOf(text), 'invalid-number');
        assert.equal(found.length, 2);
        assert.deepEqual(found[0].range, requestCellRange(text, template, 'r3.1', 'natural'));
        assert.equal(found[0].message, '“（三）不予公开 1.属于国家秘密·自然人”应为数字（没有则填 0），实际填写“无”。');
        assert.deepEqual(found[0].data, { rule: 'invalid-number', reason: 'not-a-number' });
        assert.equal(textAt(text, found[1].range), '—');
        assert.equal(found[1].message, '“行政诉讼·复议后起诉·尚未审结”应为数字（没有则填 0），实际填写“—”。');
      });

      test('flags a fraction and a negative number in table 三', () => {
        const text = buildReport(template, { requests: { r2: { natural: '1.0' }, 'r3.8': { other: '-1' } } });
        const found = ofCode(diagnosticsOf(text), 'invalid-number');
        assert.deepEqual(found.map((d) => (d.data as { reason: string }).reason), ['fraction', 'negative']);
        assert.deepEqual(found.map((d) => textAt(text, d.range)), ['1.0', '-1']);
      });

      test('does not flag the correct report', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag thousands separators or 0 in a count', () => {
        for (const v of ['1,356', '1356', '0']) {
          const diags = diagnosticsOf(buildReport(template, { active: licensing(template, v) }));
          assert.deepEqual(codes(diags), [], `${v}:\n${dump(diags)}`);
        }
      });

      test('fix: writing a whole number relints clean', () => {
        for (const v of ['3.5', '-2', '无']) {
          const text = buildReport(template, { active: licensing(template, v) });
          const before = diagnosticsOf(text);
          const d = single(before, 'invalid-number');
          assertFixed(before, diagnosticsOf(replaceRange(text, d.range, '3')), 'invalid-number');
        }
      });
    });
  }

  suite('column kinds', () => {
    test('2019: 本年增/减 is signed: +3 and -2 are valid, 3.5 is not', () => {
      for (const v of ['+3', '-2', '0', '＋3', '－2']) {
        const diags = diagnosticsOf(buildReport('2019', { active: { '五.licensing': [28, v, 1356], '六.penalty': [196, v, 87] } }));
        assert.equal(ofCode(diags, 'invalid-number').length, 0, `${v}:\n${dump(diags)}`);
      }
      const text = buildReport('2019', { active: { '八.fees': [2, '3.5'] } });
      const d = single(diagnosticsOf(text), 'invalid-number');
      assert.equal(d.message, '“第二十条第（八）项 行政事业性收费·本年增/减”应为整数（件数），实际填写 3.5。');
    });

    test('2019: 采购总金额 is an amount: units and decimals are valid, words are not', () => {
      for (const v of ['251000元', '186.4万元', '12.5', '1,251,000元', '0']) {
        const diags = diagnosticsOf(buildReport('2019', { active: { '九.procurement': [6, v] } }));
        assert.deepEqual(codes(diags), [], `${v}:\n${dump(diags)}`);
      }
      const text = buildReport('2019', { active: { '九.procurement': [6, '约二十万'] } });
      const d = single(diagnosticsOf(text), 'invalid-number');
      assert.equal(d.message, '“第二十条第（九）项 政府集中采购·采购总金额”应为金额数字，实际填写“约二十万”。');
      assert.deepEqual(d.data, { rule: 'invalid-number', reason: 'not-a-number' });
      // 采购项目数量 next to it is a count.
      const count = buildReport('2019', { active: { '九.procurement': ['6.5', '186.4万元'] } });
      assert.equal((single(diagnosticsOf(count), 'invalid-number').data as { reason: string }).reason, 'fraction');
    });

    test('2021: 本年收费金额 is an amount (万元): 12.5 and 0.35 are valid, a negative is not', () => {
      for (const v of ['12.5', '0.35', '0', '3']) {
        const diags = diagnosticsOf(buildReport('2021', { active: { '八.fees': [v] } }));
        assert.deepEqual(codes(diags), [], `${v}:\n${dump(diags)}`);
      }
      const text = buildReport('2021', { active: { '八.fees': ['-1.5'] } });
      const d = single(diagnosticsOf(text), 'invalid-number');
      assert.deepEqual(d.data, { rule: 'invalid-number', reason: 'negative' });
      assert.equal(textAt(text, d.range), '-1.5');
    });

    test('2021: 本年制发件数 is a count: 3.5 is invalid', () => {
      const text = buildReport('2021', { active: { '一.normative': ['3.5', 2, 23] } });
      const d = single(diagnosticsOf(text), 'invalid-number');
      assert.equal(d.message, '“第二十条第（一）项 行政规范性文件·本年制发件数”应为整数（件数），实际填写 3.5。');
    });
  });
});
