import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codeBag, codes, diagnosticsOf, dump, ofCode, replaceRange, requestCellRange, single, textAt,
} from '../helpers';

interface BalanceData { columnId: string; received: number; carried: number; handled: number; carryover: number }

suite('rule balance', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a column where 一 + 二 ≠ （七）总计 + 四, on the 结转下年度 cell', () => {
        // One more carried forward in 自然人 (and in its row total): E1 breaks in two columns.
        const text = buildReport(template, { requests: { carryover: [2, 0, 0, 0, 0, 0, 2] } });
        const diags = diagnosticsOf(text);
        assert.deepEqual(codeBag(diags), ['balance', 'balance'], dump(diags));
        const [natural, total] = ofCode(diags, 'balance');
        assert.equal(natural.severity, Severity.error);
        assert.deepEqual(natural.range, requestCellRange(text, template, 'carryover', 'natural'));
        assert.equal(textAt(text, natural.range), '2');
        assert.equal(natural.message,
          '勾稽关系不平衡（自然人列）：第一项加第二项 5+1=6，第三项加第四项 5+2=7；结转下年度继续办理应为 1（5+1−5），实际填写 2');
        assert.deepEqual(natural.data, {
          rule: 'balance', columnId: 'natural', received: 5, carried: 1, handled: 5, carryover: 2,
          ranges: {
            received: requestCellRange(text, template, 'new', 'natural'),
            carried: requestCellRange(text, template, 'carried', 'natural'),
            handled: requestCellRange(text, template, 'r7', 'natural'),
            carryover: requestCellRange(text, template, 'carryover', 'natural'),
          },
        });
        const related = natural.relatedInformation ?? [];
        assert.deepEqual(related.map((r) => r.location.range), [
          requestCellRange(text, template, 'new', 'natural'),
          requestCellRange(text, template, 'carried', 'natural'),
          requestCellRange(text, template, 'r7', 'natural'),
        ]);
        assert.deepEqual(related.map((r) => r.message), [
          '一、本年新收政府信息公开申请数量·自然人 = 5',
          '二、上年结转政府信息公开申请数量·自然人 = 1',
          '（七）总计·自然人 = 5',
        ]);
        assert.deepEqual(total.range, requestCellRange(text, template, 'carryover', 'total'));
        assert.equal(total.message,
          '勾稽关系不平衡（总计列）：第一项加第二项 7+1=8，第三项加第四项 7+2=9；结转下年度继续办理应为 1（7+1−7），实际填写 2');
      });

      test('says so when （七）总计 exceeds 一 + 二', () => {
        const text = buildReport(template, { requests: { new: [3, 1, 0, 0, 1, 0, 5] } });
        const diags = diagnosticsOf(text);
        const natural = ofCode(diags, 'balance').find((d) => (d.data as BalanceData).columnId === 'natural')!;
        assert.equal(natural.message, '勾稽关系不平衡（自然人列）：第一项加第二项 3+1=4，第三项加第四项 5+1=6；（七）总计 5 大于一、二两项之和 4');
        assert.equal(natural.range.start.line, requestCellRange(text, template, 'carryover', 'natural').start.line);
      });

      test('a blank 四 counts as 0 and the finding sits on it', () => {
        const text = buildReport(template, { requests: { carryover: { natural: '' } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'balance');
        assert.deepEqual(d.range, requestCellRange(text, template, 'carryover', 'natural'));
        assert.equal((d.data as BalanceData).carryover, 0);
      });

      test('does not flag the correct report', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag a column whose four cells are all blank, or one with an unreadable cell', () => {
        const blank = buildReport(template, { requests: { new: { research: '' }, carried: { research: '' }, r7: { research: '' }, carryover: { research: '' } } });
        const diags = diagnosticsOf(blank);
        assert.equal(ofCode(diags, 'balance').length, 0, dump(diags));
        const invalid = buildReport(template, { requests: { carryover: { natural: '一' } } });
        const d2 = diagnosticsOf(invalid);
        assert.equal(ofCode(d2, 'balance').filter((d) => (d.data as BalanceData).columnId === 'natural').length, 0, dump(d2));
      });

      test('does not flag when only I1 is broken (result-total reports it)', () => {
        const text = buildReport(template, { requests: { r2: [2, 0, 0, 0, 0, 0, 2] } });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'balance').length, 0, dump(diags));
        assert.equal(ofCode(diags, 'result-total').length, 2);
      });

      test('fix: writing 一+二−（七） into 四 relints clean', () => {
        const text = buildReport(template, { requests: { carryover: [2, 0, 0, 0, 0, 0, 2] } });
        const before = diagnosticsOf(text);
        let fixed = text;
        // Fix the later column first so the earlier range stays valid.
        for (const d of [...ofCode(before, 'balance')].reverse()) {
          const data = d.data as BalanceData;
          fixed = replaceRange(fixed, d.range, String(data.received + data.carried - data.handled));
        }
        assertFixed(before, diagnosticsOf(fixed), 'balance');
      });
    });
  }
});
