import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { hover } from '../../server/src/service/hover';
import type { Locale } from '../../server/src/service/settings';
import { parseReport } from '../../server/src/service/parser';
import { APPEAL_ROW_ID, resultRowIds } from '../../server/src/service/template';
import {
  HEADINGS, TEMPLATES, buildReport, defaultRequestValues, diagnosticsOf, lineOf, requestCellRange, single, splitLines, textAt, type RequestColumnId, type Template,
} from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function hoverAt(text: string, position: Position, locale: Locale = 'zh-cn'): Hover | undefined {
  return hover(parseReport(text), text, position, locale);
}

function valueOf(h: Hover | undefined): string {
  assert.ok(h, 'expected a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** Hover in the middle of a table 三 cell; asserts the hover's range is the cell. */
function requestHover(text: string, template: Template, rowId: string, column: RequestColumnId, locale: Locale = 'zh-cn'): string {
  const range = requestCellRange(text, template, rowId, column);
  const h = hoverAt(text, range.start, locale);
  assert.deepEqual(h?.range, range);
  return valueOf(h);
}

function appealRange(text: string, columnId: string): Range {
  const table = parseReport(text).tables.find((t) => t.kind === 'appeals')!;
  return table.cells.get(APPEAL_ROW_ID)!.get(columnId)!.range;
}

suite('hover: value cells', () => {
  test('a plain cell: table, row and column in the official wording, no relation', () => {
    const text = buildReport('2021');
    const value = requestHover(text, '2021', 'r3.1', 'natural');
    assert.ok(value.startsWith('**表三** （三）不予公开 1.属于国家秘密 · 自然人'), value);
    assert.ok(!/[✓✗]/.test(value), value);
    const org = requestHover(text, '2021', 'r6.2', 'legal');
    assert.ok(org.startsWith('**表三** （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 法人或其他组织 法律服务机构'), org);
  });

  test('hover anywhere in the cell, including right after its text', () => {
    const text = buildReport('2019');
    const range = requestCellRange(text, '2019', 'new', 'natural');
    for (const p of [range.start, range.end]) assert.ok(hoverAt(text, p)?.range, `no hover at ${p.character}`);
    assert.equal(hoverAt(text, { line: range.start.line, character: range.start.character - 2 }), undefined, 'the pipe is not the cell');
  });

  test('tables 二 and 四: block, row and column', () => {
    const text = buildReport('2019');
    const model = parseReport(text);
    const active = model.tables.find((t) => t.kind === 'active')!;
    const cell = active.cells.get('五.licensing')!.get('change')!;
    const value = valueOf(hoverAt(text, cell.range.start));
    assert.ok(value.startsWith('**表二** 第二十条第（五）项 行政许可 · 本年增/减'), value);
    const litigation = valueOf(hoverAt(text, appealRange(text, 'direct.upheld').start));
    assert.ok(litigation.startsWith('**表四** 行政诉讼 未经复议直接起诉 · 结果维持'), litigation);
  });

  for (const template of TEMPLATES) {
    test(`a correct row total (${template}): formula with the numbers and ✓`, () => {
      const text = buildReport(template);
      const value = requestHover(text, template, 'new', 'total');
      assert.ok(value.includes('总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他'), value);
      assert.ok(value.includes('本年新收·总计 = 5+1+0+0+1+0 = 7 ✓'), value);
    });

    test(`a correct （七）总计 (${template}): every term listed, ✓`, () => {
      const text = buildReport(template);
      const values = defaultRequestValues(template);
      const terms = resultRowIds(template).map((id) => values[id][0]);
      const value = requestHover(text, template, 'r7', 'natural');
      assert.equal(terms.length, template === '2019' ? 19 : 21);
      assert.ok(value.includes(`（七）总计·自然人 = ${terms.join('+')} = ${values.r7[0]} ✓`), value);
      assert.ok(value.includes(template === '2021' ? '（五）1–5+（六）1–3' : '（五）1–5+（六）'), value);
    });
  }

  test('a wrong row total: ✗ with the value the rule expects', () => {
    const text = buildReport('2021', { requests: { r1: { total: 4 } } });
    const diag = single(diagnosticsOf(text), 'row-total');
    const expected = (diag.data as { expected: number }).expected;
    assert.equal(expected, 3);
    const value = requestHover(text, '2021', 'r1', 'total');
    assert.ok(value.includes(`予以公开·总计 = 2+1+0+0+0+0 = 3 ✗ 应为 ${expected}，实际 4`), value);
    const en = requestHover(text, '2021', 'r1', 'total', 'en');
    assert.ok(en.startsWith('**Table 三** （一）予以公开 · 总计'), en);
    assert.ok(en.includes(`= 3 ✗ should be ${expected}, found 4`), en);
  });

  test('a wrong （七）总计: ✗ with the expected sum; blank terms count as 0', () => {
    const text = buildReport('2019', { requests: { r7: { natural: 9 }, 'r3.1': { natural: '' } } });
    const diag = diagnosticsOf(text).find((d) => d.code === 'result-total' && (d.data as { columnId: string }).columnId === 'natural')!;
    const expected = (diag.data as { expected: number }).expected;
    const value = requestHover(text, '2019', 'r7', 'natural');
    const values = defaultRequestValues('2019');
    const terms = resultRowIds('2019').map((id) => values[id][0]);
    assert.ok(value.includes(`（七）总计·自然人 = ${terms.join('+')} = ${expected} ✗ 应为 ${expected}，实际 9`), value);
    // The blank cell itself says it counts as 0.
    assert.ok(requestHover(text, '2019', 'r3.1', 'natural').includes('未填写'));
  });

  test('an unreadable term: the relation is not checked and the cell is named', () => {
    const text = buildReport('2021', { requests: { 'r3.2': { natural: '无' } } });
    const value = requestHover(text, '2021', 'r7', 'natural');
    assert.ok(value.includes('?'), value);
    assert.ok(value.includes('⚠') && value.includes('无'), value);
    assert.ok(!/（七）总计·自然人 = [^\n]*[✓✗]/.test(value), value);
    const cell = requestHover(text, '2021', 'r3.2', 'natural');
    assert.ok(cell.includes('不是有效的数字'), cell);
  });

  test('结转下年度继续办理: the printed relation 一 + 二 = （七） + 四 with numbers', () => {
    const good = buildReport('2021');
    const ok = requestHover(good, '2021', 'carryover', 'natural');
    assert.ok(ok.includes('一 + 二 = （七）总计 + 四'), ok);
    assert.ok(ok.includes('自然人：5 + 1 = 5 + 1（6 = 6） ✓'), ok);

    const bad = buildReport('2021', { requests: { carryover: { natural: 3, total: 3 } } });
    const diag = diagnosticsOf(bad).find((d) => d.code === 'balance')!;
    const { received, carried, handled } = diag.data as { received: number; carried: number; handled: number };
    const value = requestHover(bad, '2021', 'carryover', 'natural');
    assert.ok(value.includes(`自然人：5 + 1 = 5 + 3（6 ≠ 8） ✗ 四应为 5+1−5 = ${received + carried - handled}，实际 3`), value);
    const en = requestHover(bad, '2021', 'carryover', 'natural', 'en');
    assert.ok(en.includes('✗ 四 should be 5+1−5 = 1, found 3'), en);
  });

  test('table 四 totals: ✓ and ✗', () => {
    const good = buildReport('2019');
    const ok = valueOf(hoverAt(good, appealRange(good, 'review.total').start));
    assert.ok(ok.includes('行政复议·总计 = 1+0+0+1 = 2 ✓'), ok);
    const bad = buildReport('2019', { appeals: { 'direct.total': 4 } });
    const value = valueOf(hoverAt(bad, appealRange(bad, 'direct.total').start));
    assert.ok(value.includes('未经复议直接起诉·总计 = 1+0+0+0 = 1 ✗ 应为 1，实际 4'), value);
  });
});

suite('hover: section headings', () => {
  function headingHover(template: Template, section: 1 | 2 | 3 | 4 | 5 | 6, locale: Locale = 'zh-cn', text = buildReport(template)): Hover {
    const line = lineOf(text, HEADINGS[section]);
    const start = splitLines(text)[line].indexOf(HEADINGS[section]);
    const h = hoverAt(text, { line, character: start + 2 }, locale);
    assert.ok(h);
    assert.equal(textAt(text, h.range!), HEADINGS[section]);
    return h;
  }

  test('二 on 2021: the four blocks and their columns', () => {
    const value = valueOf(headingHover('2021', 2));
    for (const word of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '本年制发件数', '现行有效件数', '本年收费金额（单位：万元）']) {
      assert.ok(value.includes(word), word);
    }
    assert.ok(!value.includes('第二十条第（九）项：'), value);
    assert.ok(value.includes('2021 版'), value);
  });

  test('二 on 2019: five blocks, the old columns', () => {
    const value = valueOf(headingHover('2019', 2));
    for (const word of ['第二十条第（九）项：政府集中采购', '上一年项目数量', '本年增/减', '其他对外管理服务事项']) assert.ok(value.includes(word), word);
    assert.ok(value.includes('国办公开办函〔2019〕60号'), value);
  });

  test('一: five sub-heads on 2021, none required on 2019', () => {
    const y2021 = valueOf(headingHover('2021', 1));
    for (const s of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']) assert.ok(y2021.includes(s), s);
    const y2019 = valueOf(headingHover('2019', 1));
    assert.ok(!y2019.includes('（五）监督保障'), y2019);
  });

  test('六: the processing fee on 2021 only', () => {
    assert.ok(valueOf(headingHover('2021', 6)).includes('信息处理费'));
    assert.ok(!valueOf(headingHover('2019', 6)).includes('信息处理费'));
  });

  test('三 and 四: the table and its relations', () => {
    const three = valueOf(headingHover('2021', 3));
    assert.ok(three.includes('一 + 二 = （七）总计 + 四'), three);
    assert.ok(three.includes('（六）其他处理分三项'), three);
    assert.ok(valueOf(headingHover('2019', 3)).includes('（六）其他处理为一行'));
    const four = valueOf(headingHover('2019', 4));
    assert.ok(four.includes('结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计'), four);
  });

  test('a variant heading: the canonical wording', () => {
    const text = buildReport('2021', { headings: { 1: '## 一、概述' } });
    const line = lineOf(text, '一、概述');
    const h = hoverAt(text, { line, character: 5 });
    assert.ok(valueOf(h).startsWith('**一、总体情况**（规范写法'), valueOf(h));
    assert.equal(textAt(text, h!.range!), '一、概述');
  });

  test('English', () => {
    const value = valueOf(headingHover('2021', 2, 'en'));
    assert.ok(value.includes('Must hold table 二'), value);
    assert.ok(value.includes('Template: 2021 format'), value);
    assert.ok(valueOf(headingHover('2021', 6, 'en')).includes('information processing fees'));
  });
});

suite('hover: nothing elsewhere', () => {
  test('body text, blank lines, labels, the # marks, the examples', () => {
    const text = buildReport('2021');
    const body = lineOf(text, '本年度依申请公开工作总体平稳');
    assert.equal(hoverAt(text, { line: body, character: 3 }), undefined);
    assert.equal(hoverAt(text, { line: body + 1, character: 0 }), undefined);
    const label = lineOf(text, '（一）予以公开');
    assert.equal(hoverAt(text, { line: label, character: splitLines(text)[label].indexOf('予以公开') }), undefined);
    const heading = lineOf(text, HEADINGS[3]);
    assert.equal(hoverAt(text, { line: heading, character: 0 }), undefined, 'the # marks are not the heading text');
    assert.equal(hoverAt(text, { line: 0, character: 4 }), undefined, 'no hover on the title');
  });

  test('every bound cell of the examples has a hover; totals all ✓', () => {
    for (const name of ['report-2020.gknb.md', 'report-2021.gknb.md']) {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      const model = parseReport(text);
      for (const table of model.tables) {
        for (const row of table.cells.values()) {
          for (const cell of row.values()) {
            const value = valueOf(hover(model, text, cell.range.start));
            assert.ok(!value.includes('✗') && !value.includes('⚠'), `${name} ${cell.rowId}/${cell.columnId}: ${value}`);
            if (table.kind !== 'active' && (cell.columnId.endsWith('total') || cell.rowId === 'r7' || cell.rowId === 'carryover')) assert.ok(value.includes('✓'), value);
          }
        }
      }
    }
  });
});
