// Web entry (package.json `browser` → dist/client/browser.js): runs the language server in a Web Worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerCommands } from './commands';
import { registerServerFeatures } from './features';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './options';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCommands(context);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js');
  const worker = new Worker(serverMain.toString(true));
  const started = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions());
  client = started;
  // A Web Worker has no process id: the crash-recovery test cannot kill it here.
  registerServerFeatures(context, started, { serverProcessId: () => undefined });
  await started.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
