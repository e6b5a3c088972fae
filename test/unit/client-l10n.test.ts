// The client's UI strings (vscode.l10n.t, English source strings, found with @vscode/l10n-dev's
// extractor): every one is translated in l10n/bundle.l10n.zh-cn.json with the same {n}
// placeholders, and the manifest points VS Code there. English needs no bundle: the key is the text.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT = path.join(ROOT, 'client/src');

function bundle(name: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;
}

function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

suite('client l10n bundles', () => {
  let used: string[];
  suiteSetup(async () => {
    const files = readdirSync(CLIENT).filter((f) => f.endsWith('.ts')).map((f) => ({ contents: readFileSync(path.join(CLIENT, f), 'utf8'), extension: '.ts' }));
    used = Object.keys(await getL10nJson(files));
  });

  test('the client sources use vscode.l10n.t (the extraction finds the status bar and command strings)', () => {
    for (const s of ['{0} template', '{0} errors', 'Show details', 'Insert a standard table']) assert.ok(used.includes(s), s);
  });

  test('every string has a Chinese translation with the same placeholders', () => {
    const zh = bundle('bundle.l10n.zh-cn.json');
    // The bundle also holds the server's messages (test/unit/l10n.test.ts checks those and stale keys).
    assert.deepEqual(used.filter((key) => !(key in zh)), [], 'every client string is in the zh-cn bundle');
    for (const key of used) {
      assert.ok(zh[key].trim() !== '' && zh[key] !== key, `“${key}” is not translated`);
      assert.deepEqual(placeholders(zh[key]), placeholders(key), `placeholders of “${key}”`);
    }
  });

  test('the status bar reads as the design says in Chinese', () => {
    const zh = bundle('bundle.l10n.zh-cn.json');
    const fill = (s: string, ...args: string[]) => s.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
    assert.equal(`${fill(zh['{0} report'], '2021')} · ${fill(zh['{0} template'], '2021')} · ${fill(zh['{0} errors'], '3')}`, '2021年度 · 2021版模板 · 3 个错误');
  });

  test('package.json points VS Code at the l10n folder', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });
});
