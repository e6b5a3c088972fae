// Helpers of the quick-fix, completion and command suites. Only the `vscode` API, event-based waits.
import * as vscode from 'vscode';
import { codeOf, describe } from './helpers';

/**
 * Records which documents got diagnostics published since it was created, so a test can wait for
 * the first publish of a document it has not opened yet (a correct report publishes an empty
 * list, which leaves `getDiagnostics` unchanged: only the event tells that the server answered).
 */
export class PublishRecorder implements vscode.Disposable {
  private readonly seen = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly listener = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) {
      const key = uri.toString();
      this.seen.add(key);
      for (const wake of this.waiters.get(key)?.splice(0) ?? []) wake();
    }
  });

  /** Resolves with the diagnostics of `uri` once a publish for it has been seen (now or earlier). */
  published(uri: vscode.Uri, timeoutMs = 15000): Promise<vscode.Diagnostic[]> {
    const key = uri.toString();
    if (this.seen.has(key)) return Promise.resolve(vscode.languages.getDiagnostics(uri));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for diagnostics to be published for ${key}`)), timeoutMs);
      const list = this.waiters.get(key) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve(vscode.languages.getDiagnostics(uri));
      });
      this.waiters.set(key, list);
    });
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/** The gknb diagnostics of the given codes. */
export function withCodes(diagnostics: readonly vscode.Diagnostic[], ...wanted: string[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'gknb' && wanted.includes(codeOf(d) ?? ''));
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Closes the active editor without saving (untitled test documents must not block shutdown). */
export async function closeActiveWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** A report text without the lines from the one starting with `from` up to (not including) the one starting with `to`. */
export function withoutLines(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  if (start < 0 || end < 0) throw new Error(`no lines from "${from}" to "${to}"`);
  lines.splice(start, end - start);
  return lines.join('\n');
}

export { describe };
