// Shapes that Word and WPS produce when a report is copied as text.
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/service';
import { buildReport, diagnosticsOf, messageOf, ofCode } from './helpers';

suite('Word paste shapes', () => {
  test('table 二: a padding blank between the values of a two-column block is not a value', () => {
    const text = buildReport('2019', {
      transform: (lines) => lines.map((l) =>
        l.startsWith('| 信息内容 | 上一年项目数量 | 本年增/减 |') && !l.includes('处理决定数量') ? '信息内容\t上一年项目数量\t本年增/减\t'
          : l.startsWith('| 行政事业性收费') ? '行政事业性收费\t4\t\t-1' : l),
    });
    const table = parseReport(text).tables.find((t) => t.kind === 'active')!;
    const fees = table.cells.get('八.fees')!;
    assert.equal(fees.get('previous')!.text, '4');
    assert.equal(fees.get('change')!.text, '-1');
    assert.deepEqual(ofCode(diagnosticsOf(text), 'empty-cell'), []);
  });

  test('table 二: a genuinely blank value is still reported when fewer values than columns are written', () => {
    const text = buildReport('2019', {
      transform: (lines) => lines.map((l) =>
        l.startsWith('| 信息内容 | 上一年项目数量 | 本年增/减 |') && !l.includes('处理决定数量') ? '信息内容\t上一年项目数量\t本年增/减\t'
          : l.startsWith('| 行政事业性收费') ? '行政事业性收费\t4\t\t' : l),
    });
    assert.equal(ofCode(diagnosticsOf(text), 'empty-cell').length, 1);
  });

  test('missing-table suggests gknb import for a table pasted one cell per line', () => {
    const cells = ['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '0', '0', '0'];
    const text = buildReport('2019', {
      omitTables: ['active'],
      transform: (lines) => {
        const at = lines.findIndex((l) => l.startsWith('## 二、'));
        return [...lines.slice(0, at + 2), ...cells.map((c) => `\t${c}`), '', ...lines.slice(at + 2)];
      },
    });
    const [d] = ofCode(diagnosticsOf(text), 'missing-table');
    assert.match(messageOf(d), /gknb import/);
    const plain = buildReport('2019', { omitTables: ['active'] });
    assert.doesNotMatch(messageOf(ofCode(diagnosticsOf(plain), 'missing-table')[0]), /gknb import/);
  });
});
