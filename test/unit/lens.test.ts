import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Diagnostic, Range } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/service/codeActions';
import { codeLenses, inlayHints, SHOW_TABLE_PROBLEMS_COMMAND, type TableProblemsArgument } from '../../server/src/service/lens';
import { parseReport } from '../../server/src/service/parser';
import { TEMPLATES, buildReport, diagnosticsOf, dump, lineOf, splitLines, textAt } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const RELATION_CODES = ['row-total', 'result-total', 'balance', 'appeal-total'];
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

function relationDiagnostics(text: string): Diagnostic[] {
  return diagnosticsOf(text).filter((d) => RELATION_CODES.includes(String(d.code)));
}

function inside(outer: Range, inner: Range): boolean {
  return (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
    && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
}

function lensesOf(text: string, locale: 'zh-cn' | 'en' = 'zh-cn'): CodeLens[] {
  return codeLenses(parseReport(text), text, locale);
}

function titles(lenses: readonly CodeLens[]): string[] {
  return lenses.map((l) => l.command!.title);
}

suite('code lenses', () => {
  for (const [name, values] of [['report-2020.gknb.md', 22], ['report-2021.gknb.md', 10]] as const) {
    test(`examples/${name}: one lens per table, all balanced`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      const model = parseReport(text);
      const lenses = codeLenses(model, text);
      assert.deepEqual(titles(lenses), [`表二：无勾稽关系（共 ${values} 项数据）`, '勾稽关系：全部平衡 ✓', '勾稽关系：全部平衡 ✓']);
      lenses.forEach((lens, i) => {
        assert.equal(lens.range.start.line, model.tables[i].range.start.line);
        assert.equal(lens.range.end.line, model.tables[i].range.start.line);
        assert.equal(lens.command!.command, '', 'nothing to run');
      });
      assert.deepEqual(titles(codeLenses(model, text, 'en')),
        [`Table 二: no arithmetic relations (${values} values)`, 'Relations: all balanced ✓', 'Relations: all balanced ✓']);
    });
  }

  test('three failures in table 三: the count and the command ranges are those of the diagnostics', () => {
    // 自然人 of （一） one too many (its row total follows): result-total 自然人 and 总计;
    // （五）2.重复申请 总计 1 for all-zero parts: row-total, and 总计 of （七） stays wrong.
    const text = buildReport('2021', { requests: { r1: [3, 1, 0, 0, 0, 0, 4], 'r5.2': { total: 1 } } });
    const diags = relationDiagnostics(text);
    assert.equal(diags.length, 3, dump(diags));
    const lenses = lensesOf(text);
    assert.deepEqual(titles(lenses), ['表二：无勾稽关系（共 10 项数据）', '勾稽关系：3 处不平衡', '勾稽关系：全部平衡 ✓']);
    const command = lenses[1].command!;
    assert.equal(command.command, SHOW_TABLE_PROBLEMS_COMMAND);
    const [argument] = command.arguments as [TableProblemsArgument];
    assert.equal(argument.line, lineOf(text, '（本列数据的勾稽关系为'));
    assert.deepEqual(argument.ranges, diags.map((d) => d.range));
    assert.equal(titles(lensesOf(text, 'en'))[1], 'Relations: 3 unbalanced');
  });

  for (const template of TEMPLATES) {
    test(`each table counts only its own problems (${template})`, () => {
      const text = buildReport(template, { requests: { carryover: { natural: 3, total: 3 } }, appeals: { 'review.total': 3, 'after.total': 1 } });
      const diags = relationDiagnostics(text);
      const model = parseReport(text);
      const lenses = codeLenses(model, text);
      model.tables.forEach((table, i) => {
        if (table.kind === 'active') return;
        const own = diags.filter((d) => inside(table.range, d.range));
        assert.ok(own.length > 0);
        assert.equal(lenses[i].command!.title, `勾稽关系：${own.length} 处不平衡`);
        assert.deepEqual((lenses[i].command!.arguments![0] as TableProblemsArgument).ranges, own.map((d) => d.range));
      });
      assert.equal(titles(lenses)[2], '勾稽关系：2 处不平衡');
    });
  }

  test('rules switched off and gknb-disable comments do not count', () => {
    const text = buildReport('2019', { requests: { r1: [3, 1, 0, 0, 0, 0, 4] } });
    const model = parseReport(text);
    assert.equal(titles(codeLenses(model, text))[1], '勾稽关系：2 处不平衡');
    assert.equal(titles(codeLenses(model, text, 'zh-cn', { rules: { 'result-total': 'off' } }))[1], '勾稽关系：全部平衡 ✓');
    const disabled = `<!-- gknb-disable-file result-total -->\n${text}`;
    assert.equal(titles(lensesOf(disabled))[1], '勾稽关系：全部平衡 ✓');
  });
});

