import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/service/parser';
import { forEachValueCell, parsedAt } from '../../server/src/service/rules/common';
import type { ReportModel, SectionHeading, Table, ValueCell } from '../../server/src/service/model';
import {
  APPEAL_COLUMN_IDS, HEADINGS, REQUEST_COLUMN_IDS, TEMPLATES, appealTableLines, assertRangesInside, buildReport, codes, diagnosticsOf, dump,
  lineOf, requestRowIds, requestTableLines, splitLines, textAt, type Template, seededRandom } from './helpers';

function headingAt(model: ReportModel, line: number): SectionHeading {
  const h = model.headings.find((x) => x.line === line);
  assert.ok(h, `no heading on line ${line}; headings on ${model.headings.map((x) => x.line).join(', ')}`);
  return h;
}

function table(model: ReportModel, kind: Table['kind']): Table {
  const found = model.tables.filter((t) => t.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} table, found ${found.length}`);
  return found[0];
}

function cell(t: Table, rowId: string, columnId: string): ValueCell {
  const c = t.cells.get(rowId)?.get(columnId);
  assert.ok(c, `no cell ${rowId}/${columnId}; rows: ${[...t.cells.keys()].join(', ')}`);
  return c;
}

/** Texts of a row's seven table 三 cells. */
function requestRowTexts(t: Table, rowId: string): string[] {
  return REQUEST_COLUMN_IDS.map((c) => cell(t, rowId, c).text);
}


suite('parser', () => {
  suite('section headings', () => {
    const variants = (template: Template, line: string, n: 1 | 2 | 3 | 4 | 5 | 6): { text: string; model: ReportModel; at: number } => {
      const text = buildReport(template, { headings: { [n]: line } });
      return { text, model: parseReport(text), at: lineOf(text, line) };
    };

    test('ATX heading: line, whole-line range, text range after the # marks', () => {
      const text = buildReport('2021');
      const model = parseReport(text);
      assert.deepEqual(model.headings.map((h) => h.section), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
      const at = lineOf(text, `## ${HEADINGS[3]}`);
      const h = headingAt(model, at);
      assert.equal(h.level, 2);
      assert.equal(h.match, 'canonical');
      assert.equal(h.numbering, '三、');
      assert.equal(h.wording, '收到和处理政府信息公开申请情况');
      assert.deepEqual(h.range, { start: { line: at, character: 0 }, end: { line: at, character: `## ${HEADINGS[3]}`.length } });
      assert.deepEqual(h.textRange, { start: { line: at, character: 3 }, end: { line: at, character: 3 + HEADINGS[3].length } });
      assert.equal(textAt(text, h.textRange), HEADINGS[3]);
    });

    test('bare line 一、总体情况', () => {
      const { text, model, at } = variants('2019', '一、总体情况', 1);
      const h = headingAt(model, at);
      assert.equal(h.level, 0);
      assert.equal(h.match, 'canonical');
      assert.deepEqual(h.textRange, { start: { line: at, character: 0 }, end: { line: at, character: 6 } });
      assert.equal(textAt(text, h.textRange), '一、总体情况');
    });

    test('Word auto-numbering 1、 总体情况', () => {
      const { text, model, at } = variants('2019', '1、 总体情况', 1);
      const h = headingAt(model, at);
      assert.equal(h.section, 1);
      assert.equal(h.numbering, '1、');
      assert.equal(h.wording, '总体情况');
      assert.equal(h.match, 'variant');
      assert.equal(textAt(text, h.textRange), '1、 总体情况');
    });

    test('unnumbered heading 主动公开政府信息情况', () => {
      const { model, at } = variants('2021', '主动公开政府信息情况', 2);
      const h = headingAt(model, at);
      assert.equal(h.section, 2);
      assert.equal(h.numbering, '');
      assert.equal(h.match, 'variant');
      assert.equal(model.sections[1].heading.line, at);
    });

    test('bold ATX heading: the text range excludes the ** marks', () => {
      const line = '## **六、其他需要报告的事项**';
      const { text, model, at } = variants('2021', line, 6);
      const h = headingAt(model, at);
      assert.equal(h.section, 6);
      assert.equal(h.text, '六、其他需要报告的事项');
      assert.equal(h.match, 'canonical');
      assert.deepEqual(h.textRange, { start: { line: at, character: 5 }, end: { line: at, character: line.length - 2 } });
      assert.equal(textAt(text, h.textRange), '六、其他需要报告的事项');
    });

    test('trailing 。 is not part of the wording', () => {
      const { text, model, at } = variants('2019', '## 六、其他需要报告的事项。', 6);
      const h = headingAt(model, at);
      assert.equal(h.section, 6);
      assert.equal(h.wording, '其他需要报告的事项');
      assert.equal(h.match, 'variant');
      assert.equal(textAt(text, h.textRange), '六、其他需要报告的事项。');
    });

    test('a near-miss typo is fuzzy; prose is no heading', () => {
      const { model, at } = variants('2019', '## 四、政府信息公开行政法复议、行政诉讼情况', 4);
      assert.equal(headingAt(model, at).match, 'fuzzy');
      const prose = parseReport('本年度总体情况良好，主动公开政府信息情况详见下表。\n');
      assert.equal(prose.headings.length, 0);
    });

    test('section ranges run to the line before the next heading and own their tables', () => {
      const text = buildReport('2019');
      const model = parseReport(text);
      const three = model.sections[2];
      const four = model.sections[3];
      assert.equal(three.range.start.line, lineOf(text, HEADINGS[3]));
      assert.equal(three.range.end.line, lineOf(text, HEADINGS[4]) - 1);
      assert.deepEqual(three.tables.map((t) => t.kind), ['requests']);
      assert.deepEqual(four.tables.map((t) => t.kind), ['appeals']);
      assert.deepEqual(model.sections[1].tables.map((t) => t.kind), ['active']);
      assert.deepEqual(model.sections[0].tables, []);
      const lines = splitLines(text);
      const last = model.sections[5];
      assert.equal(last.range.end.line, lines.length - 1);
    });

    test('headings inside a code fence or an HTML comment are not sections', () => {
      const text = [
        '# 云溪市测试局2023年政府信息公开工作年度报告',
        '## 一、总体情况',
        '```',
        '## 二、主动公开政府信息情况',
        '```',
        '~~~~',
        '三、收到和处理政府信息公开申请情况',
        '~~~~',
        '<!-- ## 四、政府信息公开行政复议、行政诉讼情况 -->',
        '<!--',
        '## 五、存在的主要问题及改进情况',
        '-->',
        '## 六、其他需要报告的事项',
      ].join('\n');
      const model = parseReport(text);
      assert.deepEqual(model.headings.map((h) => [h.section, h.line]), [[1, 1], [6, 12]]);
      const diags = diagnosticsOf(text);
      assert.deepEqual(diags.filter((d) => d.code === 'missing-section').map((d) => (d.data as { section: number }).section), [2, 3, 4, 5]);
    });

    test('a table inside a code fence is not a table', () => {
      const text = buildReport('2021', {
        omitTables: ['appeals'],
        transform: (lines) => {
          const at = lines.indexOf(`## ${HEADINGS[4]}`) + 2;
          return [...lines.slice(0, at), '```', ...appealTableLines(), '```', '', ...lines.slice(at)];
        },
      });
      const model = parseReport(text);
      assert.equal(model.tables.filter((t) => t.kind === 'appeals').length, 0);
      assert.deepEqual(codes(diagnosticsOf(text)), ['missing-table']);
    });
  });

  suite('cell ranges', () => {
    test('characters are UTF-16 code units: 𠀀 (a surrogate pair) before a cell counts 2', () => {
      const text = buildReport('2019', { requestLabels: { new: ['一、本年新收政府信息公开申请数量', '𠀀', ''] } });
      const at = lineOf(text, '| 一、本年新收政府信息公开申请数量 | 𠀀 |');
      const line = splitLines(text)[at];
      assert.equal(line.slice(0, 30), '| 一、本年新收政府信息公开申请数量 | 𠀀 |  | 5');
      const t = table(parseReport(text), 'requests');
      const natural = cell(t, 'new', 'natural');
      assert.deepEqual(natural.range, { start: { line: at, character: 29 }, end: { line: at, character: 30 } });
      assert.equal(natural.text, '5');
      assert.equal(textAt(text, natural.range), '5');
      assert.equal(cell(t, 'new', 'total').range.start.character, line.lastIndexOf('7'));
    });

    test('an emoji before the value cells in the same row shifts them by two units', () => {
      const text = buildReport('2021', { requestLabels: { r1: ['三、本年度办理结果', '（一）予以公开', '😀'] } });
      const at = lineOf(text, '| 三、本年度办理结果 | （一）予以公开 | 😀 |');
      const line = splitLines(text)[at];
      const prefix = '| 三、本年度办理结果 | （一）予以公开 | 😀 | ';
      assert.equal(prefix.length, 29);
      assert.ok(line.startsWith(`${prefix}2 | 1 |`));
      const model = parseReport(text);
      const t = table(model, 'requests');
      assert.deepEqual(cell(t, 'r1', 'natural').range, { start: { line: at, character: 29 }, end: { line: at, character: 30 } });
      assert.deepEqual(cell(t, 'r1', 'commercial').range.start, { line: at, character: 33 });
      // The emoji is an unknown label on its own range.
      assert.deepEqual(t.labelIssues.map((i) => [i.text, i.range.start.character, i.range.end.character]), [['😀', 24, 26]]);
    });

    test('CRLF line endings give the same model as LF', () => {
      for (const template of TEMPLATES) {
        const lf = buildReport(template, { requests: { new: { total: 6 } } });
        const crlf = buildReport(template, { requests: { new: { total: 6 } }, eol: '\r\n' });
        assert.ok(crlf.includes('\r\n'));
        assert.deepEqual(parseReport(crlf), parseReport(lf));
        assert.deepEqual(diagnosticsOf(crlf), diagnosticsOf(lf));
        const cr = lf.replace(/\n/g, '\r');
        assert.deepEqual(parseReport(cr), parseReport(lf));
      }
    });

    test('a BOM at the start: same lines, title and diagnostics', () => {
      const text = buildReport('2021', { requests: { new: { total: 6 } } });
      const withBom = `\ufeff${text}`;
      const a = parseReport(text);
      const b = parseReport(withBom);
      assert.deepEqual(b.headings.map((h) => [h.section, h.line]), a.headings.map((h) => [h.section, h.line]));
      assert.equal(b.title?.line, 0);
      assert.equal(b.year, 2023);
      assert.equal(b.template, '2021');
      assert.deepEqual(codes(diagnosticsOf(withBom)), codes(diagnosticsOf(text)));
      assert.deepEqual(diagnosticsOf(withBom).map((d) => d.range), diagnosticsOf(text).map((d) => d.range));
      // A bare heading right after the BOM: the BOM occupies character 0.
      const bare = parseReport('\ufeff一、总体情况\n');
      assert.equal(bare.headings.length, 1);
      assert.equal(bare.headings[0].textRange.start.character, 1);
    });

    test('a ragged row: cells not written are missing, at the end of the row', () => {
      const text = buildReport('2019', { requestLabels: { carried: ['二、上年结转政府信息公开申请数量'] }, requests: { carried: [1, 0, 0] } });
      const at = lineOf(text, '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 |');
      const end = splitLines(text)[at].length;
      const t = table(parseReport(text), 'requests');
      assert.deepEqual(requestRowTexts(t, 'carried'), ['1', '0', '0', '', '', '', '']);
      assert.deepEqual(REQUEST_COLUMN_IDS.map((c) => cell(t, 'carried', c).missing), [false, false, false, true, true, true, true]);
      for (const c of ['publicInterest', 'legal', 'other', 'total']) {
        assert.deepEqual(cell(t, 'carried', c).range, { start: { line: at, character: end }, end: { line: at, character: end } });
        assert.equal(cell(t, 'carried', c).parsed.kind, 'blank');
      }
    });

    test('a row with its three label cells and only six values lacks its 总计 (GFM pads short rows at the end)', () => {
      // The header is 10 cells wide; this row has 9: 一、… | blank | blank | six numbers.
      const text = buildReport('2019', { requests: { new: [5, 1, 0, 0, 1, 0] } });
      const at = lineOf(text, '| 一、本年新收政府信息公开申请数量 |');
      assert.equal(splitLines(text)[at], '| 一、本年新收政府信息公开申请数量 |  |  | 5 | 1 | 0 | 0 | 1 | 0 |');
      const t = table(parseReport(text), 'requests');
      assert.deepEqual(requestRowTexts(t, 'new'), ['5', '1', '0', '0', '1', '0', '']);
      assert.equal(cell(t, 'new', 'total').missing, true);
      const diags = diagnosticsOf(text);
      const empty = diags.filter((d) => d.code === 'empty-cell');
      assert.equal(empty.length, 1, dump(diags));
      assert.deepEqual(empty[0].data, { rule: 'empty-cell', fill: '7', missing: true, isTotal: true, missingIndex: 0 });
      assert.equal(diags.filter((d) => d.code === 'row-total').length, 0, dump(diags));
    });

    test('a row keeps its texts; its cells, built from the line on first read, have the same texts and their ranges', () => {
      const lines = [
        '| 一、本年新收政府信息公开申请数量 | 012 | 12 |  | 5\\|6 | ０ | 999 |',
        '二、上年结转政府信息公开申请数量\t1\t10\t\t100\t',
      ];
      const model = parseReport(`# 2021年度政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n${lines.join('\n')}\n`);
      const rows = model.tables.flatMap((t) => t.rows);
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[0].texts, ['一、本年新收政府信息公开申请数量', '012', '12', '', '5\\|6', '０', '999']);
      assert.deepEqual(rows[1].texts, ['二、上年结转政府信息公开申请数量', '1', '10', '', '100']);
      for (const row of rows) {
        assert.strictEqual(row.cells, row.cells, 'cells are built once');
        assert.deepEqual(row.cells.map((c) => c.text), row.texts);
        const line = splitLines(model.lines.join('\n'))[row.line];
        for (const c of row.cells) {
          assert.equal(c.range.start.line, row.line);
          if (c.text !== '') assert.equal(line.slice(c.range.start.character, c.range.end.character), c.text);
        }
      }
      const t = model.tables[0];
      assert.equal(cell(t, 'new', 'natural').text, '012');
      assert.deepEqual(cell(t, 'new', 'natural').parsed, { kind: 'number', value: 12, fullwidth: false });
      assert.deepEqual(cell(t, 'new', 'natural').range, rows[0].cells[1].range);
    });

    test('value cells are views made on each read: equal in every field, not identical; parsedAt and forEachValueCell read the same values', () => {
      const text = buildReport('2021', { requests: { r2: { research: '' } } });
      const model = parseReport(text);
      const t = table(model, 'requests');
      const a = cell(t, 'new', 'natural');
      const b = cell(t, 'new', 'natural');
      assert.notStrictEqual(a, b);
      assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
      assert.deepEqual(a.range, b.range);
      for (const [rowId, row] of t.cells) {
        for (const [columnId, c] of row) {
          assert.equal(c.rowId, rowId);
          assert.equal(c.columnId, columnId);
          assert.strictEqual(parsedAt(row, columnId), c.parsed);
        }
      }
      assert.equal(parsedAt(t.cells.get('new'), 'no-such-column'), undefined);
      const blanks: string[] = [];
      forEachValueCell(model, (parsed) => parsed.kind === 'blank', (_, c) => blanks.push(`${c.rowId}/${c.columnId}`));
      assert.deepEqual(blanks, ['r2/research']);
      let all = 0;
      forEachValueCell(model, () => true, () => all++);
      assert.equal(all, model.tables.reduce((n, x) => n + [...x.cells.values()].reduce((m, row) => m + row.size, 0), 0));
    });

    test('30 reports in one draft: every copy binds the same texts and values as the report alone, with its own lines', () => {
      // Far more rows and cells than the cell store's first arrays hold: its growth must keep every index.
      const single = buildReport('2021');
      const lineCount = splitLines(single).length;
      const one = parseReport(single);
      const many = parseReport(Array.from({ length: 30 }, () => single).join('\n'));
      assert.equal(many.tables.length, 30 * one.tables.length);
      const summary = (t: Table, shift: number): unknown[] => [...t.cells].flatMap(([rowId, row]) =>
        [...row.values()].map((c) => [rowId, c.columnId, c.text, JSON.stringify(c.parsed), c.range.start.line - shift, c.range.start.character]));
      many.tables.forEach((t, i) => {
        const copy = Math.floor(i / one.tables.length);
        assert.deepEqual(summary(t, copy * lineCount), summary(one.tables[i % one.tables.length], 0), `table ${i}`);
        assert.deepEqual(t.rows.map((r) => r.texts), one.tables[i % one.tables.length].rows.map((r) => r.texts));
      });
    });

    test('a blank cell has the range between its pipes', () => {
      const text = buildReport('2019', { requests: { r2: { research: '' } } });
      const t = table(parseReport(text), 'requests');
      const c = cell(t, 'r2', 'research');
      const line = splitLines(text)[c.range.start.line];
      assert.equal(line[c.range.start.character - 1], '|');
      assert.equal(line[c.range.end.character], '|');
      assert.equal(c.missing, false);
    });
  });

  suite('table binding', () => {
    test('tab-separated rows bind like pipe rows', () => {
      for (const template of TEMPLATES) {
        const pipe = parseReport(buildReport(template));
        const tabText = buildReport(template, { requestsFormat: 'tab', appealsFormat: 'tab' });
        const tab = parseReport(tabText);
        for (const kind of ['requests', 'appeals'] as const) {
          const a = table(pipe, kind);
          const b = table(tab, kind);
          assert.deepEqual(b.rowIds, a.rowIds);
          assert.equal(b.template, a.template);
          for (const [rowId, row] of a.cells) {
            for (const [columnId, c] of row) {
              const other = cell(b, rowId, columnId);
              assert.equal(other.text, c.text, `${rowId}/${columnId}`);
              assert.deepEqual(other.parsed, c.parsed);
              assert.equal(textAt(tabText, other.range), c.text);
            }
          }
          assert.deepEqual(b.labelIssues, []);
        }
      }
    });

    test('one, two or three label cells bind the same rows', () => {
      const layouts: Record<string, readonly string[]>[] = [
        { r1: ['三、本年度办理结果（一）予以公开'], 'r3.1': ['（三）不予公开1.属于国家秘密'], 'r4.2': ['2.没有现成信息需要另行制作'] },
        { r1: ['三、本年度办理结果', '（一）予以公开'], 'r3.1': ['（三）不予公开', '1.属于国家秘密'], 'r4.2': ['', '2.没有现成信息需要另行制作'] },
        { r1: ['三、本年度办理结果', '（一）予以公开', ''], 'r3.1': ['', '（三）不予公开', '1.属于国家秘密'], 'r4.2': ['', '', '2.没有现成信息需要另行制作'] },
        { r1: ['', '三、本年度办理结果', '（一）予以公开'], 'r3.1': ['（三）不予公开', '', '1.属于国家秘密'], 'r4.2': ['', '2.没有现成信息需要另行制作', ''] },
      ];
      const reference = table(parseReport(buildReport('2019')), 'requests');
      for (const labels of layouts) {
        const text = buildReport('2019', { requestLabels: labels });
        const t = table(parseReport(text), 'requests');
        assert.deepEqual(t.rowIds, reference.rowIds, JSON.stringify(labels));
        for (const rowId of ['r1', 'r3.1', 'r4.2']) assert.deepEqual(requestRowTexts(t, rowId), requestRowTexts(reference, rowId));
        assert.deepEqual(t.labelIssues, [], JSON.stringify(labels));
        assert.deepEqual(codes(diagnosticsOf(text)), [], JSON.stringify(labels));
      }
    });

    test('numbering in a cell of its own: | 一、 | 本年新收政府信息公开申请数量 |', () => {
      const text = buildReport('2021', { requestLabels: { new: ['一、', '本年新收政府信息公开申请数量', ''], carried: ['二、', '上年结转政府信息公开申请数量', ''] } });
      const t = table(parseReport(text), 'requests');
      assert.deepEqual(requestRowTexts(t, 'new'), ['5', '1', '0', '0', '1', '0', '7']);
      assert.deepEqual(requestRowTexts(t, 'carried'), ['1', '0', '0', '0', '0', '0', '1']);
      assert.deepEqual(t.labelIssues, []);
      assert.deepEqual(codes(diagnosticsOf(text)), []);
    });

    test('letter-spaced labels and ASCII brackets match', () => {
      const text = buildReport('2019', {
        requestLabels: { r1: ['三、本年度办理结果', '(一)予以公开', ''], 'r5.1': ['', '(五)不 予 处 理', '1. 信访举报投诉类申请'] },
      }).replace('| 结果维持 | 结果纠正 | 其他结果 |', '| 结 果 维 持 | 结 果 纠 正 | 其 他 结 果 |');
      const model = parseReport(text);
      const requests = table(model, 'requests');
      assert.deepEqual(requests.rowIds, requestRowIds('2019'));
      assert.deepEqual(requests.labelIssues, []);
      const appeals = table(model, 'appeals');
      assert.deepEqual(appeals.labelIssues, []);
      assert.equal(cell(appeals, 'appeals', 'review.total').text, '2');
      assert.deepEqual(codes(diagnosticsOf(text)), []);
    });

    test('a table split by one blank line is one table', () => {
      const text = buildReport('2021', {
        transform: (lines) => {
          const at = lines.findIndex((l) => l.includes('（四）无法提供'));
          return [...lines.slice(0, at), '', ...lines.slice(at)];
        },
      });
      const t = table(parseReport(text), 'requests');
      assert.deepEqual(t.rowIds, requestRowIds('2021'));
    });

    test('table 三 rows of each template', () => {
      for (const template of TEMPLATES) {
        const model = parseReport(buildReport(template));
        const t = table(model, 'requests');
        assert.equal(t.template, template);
        assert.deepEqual(t.rowIds, requestRowIds(template));
        assert.deepEqual([...t.cells.get('r7')!.keys()], [...REQUEST_COLUMN_IDS]);
        for (const rowId of t.rowIds) for (const c of t.cells.get(rowId)!.values()) assert.equal(c.kind, 'count');
      }
      assert.ok(requestRowIds('2019').includes('r6'));
      assert.ok(!requestRowIds('2021').includes('r6'));
    });

    test('table 三 follows its own rows: a 2021 report with the single （六） row is a 2019 table, and the reverse', () => {
      const oldTable = requestTableLines('2019');
      const text = buildReport('2021', {
        omitTables: ['requests'],
        transform: (lines) => {
          const at = lines.indexOf(`## ${HEADINGS[3]}`) + 2;
          return [...lines.slice(0, at), ...oldTable, '', ...lines.slice(at)];
        },
      });
      const model = parseReport(text);
      assert.equal(model.template, '2021');
      assert.equal(table(model, 'requests').template, '2019');
      assert.deepEqual(table(model, 'requests').rowIds, requestRowIds('2019'));
      const newTable = requestTableLines('2021');
      const reverse = buildReport('2019', {
        omitTables: ['requests'],
        transform: (lines) => {
          const at = lines.indexOf(`## ${HEADINGS[3]}`) + 2;
          return [...lines.slice(0, at), ...newTable, '', ...lines.slice(at)];
        },
      });
      const rm = parseReport(reverse);
      assert.equal(rm.template, '2019');
      assert.equal(table(rm, 'requests').template, '2021');
      assert.deepEqual(table(rm, 'requests').rowIds, requestRowIds('2021'));
    });

    test('table 二 blocks of the 2019 template', () => {
      const t = table(parseReport(buildReport('2019')), 'active');
      assert.equal(t.template, '2019');
      assert.deepEqual(t.rowIds, ['一.rules', '一.normative', '五.licensing', '五.otherServices', '六.penalty', '六.coercion', '八.fees', '九.procurement']);
      assert.deepEqual([...t.cells.get('一.normative')!.values()].map((c) => [c.columnId, c.kind, c.text]),
        [['made', 'count', '3'], ['published', 'count', '3'], ['total', 'count', '17']]);
      assert.deepEqual([...t.cells.get('五.licensing')!.values()].map((c) => [c.columnId, c.kind, c.text]),
        [['previous', 'count', '28'], ['change', 'signed', '-2'], ['decisions', 'count', '1356']]);
      assert.deepEqual(cell(t, '五.licensing', 'change').parsed, { kind: 'number', value: -2, fullwidth: false });
      assert.deepEqual([...t.cells.get('八.fees')!.values()].map((c) => [c.columnId, c.kind]), [['previous', 'count'], ['change', 'signed']]);
      assert.deepEqual([...t.cells.get('九.procurement')!.values()].map((c) => [c.columnId, c.kind, c.text]),
        [['projects', 'count', '6'], ['amount', 'amount', '186.4万元']]);
      assert.deepEqual(cell(t, '九.procurement', 'amount').parsed, { kind: 'number', value: 186.4, fullwidth: false });
    });

    test('table 二 blocks of the 2021 template', () => {
      const t = table(parseReport(buildReport('2021')), 'active');
      assert.equal(t.template, '2021');
      assert.deepEqual(t.rowIds, ['一.rules', '一.normative', '五.licensing', '六.penalty', '六.coercion', '八.fees']);
      assert.deepEqual([...t.cells.get('一.normative')!.values()].map((c) => [c.columnId, c.text]), [['issued', '4'], ['repealed', '2'], ['inForce', '23']]);
      assert.deepEqual([...t.cells.get('五.licensing')!.values()].map((c) => [c.columnId, c.kind, c.text]), [['decisions', 'count', '3428']]);
      assert.deepEqual([...t.cells.get('八.fees')!.values()].map((c) => [c.columnId, c.kind, c.text]), [['feeAmount', 'amount', '12.5']]);
      assert.deepEqual(cell(t, '八.fees', 'feeAmount').parsed, { kind: 'number', value: 12.5, fullwidth: false });
    });

    test('table 四: one data row of 15 numbers', () => {
      for (const format of ['pipe', 'tab'] as const) {
        const t = table(parseReport(buildReport('2019', { appealsFormat: format })), 'appeals');
        assert.deepEqual(t.rowIds, ['appeals']);
        assert.deepEqual([...t.cells.get('appeals')!.keys()], APPEAL_COLUMN_IDS);
        assert.deepEqual([...t.cells.get('appeals')!.values()].map((c) => c.text), ['1', '0', '0', '1', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']);
      }
    });
  });

  suite('year and template', () => {
    test('the year in the title decides: ≤ 2020 → 2019 template, ≥ 2021 → 2021 template', () => {
      for (const [year, template] of [[2019, '2019'], [2020, '2019'], [2021, '2021'], [2022, '2021']] as const) {
        const model = parseReport(`# 云溪市测试局${year}年政府信息公开工作年度报告\n\n## 一、总体情况\n`);
        assert.equal(model.year, year);
        assert.equal(model.yearSource, 'title');
        assert.equal(model.template, template, String(year));
        assert.equal(model.templateSource, 'year');
        assert.equal(model.title?.line, 0);
      }
    });

    test('the statistical period decides when the title has no year', () => {
      const model = parseReport('# 云溪市测试局政府信息公开工作年度报告\n\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n');
      assert.equal(model.year, 2020);
      assert.equal(model.yearSource, 'period');
      assert.equal(model.template, '2019');
      const later = parseReport('本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n');
      assert.equal(later.template, '2021');
      assert.equal(later.yearSource, 'period');
    });

    test('full-width digits in the statistical period', () => {
      const model = parseReport('# 某局政府信息公开工作年度报告\n\n本报告中所列数据的统计期限自２０２０年１月１日起至２０２０年１２月３１日止。\n');
      assert.equal(model.year, 2020);
      assert.equal(model.template, '2019');
    });

    test('without a year, the header words of table 二 decide', () => {
      for (const template of TEMPLATES) {
        const text = buildReport(template, { title: '云溪市测试局政府信息公开工作年度报告', period: false });
        const model = parseReport(text);
        assert.equal(model.yearSource, 'none');
        assert.equal(model.templateSource, 'header');
        assert.equal(model.template, template);
        assert.deepEqual(codes(diagnosticsOf(text)), [], template);
      }
    });

    test('with nothing to go by, the default is the 2021 template', () => {
      const model = parseReport('## 一、总体情况\n\n正文。\n');
      assert.equal(model.template, '2021');
      assert.equal(model.templateSource, 'default');
    });

    test('the setting overrides the year', () => {
      const text = buildReport('2021');
      const model = parseReport(text, { template: '2019' });
      assert.equal(model.template, '2019');
      assert.equal(model.templateSource, 'setting');
      assert.equal(parseReport(text, { template: 'auto' }).templateSource, 'year');
    });
  });

  suite('robustness: no throw, every range inside the document', () => {
    const check = (text: string, settings?: Parameters<typeof diagnosticsOf>[1]): void => {
      const diags = diagnosticsOf(text, settings);
      assertRangesInside(text, diags);
      const model = parseReport(text);
      const lines = splitLines(text);
      assert.equal(model.lineCount, lines.length);
      for (const t of model.tables) {
        for (const row of t.cells.values()) {
          for (const c of row.values()) {
            assert.ok(c.range.start.line < lines.length && c.range.end.character <= lines[c.range.end.line].length);
          }
        }
      }
    };

    test('binary garbage', () => {
      const next = seededRandom(42);
      for (let round = 0; round < 4; round++) {
        let bytes = '';
        for (let i = 0; i < 20000; i++) bytes += String.fromCharCode(Math.floor(next() * 256));
        check(bytes);
        let units = '';
        for (let i = 0; i < 20000; i++) units += String.fromCharCode(Math.floor(next() * 65536));
        check(units);
      }
      // Garbage with table and heading characters mixed in.
      const alphabet = ['|', '\t', '\n', '\r', '-', '#', '一、', '（', '）', '总计', '0', '１', ' ', '`', '<!--', '-->', '*', '\u0000', '\ud800'];
      let mixed = '';
      for (let i = 0; i < 20000; i++) mixed += alphabet[Math.floor(next() * alphabet.length)];
      check(mixed);
    });

    test('a 10,000-column row in table 三', () => {
      const text = buildReport('2019', { requests: { new: new Array(10000).fill('1') } });
      check(text);
    });

    test('5,000 tiny tables', () => {
      const tiny = '| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n';
      check(`${buildReport('2021')}\n${tiny.repeat(5000)}`);
      check(`## 三、收到和处理政府信息公开申请情况\n\n${'| 总计 | 1 |\n\n'.repeat(5000)}`);
    });

    test('NUL characters and lone surrogates', () => {
      const text = buildReport('2021')
        .replace('## 一、总体情况', '## 一、\u0000总体情况\ud800')
        .replace('| 规章 | 0 |', '| 规章\udc00 | \u00000 |')
        .replace('| 1 | 0 | 0 | 1 | 2 |', '| 1\ud83d | 0 | \u0000 | 1 | 2 |');
      assert.ok(text.includes('\u0000') && text.includes('\ud800'));
      check(text);
      check('\ud800'.repeat(1000));
      check('\u0000'.repeat(1000));
    });

    test('a single 2 MB line', () => {
      const size = 2 * 1024 * 1024;
      check('x'.repeat(size));
      const pipes = '| 1 '.repeat(size / 4);
      assert.equal(pipes.length, size);
      check(pipes);
      const cjk = `## 三、收到和处理政府信息公开申请情况\n${'| 总计 '.repeat(size / 5)}`;
      const diags = diagnosticsOf(cjk);
      assert.deepEqual(codes(diags), ['file-too-large'], dump(diags));
      check(cjk, { maxFileSizeKB: 8192 });
    });
  });
});
