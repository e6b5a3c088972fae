// Bundles the client, the server (Node + web worker) and the CLI with esbuild.
// Usage: node scripts/build.mjs [--production]   (production: minified, no source maps)
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  target: 'es2022',
  logLevel: 'warning',
  sourcemap: !production,
  minify: production,
  define: { global: 'globalThis' },
  // jsonc-parser's `main` is a UMD build whose internal require()s esbuild cannot follow; its ESM
  // build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/node.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/client/browser.js', platform: 'browser', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/node.ts'], outfile: 'dist/server/node.js', platform: 'node', format: 'cjs' },
  { entryPoints: ['server/src/browser.ts'], outfile: 'dist/server/browser.js', platform: 'browser', format: 'iife' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];
// Test bundles only when the test sources exist (they are not shipped in the .vsix).
if (!production && existsSync('test/integration/suite/index.web.ts')) {
  builds.push({ entryPoints: ['test/integration/suite/index.web.ts'], outfile: 'dist/test/web/index.js', platform: 'browser', format: 'cjs',
    external: ['vscode'], inject: ['test/integration/process-shim.js'] });
}
if (!production && existsSync('test/integration/suite/index.node.ts')) {
  builds.push({ entryPoints: ['test/integration/suite/index.node.ts'], outfile: 'dist/test/node/index.js', platform: 'node', format: 'cjs',
    external: ['vscode', 'mocha'] });
}
const present = builds.filter((b) => b.entryPoints.every((e) => existsSync(e)));
await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
