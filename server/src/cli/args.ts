// Command-line parsing for `gknb`. No dependencies: the grammar is small and every
// error must carry a bilingual message and exit code 2.

export type OutputFormat = 'text' | 'json' | 'sarif';
export type CliTemplate = 'auto' | '2019' | '2021';
export type CliLocale = 'zh-cn' | 'en';

export type ParsedArgs =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | {
      readonly command: 'check';
      readonly inputs: readonly string[];
      readonly format: OutputFormat;
      readonly template: CliTemplate;
      readonly locale: CliLocale;
      /** Write safe fixes back to the files (`--fix`). */
      readonly fix: boolean;
      /** Follow symbolic links out of the given folders (`--follow-symlinks`). */
      readonly followSymlinks: boolean;
      /** Last year's report for every checked file (`--previous`); absent: found among the files given. */
      readonly previous?: string;
    }
  | {
      /** `gknb import <file> [-o out.gknb.md]`: a report from Word (.txt/.md, .html/.htm, .docx) to a draft. */
      readonly command: 'import';
      readonly input: string;
      /** Where the draft is written; stdout when absent. */
      readonly output?: string;
      readonly template: CliTemplate;
      readonly locale: CliLocale;
    };

/** A usage error: printed with the help hint, exit code 2. */
export class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh}\n${en}`);
  }
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const TEMPLATES: readonly CliTemplate[] = ['auto', '2019', '2021'];
const LOCALES: readonly CliLocale[] = ['zh-cn', 'en'];

const VALUE_OPTIONS = ['--format', '--template', '--locale', '--output', '--previous'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function choose<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const normalised = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  const list = allowed.join('|');
  throw new UsageError(`选项 ${option} 的值“${value}”无效，可选值：${list}。`, `Invalid value "${value}" for ${option}; expected ${list}.`);
}

/**
 * The message language when `--locale` is not given, from the environment as POSIX tools read
 * it (LC_ALL, then LC_MESSAGES, then LANG): Chinese for zh_*, English for any other language,
 * Chinese when unset or C/POSIX (Chinese first: the reports are Chinese).
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): CliLocale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  if (value === undefined || /^(C|POSIX)([._@]|$)/i.test(value)) return 'zh-cn';
  return /^zh/i.test(value) ? 'zh-cn' : 'en';
}

export function parseArgs(argv: readonly string[], defaultLocale: CliLocale = 'zh-cn'): ParsedArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  const positionals: string[] = [];
  let help = false;
  let version = false;
  let fix = false;
  let followSymlinks = false;
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '-v' || arg === '-V' || arg === '--version') {
      version = true;
      continue;
    }
    if (arg === '--fix') {
      fix = true;
      continue;
    }
    if (arg === '--follow-symlinks') {
      followSymlinks = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const short: Record<string, ValueOption> = { '-f': '--format', '-t': '--template', '-l': '--locale', '-o': '--output' };
    const option = (VALUE_OPTIONS as readonly string[]).includes(name) ? (name as ValueOption) : short[name];
    if (!option) {
      throw new UsageError(`未知选项：${arg}`, `Unknown option: ${arg}`);
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        throw new UsageError(`选项 ${option} 缺少取值。`, `Option ${option} requires a value.`);
      }
      i++;
    }
    values[option] = value;
  }

  if (help) return { command: 'help' };
  if (version) return { command: 'version' };
  if (positionals.length === 0) {
    throw new UsageError('缺少命令。用法：gknb check <文件、文件夹或通配符…>', 'Missing command. Usage: gknb check <files, folders or globs…>');
  }
  const [command, ...inputs] = positionals;
  if (command === 'help') return { command: 'help' };
  if (command === 'version') return { command: 'version' };
  if (command === 'import') {
    if (followSymlinks) throw new UsageError('选项 --follow-symlinks 只能用于 check 命令。', 'Option --follow-symlinks is only for the check command.');
    if (values['--previous'] !== undefined) throw new UsageError('选项 --previous 只能用于 check 命令。', 'Option --previous is only for the check command.');
    return importArgs(inputs, values, fix, defaultLocale);
  }
  if (command !== 'check') {
    throw new UsageError(`未知命令：${command}（可用命令：check、import）`, `Unknown command: ${command} (available: check, import)`);
  }
  if (values['--output'] !== undefined) {
    throw new UsageError('选项 --output 只能用于 import 命令。', 'Option --output is only for the import command.');
  }
  const format = values['--format'] === undefined ? 'text' : choose('--format', values['--format'], FORMATS);
  const template = values['--template'] === undefined ? 'auto' : choose('--template', values['--template'], TEMPLATES);
  const locale = values['--locale'] === undefined ? defaultLocale : choose('--locale', values['--locale'], LOCALES);
  if (inputs.length === 0) {
    throw new UsageError('没有指定要检查的文件、文件夹或通配符。', 'No files, folders or globs given to check.');
  }
  const previous = values['--previous'];
  if (previous !== undefined && previous.trim() === '') throw new UsageError('选项 --previous 的值不能为空。', 'Option --previous needs a file name.');
  return { command: 'check', inputs, format, template, locale, fix, followSymlinks, ...(previous !== undefined ? { previous } : {}) };
}

function importArgs(inputs: readonly string[], values: Partial<Record<ValueOption, string>>, fix: boolean, defaultLocale: CliLocale): ParsedArgs {
  if (fix) throw new UsageError('选项 --fix 只能用于 check 命令。', 'Option --fix is only for the check command.');
  if (values['--format'] !== undefined) {
    throw new UsageError('import 命令按扩展名判断输入格式，不接受 --format。', 'The import command reads the format from the file extension; --format is not accepted.');
  }
  if (inputs.length !== 1) {
    throw new UsageError(
      inputs.length === 0 ? '没有指定要导入的文件。用法：gknb import <文件> [-o 输出.gknb.md]' : '一次只能导入一个文件。',
      inputs.length === 0 ? 'No file given to import. Usage: gknb import <file> [-o out.gknb.md]' : 'Import takes exactly one file.',
    );
  }
  // `-o -` is standard output, as without -o.
  const output = values['--output'] === '-' ? undefined : values['--output'];
  if (output !== undefined && output.trim() === '') throw new UsageError('选项 --output 的值不能为空。', 'Option --output needs a file name.');
  return {
    command: 'import',
    input: inputs[0],
    ...(output !== undefined ? { output } : {}),
    template: values['--template'] === undefined ? 'auto' : choose('--template', values['--template'], TEMPLATES),
    locale: values['--locale'] === undefined ? defaultLocale : choose('--locale', values['--locale'], LOCALES),
  };
}

export function helpText(version: string): string {
  return `gknb ${version} — 政府信息公开工作年度报告检查工具 / checker for annual government information disclosure reports

