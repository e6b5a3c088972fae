// Last year's report for an open document (the cross-year rule): the file named by
// gknb.previousReport, else the same agency's report for the year before among the open documents
// and, in the Node server, the workspace files. Remembers who uses whom, so a change to last
// year's report re-checks this year's. Shared by both entries: no file system access here.
import {
  findPreviousReport, isPreviousReport, reportIdentity, reportIdentityOfText,
  type GknbSettings, type PreviousReport, type ReportIdentity, type ReportModel,
} from './service';

/** A report file found on disk, with the agency and year read from its start. */
export interface ReportFileCandidate {
  readonly uri: string;
  readonly identity: ReportIdentity;
}

/** Report files on disk: provided by the Node entry (node.ts); the web worker has open documents only. */
export interface ReportFiles {
  /** The file URI of an absolute path. */
  uriOfPath(path: string): string | undefined;
  /** Report files (`*.gknb.md`, report-like `*.md`) under the folders; bounded, cached by uri and mtime. */
  candidates(folderUris: readonly string[], maxFileSizeKB: number): Promise<readonly ReportFileCandidate[]>;
  /** The report in a file, parsed; undefined when unreadable or above the size limit. Cached by uri and mtime. */
  load(uri: string, settings: GknbSettings): Promise<ReportModel | undefined>;
  /** Drops what is cached for files changed on disk; `listing` when files were created or deleted. */
  changed(uris: readonly string[], listing: boolean): void;
}

/** An open document as a candidate: its identity is read lazily and its model only when chosen. */
export interface OpenReport {
  readonly uri: string;
  readonly version: number;
  readonly text: () => string;
  /** The parsed report, when gknb checks the document; undefined otherwise. */
  readonly model: () => Promise<ReportModel | undefined>;
}

/** A comparable form of a URI: percent-decoded, Windows drive letter in lower case. */
export function uriKey(uri: string): string {
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    // keep it as written
  }
  return decoded.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * The URI gknb.previousReport names: a URI as is, an absolute path through the host, a relative
 * path against the workspace folder holding the document (else the document's own folder).
 */
export function previousReportUri(setting: string, documentUri: string, folders: readonly string[], files?: ReportFiles): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(setting)) return setting;
  if (setting.startsWith('/') || setting.startsWith('\\\\') || /^[a-z]:[\\/]/i.test(setting)) {
    return files?.uriOfPath(setting) ?? (setting.startsWith('/') ? new URL(`file://${setting}`).href : undefined);
  }
  const documentKey = uriKey(documentUri);
  const folder = folders
    .filter((f) => documentKey.startsWith(uriKey(withSlash(f))))
    .sort((a, b) => b.length - a.length)[0];
  try {
    return new URL(setting.replace(/\\/g, '/'), folder ? withSlash(folder) : documentUri).href;
  } catch {
    return undefined;
  }
}

export class PreviousReports {
  /** Open document → the uri of the previous report it was last checked against. */
  private readonly uses = new Map<string, string>();
  /** Open document → its own identity when last checked. */
  private readonly identities = new Map<string, ReportIdentity>();
  /** Identities of open documents as candidates, per version. */
  private readonly openIdentities = new Map<string, { version: number; identity?: ReportIdentity }>();
  /** The last scan of the workspace folders; kept while a newer one runs, so findings do not flicker. */
  private scanned: readonly ReportFileCandidate[] | undefined;
  private fresh = false;
  private scanning: Promise<void> | undefined;
  private folders: readonly string[] = [];

