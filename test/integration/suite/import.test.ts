// Reports taken from Word: gknb.importReport (a file → a new gknb document, converted by the server)
// and the 转换为标准表格 refactor on rows pasted into a report.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { simpleDocx } from '../../unit/docx';
import { closeActiveWithoutSaving, withCodes } from './editorHelpers';
import { describe, fixtureUri, waitForDiagnostics } from './helpers';
import { HOST } from './host';
import { WRONG_TOTAL_REPORT } from './reports';

type ImportReportResult =
  | { ok: true; document: vscode.TextDocument; tables: number; unmapped: number }
  | { ok: false; message: string };

/** A pipe row as Word copies it: cells separated by TABs. */
const tabRow = (line: string) => line.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t');

/** WRONG_TOTAL_REPORT as text copied out of Word: no Markdown marks, tables TAB-separated. */
const WORD_TEXT = WRONG_TOTAL_REPORT.split('\n')
  .filter((l) => !l.startsWith('|---'))
  .map((l) => (l.startsWith('|') ? tabRow(l) : l.replace(/^#+ /, '')))
  .join('\r\n');


suite('import from Word', () => {
  test('gknb.importReport {uri}: a text file from Word becomes a gknb draft with the same findings', async () => {
    const source = fixtureUri('word-export.txt');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(WORD_TEXT));
    try {
      const result = await vscode.commands.executeCommand<ImportReportResult>('gknb.importReport', { uri: source });
      assert.ok(result?.ok, `import failed: ${JSON.stringify(result)}`);
      const document = result.document;
      assert.strictEqual(vscode.window.activeTextEditor?.document, document, 'the draft is shown');
      assert.strictEqual(document.languageId, 'gknb');
      assert.strictEqual(document.isUntitled, true);
      assert.strictEqual(result.tables, 3);
      const text = document.getText();
      assert.ok(text.startsWith('# XX县人民政府办公室2023年政府信息公开工作年度报告\n'), text.slice(0, 200));
      assert.ok(text.includes('| 一、本年新收政府信息公开申请数量 | | | 2 | 0 | 0 | 0 | 0 | 0 | 3 |'), text);
      // The wrong 总计 and the balance it breaks came along, and nothing else is reported.
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'row-total in the imported draft');
      const codes = diagnostics.filter((d) => d.source === 'gknb').map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
      assert.deepStrictEqual(codes, ['balance', 'row-total'], describe(diagnostics));
    } finally {
      await closeActiveWithoutSaving();
      await vscode.workspace.fs.delete(source);
    }
  });

  test(`gknb.importReport of a .docx: ${HOST === 'node' ? 'converted with mammoth in the Node server' : 'refused with a clear message in the web worker'}`, async () => {
    const source = fixtureUri('word-report.docx');
    const appeals = [
      ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    ];
    await vscode.workspace.fs.writeFile(source, await simpleDocx(['XX县人民政府办公室2023年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况'], appeals));
    try {
      const result = await vscode.commands.executeCommand<ImportReportResult>('gknb.importReport', { uri: source });
      assert.ok(result, 'the command answers');
      if (HOST === 'web') {
        assert.strictEqual(result.ok, false, 'no .docx in the web worker');
        assert.match(result.ok ? '' : result.message, /\.docx/);
        assert.match(result.ok ? '' : result.message, /VS Code for the Web|网页版 VS Code/);
      } else {
        assert.ok(result.ok, `import failed: ${JSON.stringify(result)}`);
        assert.strictEqual(result.tables, 1);
        const text = result.document.getText();
        assert.ok(text.includes('## 四、政府信息公开行政复议、行政诉讼情况'), text);
        assert.ok(text.includes('| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'), text);
        await closeActiveWithoutSaving();
      }
    } finally {
      await vscode.workspace.fs.delete(source);
    }
  });

  test('转换为标准表格: rows pasted TAB-separated into section 三 become the standard table, findings kept', async () => {
    const lines = WRONG_TOTAL_REPORT.split('\n');
    const first = lines.findIndex((l) => l.startsWith('| （本列数据的勾稽关系'));
    let last = first;
    while (lines[last + 1].startsWith('|')) last++;
    const pasted = [...lines.slice(0, first), ...lines.slice(first, last + 1).filter((l) => !l.startsWith('|---')).map(tabRow), ...lines.slice(last + 1)];
    const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: pasted.join('\n') });
    await vscode.window.showTextDocument(document);
    try {
      // The checker reads TAB rows too: the wrong 总计 is found before the conversion.
      await waitForDiagnostics(document.uri, (ds) => withCodes(ds, 'row-total').length > 0, 15000, 'row-total on the pasted rows');
      const row = pasted.findIndex((l) => l.startsWith('二、上年结转'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri,
        new vscode.Range(row, 0, row, 0), vscode.CodeActionKind.RefactorRewrite.value);
      const title = vscode.env.language.toLowerCase().startsWith('zh') ? '转换为标准表格' : 'Convert to a standard table';
      const convert = (actions ?? []).find((a) => a.title === title);
      assert.ok(convert?.edit, `no “${title}” among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.strictEqual(convert.kind?.value, 'refactor.rewrite');
      assert.strictEqual(await vscode.workspace.applyEdit(convert.edit), true);
      const text = document.getText();
      assert.ok(!text.includes('\t'), 'no TAB row left');
      assert.ok(text.includes('| 一、本年新收政府信息公开申请数量 | | | 2 | 0 | 0 | 0 | 0 | 0 | 3 |'), text);
      assert.strictEqual(text.slice(0, text.indexOf('| （本列')), pasted.slice(0, first).join('\n') + '\n', 'the text above the table is unchanged');
      const after = await waitForDiagnostics(document.uri,
        (ds) => withCodes(ds, 'row-total').some((d) => document.lineAt(d.range.start.line).text.startsWith('| 一、本年新收')), 15000, 'row-total on the converted pipe row');
      assert.deepStrictEqual(after.filter((d) => d.source === 'gknb').map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort(), ['balance', 'row-total'], describe(after));
    } finally {
      await closeActiveWithoutSaving();
    }
  });
});
