// The LSP adapter: documents in, diagnostics out. Each handler gets the document, asks the pure
// service, replies. Shared by the Node (IPC/stdio) and web-worker entry points.
import type { CodeAction, CodeActionParams, Connection, InitializeResult, TextEdit } from 'vscode-languageserver';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionParams } from 'vscode-languageserver';
import {
  codeLenses, documentSymbols, foldingRanges, getCompletions, hover, inlayHints, parseReport, selectionRanges, type ReportModel,
} from './service';
import {
  DEFAULT_SETTINGS, exceedsSizeLimit, fixAll, formatTables, getCodeActions, settingsFromConfig, shouldCheckDocument, validateModel, validateText,
  type GknbSettings, type Locale,
} from './service';
import { CONVERT_TABLE_KIND, getRefactorActions } from './service';
import { importFile, type DocxToHtml } from './importFile';
import {
  DOCUMENT_INFO_REQUEST, IMPORT_REQUEST, type ConfigFileReply, type DocumentInfo, type DocumentInfoParams, type ImportParams, type ImportReply,
} from './protocol';
import { PreviousReports, type ReportFiles } from './previous';
import { localize } from './service/l10n';
import { CONFIG_FILE_NAME, applyConfigFile, configDiagnostics, isIgnoredByConfig, parseConfigFile } from './service/config';

export const FIX_ALL_KIND = 'source.fixAll.gknb';

