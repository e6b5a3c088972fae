// importReport (server/src/service/importer.ts) and `gknb import` (server/src/cli/import.ts): a report
// taken from Word — plain text with tables one cell per line or tab-separated, HTML, or a .docx
// read with mammoth — becomes a gknb draft whose tables the checker reads with every row bound.
// Fixtures: test/unit/fixtures/import/ (written for these tests); the .docx is built here with jszip.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { runCli } from '../../server/src/cli/main';
import { importReport, looksLikeHtml, parseReport, reportSkeleton, type ImportResult, type ReportModel, type Table } from '../../server/src/service';
import { buildDistOnce, buildReport, codeBag, diagnosticsOf, dump, ofCode, splitLines } from './helpers';
import { outputProse, proseKey, proseProblems } from './fixtures/import/prose';
import { buildDocx, type DocxBlock, type DocxCell } from './docx';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'import');
const fixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

function tableOf(model: ReportModel, kind: Table['kind']): Table {
  const table = model.tables.find((t) => t.kind === kind);
  assert.ok(table, `no ${kind} table in the output`);
  return table;
}

function cellText(table: Table, rowId: string, columnId: string): string | undefined {
  return table.cells.get(rowId)?.get(columnId)?.text;
}

/** The section a table lies in, by its first line. */
function sectionOf(model: ReportModel, table: Table): number | undefined {
  return model.sections.find((s) => s.range.start.line < table.line && table.line <= s.range.end.line)?.number;
}

/** Every unmapped item points at an output line holding (the start of) its text. */
function assertUnmappedLines(result: ImportResult): void {
  const lines = splitLines(result.text);
  for (const item of result.unmapped) {
    assert.ok(item.line >= 0 && item.line < lines.length, `line ${item.line} outside the output`);
    const first = item.text.split(' ')[0];
    assert.ok(lines[item.line].includes(first), `output line ${item.line} “${lines[item.line]}” does not hold “${item.text}”`);
    assert.match(item.reason, /[\u4e00-\u9fff]/);
    assert.match(item.reason, /[a-z]/);
  }
}

const ARITHMETIC = ['row-total', 'result-total', 'balance', 'appeal-total'];

