// Benchmark over LSP: spawns the BUILT server (dist/server/node.js --stdio) and drives it with a
// vscode-jsonrpc client the way an editor does: edit → publishDiagnostics, codeAction, completion,
// hover, formatting on a ~20 KB report (p50/p95 over many iterations after a warm-up), and the
// server's RSS with 50 reports open. Latencies are client-side round trips (JSON-RPC over pipes
// included); the configured validation delay (gknb.validate.delayMs) is subtracted.
// Usage: node bench/lsp.mjs [--quick] [--cpu-prof]
//   --quick     30 iterations instead of 200 (smoke runs)
//   --cpu-prof  run the two latency servers under `node --cpu-prof`; the profiles go to
//               dist/bench/profiles/ and their top functions by self time are printed
// Needs a build first (node scripts/build.mjs). Writes dist/bench/lsp.json. Never asserts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syntheticReport } from './synthetic.mjs';
import { environment, fmtMs, load, loadSummary, percentile, table, writeResults } from './report.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'bench');
const profileDir = path.join(outDir, 'profiles');
const serverModule = path.join(root, 'dist', 'server', 'node.js');
const quick = process.argv.includes('--quick');
const cpuProf = process.argv.includes('--cpu-prof');
const ITERATIONS = quick ? 30 : 200;
const WARMUP = quick ? 10 : 50;
const OPEN_REPORTS = 50;
const KB = 1024;
const MB = 1024 * 1024;
const TIMEOUT_MS = 10_000;

if (!existsSync(serverModule)) {
  console.error(`bench/lsp.mjs: ${path.relative(process.cwd(), serverModule)} not found; run node scripts/build.mjs first`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------
// Helpers (numbers and a plain-text table whose CJK characters take two columns).

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    meanMs: sorted.reduce((s, t) => s + t, 0) / sorted.length,
    maxMs: sorted[sorted.length - 1],
  };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function within(promise, ms, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc (Linux only). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * KB;
    return { rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM') };
  } catch {
    return { rssBytes: NaN, peakRssBytes: NaN };
  }
}

// ---------------------------------------------------------------------------------------
// The client: one spawned server, its connection, and publishes awaited by (uri, version).

class Server {
  constructor({ delayMs, profile = false }) {
    this.delayMs = delayMs;
    const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [...execArgv, serverModule, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.waiters = new Map();
    this.last = new Map(); // uri → last publish
    const connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection = connection;
    // The server pulls the `gknb` section per document: the delay is the only setting changed.
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ validate: { delayMs: delayMs } })));
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      connection.onRequest(method, () => null);
    }
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const publish = { at: performance.now(), uri: params.uri, version: params.version, diagnostics: params.diagnostics };
      this.last.set(params.uri, publish);
      const key = `${params.uri}#${params.version}`;
      const waiter = this.waiters.get(key);
      if (waiter) {
        this.waiters.delete(key);
        waiter(publish);
      }
    });
    connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  /** initialize → its response; resolves with ms from spawn to the response. */
  async initialize() {
    await within(this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'zh-cn',
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          synchronization: { didSave: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        },
      },
    }), TIMEOUT_MS, 'initialize');
    const ms = performance.now() - this.spawnedAt;
    await this.connection.sendNotification('initialized', {});
    return ms;
  }

  /** Resolves with the publish for (uri, version), registered before anything is sent. */
  publishOf(uri, version) {
    return within(new Promise((resolve) => this.waiters.set(`${uri}#${version}`, resolve)), TIMEOUT_MS, `publishDiagnostics ${uri} v${version}`);
  }

  async open(uri, text, version = 1) {
    const published = this.publishOf(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gknb', version, text } });
    return published;
  }

  change(uri, version, range, text) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  request(method, params) {
    return within(this.connection.sendRequest(method, params), TIMEOUT_MS, method);
  }

  async shutdown() {
    try {
      await within(this.connection.sendRequest('shutdown'), TIMEOUT_MS, 'shutdown');
      await this.connection.sendNotification('exit');
      await within(this.exited, TIMEOUT_MS, 'server exit');
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    }
  }
}

// ---------------------------------------------------------------------------------------
// The document: the synthetic ~20 KB 2021-format report with two mistakes of a real draft: a
// wrong row total (a diagnostic with a quick fix, to ask code actions for) and the row
// 2.重复申请 left out (so that completion in a label cell of table 三 has a label to offer).

const base = syntheticReport(20 * KB)
  .replace(/^(\| 一、本年新收政府信息公开申请数量 .*\| )(\d+)( \|)$/m, (_, head, total, tail) => `${head}${Number(total) + 1}${tail}`)
  .replace(/^\|[^\n]*\| 2\.重复申请 \|[^\n]*\n/m, '');
