// Creates test-fixtures/ (git-ignored): a fresh copy of the project's examples/*.gknb.md, the folder
// both integration runners open as the workspace (web: vscode-test-web://mount/, desktop: file://).
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

/** test-fixtures/config/.gknbrc.json: turns appeal-total off; line 3 names a rule that does not exist. */
const CONFIG_FIXTURE = '{\n  "rules": {\n    "appeal-total": "off",\n    "empty-cel": "off"\n  }\n}\n';

function prepareFixtures() {
  const examples = path.join(root, 'examples');
  const fixtures = path.join(root, 'test-fixtures');
  fs.rmSync(fixtures, { recursive: true, force: true });
  fs.mkdirSync(fixtures, { recursive: true });
  const files = fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.gknb.md')) : [];
  for (const file of files) fs.copyFileSync(path.join(examples, file), path.join(fixtures, file));
  // A folder with a .gknbrc.json (one valid rule level, one unknown rule) over a copy of the mistakes example.
  if (files.includes('mistakes.gknb.md')) {
    fs.mkdirSync(path.join(fixtures, 'config'));
    fs.copyFileSync(path.join(examples, 'mistakes.gknb.md'), path.join(fixtures, 'config', 'report.gknb.md'));
    fs.writeFileSync(path.join(fixtures, 'config', '.gknbrc.json'), CONFIG_FIXTURE);
  }
  // Two consecutive years of one agency, never opened together by the tests: this year's 上年结转 (4)
  // differs from last year's 结转下年度继续办理 (3), so cross-year must find last year's file itself.
  if (files.includes('report-2021.gknb.md')) {
    const example = fs.readFileSync(path.join(examples, 'report-2021.gknb.md'), 'utf8').replace(/云溪市交通运输局/g, '云溪市档案局');
    fs.mkdirSync(path.join(fixtures, 'crossyear'));
    fs.writeFileSync(path.join(fixtures, 'crossyear', 'last.gknb.md'), example);
    fs.writeFileSync(path.join(fixtures, 'crossyear', 'this.gknb.md'), example.replace(/2023/g, '2024'));
  }
  if (files.length === 0) console.warn(`WARNING: no examples/*.gknb.md found; the workspace-file tests will fail.`);
  else console.log(`fixtures: copied ${files.length} example(s) to ${path.relative(root, fixtures)}/: ${files.join(', ')}`);
  return fixtures;
}

function requireBuilt(...relPaths) {
  const missing = relPaths.filter((p) => !fs.existsSync(path.join(root, p)));
  if (missing.length) {
    console.error(`ERROR: missing build output: ${missing.join(', ')} (run \`npm run build\` first)`);
    process.exit(1);
  }
}

/** A TCP port that is free on 127.0.0.1 right now (for the test servers). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

module.exports = { root, prepareFixtures, requireBuilt, freePort };