用法 / Usage:
  gknb check <文件、文件夹或通配符…> [选项]
  gknb check <files, folders or globs…> [options]
  gknb import <文件> [-o 输出.gknb.md]
  gknb import <file> [-o out.gknb.md]
  gknb --help | --version

选项 / Options:
  -f, --format text|json|sarif   输出格式（默认 text） / output format (default text)
  -t, --template auto|2019|2021  报告模板（默认 auto：按年份和表头判断） / report template (default auto)
  -l, --locale zh-cn|en          提示信息语言（默认按 LC_ALL/LC_MESSAGES/LANG：zh_* 或未设置为中文，其他为英文）
                                 message language (default from LC_ALL/LC_MESSAGES/LANG: Chinese
                                 for zh_* or unset, English otherwise)
      --fix                      写回可安全自动修复的问题（总计、空白单元格、全角数字、标题），
                                 并报告修改了什么、还剩什么 / write safe fixes back to the files
                                 (totals, blank cells, full-width digits, headings) and report them
      --follow-symlinks          跟随指向所给文件夹之外的符号链接（默认不跟随，并列出跳过的链接）
                                 follow symbolic links that lead out of the given folders (by
                                 default they are skipped and listed)
      --previous <文件>          上年度报告：每个被检查的文件都与它比对跨年度数据（上年结转等）；
                                 不加时在所给文件中找同一单位、上一年度的报告
                                 last year's report: every checked file is compared with it
                                 (carry-over and other cross-year figures); without it, the same
                                 agency's report for the year before is looked for among the files given
  -o, --output <文件>            import：写入该文件（默认输出到标准输出） / import: write the draft
                                 to this file (default: standard output)
  -h, --help                     显示本帮助 / show this help
  -v, --version                  显示版本 / show the version

文件 / Files:
  *.gknb.md 文件总会检查；其他 .md 文件只有看起来像年度报告时才检查。
  文件夹会递归查找 *.gknb.md 和 *.md（跳过 node_modules 和以 . 开头的文件夹）。
  通配符请加引号，例如 "reports/**/*.md"。
  最近的 .gknbrc.json（文件所在文件夹或其上级）设置规则级别、模板和不检查的文件。
  *.gknb.md files are always checked; other .md files only when they look like a report.
  Folders are searched recursively for *.gknb.md and *.md (skipping node_modules and dot folders).
  Quote globs, e.g. "reports/**/*.md".
  The nearest .gknbrc.json (in the file's folder or above) sets rule levels, the template
  and files not to check.

导入 / Import:
  把从 Word 取出的报告转成草稿：.txt/.md 按纯文本读（表格每格一行或制表符分隔），
  .html/.htm 按 HTML 读，.docx 直接读取。无法归入的内容列在标准错误输出中。
  Turns a report taken from Word into a draft: .txt/.md as plain text (table cells one per
  line or tab-separated), .html/.htm as HTML, .docx directly. What could not be placed is
  listed on standard error.

输出 / Output:
  text:  路径:行:列: 级别 [规则] 信息（行、列从 1 开始，列按 UTF-16 码元计）
         path:line:col: severity [rule] message (1-based; columns count UTF-16 code units)
  json:  [{ "file": 路径, "diagnostics": [LSP Diagnostic…] }]（LSP 范围从 0 开始 / 0-based LSP ranges）
  sarif: SARIF 2.1.0（columnKind utf16CodeUnits）

退出码 / Exit codes:
  0  没有错误；import：已导入 / no errors; import: imported
  1  发现错误级别的问题 / at least one error-severity diagnostic
  2  用法错误或无法读取文件 / usage error or unreadable file
`;
}
