// cross-year in a real VS Code: with only this year's report open, the server finds last year's
// report of the same agency among the workspace files — from disk in the Node host, through the
// client (gknb/reportFiles, gknb/readFile) in the web host — and points into it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { HOST } from './host';
import { codeOf, describe, fixtureUri, waitForDiagnostics } from './helpers';

suite('cross-year', () => {
  test(`last year's report is found in the workspace without being opened (${HOST} host)`, async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('crossyear/this.gknb.md'));
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'cross-year'), 20000, 'cross-year');
    const carried = diagnostics.filter((d) => codeOf(d) === 'cross-year' && d.severity === vscode.DiagnosticSeverity.Warning);
    assert.ok(carried.length > 0, describe(diagnostics));
    const last = fixtureUri('crossyear/last.gknb.md').toString();
    for (const d of carried) {
      assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.toString() === last), `${d.message} does not point into ${last}`);
    }
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === last), 'last year\'s report was not opened');
  });
});
