// Quick fixes and fix-all through the editor: the server's code actions, applied as VS Code applies them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { withCodes } from './editorHelpers';
import { describe, waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

/** WRONG_TOTAL_REPORT with also a blank cell in row 二 of table 三 (an empty-cell finding). */
const WRONG_TOTAL_AND_BLANK = WRONG_TOTAL_REPORT.replace(
  '| 二、上年结转政府信息公开申请数量 |  |  | 0 | 0 |', '| 二、上年结转政府信息公开申请数量 |  |  | 0 |  |');

suite('quick fixes', () => {
  test('将总计改为 N fixes a wrong 总计 (vscode.executeCodeActionProvider + applyEdit)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_REPORT });
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'a row-total diagnostic');
    const [wrong] = withCodes(diagnostics, 'row-total');
    assert.strictEqual(document.getText(wrong.range), '3');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wrong.range);
    const titles = (actions ?? []).map((a) => a.title);
    // Titles follow VS Code's display language (Chinese when it is Chinese, English otherwise).
    const expected = vscode.env.language.toLowerCase().startsWith('zh') ? '将总计改为 2' : 'Set the total to 2';
    const fix = (actions ?? []).find((a) => a.title === expected);
    assert.ok(fix, `no action ${expected} (display language ${vscode.env.language}) among ${JSON.stringify(titles)}`);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.strictEqual(fix.isPreferred, true);
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);

    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
    assert.strictEqual(document.getText(wrong.range), '2');
    const after = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length === 0, 15000, 'the row-total diagnostic to disappear');
    const left = after.filter((d) => d.source === 'gknb');
    assert.deepStrictEqual(left.map((d) => d.message), [], `no gknb diagnostics expected after the fix:\n${describe(left)}`);
  });

  test('gknb.fixAll fixes the totals and blank cells of the active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_AND_BLANK });
    // The editor stays open: closing an untitled document lets VS Code reuse its name
    // (untitled:Untitled-N) for the next test's document.
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0 && withCodes(ds, 'empty-cell').length > 0,
      15000, 'row-total and empty-cell diagnostics');
    await vscode.commands.executeCommand('gknb.fixAll');
    const after = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total', 'empty-cell').length === 0,
      15000, 'no row-total or empty-cell diagnostic after gknb.fixAll');
    assert.ok(document.getText().includes('| 二、上年结转政府信息公开申请数量 |  |  | 0 | 0 |'), 'the blank cell holds 0');
    assert.ok(document.getText().includes('| 2 | 0 | 0 | 0 | 0 | 0 | 2 |'), 'the 总计 of row 一 is 2');
    const left = after.filter((d) => d.source === 'gknb');
    assert.deepStrictEqual(left.map((d) => d.message), [], `no gknb diagnostics expected after fix-all:\n${describe(left)}`);
  });
});
