import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

suite('extension', () => {
  test('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} not found`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('contributes the gknb language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('gknb'), 'language id gknb is not registered');
  });
});
