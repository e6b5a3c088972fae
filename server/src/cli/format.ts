// Output formats of `gknb check`: text (one line per diagnostic), JSON (LSP diagnostics as
// the editor gets them) and SARIF 2.1.0. Formatting only: the diagnostics come unchanged
// from the service.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { CliLocale } from './args';
import { compareStrings, type InputFile } from './files';

export interface CheckedFile {
  readonly file: InputFile;
  /** The document URI given to the service (a file: URI). */
  readonly uri: string;
  /** Sorted by position (see sortDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity?: DiagnosticSeverity;
}

export interface Counts {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** Information and hint diagnostics together (提示). */
  readonly infos: number;
}

export const HELP_URI_BASE = 'https://github.com/gknb/gknb/blob/main/docs/rules.md#';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** LSP leaves a missing severity to the client; like VS Code, the CLI reads it as an error. */
export function severityOf(diagnostic: Diagnostic): DiagnosticSeverity {
  return diagnostic.severity ?? 1;
}

function comparePositions(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

/** Document order; ties by severity (errors first), then rule id, then message. Stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      comparePositions(a.range, b.range) ||
      severityOf(a) - severityOf(b) ||
      compareStrings(String(a.code ?? ''), String(b.code ?? '')) ||
      compareStrings(messageText(a), messageText(b)),
  );
}

/** LSP 3.18 allows a MarkupContent message; the service sends strings, but be safe. */
export function messageText(diagnostic: Diagnostic): string {
  const message: unknown = diagnostic.message;
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && typeof (message as { value?: unknown }).value === 'string') {
    return (message as { value: string }).value;
  }
  return String(message);
}

export function countDiagnostics(checked: readonly CheckedFile[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of checked) {
    for (const diagnostic of file.diagnostics) {
      const severity = severityOf(diagnostic);
      if (severity === 1) errors++;
      else if (severity === 2) warnings++;
      else infos++;
    }
  }
  return { files: checked.length, errors, warnings, infos };
}

export function summaryLine(counts: Counts, locale: CliLocale): string {
  if (locale === 'en') {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(counts.files, 'file')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'hint')}`;
  }
  return `${counts.files} 个文件，${counts.errors} 个错误，${counts.warnings} 个警告，${counts.infos} 个提示`;
}

const SEVERITY_WORDS: Record<DiagnosticSeverity, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * `path:line:col: severity [rule-id] message`, 1-based line and column, the column counting
 * UTF-16 code units like LSP (and VS Code's problem matchers).
 */
export function formatText(checked: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of checked) {
    for (const diagnostic of diagnostics) {
      const { line, character } = diagnostic.range.start;
      const code = diagnostic.code === undefined ? '' : ` [${diagnostic.code}]`;
      lines.push(`${file.display}:${line + 1}:${character + 1}: ${SEVERITY_WORDS[severityOf(diagnostic)]}${code} ${oneLine(messageText(diagnostic))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** An array with an entry for every checked file, diagnostics exactly as LSP publishes them. */
export function formatJson(checked: readonly CheckedFile[]): string {
  const out = checked.map(({ file, diagnostics }) => ({ file: file.display, diagnostics }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

const SARIF_LEVELS: Record<DiagnosticSeverity, 'error' | 'warning' | 'note'> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Relative files become `uri` + `uriBaseId: SRCROOT` (percent-encoded, `/`-separated); others absolute file URIs. */
function artifactLocation(cwd: string, absolute: string): SarifArtifactLocation {
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/**
 * SARIF regions are 1-based. Columns count UTF-16 code units, as LSP does, which the run
 * declares with `columnKind: "utf16CodeUnits"`; `endColumn` is exclusive (the column after the
 * region), so it is LSP's exclusive end character + 1.
 */
function region(range: Range): Record<string, number> {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export interface SarifOptions {
  readonly cwd: string;
  readonly version: string;
  readonly rules: readonly RuleInfo[];
  readonly executionSuccessful: boolean;
}

export function formatSarif(checked: readonly CheckedFile[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const results: unknown[] = [];
  for (const { file, diagnostics } of checked) {
    const location = artifactLocation(options.cwd, file.absolute);
    for (const diagnostic of diagnostics) {
      const ruleId = diagnostic.code === undefined ? 'gknb' : String(diagnostic.code);
      const result: Record<string, unknown> = {
        ruleId,
        ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
        level: SARIF_LEVELS[severityOf(diagnostic)],
        message: { text: messageText(diagnostic) },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(diagnostic.range) } }],
      };
      const related = diagnostic.relatedInformation ?? [];
      if (related.length) {
        result.relatedLocations = related.map((info, id) => {
          const relatedPath = uriToPath(info.location.uri);
          return {
            id,
            message: { text: info.message },
            physicalLocation: {
              artifactLocation: relatedPath ? artifactLocation(options.cwd, relatedPath) : { uri: info.location.uri },
              region: region(info.location.range),
            },
          };
        });
      }
      results.push(result);
    }
  }
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gknb',
            version: options.version,
            semanticVersion: options.version,
            informationUri: 'https://github.com/gknb/gknb',
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: HELP_URI_BASE + rule.id,
              ...(rule.defaultSeverity ? { defaultConfiguration: { level: SARIF_LEVELS[rule.defaultSeverity] } } : {}),
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: options.executionSuccessful }],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
