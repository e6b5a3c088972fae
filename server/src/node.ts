// Node entry of the language server: IPC for VS Code desktop, `--stdio` for other editors.
// Adds what only Node can do: reading .docx, and finding last year's report among the files of
// the workspace folders (the web worker looks among open documents only).
import { readFileSync, statSync, type Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { docxToHtml } from './docx';
import { uriKey, type ReportFileCandidate, type ReportFiles } from './previous';
import { startServer, type ConfigFiles } from './server';
import { CONFIG_FILE_NAME } from './service/config';
import { looksLikeReport, parseReport, reportIdentityOfText, type GknbSettings, type ReportIdentity, type ReportModel } from './service';

/** At most this many Markdown files are considered per scan of the workspace folders. */
const MAX_FILES = 2000;
/** Folders visited per scan, so a huge tree without Markdown files still ends quickly. */
const MAX_FOLDERS = 5000;
/** Title and statistical period are at the start: this much of each file is read to know its agency and year. */
const HEAD_BYTES = 16 * 1024;
/** Parsed previous reports kept (one per open report of the year after, in practice). */
const MAX_MODELS = 32;

function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    // VS Code writes a drive letter as `c%3A`.
    return fileURLToPath(uri.replace(/^file:\/\/\/([A-Za-z])%3[Aa]/, 'file:///$1:'));
  } catch {
    return undefined;
  }
}

/** Text of a file's bytes: UTF-8 (BOM dropped) or UTF-16 with a BOM; invalid bytes become U+FFFD. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** `*.md` files (which includes `*.gknb.md`) under a folder, skipping node_modules and dot folders; links are not followed. */
async function listMarkdown(root: string): Promise<string[]> {
  const files: string[] = [];
  const queue = [root];
  let folders = 0;
  while (queue.length > 0 && files.length < MAX_FILES && folders < MAX_FOLDERS) {
    const dir = queue.shift()!;
    folders++;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.isDirectory() && !skipFolder(entry.name)) queue.push(path.join(dir, entry.name));
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && files.length < MAX_FILES) files.push(path.join(dir, entry.name));
    }
  }
  return files;
}

/** Report files on disk, cached by path and modification time. */
class WorkspaceReportFiles implements ReportFiles {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly identities = new Map<string, { mtimeMs: number; size: number; identity?: ReportIdentity }>();
  private readonly models = new Map<string, { mtimeMs: number; size: number; template: string; model: ReportModel }>();

  uriOfPath(file: string): string | undefined {
    return path.isAbsolute(file) ? pathToFileURL(file).href : undefined;
  }

  async candidates(folderUris: readonly string[], maxFileSizeKB: number): Promise<readonly ReportFileCandidate[]> {
    const found: ReportFileCandidate[] = [];
    let budget = MAX_FILES;
    for (const folder of folderUris) {
      const root = pathOf(folder);
      if (!root || budget <= 0) continue;
      let listing = this.listings.get(root);
      if (!listing) {
        listing = listMarkdown(root);
        this.listings.set(root, listing);
      }
      const files = (await listing).slice(0, budget);
      budget -= files.length;
      for (const file of files) {
        const identity = await this.identityOf(file, maxFileSizeKB).catch(() => undefined);
        if (identity) found.push({ uri: pathToFileURL(file).href, identity });
      }
    }
    return found;
  }

  private async identityOf(file: string, maxFileSizeKB: number): Promise<ReportIdentity | undefined> {
    const stat = await fs.stat(file);
    if (stat.size > maxFileSizeKB * 1024) return undefined;
    const cached = this.identities.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.identity;
    const head = await readHead(file);
    // Like the checker: *.gknb.md is always a report, another .md only when it reads as one.
    const isReport = file.toLowerCase().endsWith('.gknb.md') || looksLikeReport(head);
    const identity = isReport ? reportIdentityOfText(head) : undefined;
    this.identities.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, identity });
    return identity;
  }

  async load(uri: string, settings: GknbSettings): Promise<ReportModel | undefined> {
    const file = pathOf(uri);
    if (!file) return undefined;
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > settings.maxFileSizeKB * 1024) return undefined;
    const key = uriKey(uri);
    const cached = this.models.get(key);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.template === settings.template) return cached.model;
    const model = parseReport(decode(await fs.readFile(file)), { template: settings.template });
    if (this.models.size >= MAX_MODELS) this.models.clear();
    this.models.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, template: settings.template, model });
    return model;
  }

  changed(uris: readonly string[], listing: boolean): void {
    for (const uri of uris) {
      const file = pathOf(uri);
      if (file) this.identities.delete(file);
      this.models.delete(uriKey(uri));
    }
    if (listing) this.listings.clear();
  }
}

/**
 * The `.gknbrc.json` that governs a document: the nearest one in its folder or a folder above.
 * Read synchronously (a few stats per document, cached by the server per settings fetch).
 */
const configFiles: ConfigFiles = {
  find(documentUri) {
    const file = pathOf(documentUri);
    if (!file) return undefined;
    let folder = path.dirname(file);
    for (;;) {
      const candidate = path.join(folder, CONFIG_FILE_NAME);
      try {
        if (statSync(candidate).isFile()) {
          let text: string;
          try {
            text = decode(readFileSync(candidate));
          } catch (error) {
            text = `// ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`;
          }
          return { uri: pathToFileURL(candidate).href, folderUri: pathToFileURL(folder).href, text };
        }
      } catch {
        // no config file here
      }
      const parent = path.dirname(folder);
      if (parent === folder) return undefined;
      folder = parent;
    }
  },
};

startServer(createConnection(ProposedFeatures.all), { docxToHtml, reportFiles: new WorkspaceReportFiles(), configFiles });