const lines = base.split('\n');
const uri = pathToFileURL(path.join(root, 'bench', 'draft.gknb.md')).href;

function lineOf(needle) {
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`bench/lsp.mjs: no line with ${needle} in the synthetic report`);
  return line;
}
// Edit 1: a digit typed after the first value of （一）予以公开 (it breaks that row's totals).
const resultLine = lineOf('（一）予以公开');
const firstValue = /\| (\d+) \|/.exec(lines[resultLine].slice(lines[resultLine].indexOf('（一）予以公开')));
const cellEnd = lines[resultLine].indexOf('（一）予以公开') + firstValue.index + 2 + firstValue[1].length;
// Edit 2: a Chinese character typed into the first narrative paragraph of section 一.
const narrativeLine = lines.findIndex((l) => l.startsWith('（1）'));
const narrativeAt = 6;
// Requests: hover on the total of （七）总计 (formula hover); completion in the label cell of the
// row after the one left out (it offers 2.重复申请).
const totalLine = lineOf('（七）总计');
const totalCells = [...lines[totalLine].matchAll(/\| (\d+) (?=\|)/g)];
const totalCell = { line: totalLine, character: totalCells[totalCells.length - 1].index + 2 };
const labelLine = lineOf('3.要求提供公开出版物');
const labelCell = { line: labelLine, character: lines[labelLine].indexOf('3.要求提供公开出版物') + 2 };

const edits = {
  table: { line: resultLine, character: cellEnd, text: '1' },
  narrative: { line: narrativeLine, character: narrativeAt, text: '字' },
};

/**
 * One-character edits, alternately typed and deleted (the text returns to `base` every second
 * version), each timed from the didChange notification to the publish for that version.
 */
async function editLatency(server, edit, version, count) {
  const times = [];
  let diagnostics = 0;
  for (let i = 0; i < count; i++) {
    const insert = i % 2 === 0;
    const start = { line: edit.line, character: edit.character };
    const range = insert ? { start, end: start } : { start, end: { line: edit.line, character: edit.character + edit.text.length } };
    version++;
    const published = server.publishOf(uri, version);
    const t0 = performance.now();
    await server.change(uri, version, range, insert ? edit.text : '');
    const publish = await published;
    times.push(publish.at - t0 - server.delayMs);
    diagnostics = Math.max(diagnostics, publish.diagnostics.length);
  }
  // An even count leaves the document as `base`.
  return { version, times, diagnostics };
}

/** Sequential round trips of one request (after `warmup` untimed ones); `check` describes a reply. */
async function requestLatency(server, method, params, warmup, count) {
  let reply;
  for (let i = 0; i < warmup; i++) reply = await server.request(method, params);
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    reply = await server.request(method, params);
    times.push(performance.now() - t0);
  }
  return { times, reply };
}

const describe = (reply) => (reply === null || reply === undefined ? 'null' : Array.isArray(reply) ? `${reply.length} item(s)` : Array.isArray(reply.items) ? `${reply.items.length} item(s)` : 'a reply');

// ---------------------------------------------------------------------------------------
// Run.

mkdirSync(outDir, { recursive: true });
if (cpuProf) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}
const loadBefore = load();
console.log(`gknb LSP benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}, ${os.platform()} ${os.arch()}`);
console.log(`server: ${path.relative(root, serverModule)} --stdio${cpuProf ? ' (under --cpu-prof)' : ''}; client: vscode-jsonrpc in this process`);
console.log(`document: synthetic 2021-format report, ${(Buffer.byteLength(base) / KB).toFixed(1)} KB, ${lines.length} lines, a wrong row total and a row left out`);
if (cpuProf) console.log('note: under --cpu-prof the latency server is slowed by the profiler; its numbers are not the benchmark\'s');
console.log(`timing: ${WARMUP} warm-up rounds, then ${ITERATIONS} sequential round trips each; machine load (1/5/15 min) before: ${loadBefore.join(' ')}`);
console.log('');

const rows = [];
const record = (name, times, target, note) => {
  const s = stats(times);
  rows.push({ name, ...s, targetP95Ms: target ?? null, pass: target === undefined ? null : s.p95Ms <= target, note });
};

// Latency server A: gknb.validate.delayMs 0, so a publish comes as soon as validation is done.
const server = new Server({ delayMs: 0, profile: cpuProf });
const profiled = new Map([[server.pid, 'server with delayMs 0 (edits, requests on a parsed document)']]);
await server.initialize();
let version = 1;
const opened = await server.open(uri, base, version);
const fixable = opened.diagnostics.find((d) => d.data !== undefined) ?? opened.diagnostics[0];
if (!fixable) throw new Error('bench/lsp.mjs: the benchmark report has no diagnostic; the injected mistake was not found');

