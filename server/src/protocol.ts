// gknb's custom LSP requests, shared by the server (server.ts) and the VS Code client: their method
// names and the shapes of their parameters and results. Types and constants only, so the client
// bundles import nothing of the server from here.
import type { TemplateSource, TemplateYear, YearSource } from './service/model';

/** `gknb/documentInfo`: what the server detected in an open document (the status bar shows it). */
export const DOCUMENT_INFO_REQUEST = 'gknb/documentInfo';

export interface DocumentInfoParams {
  /** The document's URI as the client sent it in didOpen. */
  readonly uri: string;
}

export interface DocumentInfo {
  /** Whether gknb checks the document (a gknb document, or Markdown that looks like a report, within the size limit). */
  readonly checked: boolean;
  readonly year?: number;
  readonly yearSource: YearSource;
  /** The template in force, and why (for an unchecked document: the setting, else 2021 by default). */
  readonly template: TemplateYear;
  readonly templateSource: TemplateSource;
}

/** `gknb/import`: converts a report taken from Word (.txt, .md, .html, .htm, .docx) into a gknb draft. */
export const IMPORT_REQUEST = 'gknb/import';

export interface ImportParams {
  /** The file's name; its extension decides the format. */
  readonly name: string;
  /** The file's bytes, base64-encoded. */
  readonly base64: string;
  /**
   * A document URI whose gknb.template setting applies (the template of table 二 when its header
   * words do not tell); without it, the settings of no particular resource.
   */
  readonly scopeUri?: string;
}

export interface ImportUnmapped {
  /** 0-based line of the draft where the piece stands. */
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export type ImportReply =
  | {
    readonly ok: true;
    /** The gknb draft (Markdown). */
    readonly text: string;
    /** How many statistics tables the checker recognises in the draft. */
    readonly tables: number;
    /** What could not be placed in the standard layout (kept in the draft as written). */
    readonly unmapped: readonly ImportUnmapped[];
    /** What the importer did beyond copying (tables found, titles joined), and how the file was read. */
    readonly notes: readonly string[];
  }
  | {
    readonly ok: false;
    /** Why nothing was imported, in the display language. */
    readonly message: string;
  };

/**
 * `gknb/configFile` (server → client): the `.gknbrc.json` that governs a document — the nearest one
 * in its folder or a folder above, within its workspace folder — read through the editor's file
 * system. The web-worker server asks this because it has no file system; null when there is none.
 */
export const CONFIG_FILE_REQUEST = 'gknb/configFile';

export interface ConfigFileParams {
  /** The document's URI as the client sent it in didOpen. */
  readonly uri: string;
}

export interface ConfigFileReply {
  /** The config file's URI. */
  readonly uri: string;
  /** Its folder's URI: ignores are relative to it. */
  readonly folderUri: string;
  readonly text: string;
}

/**
 * `gknb/reportFiles` (server → client): the Markdown files of workspace folders, for last year's
 * report (cross-year), listed and read through the editor's file system — what the web-worker
 * server, which has none, asks. Bounded by `max`; each with its start (`head`) for the agency and year.
 */
export const REPORT_FILES_REQUEST = 'gknb/reportFiles';

export interface ReportFilesParams {
  readonly folderUris: readonly string[];
  /** At most this many files in all. */
  readonly max: number;
  /** Files larger than this are listed with their size only (no head). */
  readonly maxBytes: number;
}

export interface ReportFileInfo {
  readonly uri: string;
  readonly mtime: number;
  readonly size: number;
  /** The first 16 KB as text; absent for a file above `maxBytes`. */
  readonly head?: string;
}

/** `gknb/readFile` (server → client): a file's text through the editor's file system; null when unreadable. */
export const READ_FILE_REQUEST = 'gknb/readFile';

export interface ReadFileParams {
  readonly uri: string;
}

export interface ReadFileReply {
  readonly text: string;
  readonly mtime: number;
  readonly size: number;
}