suite('inlay hints', () => {
  test('after each wrong total: the rule\'s expected value, right after the cell text', () => {
    const text = buildReport('2021', { requests: { r1: { total: 4 } }, appeals: { 'review.total': 5 } });
    const diags = relationDiagnostics(text).filter((d) => d.code !== 'balance');
    const hints = inlayHints(parseReport(text), text, WHOLE);
    // （一）总计 is wrong by its row; the 总计 column of （七） then disagrees with the result rows.
    assert.deepEqual(diags.map((d) => d.code), ['row-total', 'result-total', 'appeal-total']);
    assert.equal(hints.length, diags.length);
    const lines = splitLines(text);
    diags.forEach((d) => {
      const hint = hints.find((h) => h.position.line === d.range.end.line && h.position.character === d.range.end.character);
      assert.ok(hint, `no hint after ${String(d.code)}`);
      const expected = (d.data as { expected: number }).expected;
      assert.equal(hint.label, `应为 ${expected}`);
      assert.equal(hint.paddingLeft, true);
      assert.ok(hint.kind === undefined || hint.kind === 2);
      // Right after the text: the character before is the cell's last one, the next a space.
      assert.equal(lines[hint.position.line][hint.position.character], ' ');
      assert.equal(textAt(text, d.range).at(-1), lines[hint.position.line][hint.position.character - 1]);
    });
    assert.deepEqual(inlayHints(parseReport(text), text, WHOLE, 'en').map((h) => h.label),
      hints.map((h) => (h.label as string).replace('应为', 'should be')));
  });

  test('the balance: the carry-over it needs', () => {
    const text = buildReport('2019', { requests: { carryover: { natural: 3, total: 3 } } });
    const balance = relationDiagnostics(text).find((d) => d.code === 'balance')!;
    const { received, carried, handled } = balance.data as { received: number; carried: number; handled: number };
    const hint = inlayHints(parseReport(text), text, WHOLE).find((h) => h.position.line === balance.range.end.line && h.position.character === balance.range.end.character);
    assert.ok(hint);
    assert.equal(hint.label, `应为 ${received + carried - handled}`);
    assert.equal(hint.textEdits, undefined, 'which cell to change is not certain');
  });

  test('only within the requested range; none for a correct report', () => {
    const text = buildReport('2021', { requests: { r1: { total: 4 } }, appeals: { 'review.total': 5 } });
    const model = parseReport(text);
    const line = lineOf(text, '（一）予以公开');
    const hints = inlayHints(model, text, { start: { line, character: 0 }, end: { line, character: splitLines(text)[line].length } });
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, '应为 3');
    const good = buildReport('2021');
    assert.deepEqual(inlayHints(parseReport(good), good, WHOLE), []);
  });

  test('accepting a hint writes the expected value and fixes the total', () => {
    const text = buildReport('2019', { requests: { 'r4.1': { total: 2 } } });
    const hint = inlayHints(parseReport(text), text, WHOLE).find((h) => h.label === '应为 1')!;
    assert.ok(hint.textEdits && hint.textEdits.length === 1);
    const fixed = applyEdits(text, hint.textEdits);
    assert.deepEqual(relationDiagnostics(fixed), []);
  });

  test('two rules on one cell make one hint', () => {
    // （七）总计·总计 wrong against both its row and its column.
    const text = buildReport('2021', { requests: { r7: { total: 9 } } });
    const diags = relationDiagnostics(text).filter((d) => d.code !== 'balance');
    assert.deepEqual(diags.map((d) => d.code), ['row-total', 'result-total']);
    const hints = inlayHints(parseReport(text), text, WHOLE).filter((h) => h.position.line === diags[0].range.end.line
      && h.position.character === diags[0].range.end.character);
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, '应为 7');
  });
});
