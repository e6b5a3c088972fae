// .gknbrc.json in a real VS Code: the config file gets its own invalid-config diagnostic (both
// hosts: the server validates the open document), and in the Node host its rule levels apply to
// the reports below it (the web worker cannot read files, so there they are not applied: skipped loudly).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { HOST } from './host';
import { codeOf, codes, describe, fixtureUri, waitForDiagnostics } from './helpers';

suite('.gknbrc.json', () => {
  test('an unknown rule in the config file is reported where it is written', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('config/.gknbrc.json'));
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'invalid-config'), 15000, 'invalid-config');
    const ours = diagnostics.filter((d) => codeOf(d) === 'invalid-config');
    assert.strictEqual(ours.length, 1, describe(diagnostics));
    assert.strictEqual(ours[0].range.start.line, 3);
    assert.strictEqual(document.getText(ours[0].range), '"empty-cel"');
    assert.strictEqual(ours[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('its rule levels apply to the reports below it (Node host)', async function () {
    if (HOST === 'web') {
      console.warn('\n!!! SKIPPED: .gknbrc.json levels are applied by the Node server only (the web worker cannot read the file); not tested in the web host. !!!\n');
      this.skip();
    }
    const below = await vscode.workspace.openTextDocument(fixtureUri('config/report.gknb.md'));
    const outside = await vscode.workspace.openTextDocument(fixtureUri('mistakes.gknb.md'));
    // The same text: outside the folder appeal-total fires, below the config it is off.
    const other = await waitForDiagnostics(outside.uri, (ds) => codes(ds).has('row-total') && codes(ds).has('appeal-total'), 15000, 'the mistakes');
    const ruled = await waitForDiagnostics(below.uri, (ds) => codes(ds).has('row-total'), 15000, 'the mistakes below the config');
    assert.ok(!codes(ruled).has('appeal-total'), describe(ruled));
    assert.strictEqual(ruled.length, other.length - other.filter((d) => codeOf(d) === 'appeal-total').length, describe(ruled));
  });
});
