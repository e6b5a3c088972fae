import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

suite('extension', () => {
  test('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} not found`);
    const wasActive = extension.isActive;
    const started = Date.now();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
    // Activation time in a real host (activate() includes starting the language server and its
    // initialize reply). The Node-host runner records this line for `npm run bench`.
    console.log(`gknb-activation ${JSON.stringify({ ms: Date.now() - started, wasActive })}`);
  });

  test('contributes the gknb language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('gknb'), 'language id gknb is not registered');
  });
});
