// `gknb` command line: checks report drafts with the same pure service the editor uses.
// Every diagnostic comes from validateText unchanged; this file only finds and reads files,
// decides which Markdown files to check (through the service's shouldCheckDocument), picks
// last year's report for the cross-year rule and prints the results.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  DEFAULT_SEVERITIES, findPreviousReport, fixAll, looksLikeReport, parseReport, reportIdentityOfText, RULE_IDS, settingsFromConfig, shouldCheckDocument,
  validateText, type GknbSettings, type PreviousReport, type ReportIdentity, type ReportModel,
} from '../service';
import { applyConfigFile, configDiagnostics, isIgnoredByConfig } from '../service/config';
import { helpText, localeFromEnvironment, parseArgs, UsageError, type CliLocale } from './args';
import {
  compareStrings, configFileFinder, displayPath, isGknbFile, readTextFile, resolveInputs, writeTextFileAtomic, type InputFile, type LoadedConfigFile,
} from './files';
import { runImport } from './import';
import { RULE_DESCRIPTIONS } from './rule-descriptions';
import {
  countDiagnostics,
  formatJson,
  formatSarif,
  formatText,
  sortDiagnostics,
  summaryLine,
  type CheckedFile,
  type RuleInfo,
} from './format';

export interface CliIO {
  /** Working directory: inputs and printed paths are relative to it. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Environment for the default message language (LANG…); Chinese when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageJson = require('../../../package.json') as { version: string };
export const VERSION: string = packageJson.version;

/** Both languages, Chinese first: the CLI's own errors are read by people of either. */
function bilingual(zh: string, en: string): string {
  return `${zh}\n  ${en}`;
}

const SEVERITY_NUMBERS: Readonly<Record<string, DiagnosticSeverity>> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Rule metadata for SARIF: every rule id with its one-line description and default level. */
export function ruleInfos(locale: CliLocale): RuleInfo[] {
  return RULE_IDS.map((id) => {
    const description = RULE_DESCRIPTIONS[id];
    return {
      id,
      description: description ? (locale === 'en' ? description.en : description.zh) : id,
      defaultSeverity: SEVERITY_NUMBERS[DEFAULT_SEVERITIES[id]],
    };
  });
}

/** Counts per rule id, e.g. `row-total×2, empty-cell×3`. */
function perRule(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id}×${n}`).join(', ');
}

/**
 * `--fix`: applies the service's fix-all, writes the file atomically, says what changed and
 * returns the diagnostics that remain (those are what gets printed).
 */
function applyFixes(
  display: string, absolute: string, read: { text: string; writeAs?: 'utf-8' | 'utf-8-bom' }, before: Diagnostic[],
  options: { uri: string; languageId: string; settings: GknbSettings; previous?: PreviousReport }, io: CliIO, locale: CliLocale,
): Diagnostic[] {
  const result = fixAll(read.text, options);
  if (result.edits.length === 0) return before;
  if (!read.writeAs) {
    io.stderr(`gknb: ${display}: ${bilingual('文件不是 UTF-8 编码，未写入修复', 'not UTF-8; fixes not written')}\n`);
    return before;
  }
  writeTextFileAtomic(absolute, result.text, read.writeAs);
  // Fix-all knows nothing of last year's report: with one, cross-year findings are checked again.
  const remaining = sortDiagnostics(options.previous ? validateText(result.text, options) : result.remaining);
  const fixed = before.filter((d) => !remaining.some((r) => r.code === d.code && r.message === d.message));
  io.stderr(locale === 'en'
    ? `gknb: ${display}: fixed ${result.applied} (${perRule(fixed)}) in ${result.edits.length} place(s); ${remaining.length} problem(s) remain\n`
    : `gknb: ${display}：已修复 ${result.applied} 处（${perRule(fixed)}），改动 ${result.edits.length} 处文本；剩余 ${remaining.length} 个问题\n`);
  return remaining;
}

/**
 * Last year's report for each checked file (cross-year): the `--previous` file for every file,
 * else the same agency's report for the year before among the files given. Each file is read
 * and parsed at most once more.
 */
function previousReportFinder(
  files: readonly InputFile[], settingsOf: (absolute: string) => GknbSettings, named?: string,
): (file: InputFile, text: string) => PreviousReport | undefined {
  const models = new Map<string, ReportModel | undefined>();
  const modelOf = (absolute: string): ReportModel | undefined => {
    if (!models.has(absolute)) {
      const read = readTextFile(absolute);
      models.set(absolute, read.ok ? parseReport(read.text, { template: settingsOf(absolute).template }) : undefined);
    }
    return models.get(absolute);
  };
  if (named !== undefined) {
    return (file) => {
      const model = file.absolute === named ? undefined : modelOf(named);
      return model ? { uri: pathToFileURL(named).href, model, explicit: true } : undefined;
    };
  }
  let candidates: { absolute: string; identity?: ReportIdentity }[] | undefined;
  return (file, text) => {
    candidates ??= files.map((f) => {
      const read = readTextFile(f.absolute);
      const report = read.ok && (isGknbFile(f.absolute) || looksLikeReport(read.text));
      return { absolute: f.absolute, identity: report ? reportIdentityOfText(read.text) : undefined };
    });
    const found = findPreviousReport(reportIdentityOfText(text), candidates.filter((c) => c.absolute !== file.absolute));
    const model = found && modelOf(found.absolute);
    return found && model ? { uri: pathToFileURL(found.absolute).href, model } : undefined;
  };
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, io.env ? localeFromEnvironment(io.env) : 'zh-cn');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gknb: ${bilingual(error.zh, error.en)}\n运行 gknb --help 查看用法。 Run gknb --help for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout(helpText(VERSION));
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (args.command === 'import') return runImport(args, io);

  const { locale } = args;
  const settings: GknbSettings = settingsFromConfig({ template: args.template }, locale);
  const { files, problems, skippedLinks } = resolveInputs(args.inputs, io.cwd, { followSymlinks: args.followSymlinks });
  if (problems.length) {
    for (const problem of problems) io.stderr(`gknb: ${bilingual(problem.zh, problem.en)}\n`);
    return 2;
  }
  for (const link of skippedLinks) {
    const shown = displayPath(io.cwd, link);
    io.stderr(`gknb: ${bilingual(
      `${shown}：符号链接指向所给文件夹之外，未跟随（需要时加 --follow-symlinks）`,
      `${shown}: symbolic link leads out of the given folder; not followed (use --follow-symlinks)`,
    )}\n`);
  }

  const checked: CheckedFile[] = [];
  let failed = false;
  let skippedQuietly = 0;
  let ignoredByConfig = 0;
  const findConfig = configFileFinder(locale);
  // Each config file's own problems are reported once, as diagnostics of that file.
  const reportedConfigs = new Set<string>();
  const reportConfig = (config: LoadedConfigFile): void => {
    if (reportedConfigs.has(config.path)) return;
    reportedConfigs.add(config.path);
    const diagnostics = configDiagnostics(config.parsed);
    if (diagnostics.length === 0) return;
    const absolute = config.path;
    checked.push({ file: { absolute, display: displayPath(io.cwd, absolute), origin: 'discovered' }, uri: pathToFileURL(absolute).href, diagnostics });
  };
  let named: string | undefined;
  if (args.previous !== undefined) {
    named = path.resolve(io.cwd, args.previous);
    const read = readTextFile(named);
    if (!read.ok) {
      io.stderr(`gknb: ${args.previous}: ${bilingual(`无法读取上年度报告：${read.zh}`, `cannot read last year's report: ${read.en}`)}\n`);
      return 2;
    }
  }
  const previousOf = previousReportFinder(files, (absolute) => {
    const config = findConfig(absolute);
    return config ? applyConfigFile(settings, config.parsed.config) : settings;
  }, named);
  for (const file of files) {
    const config = findConfig(file.absolute);
    if (config) {
      reportConfig(config);
      const relative = path.relative(path.dirname(config.path), file.absolute).split(path.sep).join('/');
      if (isIgnoredByConfig(config.parsed.config, relative)) {
        ignoredByConfig++;
        continue;
      }
    }
    const fileSettings = config ? applyConfigFile(settings, config.parsed.config) : settings;
    const read = readTextFile(file.absolute);
    if (!read.ok) {
      io.stderr(`gknb: ${file.display}: ${bilingual(read.zh, read.en)}\n`);
      failed = true;
      continue;
    }
    if (read.encodingNote) {
      io.stderr(`gknb: ${file.display}: ${bilingual(read.encodingNote.zh, read.encodingNote.en)}\n`);
    }
    const languageId = isGknbFile(file.absolute) ? 'gknb' : 'markdown';
    const uri = pathToFileURL(file.absolute).href;
    let diagnostics: Diagnostic[];
    try {
      if (!shouldCheckDocument(read.text, languageId, fileSettings)) {
        if (file.origin === 'explicit') {
          io.stderr(
            `gknb: ${file.display}: ${bilingual(
              '看起来不像政府信息公开工作年度报告，已跳过（改名为 *.gknb.md 可强制检查）',
              'does not look like an annual report; skipped (rename it to *.gknb.md to force checking)',
            )}\n`,
          );
        } else {
          skippedQuietly++;
        }
        continue;
      }
      const previous = previousOf(file, read.text);
      diagnostics = sortDiagnostics(validateText(read.text, { uri, languageId, settings: fileSettings, previous }));
      if (args.fix) diagnostics = applyFixes(file.display, file.absolute, read, diagnostics, { uri, languageId, settings: fileSettings, previous }, io, locale);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr(`gknb: ${file.display}: ${bilingual('检查时发生内部错误', 'internal error while checking')}\n${detail}\n`);
      failed = true;
      continue;
    }
    checked.push({ file, uri, diagnostics });
  }

  if (skippedQuietly > 0) {
    io.stderr(
      `gknb: ${bilingual(
        `跳过了 ${skippedQuietly} 个看起来不像年度报告的 Markdown 文件`,
        `skipped ${skippedQuietly} Markdown file(s) that do not look like annual reports`,
      )}\n`,
    );
  }

  if (ignoredByConfig > 0) {
    io.stderr(
      `gknb: ${bilingual(
        `按 .gknbrc.json 的 ignores 跳过了 ${ignoredByConfig} 个文件`,
        `skipped ${ignoredByConfig} file(s) listed in the ignores of .gknbrc.json`,
      )}\n`,
    );
  }
  checked.sort((a, b) => compareStrings(a.file.display, b.file.display));
  const counts = countDiagnostics(checked);
  switch (args.format) {
    case 'text':
      io.stdout(formatText(checked));
      io.stderr(`${summaryLine(counts, locale)}\n`);
      break;
    case 'json':
      io.stdout(formatJson(checked));
      break;
    case 'sarif':
      io.stdout(formatSarif(checked, { cwd: io.cwd, version: VERSION, rules: ruleInfos(locale), executionSuccessful: !failed }));
      break;
  }
  if (failed) return 2;
  return counts.errors > 0 ? 1 : 0;
}
