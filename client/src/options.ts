// Client options shared by the desktop (Node) and web (browser) entries.
import { workspace } from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

export const CLIENT_ID = 'gknb';
export const CLIENT_NAME = '政府信息公开年报助手 (gknb)';

export function clientOptions(): LanguageClientOptions {
  return {
    // No scheme restriction: untitled documents and virtual file systems (vscode-test-web://, vscode-vfs://) are checked too.
    // The server decides per document whether a markdown file looks like a report (setting gknb.markdown.check).
    // .gknbrc.json gets diagnostics of its own (a malformed config file says so where it is wrong).
    documentSelector: [{ language: 'gknb' }, { language: 'markdown' }, { pattern: '**/.gknbrc.json' }],
    synchronize: {
      configurationSection: 'gknb',
      // Last year's report may change on disk while this year's is open (cross-year): the server re-checks.
      // A changed .gknbrc.json changes the settings of the reports below it.
      fileEvents: [workspace.createFileSystemWatcher('**/*.md'), workspace.createFileSystemWatcher('**/.gknbrc.json')],
    },
    // So the server does not register a second watcher of its own.
    initializationOptions: { watchesReportFiles: true },
  };
}
