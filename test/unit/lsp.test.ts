// The BUILT language server (dist/server/node.js --stdio) driven by a real JSON-RPC client:
// diagnostics on open and on incremental change (with versions, never stale), a 20 MB document
// not starving a small one, every request answering, cancellation, close and shutdown/exit.
// Waits are event-based (a publish for a uri and version), with timeouts as the only limit.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Range, TextEdit } from 'vscode-languageserver-types';
import { settingsFromConfig, validateText } from '../../server/src/service';
import { buildDistOnce, buildReport, dump, messageOf, replaceRange, splitLines } from './helpers';
import { CancellationTokenSource, LspClient, within, type Publish } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server/node.js');
const MISTAKES_PATH = path.join(ROOT, 'examples/mistakes.gknb.md');
const MISTAKES_URI = pathToFileURL(MISTAKES_PATH).href;
const BIG_URI = pathToFileURL(path.join(ROOT, 'examples/hostile-20mb.gknb.md')).href;
const SMALL_URI = pathToFileURL(path.join(ROOT, 'examples/small-report.gknb.md')).href;
/** A 20 MB document whose configuration raises gknb.maxFileSizeKB so that the server really parses it. */
const PARSED_BIG_URI = pathToFileURL(path.join(ROOT, 'examples/hostile-20mb-parsed.gknb.md')).href;
const PARSED_BIG_CONFIG = { maxFileSizeKB: 64 * 1024 };
/** What the client answers workspace/configuration with, per document (`{}` for any other). */
const CONFIG = new Map<string, unknown>([[PARSED_BIG_URI, PARSED_BIG_CONFIG]]);
/** What the server is configured with: the client answers workspace/configuration with `{}`. */
const SETTINGS = settingsFromConfig({}, 'zh-cn');
const WAIT_MS = 15_000;

function expected(text: string, uri: string): Diagnostic[] {
  // As it travels over JSON (undefined fields dropped).
  return JSON.parse(JSON.stringify(validateText(text, { uri, languageId: 'gknb', settings: SETTINGS }))) as Diagnostic[];
}

