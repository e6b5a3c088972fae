import * as assert from 'node:assert/strict';
import { buildReport, diagnosticsOf, ofCode, single, textAt, messageOf } from '../helpers';

suite('rule cumulative-total', () => {
  test('flags 对外公开总数量 below 本年新公开数量 on the 2019 template, on the total cell', () => {
    const text = buildReport('2019', { active: { '一.rules': [3, 3, 2] } });
    const d = single(diagnosticsOf(text), 'cumulative-total');
    assert.equal(textAt(text, d.range), '2');
    assert.equal(d.severity, 2);
    assert.match(messageOf(d), /对外公开总数量 2 小于本年新公开数量 3/);
    assert.equal(textAt(text, d.relatedInformation![0].location.range), '3');
  });

  test('does not flag equal or larger totals, blanks, or the 2021 template', () => {
    assert.equal(ofCode(diagnosticsOf(buildReport('2019', { active: { '一.rules': [3, 3, 3] } })), 'cumulative-total').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2019', { active: { '一.rules': [3, 3, 40] } })), 'cumulative-total').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2019', { active: { '一.rules': [3, 3, ''] } })), 'cumulative-total').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2021', { active: { '一.rules': [3, 3, 2] } })), 'cumulative-total').length, 0);
  });

  test('fix then relint: raising the total to the new count clears it', () => {
    const text = buildReport('2019', { active: { '一.rules': [3, 3, 2] } });
    const fixed = buildReport('2019', { active: { '一.rules': [3, 3, 3] } });
    assert.equal(ofCode(diagnosticsOf(text), 'cumulative-total').length, 1);
    assert.deepEqual(diagnosticsOf(fixed), []);
  });
});
