// Bundle sizes and activation time (issue 4), measured without VS Code:
// - sizes of dist/client/*.js, dist/server/*.js and dist/cli.js, raw and gzip; the same bundles
//   built for production (scripts/build.mjs --production run in a temp folder, so dist/ is left
//   alone); and the .vsix (with the bundles inside it) when one exists; budget for the .vsix ≤ 1 MB;
// - activation, in parts that can be measured honestly outside an editor, on the production
//   bundles (what the .vsix ships): (a) evaluating the client bundle (require) in a fresh Node
//   process with a stub `vscode` module, activate() not called; (b) spawning the server
//   (node dist/server/node.js --stdio) until its initialize response; (c) until the first
//   publishDiagnostics of a ~20 KB report opened right after. VS Code's own extension-host work
//   and its IPC transport are not included.
// Usage: node bench/sizes.mjs [--quick]   (needs node scripts/build.mjs first)
// Writes dist/bench/sizes.json. Prints PASS/MISS for the .vsix budget; never asserts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { syntheticReport } from './synthetic.mjs';
import { environment, fmtMs, load, loadSummary, median, table, writeResults } from './report.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'bench');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 10;
const KB = 1024;
const MB = 1024 * 1024;
const VSIX_BUDGET = 1 * MB;

const fmtSize = (n) => (n >= MB ? `${(n / MB).toFixed(2)} MB` : `${(n / KB).toFixed(1)} KB`);

mkdirSync(outDir, { recursive: true });
const loadBefore = load();
console.log(`gknb sizes and activation — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}; machine load (1/5/15 min) ${loadBefore.join(' ')}`);

// ---------------------------------------------------------------------------------------
// Bundle sizes.

/** The shipped bundles under `base` (dist/client/*.js, dist/server/*.js, dist/cli.js), relative to it. */
function bundlesIn(base) {
  const files = [];
  for (const dir of ['dist/client', 'dist/server']) {
    const full = path.join(base, dir);
    if (existsSync(full)) for (const name of readdirSync(full).sort()) if (name.endsWith('.js')) files.push(`${dir}/${name}`);
  }
  if (existsSync(path.join(base, 'dist/cli.js'))) files.push('dist/cli.js');
  return files;
}
function sizesOf(base, files) {
  return files.map((file) => {
    const data = readFileSync(path.join(base, file));
    // scripts/build.mjs writes a source map beside each bundle unless --production (minified, no maps).
    const build = existsSync(path.join(base, `${file}.map`)) ? 'development' : 'production';
    return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length, build };
  });
}

const bundleFiles = bundlesIn(root);
if (bundleFiles.length === 0) {
  console.error('bench/sizes.mjs: no bundles in dist/; run node scripts/build.mjs first');
  process.exit(1);
}
const bundles = sizesOf(root, bundleFiles);

// The production build, without touching dist/: a temp folder links to everything in the project
// but dist/, and scripts/build.mjs --production runs there (its paths are relative to the cwd).
const productionRoot = mkdtempSync(path.join(os.tmpdir(), 'gknb-bench-production-'));
process.on('exit', () => rmSync(productionRoot, { recursive: true, force: true }));
for (const name of readdirSync(root)) {
  if (name === 'dist' || name === '.git' || name.startsWith('.vscode-test') || name.endsWith('.vsix')) continue;
  symlinkSync(path.join(root, name), path.join(productionRoot, name));
}
const productionBuild = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], { cwd: productionRoot, encoding: 'utf8' });
const production = productionBuild.status === 0 ? sizesOf(productionRoot, bundlesIn(productionRoot)) : [];
if (productionBuild.status !== 0) console.log(`\nproduction build failed (sizes of dist/ only):\n${productionBuild.stderr}`);

console.log('\nbundles (gzip -9): dist/ as built now, and built for production in a temp folder:');
console.log(table(
  ['bundle', 'dist/ build', 'raw', 'gzip', 'production raw', 'production gzip'],
  bundles.map((b) => {
    const p = production.find((x) => x.file === b.file);
    return [b.file, b.build, fmtSize(b.bytes), fmtSize(b.gzipBytes), p ? fmtSize(p.bytes) : '—', p ? fmtSize(p.gzipBytes) : '—'];
  }),
  ['l', 'l', 'r', 'r', 'r', 'r'],
));

