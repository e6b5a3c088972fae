// Crash recovery (issue 6): when the language server process dies, the client restarts it and the
// diagnostics come back. Only the Node host has a server process a test can kill; in the web host
// the server is a Web Worker and the test is skipped, loudly.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeActiveWithoutSaving, withCodes } from './editorHelpers';
import { describe, lastCellOfRow, replace, waitForDiagnostics } from './helpers';
import { HOST } from './host';
import { WRONG_TOTAL_REPORT } from './reports';

suite('crash recovery', () => {
  test('a killed server process is restarted and publishes the diagnostics again (Node host only)', async function () {
    const pid = await vscode.commands.executeCommand<number | undefined>('_gknb.serverProcessId');
    if (HOST === 'web') {
      assert.strictEqual(pid, undefined, 'the web host has no server process');
      console.warn('\n!!! SKIPPED: crash recovery cannot be tested in the web host (the server is a Web Worker the test cannot kill); '
        + 'it runs in the Node host (npm run test:node-host).\n');
      this.skip();
    }
    assert.ok(typeof pid === 'number' && pid > 0, `the Node host reports the server's pid (got ${String(pid)})`);
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_REPORT });
    await vscode.window.showTextDocument(document);
    try {
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'a row-total diagnostic');
      // The client drops a dead server's diagnostics: wait for that first, so what comes back is the new server's.
      const cleared = waitForDiagnostics(document.uri, (ds) => ds.every((d) => d.source !== 'gknb'), 15000, 'the diagnostics of the killed server to be cleared');
      process.kill(pid, 'SIGKILL');
      await cleared;
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 30000, 'row-total from the restarted server');
      const restarted = await vscode.commands.executeCommand<number | undefined>('_gknb.serverProcessId');
      assert.ok(typeof restarted === 'number' && restarted !== pid, `a new server process (was ${pid}, now ${String(restarted)})`);
      // The new server follows edits: fixing the total clears the findings.
      await replace(document, lastCellOfRow(document, '一、本年新收'), '2');
      const after = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total', 'balance').length === 0, 15000, 'no row-total after the fix');
      assert.deepStrictEqual(after.filter((d) => d.source === 'gknb').map((d) => d.message), [], describe(after));
    } finally {
      await closeActiveWithoutSaving();
    }
  });
});
