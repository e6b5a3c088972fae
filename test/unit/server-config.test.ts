// The language server and .gknbrc.json, through a real LSP connection to an in-process server
// with a config-file host backed by a map (the Node entry reads the disk): rule levels and
// ignores apply to the reports below the file, a malformed file gets diagnostics of its own and
// the defaults apply, and a changed file (workspace/didChangeWatchedFiles) re-checks open reports.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { startServer, type ConfigFiles } from '../../server/src/server';
import { buildReport } from './helpers';

const CONFIG = 'file:///w/dept/.gknbrc.json';
const REPORT = 'file:///w/dept/2020.gknb.md';
const DRAFT = 'file:///w/dept/%E8%8D%89%E7%A8%BF/2020.gknb.md'; // 草稿/2020.gknb.md
const OTHER = 'file:///w/other/2020.gknb.md';
/** One wrong 总计 in table 四 (appeal-total, an error by default). */
const WRONG = buildReport('2019', { appeals: { 'review.total': '3', 'review.upheld': '1' } });

suite('server: .gknbrc.json (in-process LSP connection)', () => {
  let client: MessageConnection;
  let configText: string | undefined;
  const waiting = new Map<string, (diagnostics: Diagnostic[]) => void>();

  /** Resolves with the next diagnostics published for a URI. */
  function next(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => waiting.set(uri, resolve));
  }
  function open(uri: string, text: string, languageId = 'gknb'): Promise<Diagnostic[]> {
    const published = next(uri);
    void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
  /** Resolves with the first diagnostics published for a URI that satisfy `done` (earlier publications may still be in flight). */
  async function until(uri: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const diagnostics = await next(uri);
      if (done(diagnostics)) return diagnostics;
    }
  }

  suiteSetup(async () => {
    // Asynchronous, as in the web-worker server, which asks the client (gknb/configFile).
    const configFiles: ConfigFiles = {
      find: async (uri) => (configText !== undefined && uri.startsWith('file:///w/dept/') ? { uri: CONFIG, folderUri: 'file:///w/dept', text: configText } : undefined),
    };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { configFiles });
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ validate: { delayMs: 0 } })));
    client.onRequest('client/registerCapability', () => null);
    client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      const resolve = waiting.get(params.uri);
      waiting.delete(params.uri);
      resolve?.(params.diagnostics);
    });
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: 'file:///w', locale: 'zh-cn', capabilities: { workspace: { configuration: true } } });
    await client.sendNotification('initialized', {});
  });
  suiteTeardown(() => client?.dispose());

  test('levels and ignores of the config apply below its folder only; a config change re-checks open reports', async () => {
    configText = '{ "rules": { "appeal-total": "warning" }, "ignores": ["草稿/**"] }';
    const report = await open(REPORT, WRONG);
    assert.deepEqual(report.map((d) => [d.code, d.severity]), [['appeal-total', 2]]);
    assert.deepEqual(await open(DRAFT, WRONG), [], 'ignored: nothing published');
    assert.deepEqual((await open(OTHER, WRONG)).map((d) => [d.code, d.severity]), [['appeal-total', 1]]);

    // The file changes on disk: the open report follows.
    configText = '{ "rules": { "appeal-total": "off" } }';
    const again = next(REPORT);
    const draftAgain = next(DRAFT);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: CONFIG, type: 2 }] });
    assert.deepEqual(await again, []);
    assert.deepEqual(codes(await draftAgain), [], 'no longer ignored, but appeal-total is off');
  });

  test('a malformed config file gets invalid-config diagnostics where it is wrong; reports use the defaults', async () => {
    configText = '{\n  "rules": { "appeal-total": "loud" }\n}';
    const changed = next(REPORT);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: CONFIG, type: 2 }] });
    assert.deepEqual((await changed).map((d) => [d.code, d.severity]), [['appeal-total', 1]], 'default level');

    const own = await open(CONFIG, configText, 'json');
    assert.deepEqual(own.map((d) => [d.code, d.severity, d.range.start.line, d.source]), [['invalid-config', 1, 1, 'gknb']]);
    assert.match(String(own[0].message), /规则 appeal-total 的级别/);

    const fixed = until(CONFIG, (diagnostics) => diagnostics.length === 0);
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri: CONFIG, version: 2 },
      contentChanges: [{ text: '{ "rules": { "appeal-total": "hint" } }' }],
    });
    assert.deepEqual(await fixed, []);
  });
});
