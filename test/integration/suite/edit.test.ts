// Editing: a wrong 总计 in table 三 is reported, and fixing the number clears the report.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describe, replace, waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

suite('editing', () => {
  test('fixing a wrong 总计 clears the row-total diagnostic', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_REPORT });
    assert.strictEqual(document.languageId, 'gknb');
    const isRowTotal = (d: vscode.Diagnostic) => d.source === 'gknb' && codeOf(d) === 'row-total';

    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(isRowTotal), 15000, 'a row-total diagnostic');
    const rowTotals = diagnostics.filter(isRowTotal);
    assert.strictEqual(rowTotals.length, 1, `exactly one row-total diagnostic expected:\n${describe(rowTotals)}`);
    const [wrong] = rowTotals;
    assert.ok(document.lineAt(wrong.range.start.line).text.includes('一、本年新收政府信息公开申请数量'),
      `row-total should be on row 一, not line ${wrong.range.start.line + 1}: ${document.lineAt(wrong.range.start.line).text}`);
    assert.strictEqual(document.getText(wrong.range), '3', 'the row-total range should be the 总计 cell');

    await replace(document, wrong.range, '2');
    const after = await waitForDiagnostics(document.uri, (ds) => !ds.some(isRowTotal), 15000, 'the row-total diagnostic to disappear');
    assert.ok(document.lineAt(wrong.range.start.line).text.endsWith('| 2 | 0 | 0 | 0 | 0 | 0 | 2 |'));
    assert.deepStrictEqual(after.filter(isRowTotal), []);
    // The wrong 总计 also unbalanced the 总计 column (一 + 二 ≠ （七） + 四); with it fixed the draft is clean.
    const left = after.filter((d) => d.source === 'gknb');
    assert.deepStrictEqual(left.map((d) => d.message), [], `no gknb diagnostics expected after the fix:\n${describe(left)}`);
  });
});

suite('gknb-disable comments in the editor', () => {
  test('disable-file for row-total hides it; removing the comment brings it back', async () => {
    const content = `<!-- gknb-disable-file row-total -->\n${WRONG_TOTAL_REPORT}`;
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content });
    const ours = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'gknb');
    // The same wrong 总计 also breaks balance, which the comment does not switch off: wait for it.
    const first = await waitForDiagnostics(document.uri, (ds) => ours(ds).some((d) => codeOf(d) === 'balance'), 15000, 'a balance diagnostic');
    assert.deepStrictEqual(ours(first).filter((d) => codeOf(d) === 'row-total'), [], describe(ours(first)));

    await replace(document, document.lineAt(0).range, '');
    await waitForDiagnostics(document.uri, (ds) => ours(ds).some((d) => codeOf(d) === 'row-total'), 15000, 'row-total back without the comment');
  });
});
