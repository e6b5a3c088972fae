import * as assert from 'node:assert/strict';
import { applyEdits, getCodeActions } from '../../../server/src/service';
import { URI, buildReport, codes, diagnosticsOf, ofCode, single, textAt, messageOf } from '../helpers';

suite('rule processing-fee', () => {
  const withoutFee = () => buildReport('2021').replace('本年度未收取信息处理费。', '无其他需要报告的事项。');

  test('flags a 2021-template 六 that does not mention 信息处理费, on its heading', () => {
    const text = withoutFee();
    const d = single(diagnosticsOf(text), 'processing-fee');
    assert.equal(textAt(text, d.range), '六、其他需要报告的事项');
    assert.equal(d.severity, 2);
    assert.match(messageOf(d), /信息处理费/);
  });

  test('does not flag the 2019 template, a 六 that reports fees, or a missing 六', () => {
    assert.equal(ofCode(diagnosticsOf(buildReport('2019')), 'processing-fee').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2021')), 'processing-fee').length, 0);
    const charged = withoutFee().replace('无其他需要报告的事项。', '本年度共收取信息处理费 200 元。');
    assert.equal(ofCode(diagnosticsOf(charged), 'processing-fee').length, 0);
    const noSix = buildReport('2021', { headings: { 6: null } });
    assert.deepEqual(codes(diagnosticsOf(noSix)).filter((c) => c === 'processing-fee'), []);
  });

  test('fix: inserts 本年度未收取信息处理费。 after 六, then no processing-fee', () => {
    const text = withoutFee();
    const d = single(diagnosticsOf(text), 'processing-fee');
    const action = getCodeActions(text, [d], { uri: URI })[0];
    const fixed = applyEdits(text, action.edit!.changes![URI]);
    assert.deepEqual(codes(diagnosticsOf(fixed)), []);
    assert.ok(fixed.startsWith(text.trimEnd()), 'only appended after the last line of 六');
    assert.ok(fixed.includes('无其他需要报告的事项。\n\n本年度未收取信息处理费。'));
  });
});
