import * as assert from 'node:assert/strict';
import { settingsFromConfig } from '../../server/src/service/settings';
suite('smoke', () => { test('settings', () => { assert.equal(settingsFromConfig({ markdown: { check: 'never' } }).markdownCheck, 'never'); }); });