function summary(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${messageOf(d)}`);
}

function endOf(text: string): { line: number; character: number } {
  const lines = splitLines(text);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

suite('LSP server over stdio (built dist/server/node.js)', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;
  /** The client's copy of the mistakes document and its version. */
  let text = readFileSync(MISTAKES_PATH, 'utf8');
  let version = 1;
  let latest: Diagnostic[] = [];

  function lsp(): LspClient {
    assert.ok(client, 'the server was not started');
    return client;
  }

  suiteSetup(async function () {
    this.timeout(180_000);
    buildDistOnce();
    client = new LspClient(SERVER, ROOT, (scopeUri) => CONFIG.get(scopeUri ?? '') ?? {});
    const init = await client.request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
    });
    assert.equal(init.serverInfo?.name, 'gknb');
    const sync = init.capabilities.textDocumentSync as { openClose: boolean; change: number };
    assert.deepEqual(sync, { openClose: true, change: 2 }, 'incremental sync');
    await client.notify('initialized', {});
  });

  suiteTeardown(() => {
    // On every path (a failed setup or test included): the server must not outlive the suite.
    client?.dispose();
  });

  test('didOpen → publishDiagnostics equal to validateText', async () => {
    const from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: MISTAKES_URI, languageId: 'gknb', version, text } });
    const publish = await lsp().waitForPublish('diagnostics of mistakes.gknb.md v1', (p) => p.uri === MISTAKES_URI, WAIT_MS, from);
    assert.equal(publish.version, 1);
    const want = expected(text, MISTAKES_URI);
    assert.ok(want.length > 10, 'the example has many mistakes');
    assert.deepEqual(publish.diagnostics.map((d) => d.code), want.map((d) => d.code));
    assert.deepEqual(summary(publish.diagnostics), summary(want));
    assert.ok(lsp().configurationRequests > 0, 'the server pulled workspace/configuration');
    latest = publish.diagnostics;
  });

  test('incremental didChange fixing one total → a new publish without it, with the new version', async () => {
    const wrong = latest.find((d) => d.code === 'row-total');
    assert.ok(wrong, `no row-total in:\n${dump(latest)}`);
    const value = String((wrong.data as { expected: number }).expected);
    const from = lsp().publishes.length;
    version++;
    text = replaceRange(text, wrong.range, value);
    await lsp().notify('textDocument/didChange', {
      textDocument: { uri: MISTAKES_URI, version },
      contentChanges: [{ range: wrong.range, text: value }],
    });
    const publish = await lsp().waitForPublish(`diagnostics of v${version}`, (p) => p.uri === MISTAKES_URI && p.version === version, WAIT_MS, from);
    assert.equal(publish.version, version);
    assert.ok(!publish.diagnostics.some((d) => d.code === 'row-total' && messageOf(d) === messageOf(wrong)), `still reported:\n${dump(publish.diagnostics)}`);
    assert.deepEqual(summary(publish.diagnostics), summary(expected(text, MISTAKES_URI)));
    latest = publish.diagnostics;
  });

  test('20 rapid didChange → the last publish carries the last version; versions never decrease', async () => {
    const from = lsp().publishes.length;
    const sent: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      version++;
      const at = endOf(text);
      const insert = `\n第${i}次修改。`;
      const range: Range = { start: at, end: at };
      text = replaceRange(text, range, insert);
      sent.push(lsp().notify('textDocument/didChange', { textDocument: { uri: MISTAKES_URI, version }, contentChanges: [{ range, text: insert }] }));
    }
    await Promise.all(sent);
    const last = version;
    const publish = await lsp().waitForPublish(`diagnostics of v${last}`, (p) => p.uri === MISTAKES_URI && p.version === last, WAIT_MS, from);
    // Give a stale validation (there must be none) time to arrive: debounce is 100 ms.
    await sleep(SETTINGS.validateDelayMs * 5 + 200);
    const all = lsp().publishesFor(MISTAKES_URI).filter((p) => p.version !== undefined);
    const versions = all.map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `publish versions decrease: ${versions.join(', ')}`);
    assert.equal(all[all.length - 1].version, last, `the last publish is stale: versions ${versions.join(', ')}`);
    assert.deepEqual(summary(publish.diagnostics), summary(expected(text, MISTAKES_URI)));
    latest = publish.diagnostics;
  });

  /** didClose, then the empty publish it causes (so that it cannot be mistaken for a later one). */
  async function closeAndWait(uri: string): Promise<void> {
    const from = lsp().publishes.length;
    await lsp().notify('textDocument/didClose', { textDocument: { uri } });
    const publish = await lsp().waitForPublish(`the empty publish after closing ${uri}`, (p) => p.uri === uri && p.version === undefined, WAIT_MS, from);
    assert.deepEqual(publish.diagnostics, []);
  }

  async function bigThenSmall(bigUri: string, small: string): Promise<{ big: Publish; small: Publish; ms: { big: number; small: number } }> {
    const row = '| 12 | 政府信息公开 | １２ |\n';
    const big = row.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(row)));
    assert.ok(Buffer.byteLength(big) >= 20 * 1024 * 1024);
    const start = Date.now();
    const from = lsp().publishes.length;
    const openBig = lsp().notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'gknb', version: 1, text: big } });
    const openSmall = lsp().notify('textDocument/didOpen', { textDocument: { uri: SMALL_URI, languageId: 'gknb', version: 1, text: small } });
    await Promise.all([openBig, openSmall]);
    const smallPublish = await lsp().waitForPublish('diagnostics of the small report', (p) => p.uri === SMALL_URI && p.version === 1, 90_000, from);
    const smallMs = Date.now() - start;
    const bigPublish = await lsp().waitForPublish('diagnostics of the 20 MB document', (p) => p.uri === bigUri && p.version === 1, 90_000, from);
    return { big: bigPublish, small: smallPublish, ms: { big: Date.now() - start, small: smallMs } };
  }

  test('a 20 MB document being handled does not keep a small report from getting its diagnostics', async function () {
    this.timeout(120_000);
    const small = buildReport('2021', { requests: { r1: { total: 99 } } });
    const { big: bigPublish, small: smallPublish, ms } = await bigThenSmall(BIG_URI, small);
    console.log(`      20 MB (default limit): small report published after ${ms.small} ms, the big one after ${ms.big} ms`);
    assert.equal(smallPublish.version, 1);
    const want = expected(small, SMALL_URI);
    assert.ok(want.some((d) => d.code === 'row-total'), dump(want));
    assert.deepEqual(summary(smallPublish.diagnostics), summary(want));
    assert.deepEqual(bigPublish.diagnostics.map((d) => d.code), ['file-too-large']);
    // Requests on the big document answer too (the server skips what it would not check).
    const symbols = await lsp().request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: BIG_URI } });
    assert.ok(Array.isArray(symbols));
    const formatting = await lsp().request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri: BIG_URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(formatting === null || Array.isArray(formatting));
    await closeAndWait(BIG_URI);
    await closeAndWait(SMALL_URI);
    assert.ok(!lsp().hasExited, lsp().log.join(''));
  });

  test('a 20 MB document the server really parses (maxFileSizeKB raised for it) does not starve a small report either', async function () {
    this.timeout(180_000);
    const small = buildReport('2019', { appeals: { 'review.total': 7 } });
    const { big, small: smallPublish, ms } = await bigThenSmall(PARSED_BIG_URI, small);
    console.log(`      20 MB (parsed): small report published after ${ms.small} ms, the big one after ${ms.big} ms (${big.diagnostics.length} diagnostics)`);
    assert.deepEqual(summary(smallPublish.diagnostics), summary(expected(small, SMALL_URI)));
    assert.ok(!big.diagnostics.some((d) => d.code === 'file-too-large'), 'the raised limit applies');
    const symbols = await lsp().request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: PARSED_BIG_URI } });
    assert.ok(Array.isArray(symbols));
    await closeAndWait(PARSED_BIG_URI);
    await closeAndWait(SMALL_URI);
    assert.ok(!lsp().hasExited, lsp().log.join(''));
  });

  test('codeAction, completion, hover, documentSymbol, formatting, foldingRange (and friends) answer', async () => {
    const textDocument = { uri: MISTAKES_URI };
    const lines = splitLines(text);

    const fixable = latest.filter((d) => ['appeal-total', 'result-total', 'empty-cell', 'fullwidth-digit', 'heading-wording'].includes(String(d.code)));
    assert.ok(fixable.length > 0, dump(latest));
    const actions = await lsp().request<CodeAction[]>('textDocument/codeAction', {
      textDocument, range: fixable[0].range, context: { diagnostics: fixable },
    });
    assert.ok(Array.isArray(actions) && actions.length > 0, 'quick fixes offered');
    for (const a of actions) assert.ok(a.edit?.changes?.[MISTAKES_URI]?.length, `action ${a.title} has edits`);
    assert.ok(actions.some((a) => a.isPreferred && a.kind === 'quickfix'));
    const fixAllActions = await lsp().request<CodeAction[]>('textDocument/codeAction', {
      textDocument, range: { start: { line: 0, character: 0 }, end: endOf(text) }, context: { diagnostics: [], only: ['source.fixAll.gknb'] },
    });
    assert.ok(Array.isArray(fixAllActions) && fixAllActions.length === 1 && fixAllActions[0].kind === 'source.fixAll.gknb', JSON.stringify(fixAllActions));

    const emptyLine = lines.findIndex((l, i) => l === '' && i > 20);
    const completion = await lsp().request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument, position: { line: emptyLine, character: 0 } });
    const items = Array.isArray(completion) ? completion : completion?.items ?? [];
    assert.ok(items.length > 0, `completions on the empty line ${emptyLine}`);

    const cell = latest.find((d) => d.code === 'appeal-total' || d.code === 'result-total');
    assert.ok(cell);
    const hover = await lsp().request<Hover | null>('textDocument/hover', { textDocument, position: cell.range.start });
    assert.ok(hover && hover.contents, `hover on ${JSON.stringify(cell.range.start)}`);
    const nothing = await lsp().request<Hover | null>('textDocument/hover', { textDocument, position: { line: lines.length + 10, character: 999 } });
    assert.equal(nothing, null);

    const symbols = await lsp().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);

    const formatting = await lsp().request<TextEdit[]>('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(Array.isArray(formatting));
    const rangeFormatting = await lsp().request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(Array.isArray(rangeFormatting));

    const folding = await lsp().request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    assert.ok(Array.isArray(folding) && folding.length > 0);

    const selection = await lsp().request<unknown[]>('textDocument/selectionRange', { textDocument, positions: [cell.range.start, { line: 0, character: 0 }] });
    assert.equal(selection.length, 2);
    const lenses = await lsp().request<unknown[]>('textDocument/codeLens', { textDocument });
    assert.ok(Array.isArray(lenses));
    const hints = await lsp().request<unknown[]>('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: endOf(text) } });
    assert.ok(Array.isArray(hints));
  });

  test('a request cancelled with $/cancelRequest is answered RequestCancelled when the server had not got to it; no crash', async function () {
    this.timeout(120_000);
    const textDocument = { uri: MISTAKES_URI };
    const outcomes: string[] = [];
    const cancelled = async (method: string, params: unknown, mustCancel = false): Promise<void> => {
      const source = new CancellationTokenSource();
      const pending = lsp().request(method, params, source);
      source.cancel(); // sends $/cancelRequest for this id
      try {
        await pending;
        assert.ok(!mustCancel, `${method} was answered although it was cancelled before the server got to it`);
        outcomes.push(`${method}: answered`);
      } catch (error) {
        const code = (error as { code?: number }).code;
        // -32800 RequestCancelled is the expected answer to a request the server dropped.
        assert.equal(code, -32800, `${method} failed with ${String(error)}`);
        outcomes.push(`${method}: cancelled`);
      }
    };
    await cancelled('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: endOf(text) }, context: { diagnostics: latest, only: ['quickfix', 'source.fixAll.gknb'] } });
    await cancelled('textDocument/completion', { textDocument, position: { line: 0, character: 0 } });
    await cancelled('textDocument/documentSymbol', { textDocument });
    await cancelled('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } });
    // Cancelled while the server is busy parsing a large document (requests queue behind it).
    const row = '| 1 | 政府信息公开 | ２ |\n';
    const busy = row.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(row)));
    const from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: PARSED_BIG_URI, languageId: 'gknb', version: 1, text: busy } });
    await Promise.all([
      // Queued behind the parse of the busy document: by the time the server reads them, their
      // cancellation has arrived too, and they must not be worked on.
      cancelled('textDocument/documentSymbol', { textDocument: { uri: PARSED_BIG_URI } }, true),
      cancelled('textDocument/foldingRange', { textDocument: { uri: PARSED_BIG_URI } }, true),
      cancelled('textDocument/codeAction', { textDocument: { uri: PARSED_BIG_URI }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gknb'] } }, true),
    ]);
    await lsp().waitForPublish('diagnostics of the busy document', (p) => p.uri === PARSED_BIG_URI && p.version === 1, 60_000, from);
    await closeAndWait(PARSED_BIG_URI);
    // A cancel for an id that never existed, and a malformed one.
    await lsp().notify('$/cancelRequest', { id: 987654321 });
    await lsp().notify('$/cancelRequest', {});
    const symbols = await lsp().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    assert.ok(symbols.length > 0, 'the server still answers');
    assert.ok(!lsp().hasExited, `the server exited: ${lsp().log.join('')}`);
    console.log(`      cancellation: ${outcomes.join('; ')}`);
  });

  test('didClose → publish with empty diagnostics (and nothing after it)', async () => {
    const from = lsp().publishes.length;
    await lsp().notify('textDocument/didClose', { textDocument: { uri: MISTAKES_URI } });
    const publish = await lsp().waitForPublish('the empty publish after didClose', (p: Publish) => p.uri === MISTAKES_URI, WAIT_MS, from);
    assert.deepEqual(publish.diagnostics, []);
    await sleep(SETTINGS.validateDelayMs * 3 + 200);
    const after = lsp().publishesFor(MISTAKES_URI).filter((p) => p.seq >= from);
    assert.deepEqual(after.map((p) => p.diagnostics.length), [0], 'only the empty publish after close');
  });

  // Cross-year: last year's report of the same agency (tests here, not in a nested suite, which mocha would run after shutdown).
  // Not on disk: the documents exist only in the editor.
  const LAST_URI = pathToFileURL(path.join(ROOT, 'examples/cross-year/2022.gknb.md')).href;
  const THIS_URI = pathToFileURL(path.join(ROOT, 'examples/cross-year/2023.gknb.md')).href;
  const title = (year: number) => `云溪市跨年测试局${year}年政府信息公开工作年度报告`;
  /** Last year's 四、结转下年度继续办理 is 3 (this year's 二、上年结转 says 1); 现行有效 follows. */
  const lastYear = (carryover: number) => buildReport('2021', {
    year: 2022, title: title(2022),
    requests: { carryover: [carryover, 0, 0, 0, 0, 0, carryover] },
    active: { '一.rules': [0, 0, 0], '一.normative': [5, 1, 21] },
  });
  const thisYear = buildReport('2021', { year: 2023, title: title(2023) });
  const crossYear = (p: Publish) => p.diagnostics.filter((d) => d.code === 'cross-year');

  test('an open report of the year before: cross-year diagnostics pointing into it; a change to it re-checks this year\'s', async () => {
    let from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: LAST_URI, languageId: 'gknb', version: 1, text: lastYear(3) } });
    await lsp().waitForPublish('last year\'s report', (p) => p.uri === LAST_URI, WAIT_MS, from);
    from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: THIS_URI, languageId: 'gknb', version: 1, text: thisYear } });
    const publish = await lsp().waitForPublish('this year\'s report with cross-year', (p) => p.uri === THIS_URI && crossYear(p).length > 0, WAIT_MS, from);
    const found = crossYear(publish);
    assert.deepEqual(found.map((d) => messageOf(d)), ['（自然人）', '（总计）'].map((c) => `上年结转应与 2022 年度报告“结转下年度继续办理”一致：应为 3，实际填写 1${c}。`));
    assert.deepEqual(found.map((d) => d.relatedInformation![0].location.uri), [LAST_URI, LAST_URI]);
    // Everything else is what the service says without last year's report.
    assert.deepEqual(summary(publish.diagnostics.filter((d) => d.code !== 'cross-year')), summary(expected(thisYear, THIS_URI)));

    // Last year's report corrected to carry 1 over: this year's report is checked again, clean.
    from = lsp().publishes.length;
    await lsp().notify('textDocument/didChange', { textDocument: { uri: LAST_URI, version: 2 }, contentChanges: [{ text: lastYear(1) }] });
    const again = await lsp().waitForPublish('this year\'s report re-checked', (p) => p.uri === THIS_URI, WAIT_MS, from);
    assert.equal(again.version, 1, 'this year\'s document did not change');
    assert.deepEqual(crossYear(again), [], dump(again.diagnostics));
    await closeAndWait(THIS_URI);
    await closeAndWait(LAST_URI);
  });

  test('last year\'s report opened after this year\'s: this year\'s is checked again against it', async () => {
    let from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: THIS_URI, languageId: 'gknb', version: 1, text: thisYear } });
    const alone = await lsp().waitForPublish('this year\'s report alone', (p) => p.uri === THIS_URI, WAIT_MS, from);
    assert.deepEqual(crossYear(alone), []);
    from = lsp().publishes.length;
    await lsp().notify('textDocument/didOpen', { textDocument: { uri: LAST_URI, languageId: 'gknb', version: 1, text: lastYear(3) } });
    const publish = await lsp().waitForPublish('this year\'s report with cross-year', (p) => p.uri === THIS_URI && crossYear(p).length > 0, WAIT_MS, from);
    assert.equal(crossYear(publish).length, 2);
    // Closing last year's report: nothing to compare with any more.
    from = lsp().publishes.length;
    await closeAndWait(LAST_URI);
    const after = await lsp().waitForPublish('this year\'s report without last year\'s', (p) => p.uri === THIS_URI, WAIT_MS, from);
    assert.deepEqual(crossYear(after), []);
    await closeAndWait(THIS_URI);
  });

  test('gknb.previousReport names a file on disk; workspace/didChangeWatchedFiles re-checks when it changes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gknb-lsp-previous-'));
    try {
      const file = path.join(dir, '上年度报告.gknb.md');
      writeFileSync(file, lastYear(3));
      const fileUri = pathToFileURL(file).href;
      const uri = pathToFileURL(path.join(ROOT, 'examples/cross-year/named.gknb.md')).href;
      CONFIG.set(uri, { previousReport: file });
      let from = lsp().publishes.length;
      await lsp().notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gknb', version: 1, text: thisYear } });
      const publish = await lsp().waitForPublish('the report named last year\'s file', (p) => p.uri === uri && crossYear(p).length > 0, WAIT_MS, from);
      assert.deepEqual(crossYear(publish).map((d) => d.relatedInformation![0].location.uri), [fileUri, fileUri]);

      writeFileSync(file, lastYear(1));
      from = lsp().publishes.length;
      await lsp().notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
      const again = await lsp().waitForPublish('the report re-checked after the file changed', (p) => p.uri === uri, WAIT_MS, from);
      assert.deepEqual(crossYear(again), [], dump(again.diagnostics));
      await closeAndWait(uri);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('shutdown + exit → the process exits with code 0', async () => {
    const result = await lsp().request<null>('shutdown', undefined);
    assert.equal(result, null);
    await lsp().notify('exit', undefined);
    const status = await within(lsp().exited, WAIT_MS, 'the server to exit');
    assert.deepEqual(status, { code: 0, signal: null });
  });
});
