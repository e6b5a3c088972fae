// Turning command-line inputs (files, folders, globs) into the list of files to check,
// and reading them. All file-system access of the CLI lives here and in main.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfigFile, type ParsedConfigFile } from '../service/config';
import type { Locale } from '../service/settings';

// Loaded with require(), not import: esbuild then resolves tinyglobby's (and fdir's) "require"
// build. Their ESM build uses import.meta.url, which is empty in the CJS bundle dist/cli.js
// and makes createRequire throw at startup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

/** How a file came to be checked: named on the command line, or found in a folder or by a glob. */
export type FileOrigin = 'explicit' | 'discovered';

export interface InputFile {
  /** Absolute, normalised path. */
  readonly absolute: string;
  /** Path relative to the working directory, as printed. */
  readonly display: string;
  readonly origin: FileOrigin;
}

export interface InputProblem {
  readonly input: string;
  readonly zh: string;
  readonly en: string;
}

export interface ResolvedInputs {
  readonly files: readonly InputFile[];
  readonly problems: readonly InputProblem[];
  /** Symbolic links found in folders or by globs that point outside them, not followed. */
  readonly skippedLinks: readonly string[];
}

export interface ResolveOptions {
  /** Follow symbolic links that lead out of the given folders (`--follow-symlinks`). */
  readonly followSymlinks?: boolean;
}

/** `*.gknb.md` files are the extension's own language; everything else is Markdown. */
export function isGknbFile(file: string): boolean {
  return file.toLowerCase().endsWith('.gknb.md');
}

function isMarkdownFile(file: string): boolean {
  return file.toLowerCase().endsWith('.md');
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Path relative to cwd for display; outside cwd it keeps `../`; never empty. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? path.basename(absolute) : relative;
}

/** Whether `inner` is `outer` or lies below it (both real, absolute paths). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realPathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Recursively lists `*.md` files (which includes `*.gknb.md`) under a folder, skipping
 * `node_modules` and dot folders. A symbolic link whose target lies outside the folder is not
 * followed unless `followSymlinks` (`--follow-symlinks`): checking a folder must not wander
 * into the rest of the disk. Links are followed once (by real path), so link cycles terminate.
 */
function walkFolder(root: string, out: string[], followSymlinks: boolean, skippedLinks: string[]): void {
  const seen = new Set<string>();
  const rootReal = realPathOrUndefined(root) ?? root;
  const visit = (dir: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // dangling link
        }
        const target = realPathOrUndefined(full);
        if (!followSymlinks && (target === undefined || !isInside(rootReal, target))) {
          if (isDir || (isFile && isMarkdownFile(entry.name))) skippedLinks.push(full);
          continue;
        }
      }
      if (isDir) {
        if (!skipFolder(entry.name)) visit(full);
      } else if (isFile && isMarkdownFile(entry.name)) {
        out.push(full);
      }
    }
  };
  visit(root);
}

/** Whether any segment of a path (relative to the glob's base) is a skipped folder. */
function inSkippedFolder(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  parts.pop();
  return parts.some(skipFolder);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Resolves inputs in order. An existing path is taken literally (even when it contains glob
 * characters); otherwise a pattern with glob syntax is expanded with tinyglobby relative to cwd.
 * A file reached twice is listed once (named explicitly wins).
 */
export function resolveInputs(inputs: readonly string[], cwd: string, options: ResolveOptions = {}): ResolvedInputs {
  const followSymlinks = options.followSymlinks ?? false;
  const byPath = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const skippedLinks: string[] = [];
  const add = (absolute: string, origin: FileOrigin): void => {
    const normalised = path.resolve(absolute);
    const existing = byPath.get(normalised);
    if (existing && (existing.origin === 'explicit' || origin === 'discovered')) return;
    byPath.set(normalised, { absolute: normalised, display: displayPath(cwd, normalised), origin });
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walkFolder(absolute, found, followSymlinks, skippedLinks);
      if (found.length === 0) {
        problems.push({ input, zh: `文件夹中没有 Markdown 文件：${input}`, en: `No Markdown files in folder: ${input}` });
      }
      for (const file of found) add(file, 'discovered');
      continue;
    }
    if (stat) {
      add(absolute, 'explicit');
      continue;
    }
    const pattern = process.platform === 'win32' ? input.replace(/\\/g, '/') : input;
    if (isDynamicPattern(pattern)) {
      // A glob stays inside its fixed leading folder (`reports/` of `reports/**/*.md`, else the
      // working directory) unless asked: links out of it are not followed.
      const segments = pattern.split('/');
      const fixed = segments.slice(0, Math.max(0, segments.findIndex((segment) => isDynamicPattern(segment))));
      const base = path.resolve(cwd, fixed.join('/') || '.');
      const baseReal = realPathOrUndefined(base) ?? base;
      const matches = globSync(pattern, {
        cwd, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'], followSymbolicLinks: followSymlinks,
      })
        .filter((file) => isMarkdownFile(file) && !inSkippedFolder(path.relative(cwd, file)))
        .filter((file) => {
          if (followSymlinks) return true;
          const target = realPathOrUndefined(file);
          if (target !== undefined && isInside(baseReal, target)) return true;
          skippedLinks.push(file);
          return false;
        })
        .sort();
      if (matches.length === 0) {
        problems.push({ input, zh: `没有与通配符匹配的 Markdown 文件：${input}`, en: `No Markdown files match the pattern: ${input}` });
      }
      for (const file of matches) add(file, 'discovered');
      continue;
    }
    problems.push({ input, zh: `找不到文件或文件夹：${input}`, en: `No such file or folder: ${input}` });
  }

  const files = [...byPath.values()].sort((a, b) => compareStrings(a.display, b.display));
  return { files, problems, skippedLinks: skippedLinks.sort(compareStrings) };
}

