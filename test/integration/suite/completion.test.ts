// Completion through the editor: the server offers the missing section on an empty line.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { labelOf, withCodes, withoutLines } from './editorHelpers';
import { waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

const FIVE = '五、存在的主要问题及改进情况';
/** A correct report without section 五 (its heading and body). */
const MISSING_FIVE = withoutLines(WRONG_TOTAL_REPORT.replace('| 2 | 0 | 0 | 0 | 0 | 0 | 3 |', '| 2 | 0 | 0 | 0 | 0 | 0 | 2 |'), `## ${FIVE}`, '## 六、');

suite('completion', () => {
  test('an empty line of a report missing 五 is offered 五、存在的主要问题及改进情况', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: MISSING_FIVE });
    // The server has the document once it reports the missing section.
    await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'missing-section').length > 0, 15000, 'a missing-section diagnostic');
    const six = document.getText().split('\n').findIndex((l) => l.startsWith('## 六、'));
    const line = six - 1;
    assert.strictEqual(document.lineAt(line).text, '', 'the line before 六 is empty');

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 0));
    const labels = (list?.items ?? []).map(labelOf);
    const item = (list?.items ?? []).find((i) => labelOf(i) === FIVE);
    assert.ok(item, `no completion ${FIVE} among ${JSON.stringify(labels)}`);
    assert.strictEqual(item.preselect, true);

    // Accepting it inserts the heading, and the missing-section diagnostic goes.
    const edit = new vscode.WorkspaceEdit();
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing ?? new vscode.Range(line, 0, line, 0);
    edit.replace(document.uri, range, typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? FIVE);
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
    assert.ok(document.getText().includes(`## ${FIVE}`));
    await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'missing-section').length === 0, 15000, 'the missing-section diagnostic to disappear');
  });

  test('nothing is offered in the middle of a paragraph', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: MISSING_FIVE });
    await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'missing-section').length > 0, 15000, 'a missing-section diagnostic');
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('本年度，本机关'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 5));
    const ours = (list?.items ?? []).filter((i) => /[、：]/.test(labelOf(i)) && /情况|事项|表/.test(labelOf(i)));
    assert.deepStrictEqual(ours.map(labelOf), []);
  });
});
