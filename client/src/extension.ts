// Desktop entry (package.json `main` → dist/client/node.js): runs the language server in a Node process over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerServerFeatures } from './features';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './options';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCommands(context);
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const started = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions());
  client = started;
  // The client restarts a server process that dies (vscode-languageclient's default error handler,
  // 4 times within 3 minutes at most); the pid lets the integration test kill it.
  registerServerFeatures(context, started, { serverProcessId: () => started.serverProcess?.pid });
  await started.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
