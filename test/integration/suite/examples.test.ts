// The example reports, opened from the workspace folder the runner mounts (a copy of examples/*.gknb.md).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { RULE_IDS, SOURCE, codeOf, codes, describe, gknbDiagnostics, lastCellOfRow, openFixture, replace, waitForDiagnostics } from './helpers';

const CORRECT = ['report-2020.gknb.md', 'report-2021.gknb.md'];
const NEW_REQUESTS_ROW = '本年新收政府信息公开申请数量';

suite('examples', () => {
  test('mistakes.gknb.md triggers every rule', async () => {
    const document = await openFixture('mistakes.gknb.md');
    assert.strictEqual(document.languageId, 'gknb');
    const diagnostics = await waitForDiagnostics(document.uri,
      (ds) => RULE_IDS.every((id) => codes(ds).has(id)), 20000, `diagnostics with every rule id (${RULE_IDS.join(', ')})`);

    const unexpected = diagnostics.filter((d) => d.source !== SOURCE);
    assert.deepStrictEqual(unexpected, [], `diagnostics with a source other than ${SOURCE}:\n${describe(unexpected)}`);
    const unknown = diagnostics.filter((d) => !(RULE_IDS as readonly string[]).includes(codeOf(d) ?? ''));
    assert.deepStrictEqual(unknown, [], `diagnostics whose code is not a rule id:\n${describe(unknown)}`);

    const rowTotals = diagnostics.filter((d) => codeOf(d) === 'row-total');
    const onNumber = rowTotals.filter((d) => !d.range.isEmpty && /^[0-9]+$/.test(document.getText(d.range)));
    assert.ok(onNumber.length > 0,
      `no row-total diagnostic covers a number; their ranges hold: ${JSON.stringify(rowTotals.map((d) => document.getText(d.range)))}`);
  });

  for (const name of CORRECT) {
    test(`${name} has no diagnostics`, async () => {
      const document = await openFixture(name);
      assert.strictEqual(document.languageId, 'gknb');
      // Prove the server checks this document: break the 总计 of row 一 in table 三, wait for row-total on
      // that row, restore the text and wait for it to go. The diagnostics left then are the server's verdict
      // on the original text.
      const cell = lastCellOfRow(document, NEW_REQUESTS_ROW);
      const original = document.getText(cell);
      assert.match(original, /^[0-9]+$/, `the 总计 of row 一 in ${name} should be a number`);
      const onRow = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'row-total' && d.range.start.line <= cell.start.line && d.range.end.line >= cell.start.line);

      const wrong = String(Number(original) + 1);
      await replace(document, cell, wrong);
      await waitForDiagnostics(document.uri, (ds) => onRow(ds).length > 0, 15000, `a row-total diagnostic on line ${cell.start.line + 1}`);

      await replace(document, new vscode.Range(cell.start, cell.start.translate(0, wrong.length)), original);
      assert.strictEqual(document.getText(cell), original);
      await waitForDiagnostics(document.uri, (ds) => onRow(ds).length === 0, 15000, `row-total on line ${cell.start.line + 1} to disappear`);

      // The text is the original again: save it, so the host has no dirty file to deal with when it shuts down.
      assert.strictEqual(await document.save(), true, `could not save ${name}`);

      const left = gknbDiagnostics(document.uri);
      assert.deepStrictEqual(left.map((d) => d.message), [], `${name} should have no gknb diagnostics:\n${describe(left)}`);
    });
  }
});
