// The status bar item of the active report: the year and template the server detected and the
// number of errors, e.g. `$(checklist) 2021年度 · 2021版模板 · 3 个错误`. Click → Problems view.
// Shown only for documents the server checks (gknb documents, Markdown that looks like a report).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { DOCUMENT_INFO_REQUEST, type DocumentInfo, type DocumentInfoParams } from '../../server/src/protocol';

/** Languages the client hands to the server (options.ts documentSelector). */
export function isReportLanguage(document: vscode.TextDocument): boolean {
  return document.languageId === 'gknb' || document.languageId === 'markdown';
}

/** What the server detected in a document; undefined when the server cannot be asked (not running). */
export async function documentInfo(client: BaseLanguageClient, document: vscode.TextDocument): Promise<DocumentInfo | undefined> {
  if (!isReportLanguage(document)) return undefined;
  const params: DocumentInfoParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  try {
    return await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, params);
  } catch {
    return undefined;
  }
}

/** Why the year is what it is, in a sentence. */
export function yearReason(info: DocumentInfo): string {
  if (info.year === undefined) return vscode.l10n.t('No report year found in the title or the statistical period.');
  return info.yearSource === 'title'
    ? vscode.l10n.t('Report year {0}, from the title.', info.year)
    : vscode.l10n.t('Report year {0}, from the statistical period.', info.year);
}

/** Why the template in force is in force, in a sentence. */
export function templateReason(info: DocumentInfo): string {
  switch (info.templateSource) {
    case 'setting': return vscode.l10n.t('Template {0}: set by the gknb.template setting.', info.template);
    case 'year': return vscode.l10n.t('Template {0}: from the report year (reports for 2020 and earlier use the 2019 template, from 2021 on the 2021 template).', info.template);
    case 'header': return vscode.l10n.t('Template {0}: from the header words of table 二 (the report names no year).', info.template);
    default: return vscode.l10n.t('Template {0}: the default (the report names no year and its tables do not tell).', info.template);
  }
}

export interface StatusSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gknb.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** Counts updates, so that an answer overtaken by a newer update is dropped. */
  private generation = 0;
  private visible = false;

  constructor(private readonly client: BaseLanguageClient) {
    this.item.name = vscode.l10n.t('gknb report status');
    this.item.command = { title: vscode.l10n.t('Show problems'), command: 'workbench.actions.view.problems' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      // Every publish of the active document (also after a settings change, which re-validates).
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) void this.update();
      }),
      vscode.workspace.onDidCloseTextDocument(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('gknb')) void this.update();
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.update();
        else this.hide();
      }),
    );
    void this.update();
  }

  /** Asks the server about the active document and shows (or hides) the item; resolves when done. */
  async update(): Promise<StatusSnapshot> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const info = document ? await documentInfo(this.client, document) : undefined;
    if (generation !== this.generation) return this.snapshot(); // a newer update is under way
    if (!document || !info || !info.checked) {
      this.hide();
      return this.snapshot();
    }
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gknb');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const year = info.year === undefined ? vscode.l10n.t('year unknown') : vscode.l10n.t('{0} report', info.year);
    const template = vscode.l10n.t('{0} template', info.template);
    const count = errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors);
    this.item.text = `$(checklist) ${year} · ${template} · ${count}`;
    this.item.tooltip = [
      yearReason(info),
      templateReason(info),
      vscode.l10n.t('{0} error(s), {1} warning(s). Click to open the Problems view; run “gknb: Show the template in force” to change it.', errors, warnings),
    ].join('\n');
    this.item.show();
    this.visible = true;
    return this.snapshot();
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  private snapshot(): StatusSnapshot {
    const tooltip = this.item.tooltip;
    return { visible: this.visible, text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '' };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
