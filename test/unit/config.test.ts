import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  EMPTY_CONFIG,
  INVALID_CONFIG,
  applyConfigFile,
  configDiagnostics,
  isIgnoredByConfig,
  parseConfigFile,
} from '../../server/src/service/config';
import { RULE_IDS } from '../../server/src/service/rules';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

const root = path.resolve(__dirname, '../..');

suite('config file (.gknbrc.json)', () => {
  test('a valid file with comments, trailing commas and a BOM gives its values and no problems', () => {
    const text = '\ufeff{\n  // 本单位不填表二\n  "$schema": "./schemas/gknbrc.schema.json",\n  "template": "2019",\n  "rules": { "empty-cell": "off", "row-total": "warning", },\n  "ignores": ["草稿/**", "old\\\\*.md"],\n}\n';
    const parsed = parseConfigFile(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, { template: '2019', rules: { 'empty-cell': 'off', 'row-total': 'warning' }, ignores: ['草稿/**', 'old/*.md'] });
  });

  test('invalid JSON: one error at the place, and defaults for the whole file', () => {
    const parsed = parseConfigFile('{\n  "rules": { "empty-cell": "off" \n  "template": "2019"\n}');
    assert.deepEqual(parsed.config, EMPTY_CONFIG);
    assert.ok(parsed.problems.length >= 1);
    assert.equal(parsed.problems[0].severity, 'error');
    assert.equal(parsed.problems[0].range.start.line, 2, JSON.stringify(parsed.problems[0]));
    assert.match(parsed.problems[0].message, /不是有效的 JSON.*默认设置/);
    assert.match(parseConfigFile('{', 'en').problems[0].message, /not valid JSON/);
  });

  test('not an object, wrong types and unknown names are reported where they are written; the rest still applies', () => {
    assert.match(parseConfigFile('[1, 2]').problems[0].message, /JSON 对象/);
    const text = [
      '{',
      '  "template": "2020",',
      '  "rules": { "empty-cel": "off", "row-total": "loud", "balance": "off" },',
      '  "ignores": "drafts",',
      '  "rule": {}',
      '}',
    ].join('\r\n');
    const parsed = parseConfigFile(text);
    assert.deepEqual(parsed.config, { template: undefined, rules: { balance: 'off' }, ignores: [] });
    const byLine = parsed.problems.map((p) => [p.range.start.line, p.range.start.character, p.severity, p.message]);
    assert.deepEqual(byLine.map(([line]) => line), [1, 2, 2, 3, 4]);
    assert.match(String(byLine[0][3]), /template 的值应为/);
    assert.match(String(byLine[1][3]), /未知的规则“empty-cel”.*是否指“empty-cell”/);
    assert.equal(byLine[1][2], 'warning');
    assert.match(String(byLine[2][3]), /规则 row-total 的级别/);
    assert.equal(text.split('\r\n')[2].slice(Number(byLine[2][1])).startsWith('"loud"'), true, 'range starts at the value (CRLF text)');
    assert.match(String(byLine[3][3]), /ignores 应为/);
    assert.match(String(byLine[4][3]), /未知的配置项“rule”/);
  });

  test('configDiagnostics: code invalid-config, source gknb, errors and warnings', () => {
    const diagnostics = configDiagnostics(parseConfigFile('{ "rules": { "nope": "off", "balance": 3 } }'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.source, d.severity]), [[INVALID_CONFIG, 'gknb', 2], [INVALID_CONFIG, 'gknb', 1]]);
  });

  test('ignores match paths relative to the config folder, never outside it', () => {
    const { config } = parseConfigFile('{ "ignores": ["草稿/**", "*.old.md"] }');
    assert.equal(isIgnoredByConfig(config, '草稿/2021.gknb.md'), true);
    assert.equal(isIgnoredByConfig(config, '草稿/深/层.md'), true);
    assert.equal(isIgnoredByConfig(config, 'a.old.md'), true);
    assert.equal(isIgnoredByConfig(config, './a.old.md'), true);
    assert.equal(isIgnoredByConfig(config, 'reports/2021.gknb.md'), false);
    assert.equal(isIgnoredByConfig(config, '../草稿/x.md'), false);
    assert.equal(isIgnoredByConfig(EMPTY_CONFIG, 'anything.md'), false);
  });

  test('applyConfigFile: rule levels override the settings; the template only replaces auto', () => {
    const settings = { ...DEFAULT_SETTINGS, rules: { 'row-total': 'error', balance: 'hint' } } as const;
    const applied = applyConfigFile(settings, { template: '2019', rules: { balance: 'off' }, ignores: [] });
    assert.deepEqual(applied.rules, { 'row-total': 'error', balance: 'off' });
    assert.equal(applied.template, '2019');
    assert.equal(applyConfigFile({ ...settings, template: '2021' }, { template: '2019', rules: {}, ignores: [] }).template, '2021');
    assert.equal(applyConfigFile(settings, EMPTY_CONFIG), settings);
  });

  test('the JSON schema contributed to VS Code names every rule id and the same values the parser accepts', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas/gknbrc.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      assert.deepEqual(schema.properties.rules.properties[id].enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
    assert.deepEqual(schema.properties.template.enum, ['auto', '2019', '2021']);
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'ignores', 'rules', 'template']);
    assert.equal(schema.additionalProperties, false);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.gknbrc.json', url: './schemas/gknbrc.schema.json' }]);
  });
});
