// Checks the packaged extension (run by `npm test` after `npm run package`):
//  - every entry is on the allow-list below (no sources, tests, maps, node_modules, docs, examples, scripts, CLI);
//  - every required file is there, and every file the packaged package.json points to (main, browser, grammars,
//    snippets, language configuration) is in the package;
//  - the bundles are production builds (no source-map reference);
//  - the .vsix file is at most 1 MiB.
// Usage: node scripts/check-vsix.mjs [file.vsix]   (default: gknb-<version>.vsix in the project root)
// The .vsix is a zip, read with the small reader in scripts/vsix.cjs (no dependency).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { readEntries, entryData } = createRequire(import.meta.url)('./vsix.cjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const file = path.resolve(root, process.argv[2] || `${pkg.name}-${pkg.version}.vsix`);
const BUDGET = 1024 * 1024;

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/snippets\/gknb\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z]{2}(-[a-z]{2,4})?\.json$/,
  /^extension\/schemas\/gknbrc\.schema\.json$/,
  /^extension\/dist\/(client|server)\/(node|browser)\.js$/,
];
const REQUIRED = [
  'extension/package.json', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json',
  'extension/readme.md', 'extension/LICENSE.txt', 'extension/language-configuration.json',
  'extension/syntaxes/gknb.tmLanguage.json', 'extension/syntaxes/gknb.injection.tmLanguage.json', 'extension/snippets/gknb.json',
  'extension/l10n/bundle.l10n.zh-cn.json', 'extension/schemas/gknbrc.schema.json',
  'extension/dist/client/node.js', 'extension/dist/client/browser.js', 'extension/dist/server/node.js', 'extension/dist/server/browser.js',
];

const problems = [];
let buf;
try {
  buf = readFileSync(file);
} catch (err) {
  console.error(`FAIL: cannot read ${file} (${err.code}); run \`npm run package\` first`);
  process.exit(1);
}

let entries;
try {
  entries = readEntries(buf);
} catch (err) {
  console.error(`FAIL: ${file}: ${err.message}`);
  process.exit(1);
}
const names = new Set(entries.map((e) => e.name));

for (const e of entries) {
  if (e.name.endsWith('/')) continue;
  let why = '';
  if (/\.map$/.test(e.name)) why = 'a source map';
  else if (/\.tsx?$/.test(e.name)) why = 'a TypeScript source';
  else if (/(^|\/)node_modules\//.test(e.name)) why = 'node_modules';
  else if (/(^|\/)(test|tests|test-fixtures|\.vscode-test[^/]*)\//.test(e.name)) why = 'a test file';
  else if (!ALLOWED.some((re) => re.test(e.name))) why = 'not on the allow-list';
  if (why) problems.push(`unexpected entry ${e.name} (${why})`);
}
for (const name of REQUIRED) if (!names.has(name)) problems.push(`missing ${name}`);

// Everything the packaged manifest points to must be in the package.
const manifestEntry = entries.find((e) => e.name === 'extension/package.json');
if (manifestEntry) {
  const manifest = JSON.parse(entryData(buf, manifestEntry).toString('utf8'));
  const c = manifest.contributes ?? {};
  const refs = [manifest.main, manifest.browser, ...(c.grammars ?? []).map((g) => g.path), ...(c.snippets ?? []).map((s) => s.path),
    ...(c.jsonValidation ?? []).map((j) => j.url),
    ...(c.languages ?? []).map((l) => l.configuration)].filter(Boolean);
  for (const ref of refs) {
    const name = path.posix.join('extension', ref);
    if (!names.has(name)) problems.push(`package.json refers to ${ref}, which is not in the package`);
  }
  if (manifest.main === undefined || manifest.browser === undefined) problems.push('package.json lacks main or browser');
}

// Production bundles carry no source-map reference.
for (const e of entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
  if (/sourceMappingURL=/.test(entryData(buf, e).toString('utf8'))) problems.push(`${e.name} refers to a source map (not a production build)`);
}

const size = statSync(file).size;
const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
if (size > BUDGET) problems.push(`the package is ${(size / 1024).toFixed(1)} KB, over the 1024 KB budget`);

console.log(`${path.relative(root, file)}: ${entries.length} entries, ${(size / 1024).toFixed(1)} KB (budget 1024 KB), ${(unpacked / 1024).toFixed(1)} KB unpacked`);
for (const e of entries) console.log(`  ${String(e.size).padStart(8)}  ${e.name}`);
if (problems.length) {
  for (const p of problems) console.error(`FAIL: ${p}`);
  process.exit(1);
}
console.log('vsix check passed');
