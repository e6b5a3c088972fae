// Plain `markdown` documents: checked only when they look like an annual report (gknb.markdown.check = auto).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describe, gknbDiagnostics, waitForDiagnostics } from './helpers';

suite('markdown documents', () => {
  test('a markdown report draft is checked, other markdown is not', async () => {
    // Open the unrelated document first: whatever the server publishes for it comes before what it
    // publishes for the report opened after it.
    const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Hello\n\nworld\n' });
    const report = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# XX局2023年政府信息公开工作年度报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。\n',
    });
    assert.strictEqual(other.languageId, 'markdown');
    assert.strictEqual(report.languageId, 'markdown');

    const diagnostics = await waitForDiagnostics(report.uri,
      (ds) => ds.some((d) => d.source === 'gknb' && codeOf(d) === 'missing-section'), 15000, 'a gknb missing-section diagnostic');
    assert.ok(diagnostics.filter((d) => d.source === 'gknb').length > 0);

    const stray = gknbDiagnostics(other.uri);
    assert.deepStrictEqual(stray.map((d) => d.message), [], `"# Hello" should get no gknb diagnostics:\n${describe(stray)}`);
  });
});
