// Client-side commands, shared by the desktop and web entries.
import * as vscode from 'vscode';

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // Runs the server's source.fixAll.gknb action on the active editor (the same action
    // `editor.codeActionsOnSave` runs).
    vscode.commands.registerCommand('gknb.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.gknb', apply: 'first' })),
  );
}
