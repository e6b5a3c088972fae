// .gknbrc.json in a real VS Code: the config file gets its own invalid-config diagnostic (the
// server validates the open document), and its rule levels apply to the reports below it — read
// from disk by the Node server, and through the client (gknb/configFile) by the web-worker server.
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

  test(`its rule levels apply to the reports below it (${HOST} host)`, async () => {
    const below = await vscode.workspace.openTextDocument(fixtureUri('config/report.gknb.md'));
    const outside = await vscode.workspace.openTextDocument(fixtureUri('mistakes.gknb.md'));
    // The same text: outside the folder appeal-total fires, below the config it is off.
    const other = await waitForDiagnostics(outside.uri, (ds) => codes(ds).has('row-total') && codes(ds).has('appeal-total'), 15000, 'the mistakes');
    const ruled = await waitForDiagnostics(below.uri, (ds) => codes(ds).has('row-total'), 15000, 'the mistakes below the config');
    assert.ok(!codes(ruled).has('appeal-total'), describe(ruled));
    assert.strictEqual(ruled.length, other.length - other.filter((d) => codeOf(d) === 'appeal-total').length, describe(ruled));
  });
});
