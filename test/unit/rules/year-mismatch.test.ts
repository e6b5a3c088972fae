import * as assert from 'node:assert/strict';
import { applyEdits, getCodeActions } from '../../../server/src/service';
import { URI, buildReport, codes, diagnosticsOf, ofCode, single, textAt, messageOf } from '../helpers';

suite('rule year-mismatch', () => {
  test('flags a statistical period in another year than the title, on the year digits', () => {
    const text = buildReport('2021').replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限自2022年1月1日起至2022年12月31日止');
    const d = single(diagnosticsOf(text), 'year-mismatch');
    assert.equal(textAt(text, d.range), '2022');
    assert.equal(d.severity, 2);
    assert.match(messageOf(d), /统计期限的年份 2022 与标题中的年份 2023 不一致/);
    assert.equal(textAt(text, d.relatedInformation![0].location.range), '2023');
  });

  test('flags a period that spans two years; full-width digits are read', () => {
    const text = buildReport('2021').replace('至2023年12月31日止', '至2024年12月31日止');
    const d = single(diagnosticsOf(text), 'year-mismatch');
    assert.equal(textAt(text, d.range), '2024');
    const fullwidth = buildReport('2021').replace('统计期限自2023年', '统计期限自２０２２年');
    // ２０２２ differs from the title (2023) and from the period's end (2023): both are said, on its digits.
    const found = ofCode(diagnosticsOf(fullwidth), 'year-mismatch');
    assert.equal(found.length, 2);
    assert.equal(textAt(fullwidth, found[0].range), '２０２２');
  });

  test('does not flag agreeing years, a report without a period, or other years in the text', () => {
    assert.equal(ofCode(diagnosticsOf(buildReport('2019')), 'year-mismatch').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2021', { period: false })), 'year-mismatch').length, 0);
    const other = buildReport('2021').replace('本年度，我局认真贯彻', '2022年起，我局认真贯彻');
    assert.equal(ofCode(diagnosticsOf(other), 'year-mismatch').length, 0);
  });

  test('fix: the period takes the title year, then the report is clean', () => {
    const text = buildReport('2021').replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限自2022年1月1日起至2022年12月31日止');
    const d = single(diagnosticsOf(text), 'year-mismatch');
    const action = getCodeActions(text, [d], { uri: URI })[0];
    assert.equal(action.title, '将年份改为 2023');
    // The whole period was in the wrong year: both ends change in one fix.
    assert.equal(action.edit!.changes![URI].length, 2);
    const fixed = applyEdits(text, action.edit!.changes![URI]);
    assert.deepEqual(codes(diagnosticsOf(fixed)), []);
    assert.equal(fixed, buildReport('2021'));
  });
});
