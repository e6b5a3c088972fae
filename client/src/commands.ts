// Client-side commands, shared by the desktop and web entries.
import * as vscode from 'vscode';
import type { TableKind, TemplateYear } from '../../server/src/service/model';
import { parseReport } from '../../server/src/service/parser';
import { reportSkeleton, standardTable, templateForYear } from '../../server/src/service/skeleton';

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // Runs the server's source.fixAll.gknb action on the active editor (the same action
    // `editor.codeActionsOnSave` runs).
    vscode.commands.registerCommand('gknb.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.gknb', apply: 'first' })),
    vscode.commands.registerCommand('gknb.newReport', newReport),
    vscode.commands.registerCommand('gknb.insertTable', insertTable),
    vscode.commands.registerCommand('gknb.showTableProblems', showTableProblems),
  );
}

// ---------------------------------------------------------------------------------------
// gknb.showTableProblems (the 勾稽关系 code lens)

/** Selects every failing total of the table the lens sits on and reveals the first. */
async function showTableProblems(argument?: { line?: number; ranges?: { start: { line: number; character: number }; end: { line: number; character: number } }[] }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const ranges = (argument?.ranges ?? []).map((r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
  if (!editor || ranges.length === 0) return;
  editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
  editor.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);
}

// ---------------------------------------------------------------------------------------
// gknb.newReport

/** Arguments for automation (tests, keybindings): given, they replace the prompts. */
export interface NewReportArgs {
  readonly agency?: string;
  readonly year?: number;
}

const DEFAULT_AGENCY = 'XX单位';
/** The year the regulations (条例) took effect: no report is older. */
const FIRST_YEAR = 2008;

function lastYear(): number {
  return new Date().getFullYear() - 1;
}

function validYear(value: unknown): number | undefined {
  const year = typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value;
  return typeof year === 'number' && Number.isInteger(year) && year >= FIRST_YEAR && year <= lastYear() + 1 ? year : undefined;
}

/**
 * Opens a new untitled `gknb` document holding the report skeleton (tables filled with 0) for
 * an agency and a year, on that year's template. Asks for both unless given `{ agency, year }`.
 */
async function newReport(args?: unknown): Promise<vscode.TextDocument | undefined> {
  let agency: string;
  let year: number;
  if (isRecord(args) && ('agency' in args || 'year' in args)) {
    agency = typeof args.agency === 'string' && args.agency.trim() !== '' ? args.agency.trim() : DEFAULT_AGENCY;
    year = validYear(args.year) ?? lastYear();
  } else {
    const title = vscode.l10n.t('New annual report');
    const name = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Name of the agency (written before the year in the title)'),
      placeHolder: vscode.l10n.t('e.g. 云溪市文化和旅游局'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter the agency name') : undefined),
    });
    if (name === undefined) return undefined;
    const yearText = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Report year (statistics from 1 January to 31 December)'),
      value: String(lastYear()),
      ignoreFocusOut: true,
      validateInput: (value) => (validYear(value) === undefined
        ? vscode.l10n.t('Enter a year from {0} to {1}', FIRST_YEAR, lastYear() + 1)
        : undefined),
    });
    if (yearText === undefined) return undefined;
    agency = name.trim();
    year = validYear(yearText) ?? lastYear();
  }
  const content = reportSkeleton({ template: templateForYear(year), year, agency, fill: '0' });
  const document = await vscode.workspace.openTextDocument({ language: 'gknb', content });
  await vscode.window.showTextDocument(document);
  return document;
}

// ---------------------------------------------------------------------------------------
// gknb.insertTable

/** Arguments for automation: given a kind, no quick pick is shown. */
export interface InsertTableArgs {
  readonly kind?: TableKind;
}

const KINDS: readonly TableKind[] = ['active', 'requests', 'appeals'];

function tableLabel(kind: TableKind): string {
  switch (kind) {
    case 'active': return vscode.l10n.t('Table 二: proactive disclosure');
    case 'requests': return vscode.l10n.t('Table 三: requests received and handled');
    case 'appeals': return vscode.l10n.t('Table 四: administrative reconsideration and litigation');
  }
}

/** The template in force for a document: the gknb.template setting, else the report's year or tables. */
function templateOf(document: vscode.TextDocument): TemplateYear {
  const setting = vscode.workspace.getConfiguration('gknb', document.uri).get<string>('template');
  const forced = setting === '2019' || setting === '2021' ? setting : 'auto';
  return parseReport(document.getText(), { template: forced }).template;
}

/** Inserts a standard table (values 0) of the template in force at the cursor, on lines of its own. */
async function insertTable(args?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the report to insert the table into first.'));
    return false;
  }
  const document = editor.document;
  const template = templateOf(document);
  let kind = isRecord(args) && KINDS.includes(args.kind as TableKind) ? (args.kind as TableKind) : undefined;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      KINDS.map((k) => ({ label: tableLabel(k), description: vscode.l10n.t('{0} template', template), table: k })),
      { title: vscode.l10n.t('Insert a standard table'), placeHolder: vscode.l10n.t('Choose the table to insert') },
    );
    if (!picked) return false;
    kind = picked.table;
  }
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const selection = editor.selection;
  const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
  const after = document.lineAt(selection.end.line).text.slice(selection.end.character);
  const lineAbove = selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : '';
  const lineBelow = selection.end.line + 1 < document.lineCount ? document.lineAt(selection.end.line + 1).text : '';
  // A table needs lines of its own, apart from paragraphs: add the line breaks that are missing.
  const prefix = before.trim() !== '' ? eol + eol : lineAbove.trim() !== '' ? eol : '';
  const suffix = after.trim() !== '' ? eol + eol : lineBelow.trim() !== '' ? eol : '';
  const table = standardTable(kind, template, '0').split('\n').join(eol);
  return editor.edit((builder) => builder.replace(selection, `${prefix}${table}${suffix}`));
}