// The .vsix: the newest gknb-*.vsix in the project root (npm run package), with its bundles.
let vsix = null;
const vsixFiles = readdirSync(root).filter((f) => f.endsWith('.vsix')).map((f) => ({ f, mtime: statSync(path.join(root, f)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
if (vsixFiles.length) {
  const file = vsixFiles[0].f;
  const stat = statSync(path.join(root, file));
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(readFileSync(path.join(root, file)));
  const entries = [];
  zip.forEach((name, entry) => {
    if (entry.dir) return;
    // jszip keeps the sizes read from the central directory on the entry's _data.
    entries.push({ name, bytes: entry._data?.uncompressedSize ?? null, compressedBytes: entry._data?.compressedSize ?? null });
  });
  entries.sort((a, b) => (b.compressedBytes ?? 0) - (a.compressedBytes ?? 0));
  const newestBundle = Math.max(...bundleFiles.map((f) => statSync(path.join(root, f)).mtimeMs));
  vsix = {
    file, bytes: stat.size, modified: stat.mtime.toISOString(), entries: entries.length,
    olderThanDist: stat.mtimeMs < newestBundle, budgetBytes: VSIX_BUDGET, pass: stat.size <= VSIX_BUDGET,
    largest: entries.slice(0, 8),
  };
  console.log(`\n${file}: ${fmtSize(stat.size)} (${entries.length} files), built ${vsix.modified}${vsix.olderThanDist ? ' — older than the bundles in dist/, run npm run package to refresh it' : ''}`);
  console.log(table(['in the .vsix', 'size', 'compressed'], vsix.largest.map((e) => [e.name, e.bytes === null ? '?' : fmtSize(e.bytes), e.compressedBytes === null ? '?' : fmtSize(e.compressedBytes)]), ['l', 'r', 'r']));
  console.log(`target: .vsix ≤ 1 MB: ${fmtSize(stat.size)} ${vsix.pass ? 'PASS' : 'MISS'}`);
  // With today's code: the .vsix's bundles swapped for today's production bundles (gzip ≈ its deflate).
  const shipped = entries.filter((e) => /^extension\/dist\/.*\.js$/.test(e.name));
  const today = shipped.map((e) => production.find((p) => `extension/${p.file}` === e.name));
  if (shipped.length && today.every(Boolean) && shipped.every((e) => e.compressedBytes !== null)) {
    vsix.estimateWithCurrentBundlesBytes = stat.size - shipped.reduce((n, e) => n + e.compressedBytes, 0) + today.reduce((n, p) => n + p.gzipBytes, 0);
    vsix.estimatePass = vsix.estimateWithCurrentBundlesBytes <= VSIX_BUDGET;
    console.log(`estimate with today's production bundles in place of its ${shipped.length}: ${fmtSize(vsix.estimateWithCurrentBundlesBytes)} ${vsix.estimatePass ? 'PASS' : 'MISS'} (estimate, not a packaged file)`);
  }
} else {
  console.log('\nno .vsix in the project root (npm run package makes one); its size is not measured');
}

// ---------------------------------------------------------------------------------------
// Activation, part (a): evaluating the client bundle in a fresh Node process. `vscode` is a
// stub (a Proxy answering every property), because only VS Code provides the real module.

const stubLoader = `
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
const stub = new Proxy(function () {}, {
  get: (target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : key === '__esModule' ? true : stub),
  apply: () => stub,
  construct: () => stub,
});
const original = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : original.call(this, request, ...rest); };
const t0 = performance.now();
const exported = require(process.argv[1]);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, sinceProcessStart: performance.now(), activate: typeof exported.activate }));
`;
function clientLoad(bundle) {
  const times = [];
  const sinceStart = [];
  for (let i = 0; i < RUNS; i++) {
    const res = spawnSync(process.execPath, ['-e', stubLoader, path.join(activationRoot, bundle)], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`loading ${bundle} with a stub vscode failed: ${res.stderr}`);
    const r = JSON.parse(res.stdout);
    if (r.activate !== 'function') throw new Error(`${bundle} exports no activate()`);
    times.push(r.ms);
    sinceStart.push(r.sinceProcessStart);
  }
  return { bundle, runs: RUNS, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), medianSinceProcessStartMs: median(sinceStart) };
}

// Parts (b) and (c): the server over stdio, spawn → initialize response → first publishDiagnostics.
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const report = syntheticReport(20 * KB);
async function serverStart() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(activationRoot, 'dist/server/node.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(root, 'bench', 'draft.gknb.md')).href;
  const published = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri === uri) resolve(performance.now()); }));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'zh-cn', capabilities: { workspace: { configuration: true } } });
    const initializeMs = performance.now() - t0;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gknb', version: 1, text: report } });
    const firstDiagnosticsMs = (await published) - t0;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    return { initializeMs, firstDiagnosticsMs };
  } finally {
    clearTimeout(timeout);
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

// A bare `node -e 0`, to tell Node's own start-up apart from the bundles'.
const nodeStart = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  nodeStart.push(performance.now() - t0);
}
// The production bundles are what users run; dist/ is the fallback when that build failed.
const activationRoot = production.length ? productionRoot : root;
const clients = ['dist/client/node.js', 'dist/client/browser.js'].filter((f) => existsSync(path.join(activationRoot, f))).map((f) => clientLoad(f));
const starts = [];
for (let i = 0; i < RUNS; i++) starts.push(await serverStart());
const server = {
  runs: RUNS,
  initializeMedianMs: median(starts.map((s) => s.initializeMs)),
  initializeMaxMs: Math.max(...starts.map((s) => s.initializeMs)),
  firstDiagnosticsMedianMs: median(starts.map((s) => s.firstDiagnosticsMs)),
  firstDiagnosticsMaxMs: Math.max(...starts.map((s) => s.firstDiagnosticsMs)),
};

