// Client features that talk to the language server, shared by the desktop and web entries: the
// status bar, gknb.showTemplate, gknb.importReport, and two internal commands the integration
// tests use (names starting with `_` are hidden from the command palette).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CONFIG_FILE_REQUEST, IMPORT_REQUEST, READ_FILE_REQUEST, REPORT_FILES_REQUEST, type ConfigFileParams, type ConfigFileReply,
  type DocumentInfo, type ImportParams, type ImportReply, type ReadFileParams, type ReadFileReply, type ReportFileInfo, type ReportFilesParams,
} from '../../server/src/protocol';
import { ReportStatus, documentInfo, isReportLanguage, templateReason, yearReason } from './status';

export interface ClientHost {
  /** The language server's process id (desktop); undefined in the browser, where it is a Web Worker. */
  serverProcessId(): number | undefined;
}

export function registerServerFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient, host: ClientHost): void {
  const status = new ReportStatus(client);
  const output = new LazyOutput();
  context.subscriptions.push(
    status,
    output,
    vscode.commands.registerCommand('gknb.showTemplate', (args?: unknown) => showTemplate(client, args)),
    vscode.commands.registerCommand('gknb.importReport', (args?: unknown) => importReport(client, output, args)),
    // For the integration tests: the status bar after a fresh update, and the server to kill.
    vscode.commands.registerCommand('_gknb.statusBar', () => status.update()),
    vscode.commands.registerCommand('_gknb.serverProcessId', () => host.serverProcessId()),
    // The web-worker server has no file system: it asks for a document's .gknbrc.json.
    client.onRequest(CONFIG_FILE_REQUEST, (params: ConfigFileParams) => findConfigFile(params.uri)),
    // … and for last year's report (cross-year), the workspace's Markdown files.
    client.onRequest(REPORT_FILES_REQUEST, (params: ReportFilesParams) => listReportFiles(params)),
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params.uri)),
  );
}

/** The first this many bytes of a file tell its agency and year (title and statistical period). */
const HEAD_BYTES = 16 * 1024;

/** Markdown files of the folders (not in node_modules or dot folders), with their start, for the server to pick from. */
export async function listReportFiles(params: ReportFilesParams): Promise<ReportFileInfo[]> {
  const files: ReportFileInfo[] = [];
  for (const folder of params.folderUris) {
    const left = params.max - files.length;
    if (left <= 0) break;
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(vscode.Uri.parse(folder), '**/*.md'), '{**/node_modules/**,**/.*/**}', left);
    for (const uri of found) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        const info: ReportFileInfo = { uri: uri.toString(), mtime: stat.mtime, size: stat.size };
        if (stat.size > params.maxBytes) {
          files.push(info);
          continue;
        }
        const bytes = await vscode.workspace.fs.readFile(uri);
        files.push({ ...info, head: new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES)) });
      } catch {
        // gone or unreadable: not a candidate
      }
    }
  }
  return files;
}

async function readFile(documentUri: string): Promise<ReadFileReply | null> {
  try {
    const uri = vscode.Uri.parse(documentUri);
    const stat = await vscode.workspace.fs.stat(uri);
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { text: new TextDecoder('utf-8').decode(bytes), mtime: stat.mtime, size: stat.size };
  } catch {
    return null;
  }
}

/**
 * The nearest `.gknbrc.json` in the document's folder or a folder above it, up to its workspace
 * folder (a document outside every workspace folder, or untitled, has none), read with the
 * editor's file system so that it works for virtual and web file systems too.
 */
