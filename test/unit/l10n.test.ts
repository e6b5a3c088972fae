// Localisation completeness: every message the code can show has its Chinese in the l10n bundle
// (l10n/bundle.l10n.zh-cn.json, shared by client and server), no bundle entry is stale, the
// placeholders agree, and every %key% of package.json exists in both package.nls files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { formatMessage, localize } from '../../server/src/service/l10n';

const root = path.resolve(__dirname, '../..');
const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface Use {
  readonly key: string;
  readonly where: string;
  /** How many format arguments the call passes after the message. */
  readonly args: number;
}

/**
 * Messages the code localises: the string-literal message argument of `say(…)`, `localize(…)`
 * and `vscode.l10n.t(…)` / `l10n.t(…)`. A non-literal message argument is reported, since it
 * could not be checked.
 */
function collectUses(): { uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  const files = [...sourceFiles(path.join(root, 'server/src')), ...sourceFiles(path.join(root, 'client/src'))];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.getText(source) : '';
        let messageIndex = -1;
        if (name === 'say') {
          const literal = node.arguments.findIndex((a) => ts.isStringLiteralLike(a));
          messageIndex = literal >= 0 ? literal : node.arguments.length === 1 ? 0 : 1;
        } else if (name === 'localize') messageIndex = 1;
        else if (name === 'vscode.l10n.t' || name === 'l10n.t') messageIndex = 0;
        const message = messageIndex >= 0 ? node.arguments[messageIndex] : undefined;
        // Definitions pass their parameter along; they are not messages.
        const isForwarding = message && ts.isIdentifier(message) && message.text === 'message';
        if (message && !isForwarding) {
          if (ts.isStringLiteralLike(message)) uses.push({ key: message.text, where: where(node), args: node.arguments.length - messageIndex - 1 });
          else dynamic.push(`${where(node)}: ${node.getText(source).slice(0, 80)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, dynamic };
}

const placeholders = (s: string): string[] => [...new Set((s.replace(/\{\{\d+\}\}/g, '').match(/\{\d+\}/g) ?? []))].sort();
const highestPlaceholder = (s: string): number => Math.max(-1, ...placeholders(s).map((p) => Number(p.slice(1, -1))));

suite('l10n', () => {
  const { uses, dynamic } = collectUses();

  test('the code localises literal messages only (so that they can be checked)', () => {
    assert.deepEqual(dynamic, []);
    assert.ok(uses.length > 150, `only ${uses.length} messages found: is the extraction broken?`);
  });

  test('every message has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
    const missing = [...new Set(uses.filter((u) => bundle[u.key] === undefined).map((u) => `${u.where}: ${u.key}`))];
    assert.deepEqual(missing, []);
  });

  test('no stale entries: every bundle key is used by the code', () => {
    const used = new Set(uses.map((u) => u.key));
    assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), []);
  });

  test('every placeholder of a message and of its translation is filled by the call; translations are Chinese', () => {
    const unfilled = uses.filter((u) => bundle[u.key] !== undefined && Math.max(highestPlaceholder(u.key), highestPlaceholder(bundle[u.key])) >= u.args)
      .map((u) => `${u.where}: ${u.args} argument(s) for “${u.key}” / “${bundle[u.key]}”`);
    assert.deepEqual(unfilled, []);
    // A Chinese translation may leave out an English-only part (a plural, a separator), but a key's
    // own placeholders are mostly kept: losing all of them is a sign of a broken entry.
    const lostAll = Object.entries(bundle).filter(([key, zh]) => placeholders(key).length > 0 && placeholders(zh).length === 0);
    assert.deepEqual(lostAll, []);
    const notChinese = Object.entries(bundle).filter(([key, zh]) => zh === key && /[a-z]{3}/i.test(key) || !/[\u3400-\u9fff]|^[\p{P}\s{}0-9]*$/u.test(zh));
    assert.deepEqual(notChinese, []);
  });

  test('localize picks the language and fills placeholders', () => {
    const [key, zh] = Object.entries(bundle).find(([k]) => placeholders(k).length > 0)!;
    const args = placeholders(key).map((_, i) => `«${i}»`);
    assert.equal(localize('en', key, ...args), formatMessage(key, args));
    assert.equal(localize('zh-cn', key, ...args), formatMessage(zh, args));
    assert.notEqual(localize('zh-cn', key, ...args), localize('en', key, ...args));
    assert.equal(formatMessage('a {0} b {{0}} c {1}', ['x']), 'a x b {0} c {1}');
    assert.equal(localize('zh-cn', 'not in the bundle {0}', 7), 'not in the bundle 7');
  });

  test('package.json: every %key% exists in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 10);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = JSON.parse(fs.readFileSync(path.join(root, nls), 'utf8'));
      assert.deepEqual(keys.filter((k) => typeof strings[k] !== 'string' || strings[k].trim() === ''), [], nls);
    }
    const zh = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8'));
    assert.deepEqual(Object.keys(zh).filter((k) => !/[\u3400-\u9fff]/.test(zh[k])), [], 'package.nls.zh-cn.json entries are Chinese');
  });
});