console.log(`\nactivation, measured without VS Code on the ${activationRoot === root ? 'dist/' : 'production'} bundles (median of ${RUNS} fresh processes):`);
const rows = [
  ['node -e 0 (bare Node start-up and exit, for scale)', `${fmtMs(median(nodeStart))} ms`, `${fmtMs(Math.max(...nodeStart))} ms`],
  ...clients.map((c) => [`require(${c.bundle}) with a stub vscode, activate() not called`, `${fmtMs(c.medianMs)} ms`, `${fmtMs(c.maxMs)} ms`]),
  ['server: spawn → initialize response (stdio)', `${fmtMs(server.initializeMedianMs)} ms`, `${fmtMs(server.initializeMaxMs)} ms`],
  ['server: spawn → first publishDiagnostics (~20 KB report)', `${fmtMs(server.firstDiagnosticsMedianMs)} ms`, `${fmtMs(server.firstDiagnosticsMaxMs)} ms`],
];
console.log(table(['measured', 'median', 'max'], rows, ['l', 'r', 'r']));
const desktop = clients.find((c) => c.bundle === 'dist/client/node.js');
const estimate = desktop ? desktop.medianMs + server.firstDiagnosticsMedianMs : null;
if (estimate !== null) {
  console.log(`desktop estimate, client bundle evaluation + server spawn to first diagnostics: ${fmtMs(estimate)} ms`);
  console.log('(not included: VS Code\'s extension host work, activate() itself, IPC instead of stdio)');
}

// Activation in a real VS Code host: the Node-host integration run (npm test / npm run test:node-host)
// records how long extension.activate() took there, server start and initialize included.
const hostFile = path.join(root, 'dist', 'bench', 'activation-node-host.json');
const hostActivation = existsSync(hostFile) ? JSON.parse(readFileSync(hostFile, 'utf8')) : null;
if (hostActivation) {
  console.log(`activation in a real host: ${hostActivation.ms} ms — extension.activate() in the ${hostActivation.host}` +
    `${hostActivation.wasActive ? ' (ALREADY ACTIVE when measured: not a real activation time)' : ''}, run at ${hostActivation.measuredAt}`);
} else {
  console.log('activation in a real host: NOT MEASURED — run `npm run test:node-host` (part of npm test) first; it records dist/bench/activation-node-host.json');
}

const loadAfter = load();
console.log(loadSummary(loadBefore, loadAfter));
const out = {
  ...environment(loadBefore, loadAfter),
  bundles,
  production: productionBuild.status === 0 ? production : null,
  vsix,
  activation: {
    runs: RUNS,
    nodeStartMedianMs: median(nodeStart),
    clientLoad: clients,
    server,
    desktopEstimateMs: estimate,
    bundles: activationRoot === root ? 'dist/' : 'production (scripts/build.mjs --production)',
    realHost: hostActivation,
    measured: 'require() of the client bundle with a stub vscode module (activate() not called) + server spawn over stdio to initialize response / first publishDiagnostics; no VS Code',
  },
  targets: vsix
    ? [
      { target: `.vsix ≤ 1 MB (${vsix.file}${vsix.olderThanDist ? ', older than dist/' : ''})`, value: vsix.bytes, pass: vsix.pass },
      ...(vsix.estimateWithCurrentBundlesBytes !== undefined
        ? [{ target: '.vsix ≤ 1 MB (estimate with the current production bundles)', value: vsix.estimateWithCurrentBundlesBytes, pass: vsix.estimatePass }]
        : []),
    ]
    : [],
};
writeResults(outDir, 'sizes.json', out);
