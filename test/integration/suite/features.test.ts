// Hover, code lens and document symbols through VS Code's provider commands, on a report whose
// row 一 of table 三 has a wrong 总计 (3 where the parts sum to 2).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { withCodes } from './editorHelpers';
import { waitForDiagnostics } from './helpers';
import { WRONG_TOTAL_REPORT } from './reports';

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('editor features', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'gknb', content: WRONG_TOTAL_REPORT });
    await vscode.window.showTextDocument(document);
    // The server has the document once it has published its findings.
    await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'a row-total diagnostic');
  });

  suiteTeardown(async () => {
    if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('hover on a wrong 总计 shows its formula with the numbers and what it should be', async () => {
    const line = WRONG_TOTAL_REPORT.split('\n').findIndex((l) => l.startsWith('| 一、本年新收'));
    const character = document.lineAt(line).text.lastIndexOf('3');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('= 2+0+0+0+0+0 = 2 ✗'), `the hover should show the sum of the parts:\n${text}`);
    assert.ok(text.includes(zh() ? '应为 2，实际 3' : 'should be 2, found 3'), text);
  });

  test('hover on a correct （七）总计 shows its formula with ✓', async () => {
    const line = WRONG_TOTAL_REPORT.split('\n').findIndex((l) => l.includes('（七）总计'));
    const character = document.lineAt(line).text.lastIndexOf('2');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
    const text = hoverText(hovers ?? []);
    assert.match(text, /= 2 ✓/, text);
  });

  test('code lenses above the tables: 勾稽关系 of tables 三 and 四, and 表二 without relations', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const byLine = (lenses ?? []).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' })).sort((a, b) => a.line - b.line);
    const lines = WRONG_TOTAL_REPORT.split('\n');
    const tableStart = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    assert.deepStrictEqual(byLine, [
      { line: tableStart('| 第二十条第（一）项'), title: zh() ? '表二：无勾稽关系（共 10 项数据）' : 'Table 二: no arithmetic relations (10 values)' },
      { line: tableStart('| （本列数据的勾稽关系'), title: zh() ? '勾稽关系：2 处不平衡' : 'Relations: 2 unbalanced' },
      { line: tableStart('| 行政复议'), title: zh() ? '勾稽关系：全部平衡 ✓' : 'Relations: all balanced ✓' },
    ]);
    const unbalanced = lenses!.find((l) => l.range.start.line === tableStart('| （本列数据的勾稽关系'))!;
    assert.strictEqual(unbalanced.command?.command, 'gknb.showTableProblems', 'clicking shows the problems');
  });

  test('document symbols: title → sections → tables', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length === 1, `one root symbol expected, got ${JSON.stringify(symbols?.map((s) => s.name))}`);
    const [title] = symbols;
    assert.strictEqual(title.name, 'XX县人民政府办公室2023年政府信息公开工作年度报告');
    assert.deepStrictEqual(title.children.map((s) => s.name), [
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    const tables = title.children.map((s) => s.children.map((t) => t.name));
    assert.deepStrictEqual(tables.map((t) => t.length), [0, 1, 1, 1, 0, 0], JSON.stringify(tables));
    assert.match(tables[1][0], zh() ? /^表二/ : /^Table 二/);
    assert.match(tables[2][0], zh() ? /^表三/ : /^Table 三/);
    assert.match(tables[3][0], zh() ? /^表四/ : /^Table 四/);
    // Each table lies inside its section.
    for (const section of title.children) for (const table of section.children) assert.ok(section.range.contains(table.range), `${table.name} inside ${section.name}`);
  });
});