let run = await editLatency(server, edits.table, version, WARMUP * 2);
run = await editLatency(server, edits.table, run.version, ITERATIONS);
record('edit in a table cell → publishDiagnostics (delayMs 0)', run.times, 15, `up to ${run.diagnostics} diagnostics`);
run = await editLatency(server, edits.narrative, run.version, WARMUP * 2);
run = await editLatency(server, edits.narrative, run.version, ITERATIONS);
record('edit in a paragraph → publishDiagnostics (delayMs 0)', run.times, 15, `up to ${run.diagnostics} diagnostics`);
version = run.version;

const doc = { uri };
const requests = [
  ['codeAction (quick fixes at a diagnostic)', 'textDocument/codeAction',
    { textDocument: doc, range: fixable.range, context: { diagnostics: [fixable], triggerKind: 1 } }, 10],
  ['completion (label cell of a table row)', 'textDocument/completion', { textDocument: doc, position: labelCell }, 10],
  ['hover (total cell: formula)', 'textDocument/hover', { textDocument: doc, position: totalCell }, 5],
  ['formatting (whole document)', 'textDocument/formatting', { textDocument: doc, options: { tabSize: 2, insertSpaces: true } }, 20],
  // No targets in the issue for these; measured to see where an editor's other requests stand.
  ['codeAction source.fixAll.gknb (on save)', 'textDocument/codeAction',
    { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gknb'], triggerKind: 2 } }],
  ['codeLens', 'textDocument/codeLens', { textDocument: doc }],
  ['inlayHint (whole document)', 'textDocument/inlayHint', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }],
  ['documentSymbol', 'textDocument/documentSymbol', { textDocument: doc }],
];
for (const [name, method, params, target] of requests) {
  const { times, reply } = await requestLatency(server, method, params, WARMUP, ITERATIONS);
  record(name, times, target, describe(reply));
}

// Hover on a version the server has not parsed yet (the per-version model cache misses): the
// first hover after each edit. The delay (100 ms here) keeps validation from parsing it first.
{
  const hoverServer = new Server({ delayMs: 100, profile: cpuProf });
  profiled.set(hoverServer.pid, 'server with delayMs 100 (uncached hover, edits with the default delay)');
  await hoverServer.initialize();
  let v = 1;
  await hoverServer.open(uri, base, v);
  const times = [];
  let reply;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const insert = i % 2 === 0;
    const at = { line: edits.narrative.line, character: edits.narrative.character };
    v++;
    const published = hoverServer.publishOf(uri, v);
    await hoverServer.change(uri, v, insert ? { start: at, end: at } : { start: at, end: { ...at, character: at.character + 1 } }, insert ? '字' : '');
    const t0 = performance.now();
    reply = await hoverServer.request('textDocument/hover', { textDocument: doc, position: totalCell });
    if (i >= WARMUP) times.push(performance.now() - t0);
    await published;
  }
  record('hover, first request after an edit (uncached parse)', times, 5, describe(reply));

  // The default delay (100 ms): edit → publish, minus the delay.
  let r = await editLatency(hoverServer, edits.table, v, 10);
  r = await editLatency(hoverServer, edits.table, r.version, quick ? 20 : 100);
  record('edit in a table cell → publishDiagnostics (delayMs 100, minus 100)', r.times, 15, `up to ${r.diagnostics} diagnostics`);
  await hoverServer.shutdown();
}

const afterLatency = memoryOf(server.pid);
await server.shutdown();

// Memory: a fresh server (default settings apart from the delay), 50 different ~20 KB reports opened.
const memServer = new Server({ delayMs: 100 });
await memServer.initialize();
await sleep(200);
const idle = memoryOf(memServer.pid);
const reports = Array.from({ length: OPEN_REPORTS }, (_, i) => ({
  uri: pathToFileURL(path.join(root, 'bench', `report-${String(i + 1).padStart(2, '0')}.gknb.md`)).href,
  text: syntheticReport(20 * KB, 1000 + i),
}));
const t0 = performance.now();
await Promise.all(reports.map((r) => memServer.open(r.uri, r.text)));
const openAllMs = performance.now() - t0;
await sleep(1000);
const withReports = memoryOf(memServer.pid);
// Ask each for hover, symbols and lenses too, so the per-document caches are all populated.
for (const r of reports) {
  await memServer.request('textDocument/documentSymbol', { textDocument: { uri: r.uri } });
  await memServer.request('textDocument/codeLens', { textDocument: { uri: r.uri } });
}
await sleep(500);
const withRequests = memoryOf(memServer.pid);
await memServer.shutdown();

// ---------------------------------------------------------------------------------------
// Report.

