// Desktop integration tests with @vscode/test-electron (route C): the `main` entry, the server over IPC.
// Needs a VS Code build: set VSCODE_EXECUTABLE to a local VS Code / Code - OSS executable, or have access to
// update.code.visualstudio.com so test-electron can download one. It never passes without running the tests.
const fs = require('fs');
const path = require('path');
const { root, prepareFixtures, requireBuilt } = require('./fixtures');

requireBuilt('dist/client/node.js', 'dist/server/node.js', 'dist/test/node/index.js');

function loud(lines) {
  const bar = '!'.repeat(78);
  console.error(['', bar, ...lines.map((l) => `!! ${l}`), bar, ''].join('\n'));
}

async function main() {
  let runTests, TestRunFailedError;
  try {
    ({ runTests, TestRunFailedError } = require('@vscode/test-electron'));
  } catch (err) {
    loud(['ELECTRON TESTS DID NOT RUN: cannot load @vscode/test-electron', String(err && err.message)]);
    process.exit(1);
  }
  const workspace = prepareFixtures();
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
    loud(['ELECTRON TESTS DID NOT RUN.', `VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist.`]);
    process.exit(1);
  }
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist/test/node/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      timeout: 30000, // idle timeout of the download, so an offline machine fails fast
    });
  } catch (err) {
    const message = String((err && err.message) || err);
    if (err instanceof TestRunFailedError) { // VS Code ran; some test failed or the host crashed
      console.error(`electron tests FAILED (${((Date.now() - started) / 1000).toFixed(1)} s): ${message}`);
    } else {
      loud([
        'ELECTRON TESTS DID NOT RUN.',
        vscodeExecutablePath
          ? `Could not launch VS Code from VSCODE_EXECUTABLE=${vscodeExecutablePath}`
          : 'VSCODE_EXECUTABLE is not set and VS Code could not be downloaded (no access to update.code.visualstudio.com?).',
        `Reason: ${message.split('\n')[0]}`,
        'Set VSCODE_EXECUTABLE=/path/to/code, or use `npm run test:web` (offline web extension host).',
      ]);
    }
    process.exit(1);
  }
  console.log(`electron tests passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

main().catch((err) => { loud(['ELECTRON TESTS DID NOT RUN: runner error', String(err && err.stack || err)]); process.exit(1); });