suite('importReport', () => {
  suite('plain text, one cell per line (cells.txt)', () => {
    const input = fixture('cells.txt');
    const result = importReport(input);
    const model = parseReport(result.text);
    const diagnostics = diagnosticsOf(result.text);

    test('the three tables are recognised in sections 二, 三 and 四, every row bound', () => {
      assert.deepEqual(model.tables.map((t) => t.kind), ['active', 'requests', 'appeals']);
      assert.deepEqual(model.tables.map((t) => sectionOf(model, t)), [2, 3, 4]);
      assert.equal(tableOf(model, 'active').rowIds.length, 8);
      assert.equal(tableOf(model, 'requests').rowIds.length, 23);
      assert.equal(tableOf(model, 'appeals').rowIds.length, 1);
      assert.equal(model.template, '2019');
    });

    test('values are the input cells, in order and as written', () => {
      const active = tableOf(model, 'active');
      assert.deepEqual(['made', 'published', 'total'].map((c) => cellText(active, '一.normative', c)), ['2', '2', '15']);
      assert.equal(cellText(active, '五.licensing', 'change'), '-1');
      assert.equal(cellText(active, '六.penalty', 'change'), '+2');
      assert.equal(cellText(active, '九.procurement', 'amount'), '36.5万元');
      const requests = tableOf(model, 'requests');
      assert.deepEqual(['natural', 'commercial', 'total'].map((c) => cellText(requests, 'new', c)), ['3', '1', '4']);
      assert.equal(cellText(requests, 'r4.1', 'natural'), '1');
      // The label Word broke over two lines (with a blank line between) is one label again.
      assert.equal(cellText(requests, 'r5.5', 'total'), '0');
      assert.match(result.text, /\| 5\.要求行政机关确认或重新出具已获取信息 \|/);
      const appeals = tableOf(model, 'appeals');
      assert.equal(cellText(appeals, 'appeals', 'review.upheld'), '1');
      assert.equal(cellText(appeals, 'appeals', 'review.total'), '1');
    });

    test('header cells broken over lines are joined', () => {
      assert.match(result.text, /\| 本年新公开数量 \| 对外公开总数量 \|/);
      assert.match(result.text, /\| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） \|/);
      assert.match(result.text, /\| 结果维持 \| 结果纠正 \| 其他结果 \| 尚未审结 \| 总计 \|/);
    });

    test('the standard layout: table 三 has 3 label cells and 7 values in every row', () => {
      const requests = tableOf(model, 'requests');
      for (const row of requests.rows) assert.equal(row.cells.length, 10, splitLines(result.text)[row.line]);
      const r1 = splitLines(result.text)[requests.rows.find((r) => r.cells[1]?.text === '（一）予以公开')!.line];
      assert.equal(r1, '| 三、本年度办理结果 | （一）予以公开 | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    });

    test('the defects of the draft are reported, and nothing else', () => {
      assert.deepEqual(codeBag(diagnostics), [...Array(7).fill('empty-cell'), ...Array(4).fill('heading-wording')], dump(diagnostics));
      const blankRow = splitLines(result.text).findIndex((l) => l.includes('8.属于行政查询事项'));
      for (const d of ofCode(diagnostics, 'empty-cell')) assert.equal(d.range.start.line, blankRow);
      const headings = ofCode(diagnostics, 'heading-wording').map((d) => splitLines(result.text)[d.range.start.line]);
      assert.deepEqual(headings, [
        '## 主动公开政府信息情况',
        '## 四、因政府信息公开申请行政复议、提起行政诉讼情况',
        '## 5、 存在的主要问题及改进情况',
        '## 六、其他需要报告的事项。',
      ]);
      assert.ok(!diagnostics.some((d) => ARITHMETIC.includes(String(d.code))));
    });

    test('the title broken over two lines is joined; headings keep their wording', () => {
      assert.equal(splitLines(result.text)[0], '# 云溪市测试局政府信息公开工作年度报告');
      assert.ok(result.notes.some((n) => n.includes('标题分在两行')));
      assert.ok(splitLines(result.text).includes('## 一、总体情况'));
    });

    test('prose is kept in order, character for character (whitespace aside)', () => {
      assert.deepEqual(proseProblems(input, result.text), []);
      // A paragraph Word indented with a TAB stays a paragraph.
      assert.ok(splitLines(result.text).includes('全年通过门户网站主动公开政府信息126条，其中政策文件12条。'));
    });

    test('an unrecognised tab-separated row stays as a paragraph and is listed as unmapped', () => {
      assert.equal(result.unmapped.length, 1);
      assert.equal(result.unmapped[0].text, '联系人 张三 联系电话 0000-1234567');
      assert.equal(splitLines(result.text)[result.unmapped[0].line], '联系人 张三 联系电话 0000-1234567');
      assertUnmappedLines(result);
    });
  });

  suite('plain text, tab-separated rows (rows.txt)', () => {
    const input = fixture('rows.txt');
    const result = importReport(input);
    const model = parseReport(result.text);
    const diagnostics = diagnosticsOf(result.text);

    test('a 2021-template report: tables recognised, （六） items bound', () => {
      assert.equal(model.template, '2021');
      assert.deepEqual(model.tables.map((t) => [t.kind, t.template, sectionOf(model, t)]), [['active', '2021', 2], ['requests', '2021', 3], ['appeals', '2021', 4]]);
      const requests = tableOf(model, 'requests');
      assert.equal(requests.rowIds.length, 25);
      assert.equal(cellText(requests, 'r6.3', 'total'), '0');
      assert.equal(cellText(tableOf(model, 'active'), '八.fees', 'feeAmount'), '12.4');
    });

    test('numbering in a cell of its own and letter-spaced group labels make one label', () => {
      assert.match(result.text, /^\| 一、本年新收政府信息公开申请数量 \| \| \| 5 \|/m);
      assert.match(result.text, /^\| 三、本年 度办 理结 果 \| \(一\)予以公开 \| \| 3 \|/m);
      assert.match(result.text, /^\| \| \| 8\.属于行政查询事项 \| 0 \|/m);
    });

    test('the draft\'s real defects survive the import: unknown label, result total, invalid number', () => {
      assert.deepEqual(codeBag(diagnostics), ['invalid-number', 'result-total', 'result-total', 'unknown-label'], dump(diagnostics));
      assert.match(String(ofCode(diagnostics, 'unknown-label')[0].message), /社会组织.*社会公益组织/);
      assert.equal(ofCode(diagnostics, 'balance').length, 0, 'E1 holds; only I1 is broken');
    });

    test('prose kept, nothing unmapped', () => {
      assert.deepEqual(proseProblems(input, result.text), []);
      assert.deepEqual(result.unmapped, []);
      assert.equal(splitLines(result.text)[0], '# 云溪市测试局 2023 年政府信息公开工作年度报告');
    });
  });

  suite('HTML (report.html, as Word saves a web page)', () => {
    const input = fixture('report.html');
    const result = importReport(input, { format: 'html' });
    const model = parseReport(result.text);

    test('rowspan and colspan are expanded: every row of the three tables is bound', () => {
      assert.deepEqual(model.tables.map((t) => [t.kind, sectionOf(model, t), t.rowIds.length]), [['active', 2, 6], ['requests', 3, 25], ['appeals', 4, 1]]);
      const requests = tableOf(model, 'requests');
      assert.equal(cellText(requests, 'r6.3', 'legal'), '1');
      assert.equal(cellText(requests, 'r7', 'total'), '11');
      assert.equal(cellText(tableOf(model, 'appeals'), 'appeals', 'direct.pending'), '1');
      assert.match(result.text, /^\| 三、本年度办理结果 \| （一）予以公开 \| \| 4 \| 1 \|/m);
      assert.match(result.text, /^\| \| \| 5\.要求行政机关确认或重新出具已获取信息 \|/m);
    });

    test('a consistent report imports with no diagnostic at all', () => {
      const diagnostics = diagnosticsOf(result.text);
      assert.deepEqual(diagnostics, [], dump(diagnostics));
    });

    test('paragraphs become lines; markup, styles and conditional comments are dropped; Markdown is escaped', () => {
      assert.deepEqual(outputProse(result.text).filter((l) => !l.startsWith('#')), [
        '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。如对本报告有疑问，请与云溪市测试局办公室联系。',
        '（一）\u00a0\u00a0 主动公开',
        '全年主动公开政府信息\u00a0318\u00a0条，政策解读\u00a012\u00a0篇。',
        '\\# 本段以井号开头，不是标题。',
        '网页中偶见 <\\!-- 字样，也应原样保留。',
        '本年度依申请公开工作总体平稳。',
        '一是信息公开的主动性仍需加强。',
        '本年度未收取信息处理费。',
        '联系人 李四',
        '联系电话 0000-7654321',
        '云溪市测试局',
      ], outputProse(result.text).join('\n'));
      assert.ok(!/mso|supportLists|DocumentProperties|MsoNormal/.test(result.text));
      assert.equal(splitLines(result.text)[0], '# 云溪市测试局2022年政府信息公开工作年度报告');
    });

    test('the table that is none of the three is kept as paragraphs and listed, row by row', () => {
      assert.deepEqual(result.unmapped.map((u) => u.text), ['联系人 李四', '联系电话 0000-7654321']);
      assertUnmappedLines(result);
    });

    test('HTML is recognised without being told', () => {
      assert.ok(looksLikeHtml(input));
      assert.equal(importReport(input).text, result.text);
      assert.ok(!looksLikeHtml(fixture('cells.txt')));
    });
  });

  test('the prose check ignores whitespace, heading marks and escapes (test helper)', () => {
    assert.equal(proseKey('## 一、 总体情况\u00a0'), '一、总体情况');
    assert.equal(proseKey('\\# 井号'), '#井号');
  });

  suite('the standard layout', () => {
    test('a standard draft imports to itself (both templates, filled and blank)', () => {
      for (const year of [2020, 2023]) {
        for (const fill of ['0', '']) {
          const draft = reportSkeleton({ year, fill });
          const result = importReport(draft);
          assert.equal(result.text, draft, `${year} fill=${JSON.stringify(fill)}`);
          assert.deepEqual(result.unmapped, []);
        }
      }
    });

    test('a correct report keeps zero diagnostics and every value', () => {
      for (const template of ['2019', '2021'] as const) {
        const draft = buildReport(template);
        const imported = importReport(draft).text;
        assert.deepEqual(diagnosticsOf(imported), [], template);
        const before = parseReport(draft);
        const after = parseReport(imported);
        assert.deepEqual(
          after.tables.map((t) => [...t.cells].map(([row, cells]) => [row, [...cells].map(([c, v]) => [c, v.text])])),
          before.tables.map((t) => [...t.cells].map(([row, cells]) => [row, [...cells].map(([c, v]) => [c, v.text])])),
          template,
        );
      }
    });

    test('importing twice changes nothing more', () => {
      for (const name of ['cells.txt', 'rows.txt', 'report.html']) {
        const once = importReport(fixture(name)).text;
        assert.equal(importReport(once).text, once, name);
      }
    });

    test('CRLF line breaks and a BOM read like LF', () => {
      const input = fixture('cells.txt');
      assert.equal(importReport(`\ufeff${input.replace(/\n/g, '\r\n')}`).text, importReport(input).text);
    });

    test('empty input gives an empty draft', () => {
      assert.deepEqual(importReport(''), { text: '', unmapped: [], notes: [] });
      assert.equal(importReport('<html><body></body></html>').text, '');
    });
  });

  suite('headings and title', () => {
    const body = (heading: string) => `某局2020年政府信息公开工作年度报告\n\n${heading}\n\n正文。\n`;

    test('an accepted variant is kept as written (heading-wording still suggests the canonical)', () => {
      for (const heading of ['一、概述', '1、 总体情况', '二、主动公开政府信息统计情况', '六、其他需要报告的事项。']) {
        const text = importReport(body(heading)).text;
        assert.ok(splitLines(text).includes(`## ${heading}`), text);
        assert.equal(ofCode(diagnosticsOf(text), 'heading-wording').length, 1, heading);
      }
    });

    test('a canonical heading stays canonical; Markdown marks and bold are kept', () => {
      assert.ok(splitLines(importReport(body('三、收到和处理政府信息公开申请情况')).text).includes('## 三、收到和处理政府信息公开申请情况'));
      const text = importReport(body('#### **六、其他需要报告的事项**')).text;
      assert.ok(splitLines(text).includes('## **六、其他需要报告的事项**'), text);
      assert.equal(ofCode(diagnosticsOf(text), 'heading-wording').length, 0);
    });

    test('a mistyped heading is written canonically, and the note says what it was', () => {
      const result = importReport(body('四、政府信息公开行政法复议、行政诉讼情况'));
      assert.ok(splitLines(result.text).includes('## 四、政府信息公开行政复议、行政诉讼情况'));
      assert.ok(result.notes.some((n) => n.includes('行政法复议')), result.notes.join('\n'));
    });

    test('only the first line naming 年度报告 before the sections is the title', () => {
      const text = importReport('前言\n\n某局2020年政府信息公开工作年度报告\n\n一、总体情况\n\n另见2019年度报告。\n').text;
      assert.deepEqual(splitLines(text).filter((l) => l.startsWith('#')), ['# 某局2020年政府信息公开工作年度报告', '## 一、总体情况']);
    });

    test('a title is not joined with a sentence above it', () => {
      const result = importReport('根据《条例》，现公布如下。\n年度报告\n');
      assert.deepEqual(splitLines(result.text).slice(0, 3), ['根据《条例》，现公布如下。', '', '# 年度报告']);
    });
  });

  suite('what cannot be placed', () => {
    const requestsTail = [
      '\t\t益\t\t\t\t\t\t\t',
      '\t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0',
      '\t\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0',
      '\t（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0',
      '\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0',
      '\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0',
      '\t（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0',
      '\t\t2.重复申请\t0\t0\t0\t0\t0\t0\t0',
      '\t\t3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0',
      '\t\t4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0',
      '\t\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0',
      '\t（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0',
      '\t（七）总计\t\t0\t0\t0\t0\t0\t0\t0',
      '四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0',
    ];

    test('a truncated table: the standard header is added, missing-row says which rows are gone', () => {
      const result = importReport(['某局2020年政府信息公开工作年度报告', '', '三、收到和处理政府信息公开申请情况', '', ...requestsTail, ''].join('\n'));
      const diagnostics = diagnosticsOf(result.text);
      const missing = ofCode(diagnostics, 'missing-row');
      assert.equal(missing.length, 1, dump(diagnostics));
      assert.match(String(missing[0].message), /一、本年新收政府信息公开申请数量.*6\.属于四类过程性信息/);
      assert.ok(result.notes.some((n) => n.includes('表三没有表头行')));
      // The fragment `益` (the end of a label cut in two) stays where it was, and is listed.
      assert.deepEqual(result.unmapped.map((u) => u.text), ['益']);
      assert.ok(splitLines(result.text)[result.unmapped[0].line].startsWith('| | | 益 |'));
      assert.equal(ofCode(diagnostics, 'unknown-label').length, 1);
      assert.ok(!diagnostics.some((d) => ARITHMETIC.includes(String(d.code))), dump(diagnostics));
    });

    test('a short row is padded with blanks so empty-cell points at them; the note says so', () => {
      const rows = ['三、收到和处理政府信息公开申请情况', '', '\t（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0'];
      const result = importReport(rows.join('\n'));
      assert.match(result.text, /^\| \| （四）无法提供 \| 1\.本机关不掌握相关政府信息 \| 0 \| 0 \| 0 \| 0 \| 0 \| \| \|$/m);
      assert.equal(ofCode(diagnosticsOf(result.text), 'empty-cell').length, 2);
      assert.ok(result.notes.some((n) => n.includes('已补 2 个空单元格')), result.notes.join('\n'));
    });

    test('more numbers than the template has: kept before the values, listed, and flagged by the checker', () => {
      const header = ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉'];
      const data = Array(16).fill('0').join('\t');
      const result = importReport(['四、政府信息公开行政复议、行政诉讼情况', '', ...header, data].join('\n'));
      assert.equal(result.unmapped.length, 1);
      assert.match(result.unmapped[0].reason, /数值单元格比模板多/);
      const table = tableOf(parseReport(result.text), 'appeals');
      assert.equal(table.rowIds.length, 1);
      assert.equal(splitLines(result.text)[result.unmapped[0].line].split('|').length - 2, 16);
    });

    test('a header word that fits no column is kept after the table, and listed', () => {
      const result = importReport(['二、主动公开政府信息情况', '', '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\t备注说明栏', '规章\t0\t0\t0'].join('\n'));
      assert.deepEqual(result.unmapped.map((u) => u.text), ['备注说明栏']);
      assertUnmappedLines(result);
      assert.equal(tableOf(parseReport(result.text), 'active').rowIds.length, 1);
    });

    test('a Markdown pipe table that is none of the three is kept as written', () => {
      const input = '# 某局2020年政府信息公开工作年度报告\n\n| 联系人 | 电话 |\n|---|---|\n| 张三 | 123 |\n';
      const result = importReport(input);
      assert.match(result.text, /^\| 联系人 \| 电话 \|\n\|---\|---\|\n\| 张三 \| 123 \|$/m);
      assert.equal(result.unmapped.length, 1);
    });

    test('fenced code is copied verbatim; a pipe in a cell is escaped', () => {
      const fenced = '```\n一、总体情况\n\t规章\t0\n```';
      assert.ok(importReport(`开头\n\n${fenced}\n`).text.includes(fenced));
      const text = importReport('二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章|条例\t0\t0\t0\n').text;
      assert.match(text, /^\| 规章\\\|条例 \| 0 \| 0 \| 0 \|$/m);
      const active = tableOf(parseReport(text), 'active');
      assert.equal(active.rows[active.rows.length - 1].cells.length, 4);
    });
  });
});

// ---------------------------------------------------------------------------------------
// The command line.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A .docx made of paragraphs and tables (cells may span columns or continue a vertical merge). */
const v = (...values: (string | number)[]): DocxCell[] => values.map((x) => ({ text: String(x) }));
const ZEROS = [0, 0, 0, 0, 0, 0, 0];

/** A 2020 report (2019 template) with merged cells as Word writes them; 行政复议·总计 is wrong (2, parts sum to 1). */
function docxReport(): DocxBlock[] {
  const requestRows: DocxCell[][] = [
    [{ paras: ['（本列数据的勾稽关系为：第一项加第二项之和，', '等于第三项加第四项之和）'], span: 3, merge: 'restart' }, { text: '申请人情况', span: 7 }],
    [{ span: 3, merge: 'continue' }, { text: '自然人', merge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: '总计', merge: 'restart' }],
    [{ span: 3, merge: 'continue' }, { merge: 'continue' }, ...v('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'), { merge: 'continue' }],
    [{ text: '一、本年新收政府信息公开申请数量', span: 3 }, ...v(2, 1, 0, 0, 0, 0, 3)],
    [{ text: '二、上年结转政府信息公开申请数量', span: 3 }, ...v(...ZEROS)],
    [{ text: '三、本年度办理结果', merge: 'restart' }, { text: '（一）予以公开', span: 2 }, ...v(1, 1, 0, 0, 0, 0, 2)],
    [{ merge: 'continue' }, { text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', span: 2 }, ...v(...ZEROS)],
  ];
  const group = (label: string, items: string[], values: (n: number) => (string | number)[]) => items.forEach((item, i) => {
    requestRows.push([{ merge: 'continue' }, i === 0 ? { text: label, merge: 'restart' } : { merge: 'continue' }, { text: item }, ...v(...values(i))]);
  });
  group('（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'], () => ZEROS);
  group('（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'], (i) => (i === 0 ? [1, 0, 0, 0, 0, 0, 1] : ZEROS));
  group('（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'], () => ZEROS);
  requestRows.push([{ merge: 'continue' }, { text: '（六）其他处理', span: 2 }, ...v(...ZEROS)]);
  requestRows.push([{ merge: 'continue' }, { text: '（七）总计', span: 2 }, ...v(2, 1, 0, 0, 0, 0, 3)]);
  requestRows.push([{ text: '四、结转下年度继续办理', span: 3 }, ...v(...ZEROS)]);
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    { p: '云溪市测试局2020年政府信息公开工作年度报告' },
    { p: '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。' },
    { p: '一、总体情况' },
    { p: '本年度，我局持续深化政府信息公开工作。' },
    { p: '二、主动公开政府信息情况' },
    {
      table: [
        [{ text: '第二十条第（一）项', span: 4 }], v('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'), v('规章', 0, 0, 0), v('规范性文件', 1, 1, 9),
        [{ text: '第二十条第（五）项', span: 4 }], v('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'), v('行政许可', 10, 1, 88), v('其他对外管理服务事项', 2, 0, 6),
        [{ text: '第二十条第（六）项', span: 4 }], v('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'), v('行政处罚', 20, -2, 11), v('行政强制', 1, 0, 0),
        [{ text: '第二十条第（八）项', span: 4 }], [...v('信息内容', '上一年项目数量'), { text: '本年增/减', span: 2 }], [...v('行政事业性收费', 1), { text: '0', span: 2 }],
        [{ text: '第二十条第（九）项', span: 4 }], [...v('信息内容', '采购项目数量'), { text: '采购总金额', span: 2 }], [...v('政府集中采购', 1), { text: '12.8万元', span: 2 }],
      ],
    },
    { p: '三、收到和处理政府信息公开申请情况' },
    { table: requestRows },
    { p: '四、政府信息公开行政复议、行政诉讼情况' },
    {
      table: [
        [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }],
        [...outcomes.map((o) => ({ text: o, merge: 'restart' as const })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }],
        [...outcomes.map(() => ({ merge: 'continue' as const })), ...v(...outcomes, ...outcomes)],
        v(1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      ],
    },
    { p: '五、存在的主要问题及改进情况' },
    { p: '一是政策解读形式较为单一。' },
    { p: '六、其他需要报告的事项' },
    { p: '无。' },
  ];
}

suite('gknb import (CLI)', () => {
  let dir: string;
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  async function cli(...argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { cwd: dir, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { code, stdout, stderr };
  }

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-import-'));
    write('cells.txt', fixture('cells.txt'));
    write('report.html', fixture('report.html'));
    write('page.htm', '<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>');
    write('report.docx', Buffer.from(await buildDocx(docxReport())));
    write('broken.docx', 'this is not a zip file');
    write('report.doc', 'binary');
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  suite('arguments', () => {
    test('import takes one file and -o/--output', () => {
      assert.deepEqual(parseArgs(['import', 'a.txt']), { command: 'import', input: 'a.txt', template: 'auto', locale: 'zh-cn' });
      assert.deepEqual(parseArgs(['import', '-o', 'b.gknb.md', 'a.docx', '--template=2019']), {
        command: 'import', input: 'a.docx', output: 'b.gknb.md', template: '2019', locale: 'zh-cn',
      });
      assert.deepEqual(parseArgs(['import', 'a.html', '--output=c.gknb.md', '-l', 'en']), {
        command: 'import', input: 'a.html', output: 'c.gknb.md', template: 'auto', locale: 'en',
      });
    });

    test('usage errors, in Chinese and English', () => {
      for (const argv of [['import'], ['import', 'a.txt', 'b.txt'], ['import', 'a.txt', '--fix'], ['import', 'a.txt', '--format', 'json'], ['import', 'a.txt', '-o'], ['check', 'a.md', '-o', 'x.md']]) {
        assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && /[\u4e00-\u9fff]/.test(error.zh) && /[a-z]/i.test(error.en), argv.join(' '));
      }
    });

    test('--help shows the import command', async () => {
      const help = await cli('--help');
      assert.match(help.stdout, /gknb import <文件> \[-o 输出\.gknb\.md\]/);
      assert.match(help.stdout, /-o, --output/);
    });
  });

  test('a .txt file: the draft on stdout, the unmapped pieces and a summary on stderr, exit 0', async () => {
    const run = await cli('import', 'cells.txt');
    assert.equal(run.code, 0, run.stderr);
    const expected = importReport(fixture('cells.txt'));
    assert.equal(run.stdout, expected.text);
    const item = expected.unmapped[0];
    assert.ok(run.stderr.includes(`<stdout>:${item.line + 1}: ${item.text}`), run.stderr);
    assert.match(run.stderr, /已导入 cells\.txt → <stdout>：识别出 3 张表格，1 处未能归入/);
  });

  test('-o writes the file atomically (a new file, then over an old one), nothing else left behind', async () => {
    const first = await cli('import', 'cells.txt', '-o', 'out/draft.gknb.md');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    const written = fs.readFileSync(path.join(dir, 'out', 'draft.gknb.md'), 'utf8');
    assert.equal(written, importReport(fixture('cells.txt')).text);
    write('out/draft.gknb.md', 'old content');
    const second = await cli('import', 'report.html', '--output', 'out/draft.gknb.md');
    assert.equal(second.code, 0, second.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'out', 'draft.gknb.md'), 'utf8'), importReport(fixture('report.html'), { format: 'html' }).text);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['draft.gknb.md']);
    const check = await cli('check', 'out/draft.gknb.md');
    assert.equal(check.code, 0, check.stdout);
  });

  test('the format is chosen by the extension: .htm is HTML even without <html>', async () => {
    const run = await cli('import', 'page.htm');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, importReport(fs.readFileSync(path.join(dir, 'page.htm'), 'utf8'), { format: 'html' }).text);
    assert.match(run.stdout, /^\| 行政复议 \|/m);
  });

  test('a .docx is read through mammoth: merged cells, tables recognised, the defect reported', async () => {
    const run = await cli('import', 'report.docx', '-o', 'docx.gknb.md');
    assert.equal(run.code, 0, run.stderr);
    const text = fs.readFileSync(path.join(dir, 'docx.gknb.md'), 'utf8');
    const model = parseReport(text);
    assert.deepEqual(model.tables.map((t) => [t.kind, sectionOf(model, t), t.rowIds.length]), [['active', 2, 8], ['requests', 3, 23], ['appeals', 4, 1]]);
    assert.equal(splitLines(text)[0], '# 云溪市测试局2020年政府信息公开工作年度报告');
    assert.equal(cellText(tableOf(model, 'active'), '九.procurement', 'amount'), '12.8万元');
    assert.equal(cellText(tableOf(model, 'requests'), 'r4.1', 'total'), '1');
    assert.match(text, /^\| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） \| \| \| 申请人情况 \|/m);
    const diagnostics: Diagnostic[] = diagnosticsOf(text);
    assert.deepEqual(codeBag(diagnostics), ['appeal-total'], dump(diagnostics));
    assert.match(String(diagnostics[0].message), /行政复议总计应为 1/);
    assert.deepEqual(proseProblems(['云溪市测试局2020年政府信息公开工作年度报告', '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
      '一、总体情况', '本年度，我局持续深化政府信息公开工作。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '一是政策解读形式较为单一。', '六、其他需要报告的事项', '无。'].join('\n'), text), []);
  });

  test('text that is not UTF-8 is read as GB18030 (GBK), and the note says so', async () => {
    // 一、总体情况 / 正文。 in GBK.
    const gbk = Buffer.from('d2bba1a2d7dccce5c7e9bff60a0ad5fdcec4a1a30a', 'hex');
    write('gbk.txt', gbk);
    const run = await cli('import', 'gbk.txt');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '## 一、总体情况\n\n正文。\n');
    assert.match(run.stderr, /GB18030/);
  });

  test('exit 2: unsupported type, missing file, unreadable .docx, output = input', async () => {
    for (const argv of [['import', 'report.doc'], ['import', 'nope.txt'], ['import', 'broken.docx'], ['import', 'cells.txt', '-o', 'cells.txt'], ['import']]) {
      const run = await cli(...argv);
      assert.equal(run.code, 2, `${argv.join(' ')}\n${run.stderr}`);
      assert.match(run.stderr, /[\u4e00-\u9fff][\s\S]*[a-z]/i, argv.join(' '));
      assert.equal(run.stdout, '');
    }
    assert.equal(fs.readFileSync(path.join(dir, 'cells.txt'), 'utf8'), fixture('cells.txt'), 'the input is untouched');
  });

  suite('dist/cli.js (real process)', () => {
    const bundle = path.join(root, 'dist', 'cli.js');
    suiteSetup(function () {
      this.timeout(120_000);
      buildDistOnce();
    });

    test('the bundle imports a .docx (mammoth is bundled) and a .txt', () => {
      const docx = spawnSync(process.execPath, [bundle, 'import', 'report.docx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
      assert.equal(docx.status, 0, docx.stderr);
      assert.equal(parseReport(docx.stdout).tables.length, 3);
      const txt = spawnSync(process.execPath, [bundle, 'import', 'cells.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
      assert.equal(txt.status, 0, txt.stderr);
      assert.equal(txt.stdout, importReport(fixture('cells.txt')).text);
    });
  });
});