export async function findConfigFile(documentUri: string): Promise<ConfigFileReply | null> {
  const uri = vscode.Uri.parse(documentUri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return null;
  const root = folder.uri.path.replace(/\/+$/, '');
  let dir = vscode.Uri.joinPath(uri, '..');
  for (;;) {
    const candidate = vscode.Uri.joinPath(dir, '.gknbrc.json');
    try {
      const bytes = await vscode.workspace.fs.readFile(candidate);
      return { uri: candidate.toString(), folderUri: dir.toString(), text: new TextDecoder('utf-8').decode(bytes) };
    } catch {
      // not here: one folder up
    }
    const path = dir.path.replace(/\/+$/, '');
    if (path === root || !path.startsWith(`${root}/`)) return null;
    dir = vscode.Uri.joinPath(dir, '..');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);
}

function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return typeof value === 'string' ? vscode.Uri.parse(value) : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------
// gknb.showTemplate

type TemplateChoice = 'auto' | '2019' | '2021';
const CHOICES: readonly TemplateChoice[] = ['auto', '2019', '2021'];

/** Arguments for automation (tests, keybindings): given a template, no quick pick is shown. */
export interface ShowTemplateArgs {
  readonly template?: TemplateChoice;
  /** The report; by default the active editor's document. */
  readonly uri?: vscode.Uri | string;
}

export interface ShowTemplateResult {
  /** What the server detected before any change. */
  readonly info: DocumentInfo;
  /** The template chosen, and where gknb.template was written; absent when nothing was chosen. */
  readonly chosen?: TemplateChoice;
  readonly target?: 'workspaceFolder' | 'workspace' | 'global';
}

/**
 * Shows the template in force for the active report and why, with a quick pick to override it
 * (auto / 2019 / 2021), written to gknb.template for that resource: its workspace folder, else
 * the workspace, else the user settings. The server re-validates on the configuration change.
 */
async function showTemplate(client: BaseLanguageClient, args?: unknown): Promise<ShowTemplateResult | undefined> {
  const given = isRecord(args) ? args : {};
  const uri = uriArgument(given.uri);
  const document = uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  const info = document && isReportLanguage(document) ? await documentInfo(client, document) : undefined;
  if (!document || !info) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report (a gknb or Markdown document) to see its template.'));
    return undefined;
  }
  if (!info.checked) {
    void vscode.window.showInformationMessage(vscode.l10n.t('gknb does not check this document (it does not look like an annual report, or checking is off).'));
    return { info };
  }
  const configuration = vscode.workspace.getConfiguration('gknb', document.uri);
  const current = configuration.get<string>('template') ?? 'auto';
  let chosen = CHOICES.includes(given.template as TemplateChoice) ? (given.template as TemplateChoice) : undefined;
  if (!chosen) {
    const labels: Record<TemplateChoice, { label: string; detail: string }> = {
      auto: { label: vscode.l10n.t('Automatic'), detail: vscode.l10n.t('By the report year: 2020 and earlier the 2019 template, from 2021 on the 2021 template.') },
      2019: { label: vscode.l10n.t('2019 template'), detail: vscode.l10n.t('The format of 国办公开办函〔2019〕60号 (reports for 2019 and 2020).') },
      2021: { label: vscode.l10n.t('2021 template'), detail: vscode.l10n.t('The format of 国办公开办函〔2021〕30号 (reports from 2021 on).') },
    };
    const picked = await vscode.window.showQuickPick(
      CHOICES.map((choice) => ({
        label: `${choice === current ? '$(check) ' : ''}${labels[choice].label}`,
        description: choice === current ? vscode.l10n.t('current setting') : undefined,
        detail: labels[choice].detail,
        choice,
      })),
      { title: `${templateReason(info)} ${yearReason(info)}`, placeHolder: vscode.l10n.t('Choose the template gknb checks this report against') },
    );
    if (!picked) return { info };
    chosen = picked.choice;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders?.length || vscode.workspace.workspaceFile ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  // `auto` removes the override, unless a wider scope sets a template that `auto` must overrule.
  // (Without a .code-workspace file, workspace and folder settings are one file: not wider.)
  const inspected = configuration.inspect<string>('template');
  const wider = target === vscode.ConfigurationTarget.WorkspaceFolder
    ? (vscode.workspace.workspaceFile ? inspected?.workspaceValue : undefined) ?? inspected?.globalValue
    : target === vscode.ConfigurationTarget.Workspace ? inspected?.globalValue : undefined;
  const value = chosen === 'auto' && (wider === undefined || wider === 'auto') ? undefined : chosen;
  await configuration.update('template', value, target);
  return {
    info,
    chosen,
    target: target === vscode.ConfigurationTarget.WorkspaceFolder ? 'workspaceFolder' : target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'global',
  };
}

// ---------------------------------------------------------------------------------------
// gknb.importReport

/** Arguments for automation: given a file, no open dialog is shown. */
export interface ImportReportArgs {
  readonly uri?: vscode.Uri | string;
}

export type ImportReportResult =
  | { readonly ok: true; readonly document: vscode.TextDocument; readonly tables: number; readonly unmapped: number }
  | { readonly ok: false; readonly message: string };

/** The output channel, created when an import first has something to tell. */
class LazyOutput implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;

  get(): vscode.OutputChannel {
    return (this.channel ??= vscode.window.createOutputChannel(vscode.l10n.t('gknb import')));
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * Converts a report taken from Word (.txt/.docx/.html/.htm/.md) into a gknb draft — the server
 * does the conversion — and opens it as a new untitled `gknb` document. What could not be placed
 * in the standard layout is listed in the output channel “gknb import”.
 */
async function importReport(client: BaseLanguageClient, output: LazyOutput, args?: unknown): Promise<ImportReportResult | undefined> {
  let uri = isRecord(args) ? uriArgument(args.uri) : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import an annual report from Word'),
      openLabel: vscode.l10n.t('Import'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Reports (Word, web page, text)')]: ['docx', 'htm', 'html', 'txt', 'md'] },
    });
    if (!picked || picked.length === 0) return undefined;
    uri = picked[0];
  }
  const name = baseName(uri);
  const fail = (message: string): ImportReportResult => {
    void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return fail(vscode.l10n.t('Cannot read {0}: {1}', name, errorText(error)));
  }
  const scope = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const params: ImportParams = { name, base64: toBase64(bytes), scopeUri: scope ? client.code2ProtocolConverter.asUri(scope) : undefined };
  let reply: ImportReply;
  try {
    reply = await client.sendRequest<ImportReply>(IMPORT_REQUEST, params);
  } catch (error) {
    return fail(vscode.l10n.t('gknb could not import {0}: {1}', name, errorText(error)));
  }
  if (!reply.ok) return fail(`${name}: ${reply.message}`);

  const document = await vscode.workspace.openTextDocument({ language: 'gknb', content: reply.text });
  await vscode.window.showTextDocument(document);
  const channel = output.get();
  channel.appendLine(vscode.l10n.t('Imported {0}: {1} table(s) recognised, {2} piece(s) not placed.', name, reply.tables, reply.unmapped.length));
  for (const note of reply.notes) channel.appendLine(`  ${note}`);
  for (const item of reply.unmapped) channel.appendLine(`  ${vscode.l10n.t('line {0}', item.line + 1)}: ${item.text}\n    ${item.reason}`);
  if (reply.unmapped.length > 0) {
    const details = vscode.l10n.t('Show details');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Imported {0}: {1} table(s) recognised; {2} piece(s) could not be placed in the standard layout and are kept as written.', name, reply.tables, reply.unmapped.length),
      details,
    ).then((answer) => {
      if (answer === details) channel.show(true);
    });
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}: {1} table(s) recognised.', name, reply.tables));
  }
  return { ok: true, document, tables: reply.tables, unmapped: reply.unmapped.length };
}
