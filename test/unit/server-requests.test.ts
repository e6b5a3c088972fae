// server.ts's gknb requests and the 转换为标准表格 refactor, through a real LSP connection to an
// in-process server (streams, no build): gknb/documentInfo (the status bar), gknb/import (the
// import command), and code actions of kind refactor.rewrite.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { docxToHtml } from '../../server/src/docx';
import { DOCUMENT_INFO_REQUEST, IMPORT_REQUEST, type DocumentInfo, type ImportReply } from '../../server/src/protocol';
import { startServer } from '../../server/src/server';
import { buildReport, lineOf } from './helpers';

const REPORT_2020 = 'file:///w/report-2020.gknb.md';
const FORCED_2021 = 'file:///w/forced/report-2020.gknb.md';
const NOTES = 'file:///w/notes.md';
const PASTED = 'file:///w/pasted.gknb.md';

suite('server requests (in-process LSP connection)', () => {
  let client: MessageConnection;
  const published = new Map<string, (diagnostics: Diagnostic[]) => void>();

  /** Opens a document and resolves once its first diagnostics are published (validation done). */
  function open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const done = new Promise<Diagnostic[]>((resolve) => published.set(uri, resolve));
    void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return done;
  }

  suiteSetup(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { docxToHtml });
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    // Settings per resource: a folder forcing the 2021 template.
    client.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.map((item) => (item.scopeUri?.startsWith('file:///w/forced/') ? { template: '2021' } : {})));
    client.onRequest('client/registerCapability', () => null);
    client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      published.get(params.uri)?.(params.diagnostics);
      published.delete(params.uri);
    });
    client.listen();
    const init = await client.sendRequest<{ capabilities: { codeActionProvider: { codeActionKinds: string[] } } }>('initialize', {
      processId: null, rootUri: null, locale: 'zh-cn', capabilities: { workspace: { configuration: true } },
    });
    assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('refactor.rewrite'), 'the refactor kind is announced');
    await client.sendNotification('initialized', {});
  });

  suiteTeardown(() => client?.dispose());

  test('gknb/documentInfo: year and template of a report, and why', async () => {
    await open(REPORT_2020, 'gknb', buildReport('2019'));
    const info = await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: REPORT_2020 });
    assert.deepEqual(info, { checked: true, year: 2020, yearSource: 'title', template: '2019', templateSource: 'year' });
  });

  test('gknb/documentInfo: gknb.template forces the template for its resource', async () => {
    await open(FORCED_2021, 'gknb', buildReport('2019'));
    const info = await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: FORCED_2021 });
    assert.deepEqual(info, { checked: true, year: 2020, yearSource: 'title', template: '2021', templateSource: 'setting' });
  });

  test('gknb/documentInfo: Markdown that is no report, and a document not open, are not checked', async () => {
    await open(NOTES, 'markdown', '# Notes\n\nNothing to do with annual reports.\n');
    assert.equal((await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: NOTES })).checked, false);
    assert.equal((await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: 'file:///w/closed.gknb.md' })).checked, false);
  });

  test('gknb/import: a text file becomes a draft; a .docx goes through the host converter', async () => {
    const text = '二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n';
    const reply = await client.sendRequest<ImportReply>(IMPORT_REQUEST, { name: 'paste.txt', base64: Buffer.from(text).toString('base64') });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(reply.tables, 1);
    assert.ok(reply.text.includes('| 规章 | 0 | 0 | 0 |'), reply.text);
    const broken = await client.sendRequest<ImportReply>(IMPORT_REQUEST, { name: 'broken.docx', base64: Buffer.from('not a zip').toString('base64') });
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : broken.message, /无法读取 \.docx 文件/);
  });

  test('codeAction: 转换为标准表格 on pasted rows, as refactor.rewrite; not when only quick fixes are asked for', async () => {
    const text = buildReport('2021', { requestsFormat: 'tab' });
    await open(PASTED, 'gknb', text);
    const line = lineOf(text, '二、上年结转');
    const ask = (only?: string[]) => client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: PASTED },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
    const all = await ask();
    const convert = all.filter((a) => a.kind === 'refactor.rewrite');
    assert.deepEqual(convert.map((a) => a.title), ['转换为标准表格']);
    assert.ok(convert[0].edit?.changes?.[PASTED]?.length === 1);
    assert.deepEqual((await ask(['refactor'])).map((a) => a.title), ['转换为标准表格']);
    assert.deepEqual((await ask(['quickfix'])).filter((a) => a.kind === 'refactor.rewrite'), []);
  });
});
