// The LSP adapter: documents in, diagnostics out. Each handler gets the document, asks the pure
// service, replies. Shared by the Node (IPC/stdio) and web-worker entry points.
import type { CodeAction, CodeActionParams, Connection, InitializeResult, TextEdit } from 'vscode-languageserver';
import { CodeActionKind, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionParams } from 'vscode-languageserver';
import {
  codeLenses, documentSymbols, foldingRanges, getCompletions, hover, inlayHints, parseReport, selectionRanges, type ReportModel,
} from './service';
import {
  DEFAULT_SETTINGS, exceedsSizeLimit, fixAll, formatTables, getCodeActions, settingsFromConfig, shouldCheckDocument, validateModel, validateText,
  type GknbSettings, type Locale,
} from './service';

export const FIX_ALL_KIND = 'source.fixAll.gknb';

/** Whether a code action kind was asked for by `only` (a kind matches its parents: source ⊃ source.fixAll). */
function wanted(kind: string, only: readonly string[] | undefined, byDefault: boolean): boolean {
  if (!only || only.length === 0) return byDefault;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<GknbSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let canPullConfiguration = false;
  let displayLocale: Locale = 'zh-cn';
  const canRefresh = { inlayHints: false, codeLens: false };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    // Messages follow the editor's display language unless gknb.locale forces one.
    displayLocale = params.locale?.toLowerCase().startsWith('zh') || params.locale === undefined ? 'zh-cn' : 'en';
    canRefresh.inlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    canRefresh.codeLens = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // No trigger characters: `|` and `、` are typed in every table row and sentence, where
        // nothing fits; completion comes on request (Ctrl+Space) and with quick suggestions.
        completionProvider: {},
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentSymbolProvider: { label: 'gknb' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: 'gknb' },
    };
  });

  function settingsFor(uri: string): Promise<GknbSettings> {
    if (!canPullConfiguration) return Promise.resolve({ ...DEFAULT_SETTINGS, locale: displayLocale });
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'gknb' })
        .then((raw) => settingsFromConfig(raw, displayLocale), () => ({ ...DEFAULT_SETTINGS, locale: displayLocale }));
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  // One parse per document version serves validation, hover, lenses, hints, symbols, folding and selection.
  const models = new Map<string, { version: number; template: string; model: ReportModel }>();
  function parsedModel(document: TextDocument, text: string, settings: GknbSettings): ReportModel {
    const cached = models.get(document.uri);
    if (cached && cached.version === document.version && cached.template === settings.template) return cached.model;
    const model = parseReport(text, { template: settings.template });
    models.set(document.uri, { version: document.version, template: settings.template, model });
    return model;
  }

  async function validate(uri: string): Promise<void> {
    const settings = await settingsFor(uri);
    // The document may have changed or closed while settings were fetched: use what is open now.
    const document = documents.get(uri);
    if (!document) return;
    const opened = openedAt.get(uri);
    let diagnostics;
    try {
      const text = document.getText();
      diagnostics = shouldCheckDocument(text, document.languageId, settings) && !exceedsSizeLimit(text, settings)
        ? validateModel(parsedModel(document, text, settings), uri, settings)
        : validateText(text, { uri, languageId: document.languageId, settings }); // nothing, or file-too-large
    } catch (error) {
      // A bug in a rule must not take the server down; say so in the log and keep serving.
      connection.console.error(`gknb: validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return;
    }
    // Publish only if no newer version arrived meanwhile (a newer validation is then scheduled),
    // and the document was not closed and reopened under the same URI (untitled:Untitled-N is reused).
    if (documents.get(uri)?.version !== document.version || openedAt.get(uri) !== opened) return;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  function schedule(uri: string, delayMs: number): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, delayMs));
  }

  // A counter per opening: versions restart at 1 when a URI is reused, so they alone cannot tell.
  const openedAt = new Map<string, number>();
  let openings = 0;
  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, ++openings);
    void validate(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    void settingsFor(uri).then((settings) => schedule(uri, settings.validateDelayMs));
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    settingsCache.delete(uri);
    openedAt.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /**
   * The open document with its settings, when gknb checks it (a gknb document, or Markdown that
   * looks like a report) and it is within gknb.maxFileSizeKB; requests on other documents get nothing.
   */
  async function checkedDocument(uri: string): Promise<{ document: TextDocument; text: string; settings: GknbSettings } | undefined> {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document) return undefined;
    const text = document.getText();
    if (!shouldCheckDocument(text, document.languageId, settings) || exceedsSizeLimit(text, settings)) return undefined;
    return { document, text, settings };
  }

  connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const checked = await checkedDocument(uri);
    if (!checked || token.isCancellationRequested) return [];
    const { document, text, settings } = checked;
    const options = { uri, languageId: document.languageId, settings };
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix, params.context.only, true)) {
      actions.push(...getCodeActions(text, params.context.diagnostics, options));
    }
    // Fix-all is a source action: only when asked for (save participants, the gknb.fixAll command).
    if (wanted(FIX_ALL_KIND, params.context.only, false) && !token.isCancellationRequested) {
      const result = fixAll(text, options);
      if (result.edits.length > 0) {
        actions.push({
          title: settings.locale === 'en' ? 'gknb: Fix all auto-fixable problems' : 'gknb: 修复全部可自动修复的问题',
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: result.edits } },
        });
      }
    }
    return actions;
  });

  async function format(uri: string, range?: Parameters<typeof formatTables>[1]): Promise<TextEdit[]> {
    const checked = await checkedDocument(uri);
    return checked && checked.settings.formatEnable ? formatTables(checked.text, range) : [];
  }
  connection.onDocumentFormatting((params) => format(params.textDocument.uri));
  connection.onDocumentRangeFormatting((params) => format(params.textDocument.uri, params.range));

  connection.onCompletion(async (params: CompletionParams, token): Promise<CompletionItem[]> => {
    const checked = await checkedDocument(params.textDocument.uri);
    if (!checked || token.isCancellationRequested) return [];
    return getCompletions(checked.text, params.position, { settings: checked.settings });
  });

  async function modelFor(uri: string): Promise<{ model: ReportModel; text: string; settings: GknbSettings } | undefined> {
    const checked = await checkedDocument(uri);
    if (!checked) return undefined;
    const { document, text, settings } = checked;
    return { model: parsedModel(document, text, settings), text, settings };
  }
  documents.onDidClose((event) => models.delete(event.document.uri));

  connection.onHover(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m ? hover(m.model, m.text, params.position, m.settings.locale) ?? null : null;
  });
  connection.onCodeLens(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m && m.settings.codeLensEnable ? codeLenses(m.model, m.text, m.settings.locale, { rules: m.settings.rules }) : [];
  });
  connection.languages.inlayHint.on(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m && m.settings.inlayHintsEnable ? inlayHints(m.model, m.text, params.range, m.settings.locale, { rules: m.settings.rules }) : [];
  });
  connection.onDocumentSymbol(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m ? documentSymbols(m.model, m.text, m.settings.locale) : [];
  });
  connection.onFoldingRanges(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m ? foldingRanges(m.model, m.text) : [];
  });
  connection.onSelectionRanges(async (params) => {
    const m = await modelFor(params.textDocument.uri);
    return m ? selectionRanges(m.model, m.text, params.positions) : [];
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    // Lenses and hints depend on settings too; ask the client to re-request them when it can.
    if (canRefresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    for (const document of documents.all()) void validate(document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