console.log(table(
  ['measured (client round trip)', 'runs', 'p50', 'p95', 'max', 'target p95', 'result', 'reply'],
  rows.map((r) => [r.name, String(r.runs), `${fmtMs(r.p50Ms)} ms`, `${fmtMs(r.p95Ms)} ms`, `${fmtMs(r.maxMs)} ms`,
    r.targetP95Ms === null ? '—' : `≤ ${r.targetP95Ms} ms`, r.pass === null ? '' : r.pass ? 'PASS' : 'MISS', r.note]),
  ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
));

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const rssTarget = 100 * MB;
const memory = {
  idleAfterInitialize: idle,
  withReportsOpen: withReports,
  withReportsOpenAndRequested: withRequests,
  latencyServerAfterRun: afterLatency,
  openReports: OPEN_REPORTS,
  openAllMs,
  targetRssBytes: rssTarget,
  pass: Math.max(withReports.rssBytes, withRequests.rssBytes) <= rssTarget,
};
console.log(`\nserver memory (VmRSS / VmHWM peak from /proc/<pid>/status):`);
console.log(table(
  ['state', 'RSS', 'peak RSS', 'target', 'result'],
  [
    ['idle, after initialize', mb(idle.rssBytes), mb(idle.peakRssBytes), '', ''],
    [`${OPEN_REPORTS} reports (~20 KB each) open and validated`, mb(withReports.rssBytes), mb(withReports.peakRssBytes), '≤ 100 MB', withReports.rssBytes <= rssTarget ? 'PASS' : 'MISS'],
    ['… and symbols + code lenses asked for each', mb(withRequests.rssBytes), mb(withRequests.peakRssBytes), '≤ 100 MB', withRequests.rssBytes <= rssTarget ? 'PASS' : 'MISS'],
    [`latency server after ${rows.reduce((n, r) => n + r.runs, 0)} timed round trips`, mb(afterLatency.rssBytes), mb(afterLatency.peakRssBytes), '', ''],
  ],
  ['l', 'r', 'r', 'r', 'l'],
));
console.log(`opening the ${OPEN_REPORTS} reports at once → all ${OPEN_REPORTS} publishes: ${fmtMs(openAllMs)} ms`);

// CPU profiles, when asked for: top functions by self time in each latency server.
const profiles = [];
if (cpuProf) {
  // Node names the file CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile.
  for (const name of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const file = path.join(profileDir, name);
    const pid = Number(name.split('.')[3]);
    const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const self = new Map();
    let totalMs = 0;
    let idleMs = 0;
    samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      const ms = (timeDeltas[i] ?? 0) / 1000;
      totalMs += ms;
      // Waiting for the next message is most of the wall time; the shares are of the busy rest.
      if (functionName === '(idle)') {
        idleMs += ms;
        return;
      }
      const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
      self.set(key, (self.get(key) ?? 0) + ms);
    });
    const busyMs = totalMs - idleMs;
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([fn, ms]) => ({ fn, selfMs: ms, share: ms / busyMs }));
    const role = profiled.get(pid) ?? `pid ${pid}`;
    profiles.push({ role, file: path.relative(root, file), totalMs, busyMs, top });
    console.log(`\nCPU profile, ${role} (${path.relative(root, file)}): ${fmtMs(totalMs)} ms sampled, ${fmtMs(busyMs)} ms not idle; top self time:`);
    console.log(table(['function', 'self', 'share of busy'], top.map((t) => [t.fn, `${fmtMs(t.selfMs)} ms`, `${(t.share * 100).toFixed(1)} %`]), ['l', 'r', 'r']));
  }
  if (profiles.length === 0) console.log('\nno .cpuprofile was written (did the servers exit cleanly?)');
}

const loadAfter = load();
console.log(`\n${loadSummary(loadBefore, loadAfter)}`);
const targets = [
  ...rows.filter((r) => r.targetP95Ms !== null).map((r) => ({ target: `${r.name} p95 ≤ ${r.targetP95Ms} ms`, value: r.p95Ms, pass: r.pass })),
  { target: `server RSS with ${OPEN_REPORTS} reports open ≤ 100 MB`, value: Math.max(withReports.rssBytes, withRequests.rssBytes), pass: memory.pass },
];
const missed = targets.filter((t) => !t.pass);
console.log(missed.length ? `MISSED: ${missed.map((t) => t.target).join('; ')}` : `all ${targets.length} LSP targets PASS`);

const out = {
  ...environment(loadBefore, loadAfter),
  quick,
  iterations: ITERATIONS,
  warmup: WARMUP,
  document: { bytes: Buffer.byteLength(base), lines: lines.length },
  latency: rows,
  memory,
  profiles,
  targets,
};
writeResults(outDir, 'lsp.json', out);
