import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../server/src/service';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

suite('package.json contributions', () => {
  const pkg = read('package.json');
  const properties = pkg.contributes.configuration.properties;

  test('every rule id is a gknb.rules setting, and nothing else is', () => {
    assert.deepEqual(Object.keys(properties['gknb.rules'].properties).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      assert.deepEqual(properties['gknb.rules'].properties[id].enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
  });

  test('every %placeholder% has an English and a Chinese string', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > RULE_IDS.length, 'placeholders found');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const bundle = read(file);
      for (const key of keys) assert.equal(typeof bundle[key], 'string', `${file} lacks ${key}`);
    }
  });

  test('names fixed by the design card', () => {
    assert.equal(pkg.name, 'gknb');
    assert.equal(pkg.displayName, '政府信息公开年报助手 (gknb)');
    assert.equal(pkg.bin.gknb, './dist/cli.js');
    assert.deepEqual(pkg.contributes.languages[0].extensions, ['.gknb.md']);
    assert.ok(pkg.activationEvents.includes('onLanguage:gknb') && pkg.activationEvents.includes('onLanguage:markdown'));
  });
});
