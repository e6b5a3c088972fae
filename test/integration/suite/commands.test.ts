// The client commands gknb.newReport and gknb.insertTable, run with their automation arguments.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeActiveWithoutSaving, PublishRecorder, withCodes } from './editorHelpers';
import { describe, waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

suite('commands', () => {
  test('gknb.newReport {agency, year} opens a clean gknb report skeleton', async () => {
    // Listen before the document exists: a correct report publishes an empty list, seen only as an event.
    const recorder = new PublishRecorder();
    try {
      const returned = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('gknb.newReport', { agency: '测试局', year: 2023 });
      const document = returned ?? vscode.window.activeTextEditor?.document;
      assert.ok(document, 'a document was opened');
      assert.strictEqual(vscode.window.activeTextEditor?.document, document, 'and shown');
      assert.strictEqual(document.languageId, 'gknb');
      assert.strictEqual(document.isUntitled, true);
      assert.ok(document.getText().includes('# 测试局2023年政府信息公开工作年度报告'), document.getText().slice(0, 200));
      assert.ok(document.getText().includes('本年制发件数'), 'the 2021 template for 2023');
      const diagnostics = await recorder.published(document.uri);
      const ours = diagnostics.filter((d) => d.source === 'gknb');
      assert.deepStrictEqual(ours.map((d) => d.message), [], `the new report should have no gknb diagnostics:\n${describe(ours)}`);
    } finally {
      recorder.dispose();
      await closeActiveWithoutSaving();
    }
  });

  test('gknb.newReport for 2020 uses the 2019 template', async () => {
    const recorder = new PublishRecorder();
    try {
      await vscode.commands.executeCommand('gknb.newReport', { agency: '云溪市测试局', year: 2020 });
      const document = vscode.window.activeTextEditor!.document;
      assert.ok(document.getText().startsWith('# 云溪市测试局2020年政府信息公开工作年度报告'));
      assert.ok(document.getText().includes('本年新制作数量'));
      const ours = (await recorder.published(document.uri)).filter((d) => d.source === 'gknb');
      assert.deepStrictEqual(ours.map((d) => d.message), [], describe(ours));
    } finally {
      recorder.dispose();
      await closeActiveWithoutSaving();
    }
  });

  test('gknb.insertTable {kind} inserts the table of the template in force at the cursor', async () => {
    // A correct report whose section 四 lacks its table: the line after its heading is empty.
    const lines = WRONG_TOTAL_REPORT.replace('| 2 | 0 | 0 | 0 | 0 | 0 | 3 |', '| 2 | 0 | 0 | 0 | 0 | 0 | 2 |').split('\n');
    const start = lines.findIndex((l) => l.startsWith('| 行政复议 |'));
    lines.splice(start, 5);
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: lines.join('\n') });
    const editor = await vscode.window.showTextDocument(document);
    try {
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'missing-table').length > 0, 15000, 'a missing-table diagnostic');
      const heading = lines.findIndex((l) => l.startsWith('## 四、'));
      editor.selection = new vscode.Selection(heading + 1, 0, heading + 1, 0);
      assert.strictEqual(await vscode.commands.executeCommand('gknb.insertTable', { kind: 'appeals' }), true);
      assert.ok(document.getText().includes('| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |'));
      const after = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'missing-table').length === 0, 15000, 'the missing-table diagnostic to disappear');
      const left = after.filter((d) => d.source === 'gknb');
      assert.deepStrictEqual(left.map((d) => d.message), [], describe(left));
    } finally {
      await closeActiveWithoutSaving();
    }
  });

  test('the commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['gknb.fixAll', 'gknb.newReport', 'gknb.insertTable']) assert.ok(commands.includes(id), id);
  });
});
