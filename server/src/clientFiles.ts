// Report files through the client, for the web-worker server (VS Code for the Web), which has no
// file system: the client lists and reads the workspace's Markdown files (gknb/reportFiles,
// gknb/readFile) and this side keeps what it learnt, by URI and modification time, exactly as
// the Node entry does with the disk. Used for last year's report (cross-year).
import type { ReportFileCandidate, ReportFiles } from './previous';
import { uriKey } from './previous';
import {
  READ_FILE_REQUEST, REPORT_FILES_REQUEST, type ReadFileParams, type ReadFileReply, type ReportFileInfo, type ReportFilesParams,
} from './protocol';
import { looksLikeReport, parseReport, reportIdentityOfText, type GknbSettings, type ReportIdentity, type ReportModel } from './service';

/** Sends a request to the client; rejects when the client does not know it. */
export type ClientRequest = <R>(method: string, params: unknown) => Promise<R>;

/** At most this many Markdown files are considered, as in the Node server. */
const MAX_FILES = 2000;
/** Parsed previous reports kept. */
const MAX_MODELS = 32;

export class ClientReportFiles implements ReportFiles {
  private listing: Promise<readonly ReportFileInfo[]> | undefined;
  private listedFolders = '';
  private readonly identities = new Map<string, { mtime: number; size: number; identity?: ReportIdentity }>();
  private readonly models = new Map<string, { mtime: number; size: number; template: string; model: ReportModel }>();

  constructor(private readonly request: ClientRequest) {}

  /** A path in gknb.previousReport is resolved against the workspace folders only: there are no absolute paths here. */
  uriOfPath(): string | undefined {
    return undefined;
  }

  async candidates(folderUris: readonly string[], maxFileSizeKB: number): Promise<readonly ReportFileCandidate[]> {
    const folders = folderUris.join('\n');
    if (!this.listing || folders !== this.listedFolders) {
      this.listedFolders = folders;
      const params: ReportFilesParams = { folderUris, max: MAX_FILES, maxBytes: maxFileSizeKB * 1024 };
      this.listing = this.request<ReportFileInfo[] | null>(REPORT_FILES_REQUEST, params).then((files) => files ?? [], () => []);
    }
    const found: ReportFileCandidate[] = [];
    for (const file of await this.listing) {
      if (file.size > maxFileSizeKB * 1024 || file.head === undefined) continue;
      const key = uriKey(file.uri);
      let known = this.identities.get(key);
      if (!known || known.mtime !== file.mtime || known.size !== file.size) {
        // Like the checker: *.gknb.md is always a report, another .md only when it reads as one.
        const isReport = file.uri.toLowerCase().endsWith('.gknb.md') || looksLikeReport(file.head);
        known = { mtime: file.mtime, size: file.size, identity: isReport ? reportIdentityOfText(file.head) : undefined };
        this.identities.set(key, known);
      }
      if (known.identity) found.push({ uri: file.uri, identity: known.identity });
    }
    return found;
  }

  async load(uri: string, settings: GknbSettings): Promise<ReportModel | undefined> {
    let file: ReadFileReply | null;
    try {
      file = await this.request<ReadFileReply | null>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
    } catch {
      return undefined;
    }
    if (!file || file.size > settings.maxFileSizeKB * 1024) return undefined;
    const key = uriKey(uri);
    const cached = this.models.get(key);
    if (cached && cached.mtime === file.mtime && cached.size === file.size && cached.template === settings.template) return cached.model;
    const model = parseReport(file.text, { template: settings.template });
    if (this.models.size >= MAX_MODELS) this.models.clear();
    this.models.set(key, { mtime: file.mtime, size: file.size, template: settings.template, model });
    return model;
  }

  changed(uris: readonly string[]): void {
    for (const uri of uris) {
      this.identities.delete(uriKey(uri));
      this.models.delete(uriKey(uri));
    }
    // The listing carries each file's modification time and head: any change means asking again.
    this.listing = undefined;
  }
}
