// The status bar item (read through the internal command `_gknb.statusBar`, which updates it and
// returns what it shows) and gknb.showTemplate with its automation argument.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeActiveWithoutSaving, withCodes } from './editorHelpers';
import { describe, openFixture, waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

interface StatusSnapshot { visible: boolean; text: string; tooltip: string }
interface DocumentInfo { checked: boolean; year?: number; yearSource: string; template: string; templateSource: string }
interface ShowTemplateResult { info: DocumentInfo; chosen?: string; target?: string }

const status = async () => (await vscode.commands.executeCommand<StatusSnapshot>('_gknb.statusBar'))!;
/** `$(checklist) <year> · <template> · <errors>`, in either display language. */
const STATUS = /^\$\(checklist\) (\d{4})(?:年度| report) · (2019|2021)(?:版模板| template) · (\d+)(?: 个错误| errors?)$/;

suite('status bar and gknb.showTemplate', () => {
  test('the status bar shows year, template and error count of the active report, and hides for other documents', async () => {
    const report = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_REPORT });
    await vscode.window.showTextDocument(report);
    try {
      const diagnostics = await waitForDiagnostics(report.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'a row-total diagnostic');
      const errors = diagnostics.filter((d) => d.source === 'gknb' && d.severity === vscode.DiagnosticSeverity.Error);
      assert.ok(errors.length >= 2, `row-total and balance are errors:\n${describe(diagnostics)}`);
      const shown = await status();
      assert.strictEqual(shown.visible, true);
      const match = STATUS.exec(shown.text);
      assert.ok(match, `unexpected status text: ${shown.text}`);
      assert.deepStrictEqual(match.slice(1), ['2023', '2021', String(errors.length)]);
      assert.ok(shown.tooltip.includes('2023') && shown.tooltip.includes('2021'), shown.tooltip);

      // Plain Markdown that is no report: no status.
      const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nA shopping list.\n' });
      await vscode.window.showTextDocument(notes);
      assert.strictEqual((await status()).visible, false, 'hidden for Markdown that is no report');
      await closeActiveWithoutSaving();
      // Back on the report: shown again.
      await vscode.window.showTextDocument(report);
      assert.strictEqual((await status()).visible, true, 'shown again for the report');
    } finally {
      await vscode.window.showTextDocument(report);
      await closeActiveWithoutSaving();
    }
  });

  test('gknb.showTemplate tells the template in force and why, and {template} overrides it for the workspace folder', async () => {
    const document = await openFixture('report-2021.gknb.md');
    await vscode.window.showTextDocument(document);
    const folderValue = () => vscode.workspace.getConfiguration('gknb', document.uri).inspect<string>('template')?.workspaceFolderValue;
    try {
      const forced = await vscode.commands.executeCommand<ShowTemplateResult>('gknb.showTemplate', { template: '2019' });
      assert.deepStrictEqual(forced?.info, { checked: true, year: 2023, yearSource: 'title', template: '2021', templateSource: 'year' });
      assert.strictEqual(forced?.chosen, '2019');
      assert.strictEqual(forced?.target, 'workspaceFolder');
      assert.strictEqual(folderValue(), '2019');
      // The server re-validates: the 2021 tables no longer match the template in force.
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'template-mismatch').length > 0, 15000, 'template-mismatch under the forced 2019 template');
      const shown = await status();
      assert.deepStrictEqual(STATUS.exec(shown.text)?.slice(1, 3), ['2023', '2019'], shown.text);
      assert.ok(shown.tooltip.includes('gknb.template'), `the tooltip says the setting decides: ${shown.tooltip}`);
    } finally {
      const back = await vscode.commands.executeCommand<ShowTemplateResult>('gknb.showTemplate', { template: 'auto' });
      assert.strictEqual(back?.info.templateSource, 'setting');
      assert.strictEqual(folderValue(), undefined, 'auto removes the override');
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'template-mismatch').length === 0, 15000, 'template-mismatch to go with the template automatic again');
    }
    assert.deepStrictEqual(STATUS.exec((await status()).text)?.slice(1, 3), ['2023', '2021']);
  });

  test('the commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['gknb.showTemplate', 'gknb.importReport']) assert.ok(commands.includes(id), id);
  });
});
