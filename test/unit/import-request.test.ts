// The server's `gknb/import` request (server/src/importFile.ts, the work behind gknb.importReport):
// bytes in any of the encodings Word and Windows save → a draft; .docx only where the host can read it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { docxToHtml } from '../../server/src/docx';
import { importFile, sourceKindOf, type ImportFileOptions } from '../../server/src/importFile';
import type { ImportReply } from '../../server/src/protocol';
import { parseReport } from '../../server/src/service/parser';
import { simpleDocx } from './docx';

const ROWS = readFileSync(path.resolve(__dirname, 'fixtures/import/rows.txt'), 'utf8');
const ZH: ImportFileOptions = { template: 'auto', locale: 'zh-cn' };
const EN: ImportFileOptions = { template: 'auto', locale: 'en' };

const base64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

function ok(reply: ImportReply): Extract<ImportReply, { ok: true }> {
  assert.ok(reply.ok, reply.ok ? '' : reply.message);
  return reply;
}


const APPEALS = [
  ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
  ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
];

suite('gknb/import request', () => {
  test('the format follows the extension, case-insensitively', () => {
    assert.equal(sourceKindOf('报告.TXT'), 'text');
    assert.equal(sourceKindOf('a.md'), 'text');
    assert.equal(sourceKindOf('a.htm'), 'html');
    assert.equal(sourceKindOf('a.b.HTML'), 'html');
    assert.equal(sourceKindOf('a.docx'), 'docx');
    assert.equal(sourceKindOf('a.doc'), undefined);
    assert.equal(sourceKindOf('docx'), undefined);
  });

  test('a UTF-8 text file: the draft, the tables counted, the notes passed on', async () => {
    const reply = ok(await importFile({ name: 'rows.txt', base64: base64(ROWS) }, ZH));
    assert.equal(reply.tables, 3);
    assert.equal(parseReport(reply.text).tables.length, 3);
    assert.ok(reply.text.includes('| 第二十条第（一）项 |'), reply.text.slice(0, 300));
    assert.ok(reply.notes.some((n) => n.startsWith('识别出')), reply.notes.join('\n'));
  });

  test('UTF-8 with a BOM, UTF-16 LE with a BOM: the same draft', async () => {
    const plain = ok(await importFile({ name: 'rows.txt', base64: base64(ROWS) }, ZH)).text;
    const bom = ok(await importFile({ name: 'rows.txt', base64: base64(`\ufeff${ROWS}`) }, ZH)).text;
    const utf16 = ok(await importFile({ name: 'rows.txt', base64: base64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, 'utf16le')])) }, ZH)).text;
    assert.equal(bom, plain);
    assert.equal(utf16, plain);
  });

  test('a GB18030 (GBK) text file is decoded as such, with a note', async () => {
    // '## 三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3' in GB18030.
    const gbk = Buffer.from('232320c8fda1a2cad5b5bdbacdb4a6c0edd5feb8aed0c5cfa2b9abbfaac9eac7ebc7e9bff60ad2bba1a2b1bec4ead0c2cad5d5feb8aed0c5cfa2b9abbfaac9eac7ebcafdc1bf0933', 'hex');
    const reply = ok(await importFile({ name: 'gbk.txt', base64: base64(gbk) }, ZH));
    assert.ok(reply.text.includes('## 三、收到和处理政府信息公开申请情况'), reply.text);
    assert.ok(reply.text.includes('一、本年新收政府信息公开申请数量'), reply.text);
    assert.ok(reply.notes.some((n) => n.includes('GB18030')), reply.notes.join('\n'));
  });

  test('an unsupported type is refused with a message in the display language', async () => {
    const zh = await importFile({ name: 'old.doc', base64: base64('x') }, ZH);
    assert.equal(zh.ok, false);
    assert.match(zh.ok ? '' : zh.message, /另存为 \.docx/);
    const en = await importFile({ name: 'old.doc', base64: base64('x') }, EN);
    assert.match(en.ok ? '' : en.message, /save a \.doc as \.docx/);
  });

  test('.docx where the host cannot read it (the web worker): a clear refusal', async () => {
    const bytes = await simpleDocx(['云溪市测试局2023年政府信息公开工作年度报告'], APPEALS);
    const en = await importFile({ name: 'report.docx', base64: base64(bytes) }, EN);
    assert.equal(en.ok, false);
    assert.match(en.ok ? '' : en.message, /cannot be read in VS Code for the Web/);
    const zh = await importFile({ name: 'report.docx', base64: base64(bytes) }, ZH);
    assert.match(zh.ok ? '' : zh.message, /网页版 VS Code 中无法读取 \.docx/);
  });

  test('.docx in the Node server: through mammoth, the table recognised', async () => {
    const bytes = await simpleDocx(['云溪市测试局2023年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况'], APPEALS);
    const reply = ok(await importFile({ name: 'report.docx', base64: base64(bytes) }, { ...ZH, docxToHtml }));
    assert.equal(reply.tables, 1);
    assert.ok(reply.text.startsWith('# 云溪市测试局2023年政府信息公开工作年度报告\n'), reply.text);
    assert.ok(reply.text.includes('| 1 | 0 | 0 | 0 | 1 | 0 |'), reply.text);
  });

  test('a broken .docx: an error reply, no exception', async () => {
    const reply = await importFile({ name: 'broken.docx', base64: base64('this is not a zip file') }, { ...EN, docxToHtml });
    assert.equal(reply.ok, false);
    assert.match(reply.ok ? '' : reply.message, /^Cannot read the \.docx file/);
  });
});