  constructor(
    private readonly open: () => readonly OpenReport[],
    private readonly files: ReportFiles | undefined,
    /** Called when the workspace scan finishes: documents may now find last year's report. */
    private readonly onScanned: () => void,
  ) {}

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.rescan();
  }

  /** Last year's report for an open document (and remembers the dependency), or undefined. */
  async find(uri: string, model: ReportModel, settings: GknbSettings): Promise<PreviousReport | undefined> {
    // Last year's report only adds findings: a failure to find or read it must not stop checking.
    const found = await this.lookUp(uri, model, settings).catch(() => undefined);
    // Closed meanwhile: remember nothing about it.
    if (!this.open().some((d) => d.uri === uri)) return found;
    if (found) this.uses.set(uri, found.uri);
    else this.uses.delete(uri);
    const identity = reportIdentity(model);
    if (identity) this.identities.set(uri, identity);
    else this.identities.delete(uri);
    return found;
  }

  /** Open documents last checked against `uri` as their previous report. */
  dependentsOf(uri: string): string[] {
    const key = uriKey(uri);
    return [...this.uses].filter(([, previous]) => uriKey(previous) === key).map(([dependent]) => dependent);
  }

  /**
   * Open documents for which the report `uri` (just checked, with `model`) is last year's report,
   * but which were not checked against it: they should be checked again.
   */
  newDependents(uri: string, model: ReportModel): string[] {
    const identity = reportIdentity(model);
    if (!identity) return [];
    const key = uriKey(uri);
    return [...this.identities]
      .filter(([other, current]) => other !== uri && isPreviousReport(current, identity) && uriKey(this.uses.get(other) ?? '') !== key)
      .map(([other]) => other);
  }

  /** Open documents with an agency and year that found no previous report (a scan may find one). */
  waiting(): string[] {
    return [...this.identities.keys()].filter((uri) => !this.uses.has(uri));
  }

  /** A document closed: it no longer depends on anything, and its text is no longer a candidate. */
  forget(uri: string): void {
    this.uses.delete(uri);
    this.identities.delete(uri);
    this.openIdentities.delete(uri);
  }

  /** Files changed on disk: cached identities and models of them are stale. */
  filesChanged(uris: readonly string[], listing: boolean): void {
    this.files?.changed(uris, listing);
    this.rescan();
  }

  private rescan(): void {
    this.fresh = false;
    this.scanning = undefined;
  }

  private async lookUp(uri: string, model: ReportModel, settings: GknbSettings): Promise<PreviousReport | undefined> {
    const open = this.open();
    if (settings.previousReport !== '') {
      const target = previousReportUri(settings.previousReport, uri, this.folders, this.files);
      if (!target || uriKey(target) === uriKey(uri)) return undefined;
      const document = open.find((d) => uriKey(d.uri) === uriKey(target));
      const named = document ? await document.model() : await this.files?.load(target, settings);
      return named ? { uri: document?.uri ?? target, model: named, explicit: true } : undefined;
    }
    const identity = reportIdentity(model);
    if (!identity) return undefined;
    const others = open.filter((d) => d.uri !== uri);
    const candidates = others.map((d) => ({ document: d, identity: this.identityOf(d) }));
    const inEditor = findPreviousReport(identity, candidates);
    if (inEditor) {
      const found = await inEditor.document.model();
      if (found) return { uri: inEditor.document.uri, model: found };
    }
    if (!this.files) return undefined;
    // A look-up starts a scan when none is current and does not wait for it: diagnostics come
    // now (from the last scan, if any), and once more when the scan has found last year's report.
    if (!this.fresh) this.startScan(settings);
    const onDisk = this.scanned;
    if (!onDisk) return undefined;
    // An open document's text wins over its file on disk.
    const openKeys = new Set(open.map((d) => uriKey(d.uri)));
    const file = findPreviousReport(identity, onDisk.filter((f) => !openKeys.has(uriKey(f.uri)) && uriKey(f.uri) !== uriKey(uri)));
    if (!file) return undefined;
    const loaded = await this.files.load(file.uri, settings);
    return loaded ? { uri: file.uri, model: loaded } : undefined;
  }

  private identityOf(document: OpenReport): ReportIdentity | undefined {
    const cached = this.openIdentities.get(document.uri);
    if (cached && cached.version === document.version) return cached.identity;
    const identity = reportIdentityOfText(document.text());
    this.openIdentities.set(document.uri, { version: document.version, identity });
    return identity;
  }

  private startScan(settings: GknbSettings): void {
    if (this.scanning || !this.files || this.folders.length === 0) return;
    const scanning: Promise<void> = this.files.candidates(this.folders, settings.maxFileSizeKB).then(
      (found) => {
        if (this.scanning !== scanning) return; // superseded by a newer scan
        this.scanned = found;
        this.fresh = true;
        this.onScanned();
      },
      () => {
        if (this.scanning !== scanning) return;
        this.scanned ??= [];
        this.fresh = true;
      },
    );
    this.scanning = scanning;
  }
}
