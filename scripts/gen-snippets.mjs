// Regenerates the VS Code snippets file snippets/gknb.json from the report skeleton
// (server/src/service/skeleton.ts, via snippets/generate.ts). The file is committed; run
//
//   node scripts/gen-snippets.mjs           # rewrite snippets/gknb.json
//   node scripts/gen-snippets.mjs --check   # exit 1 when the committed file is out of date
//
// after changing the skeleton or the template data. The unit tests fail when the file drifts.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'snippets', 'gknb.json');

const result = await esbuild.build({
  entryPoints: [join(root, 'snippets', 'generate.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const { snippetsFileText } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = snippetsFileText();

if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error('snippets/gknb.json is out of date: run node scripts/gen-snippets.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${Object.keys(JSON.parse(text)).length} snippets)`);
}
