import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codes, defaultRequestValues, diagnosticsOf, dump, insertLines, lineOf, ofCode,
  requestLabels, requestRowLine, single, splitLines, textAt, type Template,
} from '../helpers';

/** The pipe row of table 三 as the default report writes it. */
function requestRowText(template: Template, rowId: string): string {
  return `| ${[...requestLabels(template)[rowId], ...defaultRequestValues(template)[rowId]].join(' | ')} |`;
}

suite('rule missing-row', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a dropped row of table 三 on the row before it', () => {
        const text = buildReport(template, { dropRequestRows: ['r4.3'] });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'missing-row');
        assert.equal(d.severity, Severity.warning);
        const anchor = requestRowLine(text, template, 'r4.2');
        assert.deepEqual(d.range, { start: { line: anchor, character: 0 }, end: { line: anchor, character: splitLines(text)[anchor].length } });
        assert.match(textAt(text, d.range), /2\.没有现成信息需要另行制作/);
        assert.equal(d.message, '表格缺少行“（四）无法提供 3.补正后申请内容仍不明确”。');
        assert.deepEqual(d.data, { rule: 'missing-row', rowIds: ['r4.3'], afterRowId: 'r4.2' });
        // The sum （七）总计 cannot be checked without the row: no other diagnostic.
        assert.deepEqual(codes(diags), ['missing-row'], dump(diags));
      });

      test('flags a run of consecutive dropped rows once (a truncated paste)', () => {
        const dropped = ['r5.3', 'r5.4', 'r5.5', ...(template === '2019' ? ['r6'] : ['r6.1', 'r6.2', 'r6.3']), 'r7', 'carryover'];
        const text = buildReport(template, { dropRequestRows: dropped });
        const d = single(diagnosticsOf(text), 'missing-row');
        assert.equal(d.message, `表格缺少连续 ${dropped.length} 行：从“（五）不予处理 3.要求提供公开出版物”到“四、结转下年度继续办理”（粘贴时可能被截断）。`);
        assert.deepEqual((d.data as { rowIds: string[] }).rowIds, dropped);
        assert.equal(d.range.start.line, requestRowLine(text, template, 'r5.2'));
      });

      test('flags two separate gaps separately', () => {
        const text = buildReport(template, { dropRequestRows: ['r3.2', 'r5.4'] });
        const found = ofCode(diagnosticsOf(text), 'missing-row');
        assert.deepEqual(found.map((d) => (d.data as { rowIds: string[] }).rowIds), [['r3.2'], ['r5.4']]);
        assert.deepEqual(found.map((d) => d.range.start.line), [requestRowLine(text, template, 'r3.1'), requestRowLine(text, template, 'r5.3')]);
      });

      test('flags a dropped first row on the first row of the table', () => {
        const text = buildReport(template, { dropRequestRows: ['new'] });
        const d = single(diagnosticsOf(text), 'missing-row');
        assert.equal(d.message, '表格缺少行“一、本年新收政府信息公开申请数量”。');
        assert.deepEqual(d.data, { rule: 'missing-row', rowIds: ['new'], afterRowId: null });
        assert.equal(d.range.start.line, lineOf(text, '（本列数据的勾稽关系为'));
      });

      test('flags a dropped row of table 二 naming its block', () => {
        const text = buildReport(template, { dropActiveRows: ['六.coercion'] });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'missing-row');
        assert.equal(d.message, '表格缺少“第二十条第（六）项”中的行“行政强制”。');
        assert.deepEqual(d.data, { rule: 'missing-row', rowIds: ['六.coercion'], afterRowId: '六.penalty' });
        assert.equal(d.range.start.line, lineOf(text, '| 行政处罚 |'));
        assert.deepEqual(codes(diags), ['missing-row']);
      });

      test('flags a whole missing block of table 二 once', () => {
        const text = buildReport(template, {
          transform: (lines) => {
            const start = lines.findIndex((l) => l.startsWith('| 第二十条第（八）项'));
            return [...lines.slice(0, start), ...lines.slice(start + 3)];
          },
        });
        const d = single(diagnosticsOf(text), 'missing-row');
        assert.equal(d.message, '表格缺少“第二十条第（八）项”（行政事业性收费）。');
        assert.deepEqual((d.data as { rowIds: string[] }).rowIds, ['八.fees']);
      });

      test('flags table 四 without its data row', () => {
        const text = buildReport(template, { transform: (lines) => lines.filter((l) => !l.startsWith('| 1 | 0 | 0 | 1 | 2 |')) });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'missing-row');
        assert.equal(d.message, '行政复议、行政诉讼表缺少数据行（15 个数字）。');
        assert.equal(d.range.start.line, lineOf(text, '| 行政复议 |'));
        assert.deepEqual(codes(diags), ['missing-row']);
      });

      test('does not flag the correct report, a table split by a blank line, or rows with labels laid out differently', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const split = buildReport(template, {
          transform: (lines) => {
            const at = lines.findIndex((l) => l.includes('（五）不予处理'));
            return [...lines.slice(0, at), '', ...lines.slice(at)];
          },
        });
        assert.deepEqual(codes(diagnosticsOf(split)), []);
        const relabelled = buildReport(template, {
          requestLabels: {
            new: ['一、', '本年新收政府信息公开申请数量', ''],
            r1: ['三、本年度办理结果（一）予以公开', '', ''],
            'r3.1': ['', '（三）不予公开1.属于国家秘密', ''],
            'r4.1': ['(四)无法提供', '', '1.本机关不掌握相关政府信息'],
          },
        });
        const diags = diagnosticsOf(relabelled);
        assert.deepEqual(codes(diags), [], dump(diags));
      });

      test('fix: inserting the row after data.afterRowId relints clean', () => {
        const text = buildReport(template, { dropRequestRows: ['r4.3'] });
        const before = diagnosticsOf(text);
        const d = single(before, 'missing-row');
        const after = (d.data as { afterRowId: string }).afterRowId;
        const fixed = insertLines(text, requestRowLine(text, template, after) + 1, [requestRowText(template, 'r4.3')]);
        assertFixed(before, diagnosticsOf(fixed), 'missing-row');
      });

      test('fix: inserting a dropped row of table 二 relints clean', () => {
        const text = buildReport(template, { dropActiveRows: ['六.coercion'] });
        const before = diagnosticsOf(text);
        const d = single(before, 'missing-row');
        const line = template === '2019' ? '| 行政强制 | 12 | 0 | 5 |' : '| 行政强制 | 37 |';
        assertFixed(before, diagnosticsOf(insertLines(text, d.range.start.line + 1, [line])), 'missing-row');
      });
    });
  }

  suite('where the templates differ', () => {
    test('2019: a dropped （六）其他处理 row is one row', () => {
      const text = buildReport('2019', { dropRequestRows: ['r6'] });
      const diags = diagnosticsOf(text);
      const d = single(diags, 'missing-row');
      assert.equal(d.message, '表格缺少行“（六）其他处理”。');
      assert.deepEqual(d.data, { rule: 'missing-row', rowIds: ['r6'], afterRowId: 'r5.5' });
      assert.equal(d.range.start.line, requestRowLine(text, '2019', 'r5.5'));
    });

    test('2021: the three （六） sub-rows dropped are one finding naming the group', () => {
      const text = buildReport('2021', { dropRequestRows: ['r6.1', 'r6.2', 'r6.3'] });
      const d = single(diagnosticsOf(text), 'missing-row');
      assert.equal(d.message, '表格缺少“（六）其他处理”及其 3 个子项。');
      assert.deepEqual(d.data, { rule: 'missing-row', rowIds: ['r6.1', 'r6.2', 'r6.3'], afterRowId: 'r5.5' });
    });

    test('2021: one dropped （六） sub-row is named with its group', () => {
      const text = buildReport('2021', { dropRequestRows: ['r6.2'] });
      const d = single(diagnosticsOf(text), 'missing-row');
      assert.equal(d.message, '表格缺少行“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”。');
      assert.equal(d.range.start.line, requestRowLine(text, '2021', 'r6.1'));
    });

    test('2021 table 二 has no 其他对外管理服务事项 or 第（九）项: not missing', () => {
      const diags = diagnosticsOf(buildReport('2021'));
      assert.equal(ofCode(diags, 'missing-row').length, 0);
    });

    test('2019 table 二 without its 第（九）项 block is flagged', () => {
      const text = buildReport('2019', {
        transform: (lines) => {
          const start = lines.findIndex((l) => l.startsWith('| 第二十条第（九）项'));
          return [...lines.slice(0, start), ...lines.slice(start + 3)];
        },
      });
      const d = single(diagnosticsOf(text), 'missing-row');
      assert.equal(d.message, '表格缺少“第二十条第（九）项”（政府集中采购）。');
    });
  });
});
