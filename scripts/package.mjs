// `npm run package`: a production build (minified bundles, no source maps) packed into a .vsix with @vscode/vsce.
// Usage: node scripts/package.mjs [--out <file.vsix>]   (default: gknb-<version>.vsix in the project root, git-ignored)
// What goes in is decided by the allow-list in .vscodeignore and checked by scripts/check-vsix.mjs.
// The bundles are self-contained, so node_modules is not packed (--no-dependencies). vsce never gets a terminal
// (stdin is closed), so a question it would ask ends the run with an error instead of hanging CI.
// Note: dist/client and dist/server hold the production bundles afterwards; `npm run build` restores the dev ones.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : `${pkg.name}-${pkg.version}.vsix`);

function run(title, cmd, args) {
  console.log(`> ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.error || res.status !== 0) {
    console.error(`FAIL: ${title} ${res.error ? `could not start: ${res.error.message}` : `exited with ${res.status ?? res.signal}`}`);
    process.exit(1);
  }
}

let vsce;
try {
  const dir = path.dirname(require.resolve('@vscode/vsce/package.json'));
  vsce = path.join(dir, require('@vscode/vsce/package.json').bin.vsce);
} catch {
  console.error('FAIL: @vscode/vsce is not installed (a devDependency): run `npm ci`');
  process.exit(1);
}

run('production build (node scripts/build.mjs --production)', process.execPath, [path.join(root, 'scripts/build.mjs'), '--production']);

const args = ['package', '--no-dependencies', '--out', out];
// Without a repository URL vsce can neither rewrite README's relative links (docs/…) nor accept the manifest:
// keep the links as they are and allow the missing field, until package.json names the repository.
if (!pkg.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
run(`vsce ${args.join(' ')}`, process.execPath, [vsce, ...args]);

console.log(`packaged ${path.relative(root, out) || out} (${(statSync(out).size / 1024).toFixed(1)} KB)`);
