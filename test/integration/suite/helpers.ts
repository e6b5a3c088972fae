// Helpers shared by the integration suites. Only the `vscode` API: the suites run in the web and the desktop host.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'gknb.gknb';
export const SOURCE = 'gknb';

/** Every rule id of the language service; examples/mistakes.gknb.md triggers each of them. */
export const RULE_IDS = [
  'missing-section', 'section-order', 'duplicate-section', 'heading-wording',
  'missing-table', 'missing-row', 'unknown-label',
  'row-total', 'result-total', 'balance', 'appeal-total',
  'empty-cell', 'invalid-number', 'fullwidth-digit',
  'text-table-mismatch',
] as const;

/** The rule id of a diagnostic (`code` may be a plain value or `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function gknbDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): Set<string> {
  return new Set(diagnostics.map(codeOf).filter((c): c is string => c !== undefined));
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(no diagnostics)';
  return diagnostics
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? '-'}/${codeOf(d) ?? '-'}] ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the diagnostics of `uri` (all sources) as soon as `predicate` holds for them: checks the
 * current state first, then on every `onDidChangeDiagnostics` event that names `uri`. Rejects after
 * `timeoutMs` with the last diagnostics seen, so a failure says what the server did publish.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15000,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (predicate(current)) finish(() => resolve(current));
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => finish(() => reject(new Error(
      `Timed out after ${timeoutMs} ms waiting for ${what} on ${key}. Current diagnostics:\n` +
      describe(vscode.languages.getDiagnostics(uri))))), timeoutMs);
    check();
  });
}

/** The workspace folder the runner mounts (test-fixtures/, a copy of examples/*.gknb.md). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the runner should open test-fixtures/)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fixtureUri(name));
}

export async function replace(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) throw new Error(`could not apply an edit to ${document.uri.toString()}`);
}

/** Range of the last non-empty cell of the first table row whose text contains `label`. */
export function lastCellOfRow(document: vscode.TextDocument, label: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.trimStart().startsWith('|') || !text.includes(label)) continue;
    const match = /\|[ \t\u3000]*([^|\s\u3000][^|]*?)[ \t\u3000]*\|[ \t\u3000]*$/.exec(text);
    if (!match) continue;
    const start = match.index + match[0].indexOf(match[1]);
    return new vscode.Range(line, start, line, start + match[1].length);
  }
  throw new Error(`no table row containing "${label}" in ${document.uri.toString()}`);
}
