// Client options shared by the desktop (Node) and web (browser) entries.
import type { LanguageClientOptions } from 'vscode-languageclient';

export const CLIENT_ID = 'gknb';
export const CLIENT_NAME = '政府信息公开年报助手 (gknb)';

export function clientOptions(): LanguageClientOptions {
  return {
    // No scheme restriction: untitled documents and virtual file systems (vscode-test-web://, vscode-vfs://) are checked too.
    // The server decides per document whether a markdown file looks like a report (setting gknb.markdown.check).
    documentSelector: [{ language: 'gknb' }, { language: 'markdown' }],
    synchronize: { configurationSection: 'gknb' },
  };
}