/** Code-point order: deterministic across locales and platforms. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encodingNote?: { readonly zh: string; readonly en: string };
      /** How to write the file back unchanged in encoding; undefined when it must not be written (UTF-16, not UTF-8). */
      readonly writeAs?: 'utf-8' | 'utf-8-bom';
    }
  | { readonly ok: false; readonly zh: string; readonly en: string };

/**
 * Reads a file as text: UTF-8 with the BOM stripped. UTF-16 files with a BOM (as saved by
 * some Windows editors) are decoded too. Bytes that are not valid UTF-8 (a draft saved as GBK,
 * say) are decoded with replacement characters and reported in `encodingNote`.
 */
export function readTextFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, zh: `无法读取文件（${code}）`, en: `cannot read file (${code})` };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), writeAs: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return {
      ok: true,
      text: new TextDecoder('utf-8').decode(body),
      encodingNote: {
        zh: '文件不是有效的 UTF-8 编码（可能是 GBK），已按 UTF-8 读取，部分文字可能显示为乱码',
        en: 'file is not valid UTF-8 (GBK?); read as UTF-8 with replacement characters',
      },
    };
  }
}

/**
 * Replaces a file's content atomically: the new text goes to a temporary file beside it, which
 * is then renamed over the original, so an interrupted run leaves either the old or the new file.
 */
export function writeTextFileAtomic(file: string, text: string, writeAs: 'utf-8' | 'utf-8-bom'): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.gknb-${process.pid}.tmp`);
  // A file replaced keeps its permissions; a new one (gknb import -o) gets the default.
  const mode = statOrUndefined(file)?.mode;
  try {
    fs.writeFileSync(temp, (writeAs === 'utf-8-bom' ? '\ufeff' : '') + text, mode === undefined ? { encoding: 'utf8' } : { encoding: 'utf8', mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export interface LoadedConfigFile {
  /** Absolute path of the `.gknbrc.json`. */
  readonly path: string;
  readonly parsed: ParsedConfigFile;
}

/**
 * Finds the config file that governs a file: the nearest `.gknbrc.json` in its folder or a
 * folder above it (the nearest one wins; files are not merged). Folders are looked up once.
 */
export function configFileFinder(locale: Locale): (file: string) => LoadedConfigFile | undefined {
  const byFolder = new Map<string, LoadedConfigFile | undefined>();
  const lookup = (folder: string): LoadedConfigFile | undefined => {
    if (byFolder.has(folder)) return byFolder.get(folder);
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let found: LoadedConfigFile | undefined;
    if (statOrUndefined(candidate)?.isFile()) {
      const read = readTextFile(candidate);
      found = {
        path: candidate,
        parsed: read.ok
          ? parseConfigFile(read.text, locale)
          : {
              config: EMPTY_CONFIG,
              problems: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: locale === 'en' ? read.en : read.zh, severity: 'error' }],
            },
      };
    } else {
      const parent = path.dirname(folder);
      found = parent === folder ? undefined : lookup(parent);
    }
    byFolder.set(folder, found);
    return found;
  };
  return (file) => lookup(path.dirname(path.resolve(file)));
}
