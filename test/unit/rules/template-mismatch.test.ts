import * as assert from 'node:assert/strict';
import { applyEdits, getCodeActions } from '../../../server/src/service';
import { URI, buildReport, codeBag, diagnosticsOf, dump, ofCode, messageOf } from '../helpers';

/** A report of `year` whose tables follow `template`. */
function mixed(template: '2019' | '2021', year: number): string {
  const text = buildReport(template);
  const own = template === '2019' ? 2020 : 2023;
  return text.split(String(own)).join(String(year));
}

function applyFirst(text: string, code: string, titlePart: string): string {
  const d = ofCode(diagnosticsOf(text), code)[0];
  assert.ok(d, `no ${code}`);
  const action = getCodeActions(text, [d], { uri: URI }).find((a) => a.title.includes(titlePart));
  assert.ok(action, `no action "${titlePart}" for ${code}`);
  return applyEdits(text, action.edit!.changes![URI]);
}

suite('rule template-mismatch', () => {
  test('flags 2019 tables in a 2022 report: table 二 and table 三 (by its single （六） row)', () => {
    const text = mixed('2019', 2022);
    const found = ofCode(diagnosticsOf(text), 'template-mismatch');
    assert.equal(found.length, 2, dump(found));
    assert.deepEqual(found.map((d) => (d.data as { table: string }).table).sort(), ['active', 'requests']);
    assert.ok(found.every((d) => d.severity === 2));
    assert.match(messageOf(found[0]), /2019 版格式.*应使用 2021 版格式/);
  });

  test('flags 2021 tables in a 2020 report', () => {
    const found = ofCode(diagnosticsOf(mixed('2021', 2020)), 'template-mismatch');
    assert.deepEqual(found.map((d) => (d.data as { table: string }).table).sort(), ['active', 'requests']);
  });

  test('does not flag matching tables, nor tables when no year says which template is in force', () => {
    assert.equal(ofCode(diagnosticsOf(buildReport('2019')), 'template-mismatch').length, 0);
    assert.equal(ofCode(diagnosticsOf(buildReport('2021')), 'template-mismatch').length, 0);
    const noYear = buildReport('2019', { title: 'XX局政府信息公开工作年度报告', period: false });
    assert.equal(ofCode(diagnosticsOf(noYear), 'template-mismatch').length, 0, 'header words decide the template: nothing to mismatch');
  });

  test('fix: converting both tables to 2021 removes the diagnostics; carried cells keep their numbers, new cells are blank', () => {
    let text = mixed('2019', 2022);
    text = applyFirst(text, 'template-mismatch', '2021');
    text = applyFirst(text, 'template-mismatch', '2021');
    const after = diagnosticsOf(text);
    assert.equal(ofCode(after, 'template-mismatch').length, 0, dump(after));
    // 本年处理决定数量 carried over from 处理决定数量 (行政许可 in the default 2019 values).
    assert.ok(text.includes('| 本年处理决定数量 |'));
    assert.ok(/\| 行政许可 \| \d+ \|/.test(text), 'decisions carried over');
    assert.ok(text.includes('3.其他'), '2021 （六） items written');
    // Only empty-cell (new cells), the sums over them, and 2021's 信息处理费 requirement may remain.
    assert.ok(codeBag(after).every((c) => ['empty-cell', 'result-total', 'processing-fee'].includes(c)), codeBag(after).join(','));
  });

  test('fix: 2021 table 三 in a 2020 report becomes the 2019 table with （六） as the sum of its items', () => {
    const text = buildReport('2021', { requests: { 'r6.1': { natural: 1, total: 1 }, 'r6.3': { natural: 2, total: 2 } } }).split('2023').join('2020');
    const d = ofCode(diagnosticsOf(text), 'template-mismatch').find((x) => (x.data as { table: string }).table === 'requests')!;
    const action = getCodeActions(text, [d], { uri: URI }).find((a) => a.title.includes('2019'))!;
    const fixed = applyEdits(text, action.edit!.changes![URI]);
    const row = fixed.split('\n').find((l) => l.includes('（六）其他处理'))!;
    assert.match(row, /\| 3 \| /, row);
    assert.ok(!fixed.includes('3.其他'));
  });
});
