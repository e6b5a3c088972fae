import * as assert from 'node:assert/strict';
import {
  HEADINGS, Severity, TEMPLATES, appealTableLines, activeTableLines, assertFixed, buildReport, codes, diagnosticsOf, dump, insertLines,
  lineOf, requestTableLines, single, textAt,
} from '../helpers';

suite('rule missing-table', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      const cases = [
        { kind: 'active', section: 2, lines: () => activeTableLines(template) },
        { kind: 'requests', section: 3, lines: () => requestTableLines(template) },
        { kind: 'appeals', section: 4, lines: () => appealTableLines() },
      ] as const;

      for (const c of cases) {
        test(`flags section ${c.section} without its ${c.kind} table, on the heading text`, () => {
          const text = buildReport(template, { omitTables: [c.kind] });
          const diags = diagnosticsOf(text);
          const d = single(diags, 'missing-table');
          assert.equal(d.severity, Severity.error);
          const heading = HEADINGS[c.section];
          assert.equal(d.range.start.line, lineOf(text, heading));
          assert.equal(textAt(text, d.range), heading);
          assert.equal(d.message, `“${heading}”缺少统计表。`);
          assert.deepEqual(d.data, { rule: 'missing-table', section: c.section, table: c.kind });
          assert.deepEqual(codes(diags), ['missing-table'], dump(diags));
        });

        test(`fix: pasting the ${c.kind} table back relints clean`, () => {
          const text = buildReport(template, { omitTables: [c.kind] });
          const before = diagnosticsOf(text);
          const d = single(before, 'missing-table');
          const fixed = insertLines(text, d.range.start.line + 2, [...c.lines(), '']);
          assertFixed(before, diagnosticsOf(fixed), 'missing-table');
        });
      }

      test('says so when the section holds a table that cannot be recognised', () => {
        const text = buildReport(template, {
          omitTables: ['appeals'],
          transform: (lines) => {
            const at = lines.indexOf(`## ${HEADINGS[4]}`) + 2;
            return [...lines.slice(0, at), '| 项目 | 件数 |', '|---|---|', '| 甲类 | 1 |', '| 乙类 | 2 |', '', ...lines.slice(at)];
          },
        });
        const d = single(diagnosticsOf(text), 'missing-table');
        assert.equal(d.message, `“${HEADINGS[4]}”中的表格无法识别为标准统计表，请使用模板的行列标签。`);
        assert.equal(textAt(text, d.range), HEADINGS[4]);
      });

      test('flags a table that stands in the wrong section', () => {
        // Table 四 pasted under 五 (its own section left empty).
        const text = buildReport(template, {
          omitTables: ['appeals'],
          transform: (lines) => {
            const at = lines.indexOf(`## ${HEADINGS[5]}`) + 2;
            return [...lines.slice(0, at), ...appealTableLines(), '', ...lines.slice(at)];
          },
        });
        const d = single(diagnosticsOf(text), 'missing-table');
        assert.equal(textAt(text, d.range), HEADINGS[4]);
      });

      test('does not flag the correct report, nor sections 一 五 六 without tables', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
      });

      test('does not flag a table split by one blank line', () => {
        const text = buildReport(template, {
          transform: (lines) => {
            const at = lines.findIndex((l) => l.includes('（四）无法提供'));
            return [...lines.slice(0, at), '', ...lines.slice(at)];
          },
        });
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('does not flag tab-separated tables', () => {
        const text = buildReport(template, { requestsFormat: 'tab', appealsFormat: 'tab' });
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('does not flag a GFM table written without outer pipes', () => {
        const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
        const bare = [[...outcomes, ...outcomes, ...outcomes].join(' | '), new Array(15).fill('---').join(' | '), '1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0'];
        const text = buildReport(template, {
          omitTables: ['appeals'],
          transform: (lines) => {
            const at = lines.indexOf(`## ${HEADINGS[4]}`) + 2;
            return [...lines.slice(0, at), ...bare, '', ...lines.slice(at)];
          },
        });
        const diags = diagnosticsOf(text);
        assert.deepEqual(codes(diags), [], dump(diags));
      });

      test('does not flag a GFM table whose last row lacks the outer pipes', () => {
        // GFM: every line after the delimiter row up to a blank line is a table row, with or
        // without leading and trailing pipes.
        const text = buildReport(template, {
          transform: (lines) => lines.map((l) => (l === '| 1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |' ? l.slice(2, -2) : l)),
        });
        assert.ok(text.includes('\n1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0\n'));
        const diags = diagnosticsOf(text);
        assert.deepEqual(codes(diags), [], dump(diags));
      });

      test('does not flag table 三 written without outer pipes (rows with a blank first cell keep their leading pipe)', () => {
        const bare = requestTableLines(template).map((l) => l.replace(/^\| (?! )/, '').replace(/ \|$/, ''));
        assert.ok(bare.some((l) => l.startsWith('一、本年新收政府信息公开申请数量 |')));
        assert.ok(bare.some((l) => l.startsWith('|  | （二）部分公开')));
        const text = buildReport(template, {
          omitTables: ['requests'],
          transform: (lines) => {
            const at = lines.indexOf(`## ${HEADINGS[3]}`) + 2;
            return [...lines.slice(0, at), ...bare, '', ...lines.slice(at)];
          },
        });
        const diags = diagnosticsOf(text);
        assert.deepEqual(codes(diags), [], dump(diags));
      });
    });
  }
});
