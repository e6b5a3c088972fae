import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codeBag, codes, diagnosticsOf, dump, ofCode, replaceRange, requestCellRange,
  requestRowLine, single, splitLines, textAt,
  messageOf, type ReportOptions,
} from '../helpers';

interface EmptyData { fill: string; missing: boolean; isTotal: boolean }

suite('rule empty-cell', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a blank value cell as information, on the space between its pipes', () => {
        const text = buildReport(template, { requests: { 'r3.1': { commercial: '' } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'empty-cell');
        assert.equal(d.severity, Severity.information);
        assert.deepEqual(d.range, requestCellRange(text, template, 'r3.1', 'commercial'));
        const line = splitLines(text)[d.range.start.line];
        assert.equal(line[d.range.start.character - 1], '|');
        assert.equal(line[d.range.end.character], '|');
        assert.equal(textAt(text, d.range).trim(), '');
        assert.equal(d.message, '“（三）不予公开 1.属于国家秘密·商业企业”为空，应填写数字（没有则填 0）。');
        assert.deepEqual(d.data, { rule: 'empty-cell', fill: '0', missing: false, isTotal: false });
        assert.deepEqual(codes(diags), ['empty-cell']);
      });

      test('a blank total whose parts are filled is a warning with the sum to fill in', () => {
        const text = buildReport(template, { requests: { r1: { total: '' } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'empty-cell');
        assert.equal(d.severity, Severity.warning);
        assert.deepEqual(d.range, requestCellRange(text, template, 'r1', 'total'));
        assert.equal(d.message, '“（一）予以公开·总计”为空；按各项之和应为 3。');
        assert.deepEqual(d.data, { rule: 'empty-cell', fill: '3', missing: false, isTotal: true });
        // Blank counts as 0 in （七）总计's column sum.
        assert.deepEqual(codeBag(diags), ['empty-cell', 'result-total'], dump(diags));
      });

      test('a blank （七）总计 cell is a total of the result rows', () => {
        const text = buildReport(template, { requests: { r7: { commercial: '' } } });
        const d = single(diagnosticsOf(text), 'empty-cell');
        assert.equal(d.severity, Severity.warning);
        assert.equal(d.message, '“（七）总计·商业企业”为空；按各项之和应为 1。');
        assert.equal((d.data as EmptyData).fill, '1');
      });

      test('a blank total whose parts are 0 still warns, with 0', () => {
        const text = buildReport(template, { requests: { 'r3.1': { total: '' } } });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'empty-cell');
        assert.equal(d.severity, Severity.warning);
        assert.deepEqual(d.data, { rule: 'empty-cell', fill: '0', missing: false, isTotal: true });
        assert.deepEqual(codes(diags), ['empty-cell']);
      });

      test('a wholly blank row: seven findings, all information (no part is filled)', () => {
        const text = buildReport(template, { requests: { 'r3.2': ['', '', '', '', '', '', ''] } });
        const found = ofCode(diagnosticsOf(text), 'empty-cell');
        assert.equal(found.length, 7);
        for (const d of found) {
          assert.equal(d.severity, Severity.information);
          assert.equal(d.range.start.line, requestRowLine(text, template, 'r3.2'));
        }
        assert.deepEqual(found.map((d) => (d.data as EmptyData).isTotal), [false, false, false, false, false, false, true]);
      });

      test('a blank in table 二 and a full-width space count as blank', () => {
        const text = buildReport(template, { active: { '六.coercion': template === '2019' ? [12, '　', 5] : ['　'] } });
        const d = single(diagnosticsOf(text), 'empty-cell');
        assert.equal(d.severity, Severity.information);
        assert.match(messageOf(d), /^“第二十条第（六）项 行政强制·(本年增\/减|本年处理决定数量)”为空，应填写数字（没有则填 0）。$/);
      });

      test('a short row lacks its last cells: each is reported at the end of the row', () => {
        const text = buildReport(template, {
          requestLabels: { carryover: ['四、结转下年度继续办理'] },
          requests: { carryover: [1, 0, 0] },
        });
        const diags = diagnosticsOf(text);
        const found = ofCode(diags, 'empty-cell');
        assert.equal(found.length, 4, dump(diags));
        const line = lineOfCarryover(text);
        const end = splitLines(text)[line].length;
        for (const d of found) assert.deepEqual(d.range, { start: { line, character: end }, end: { line, character: end } });
        assert.equal(found[0].message, '此行缺少“四、结转下年度继续办理·社会公益组织”单元格，应填写数字（没有则填 0）。');
        assert.deepEqual(found.map((d) => d.data), [
          { rule: 'empty-cell', fill: '0', missing: true, isTotal: false, missingIndex: 0 },
          { rule: 'empty-cell', fill: '0', missing: true, isTotal: false, missingIndex: 1 },
          { rule: 'empty-cell', fill: '0', missing: true, isTotal: false, missingIndex: 2 },
          { rule: 'empty-cell', fill: '1', missing: true, isTotal: true, missingIndex: 3 },
        ]);
        assert.deepEqual(found.map((d) => d.severity), [Severity.information, Severity.information, Severity.information, Severity.warning]);
      });

      test('does not flag the correct report, blank label or header cells, or 0', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag a dash or 无 (invalid-number reports them)', () => {
        for (const v of ['—', '-', '无', '/']) {
          const diags = diagnosticsOf(buildReport(template, { requests: { 'r3.1': { commercial: v } } }));
          assert.equal(ofCode(diags, 'empty-cell').length, 0, `${v}:\n${dump(diags)}`);
          assert.deepEqual(codes(diags), ['invalid-number'], `${v}:\n${dump(diags)}`);
        }
      });

      test('fix: writing data.fill into the blank relints clean', () => {
        const changes: ReportOptions['requests'][] = [{ 'r3.1': { commercial: '' } }, { r1: { total: '' } }, { r7: { natural: '' } }, { 'r3.1': { total: '' } }];
        for (const change of changes) {
          const text = buildReport(template, { requests: change });
          const before = diagnosticsOf(text);
          const d = single(before, 'empty-cell');
          const fixed = replaceRange(text, d.range, ` ${(d.data as EmptyData).fill} `);
          assertFixed(before, diagnosticsOf(fixed), 'empty-cell');
        }
      });

      test('fix: appending the missing cells with data.fill relints clean', () => {
        const text = buildReport(template, {
          requestLabels: { carryover: ['四、结转下年度继续办理'] },
          requests: { carryover: [1, 0, 0] },
        });
        const before = diagnosticsOf(text);
        const found = ofCode(before, 'empty-cell');
        const appended = found.map((d) => ` ${(d.data as EmptyData).fill} |`).join('');
        const fixed = replaceRange(text, found[0].range, appended);
        assertFixed(before, diagnosticsOf(fixed), 'empty-cell');
      });
    });
  }
});

function lineOfCarryover(text: string): number {
  return splitLines(text).findIndex((l) => l.startsWith('| 四、结转下年度继续办理'));
}