/** Whether a code action kind was asked for by `only` (a kind matches its parents: source ⊃ source.fixAll). */
function wanted(kind: string, only: readonly string[] | undefined, byDefault: boolean): boolean {
  if (!only || only.length === 0) return byDefault;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Stops a request whose client cancelled it (it moved on, or the document changed): the reply is
 * the RequestCancelled error LSP prescribes, and the work after this point is not done.
 */
function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** What differs between the Node server and the web worker. */
export interface ServerHost {
  /** Reads .docx files for `gknb/import` (mammoth, Node only); without it .docx is refused with a message. */
  readonly docxToHtml?: DocxToHtml;
  /** Report files in the workspace folders, for last year's report (Node only); without it, open documents only. */
  readonly reportFiles?: ReportFiles;
  /** Finds the `.gknbrc.json` governing a document (Node only); without it, no config file applies. */
  readonly configFiles?: ConfigFiles;
}

export interface ConfigFiles {
  /** The nearest `.gknbrc.json` at or above the document's folder, with its folder (for ignores). */
  find(documentUri: string): ConfigFileReply | undefined | Promise<ConfigFileReply | undefined>;
}

/** Whether a document is a gknb config file, which gets diagnostics of its own. */
function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** `folder/a/b.md` relative to `folder`, `/`-separated, for the config file's ignores. */
function relativeUri(folderUri: string, uri: string): string {
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(base) ? decodeURIComponent(uri.slice(base.length)) : '../';
}

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<GknbSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let canPullConfiguration = false;
  let displayLocale: Locale = 'zh-cn';
  const canRefresh = { inlayHints: false, codeLens: false };
  const watch = { files: false, folders: false };
  // Last year's report of each open document (cross-year): open documents, then the workspace files.
  const previousReports = new PreviousReports(
    () => documents.all().map((d) => ({ uri: d.uri, version: d.version, text: () => d.getText(), model: async () => (await modelFor(d.uri))?.model })),
    host.reportFiles,
    () => { for (const uri of previousReports.waiting()) schedule(uri, 0); },
  );

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    // Messages follow the editor's display language unless gknb.locale forces one.
    displayLocale = params.locale?.toLowerCase().startsWith('zh') || params.locale === undefined ? 'zh-cn' : 'en';
    canRefresh.inlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    canRefresh.codeLens = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    previousReports.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    watch.folders = params.capabilities.workspace?.workspaceFolders === true;
    // The VS Code client watches report files itself (synchronize.fileEvents); other clients are asked to.
    const clientWatches = (params.initializationOptions as { watchesReportFiles?: boolean } | undefined)?.watchesReportFiles === true;
    watch.files = !clientWatches && params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CONVERT_TABLE_KIND] },
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gknb' },
    };
  });

  /** The settings with the document's `.gknbrc.json` applied; a file it ignores is not checked (enable off). */
  async function withConfigFile(uri: string, settings: GknbSettings): Promise<GknbSettings> {
    if (isConfigFile(uri)) return settings;
    let found;
    try {
      found = await host.configFiles?.find(uri);
    } catch {
      found = undefined;
    }
    if (!found) return settings;
    const { config } = parseConfigFile(found.text, settings.locale);
    if (isIgnoredByConfig(config, relativeUri(found.folderUri, uri))) return { ...settings, enable: false };
    return applyConfigFile(settings, config);
  }

  function settingsFor(uri: string): Promise<GknbSettings> {
    if (!canPullConfiguration) return withConfigFile(uri, { ...DEFAULT_SETTINGS, locale: displayLocale });
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'gknb' })
        .then((raw) => settingsFromConfig(raw, displayLocale), () => ({ ...DEFAULT_SETTINGS, locale: displayLocale }))
        .then((settings) => withConfigFile(uri, settings));
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
    let model: ReportModel | undefined;
    try {
      const text = document.getText();
      if (isConfigFile(uri)) {
        // The config file itself: what is wrong in it, and that the defaults are used instead.
        diagnostics = configDiagnostics(parseConfigFile(text, settings.locale));
      } else if (shouldCheckDocument(text, document.languageId, settings) && !exceedsSizeLimit(text, settings)) {
        model = parsedModel(document, text, settings);
        diagnostics = validateModel(model, uri, settings, await previousReports.find(uri, model, settings));
      } else {
        diagnostics = validateText(text, { uri, languageId: document.languageId, settings }); // nothing, or file-too-large
      }
    } catch (error) {
      // A bug in a rule must not take the server down; say so in the log and keep serving.
      connection.console.error(`gknb: validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return;
    }
    // Publish only if no newer version arrived meanwhile (a newer validation is then scheduled),
    // and the document was not closed and reopened under the same URI (untitled:Untitled-N is reused).
    if (documents.get(uri)?.version !== document.version || openedAt.get(uri) !== opened) return;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    // Open reports of the year after, which this one is last year's report of, are checked against it.
    if (model) for (const next of previousReports.newDependents(uri, model)) schedule(next, settings.validateDelayMs);
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
    void settingsFor(uri).then((settings) => {
      schedule(uri, settings.validateDelayMs);
      // Reports checked against this one as last year's follow its changes.
      for (const next of previousReports.dependentsOf(uri)) schedule(next, settings.validateDelayMs);
    });
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    settingsCache.delete(uri);
    openedAt.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Reports that used this one as last year's now use its file on disk, or none.
    const dependents = previousReports.dependentsOf(uri);
    previousReports.forget(uri);
    for (const next of dependents) void validate(next);
  });

  // Last year's report changed on disk: re-check the open reports that use it (a new file may be one).
  connection.onDidChangeWatchedFiles((params) => {
    const uris = params.changes.map((c) => c.uri);
    // A config file changed: every document's settings may have changed with it.
    if (uris.some(isConfigFile)) {
      settingsCache.clear();
      for (const document of documents.all()) void validate(document.uri);
    }
    previousReports.filesChanged(uris, params.changes.some((c) => c.type !== FileChangeType.Changed));
    for (const next of new Set(uris.flatMap((u) => previousReports.dependentsOf(u)))) void validate(next);
  });
  connection.onInitialized(() => {
    if (watch.files) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    }
    if (watch.folders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => previousReports.setFolders((folders ?? []).map((f) => f.uri)), () => undefined);
      });
    }
  });

  /**
   * The open document with its settings, when gknb checks it (a gknb document, or Markdown that
   * looks like a report) and it is within gknb.maxFileSizeKB; requests on other documents get nothing.
   */
  async function checkedDocument(uri: string, token?: CancellationToken): Promise<{ document: TextDocument; text: string; settings: GknbSettings } | undefined> {
    const settings = await settingsFor(uri);
    throwIfCancelled(token);
    const document = documents.get(uri);
    if (!document) return undefined;
    const text = document.getText();
    if (!shouldCheckDocument(text, document.languageId, settings) || exceedsSizeLimit(text, settings)) return undefined;
    return { document, text, settings };
  }

  connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const checked = await checkedDocument(uri, token);
    if (!checked) return [];
    const { document, text, settings } = checked;
    const options = { uri, languageId: document.languageId, settings };
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix, params.context.only, true)) {
      actions.push(...getCodeActions(text, params.context.diagnostics, options));
    }
    // 转换为标准表格 on rows pasted from Word, where the cursor or selection is.
    throwIfCancelled(token);
    if (wanted(CONVERT_TABLE_KIND, params.context.only, true)) {
      actions.push(...getRefactorActions(text, params.range, options));
    }
    // Fix-all is a source action: only when asked for (save participants, the gknb.fixAll command).
    throwIfCancelled(token);
    if (wanted(FIX_ALL_KIND, params.context.only, false)) {
      const result = fixAll(text, options);
      if (result.edits.length > 0) {
        actions.push({
          title: localize(settings.locale, 'gknb: Fix all auto-fixable problems'),
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: result.edits } },
        });
      }
    }
    return actions;
  });

  async function format(uri: string, token: CancellationToken, range?: Parameters<typeof formatTables>[1]): Promise<TextEdit[]> {
    const checked = await checkedDocument(uri, token);
    return checked && checked.settings.formatEnable ? formatTables(checked.text, range) : [];
  }
  connection.onDocumentFormatting((params, token) => format(params.textDocument.uri, token));
  connection.onDocumentRangeFormatting((params, token) => format(params.textDocument.uri, token, params.range));

  connection.onCompletion(async (params: CompletionParams, token): Promise<CompletionItem[]> => {
    const checked = await checkedDocument(params.textDocument.uri, token);
    if (!checked) return [];
    return getCompletions(checked.text, params.position, { settings: checked.settings });
  });

  async function modelFor(uri: string, token?: CancellationToken): Promise<{ model: ReportModel; text: string; settings: GknbSettings } | undefined> {
    const checked = await checkedDocument(uri, token);
    if (!checked) return undefined;
    const { document, text, settings } = checked;
    return { model: parsedModel(document, text, settings), text, settings };
  }
  documents.onDidClose((event) => models.delete(event.document.uri));

  connection.onHover(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m ? hover(m.model, m.text, params.position, m.settings.locale) ?? null : null;
  });
  connection.onCodeLens(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m && m.settings.codeLensEnable ? codeLenses(m.model, m.text, m.settings.locale, { rules: m.settings.rules }) : [];
  });
  connection.languages.inlayHint.on(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m && m.settings.inlayHintsEnable ? inlayHints(m.model, m.text, params.range, m.settings.locale, { rules: m.settings.rules }) : [];
  });
  connection.onDocumentSymbol(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m ? documentSymbols(m.model, m.text, m.settings.locale) : [];
  });
  connection.onFoldingRanges(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m ? foldingRanges(m.model, m.text) : [];
  });
  connection.onSelectionRanges(async (params, token) => {
    const m = await modelFor(params.textDocument.uri, token);
    return m ? selectionRanges(m.model, m.text, params.positions) : [];
  });

  // The year and template detected (the client's status bar), from the model the other features share.
  connection.onRequest(DOCUMENT_INFO_REQUEST, async (params: DocumentInfoParams): Promise<DocumentInfo> => {
    const m = await modelFor(params.uri);
    if (m) return { checked: true, year: m.model.year, yearSource: m.model.yearSource, template: m.model.template, templateSource: m.model.templateSource };
    const forced = (await settingsFor(params.uri)).template;
    return { checked: false, yearSource: 'none', template: forced === 'auto' ? '2021' : forced, templateSource: forced === 'auto' ? 'default' : 'setting' };
  });
  // A file taken from Word → a gknb draft (the client opens it as a new document).
  connection.onRequest(IMPORT_REQUEST, async (params: ImportParams): Promise<ImportReply> => {
    const settings = params.scopeUri ? await settingsFor(params.scopeUri) : { ...DEFAULT_SETTINGS, locale: displayLocale };
    return importFile(params, { template: settings.template, locale: settings.locale, docxToHtml: host.docxToHtml });
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
