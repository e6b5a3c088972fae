// The `gknb` command line: runCli with injected argv/stdout/stderr on a real temp directory,
// plus real spawns of the bundle dist/cli.js built by scripts/build.mjs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { readTextFile } from '../../server/src/cli/files';
import { countDiagnostics, formatSarif, formatText, sortDiagnostics, summaryLine } from '../../server/src/cli/format';
import { runCli, VERSION } from '../../server/src/cli/main';
import { RULE_IDS, validateText } from '../../server/src/service';
import { buildDistOnce } from './helpers';

const root = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------
// Fixtures: a small 2021-format report with consistent numbers, and variants of it.

interface ReportOptions {
  /** 行政复议 总计 (correct: 1). */
  reviewTotal?: string;
  /** 自然人 of 一、本年新收 (correct: 1). */
  newNatural?: string;
  /** Leave out （六）其他处理 and its items, so the report's template decides table 三's rows. */
  withoutOtherHandling?: boolean;
  title?: string;
}

const ZEROS6 = '0 | 0 | 0 | 0 | 0 | 0 | 0';

function report(options: ReportOptions = {}): string {
  const reviewTotal = options.reviewTotal ?? '1';
  const newNatural = options.newNatural ?? '1';
  const row = (label: string, values: string) => `| ${label} | ${values} |`;
  const requestRows = [
    row('一、本年新收政府信息公开申请数量 | |', `${newNatural} | 0 | 0 | 0 | 0 | 0 | 1`),
    row('二、上年结转政府信息公开申请数量 | |', ZEROS6),
    row('三、本年度办理结果 | （一）予以公开 |', '1 | 0 | 0 | 0 | 0 | 0 | 1'),
    row('| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |', ZEROS6),
    row('| （三）不予公开 | 1.属于国家秘密', ZEROS6),
    ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map(
      (label) => row(`| | ${label}`, ZEROS6),
    ),
    row('| （四）无法提供 | 1.本机关不掌握相关政府信息', ZEROS6),
    ...['2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((label) => row(`| | ${label}`, ZEROS6)),
    row('| （五）不予处理 | 1.信访举报投诉类申请', ZEROS6),
    ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((label) => row(`| | ${label}`, ZEROS6)),
    ...(options.withoutOtherHandling
      ? []
      : [
          row('| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ZEROS6),
          row('| | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ZEROS6),
          row('| | 3.其他', ZEROS6),
        ]),
    row('| （七）总计 |', '1 | 0 | 0 | 0 | 0 | 0 | 1'),
    row('四、结转下年度继续办理 | |', ZEROS6),
  ];
  return [
    `# ${options.title ?? '测试市测试局2023年政府信息公开工作年度报告'}`,
    '',
    '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
    '',
    '## 一、总体情况',
    '',
    '2023年，测试局认真落实《中华人民共和国政府信息公开条例》。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    '| 第二十条第（一）项 | | | |',
    '|---|---|---|---|',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 1 | 0 | 5 |',
    '| 第二十条第（五）项 | |',
    '| 信息内容 | 本年处理决定数量 |',
    '| 行政许可 | 10 |',
    '| 第二十条第（六）项 | |',
    '| 信息内容 | 本年处理决定数量 |',
    '| 行政处罚 | 2 |',
    '| 行政强制 | 0 |',
    '| 第二十条第（八）项 | |',
    '| 信息内容 | 本年收费金额（单位：万元） |',
    '| 行政事业性收费 | 0 |',
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|',
    '| | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
    '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
    ...requestRows,
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
    '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    `| 1 | 0 | 0 | 0 | ${reviewTotal} | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    '无。',
    '',
    '## 六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

const GOOD = report();
/** One error only: 行政复议 1+0+0+0 but 总计 says 3. */
const BAD = report({ reviewTotal: '3' });
const BAD_APPEALS_LINE = BAD.split('\n').findIndex((line) => line.startsWith('| 1 | 0 | 0 | 0 | 3 |'));
/** UTF-16 column of the wrong 总计 cell on that line (0-based). */
const BAD_TOTAL_CHARACTER = '| 1 | 0 | 0 | 0 | '.length;
const NOT_A_REPORT = '# 会议纪要\n\n今天讨论了门户网站改版。\n\n- 事项一\n- 事项二\n';

// ---------------------------------------------------------------------------------------
// Helpers.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

async function cli(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function write(relative: string, text: string | Buffer): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

interface JsonEntry {
  file: string;
  diagnostics: Diagnostic[];
}

async function json(...argv: string[]): Promise<JsonEntry[]> {
  const run = await cli('check', '--format', 'json', ...argv);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonEntry[];
}

const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint) \[([a-z0-9-]+)\] (.+)$/;
const SUMMARY = /^(\d+) 个文件，(\d+) 个错误，(\d+) 个警告，(\d+) 个提示$/m;

suite('cli', () => {
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-cli-'));
    write('good.gknb.md', GOOD);
    write('bad.gknb.md', BAD);
    write('report.md', GOOD); // a plain .md that reads as a report
    write('notes.md', NOT_A_REPORT); // a plain .md that does not
    write('bom.gknb.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD, 'utf8')]));
    write('tree/a/inner.gknb.md', BAD);
    write('tree/b/deeper/also.md', GOOD);
    write('tree/b/readme.md', NOT_A_REPORT);
    write('tree/b/ignored.txt', BAD);
    write('tree/node_modules/pkg/dep.gknb.md', BAD);
    write('tree/.hidden/secret.gknb.md', BAD);
    write('empty-folder/.keep', '');
    write('template.gknb.md', report({ withoutOtherHandling: true }));
  });

  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  suite('arguments', () => {
    test('options before or after inputs, --opt=value and short forms', () => {
      assert.deepEqual(parseArgs(['check', 'a.md', '--format=json', '-t', '2019', '--locale', 'en', 'b']), {
        command: 'check', inputs: ['a.md', 'b'], format: 'json', template: '2019', locale: 'en', fix: false, followSymlinks: false,
      });
      assert.equal((parseArgs(['check', '--fix', 'a.md']) as { fix: boolean }).fix, true);
      assert.equal((parseArgs(['check', '--follow-symlinks', 'a.md']) as { followSymlinks: boolean }).followSymlinks, true);
      assert.deepEqual(parseArgs(['check', '--', '--weird-name.md']), {
        command: 'check', inputs: ['--weird-name.md'], format: 'text', template: 'auto', locale: 'zh-cn', fix: false, followSymlinks: false,
      });
    });

    test('usage errors carry Chinese and English', () => {
      for (const argv of [['check'], ['check', 'a', '--nope'], ['check', 'a', '--format', 'xml'], ['lint', 'a'], [], ['check', 'a', '--format']]) {
        assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && /[\u4e00-\u9fff]/.test(error.zh) && /[a-z]/i.test(error.en), argv.join(' '));
      }
    });

    test('--help and --version exit 0', async () => {
      const help = await cli('--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /gknb check/);
      assert.match(help.stdout, /--format text\|json\|sarif/);
      const version = await cli('--version');
      assert.equal(version.code, 0);
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout.trim(), pkg.version);
      assert.equal(VERSION, pkg.version);
    });
  });

  suite('text format', () => {
    test('a correct report: no output, exit 0, summary on stderr', async () => {
      const run = await cli('check', 'good.gknb.md');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^1 个文件，0 个错误，0 个警告，0 个提示$/m);
    });

    test('a wrong report: path:line:col: severity [rule] message, 1-based, exit 1', async () => {
      const run = await cli('check', 'bad.gknb.md');
      assert.equal(run.code, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(lines.length >= 1);
      for (const line of lines) assert.match(line, TEXT_LINE);
      const appeal = lines.map((l) => TEXT_LINE.exec(l)!).find((m) => m[5] === 'appeal-total');
      assert.ok(appeal, run.stdout);
      assert.equal(appeal[1], 'bad.gknb.md');
      assert.equal(appeal[4], 'error');
      assert.equal(Number(appeal[2]), BAD_APPEALS_LINE + 1, 'line is 1-based');
      assert.equal(Number(appeal[3]), BAD_TOTAL_CHARACTER + 1, 'column is 1-based');
      const summary = SUMMARY.exec(run.stderr);
      assert.ok(summary, run.stderr);
      assert.equal(summary[1], '1');
      assert.equal(Number(summary[2]), lines.filter((l) => TEXT_LINE.exec(l)![4] === 'error').length);
    });

    test('positions are the LSP positions + 1, sorted by file then position', async () => {
      const run = await cli('check', 'bad.gknb.md', 'good.gknb.md', 'tree');
      const entries = await json('bad.gknb.md', 'good.gknb.md', 'tree');
      const expected = entries.flatMap((e) =>
        e.diagnostics.map((d) => `${e.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${['', 'error', 'warning', 'info', 'hint'][d.severity!]} [${d.code}]`),
      );
      const actual = run.stdout.trimEnd().split('\n').map((l) => l.replace(/^(.+?:\d+:\d+: \w+ \[[^\]]+\]).*$/, '$1'));
      assert.deepEqual(actual, expected);
      const files = entries.map((e) => e.file);
      assert.deepEqual(files, [...files].sort());
      for (const entry of entries) {
        const keys = entry.diagnostics.map((d) => d.range.start.line * 1e6 + d.range.start.character);
        assert.deepEqual(keys, [...keys].sort((a, b) => a - b), entry.file);
      }
    });

    test('a BOM is stripped: same positions as without it', async () => {
      const [bom] = await json('bom.gknb.md');
      const [plain] = await json('bad.gknb.md');
      assert.ok(bom.diagnostics.length > 0);
      assert.deepEqual(bom.diagnostics.map((d) => [d.code, d.range]), plain.diagnostics.map((d) => [d.code, d.range]));
    });

    test('--locale en: English summary and messages', async () => {
      const zh = await cli('check', 'bad.gknb.md');
      const en = await cli('check', 'bad.gknb.md', '--locale', 'en');
      assert.equal(en.code, 1);
      assert.match(en.stderr, /^1 file, 1 error, 0 warnings, 0 hints$/m);
      assert.notEqual(en.stdout, zh.stdout);
      const [entry] = await json('bad.gknb.md', '--locale', 'en');
      const uri = pathToFileURL(path.join(dir, 'bad.gknb.md')).href;
      assert.deepEqual(entry.diagnostics.map((d) => d.message), validateText(BAD, { uri, languageId: 'gknb', settings: { locale: 'en' } }).map((d) => d.message));
    });
  });

  suite('json format', () => {
    test('an entry per checked file, LSP diagnostics as the service returns them', async () => {
      const run = await cli('check', '--format', 'json', 'good.gknb.md', 'bad.gknb.md');
      assert.equal(run.code, 1);
      const entries = JSON.parse(run.stdout) as JsonEntry[];
      assert.deepEqual(entries.map((e) => e.file), ['bad.gknb.md', 'good.gknb.md']);
      assert.deepEqual(entries[1].diagnostics, []);
      const uri = pathToFileURL(path.join(dir, 'bad.gknb.md')).href;
      const direct = validateText(BAD, { uri, languageId: 'gknb' });
      assert.deepEqual(
        [...entries[0].diagnostics].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        JSON.parse(JSON.stringify(direct)).sort((a: Diagnostic, b: Diagnostic) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
      const appeal = entries[0].diagnostics.find((d) => d.code === 'appeal-total');
      assert.ok(appeal);
      assert.equal(appeal.source, 'gknb');
      assert.equal(appeal.severity, 1);
      assert.deepEqual(appeal.range.start, { line: BAD_APPEALS_LINE, character: BAD_TOTAL_CHARACTER }, '0-based in JSON');
      assert.equal(run.stderr, '', 'no summary on stderr for machine formats');
    });
  });

  suite('sarif format', () => {
    test('SARIF 2.1.0 with rules, results, 1-based regions and related locations', async () => {
      const run = await cli('check', '--format', 'sarif', 'good.gknb.md', 'bad.gknb.md');
      assert.equal(run.code, 1);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif.*2\.1\.0.*\.json$/);
      assert.equal(sarif.runs.length, 1);
      const [sarifRun] = sarif.runs;
      assert.equal(sarifRun.tool.driver.name, 'gknb');
      assert.equal(sarifRun.tool.driver.version, VERSION);
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
      const rules = sarifRun.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string }[];
      assert.deepEqual(rules.map((r) => r.id), [...RULE_IDS]);
      for (const rule of rules) {
        assert.ok(rule.shortDescription.text.length > 0);
        assert.notEqual(rule.shortDescription.text, rule.id, `${rule.id} has a real description`);
        assert.equal(rule.helpUri, `https://github.com/gknb/gknb/blob/main/docs/rules.md#${rule.id}`);
      }
      const [entry] = (await json('bad.gknb.md')) as JsonEntry[];
      assert.equal(sarifRun.results.length, entry.diagnostics.length);
      const levels = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;
      entry.diagnostics.forEach((d, i) => {
        const result = sarifRun.results[i];
        assert.equal(result.ruleId, d.code);
        assert.equal(rules[result.ruleIndex].id, d.code);
        assert.equal(result.level, levels[d.severity!]);
        assert.equal(result.message.text, d.message);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, 'bad.gknb.md');
        assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
        assert.deepEqual(region, {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        });
        assert.equal((result.relatedLocations ?? []).length, (d.relatedInformation ?? []).length);
        (d.relatedInformation ?? []).forEach((info, j) => {
          const related = result.relatedLocations[j];
          assert.equal(related.message.text, info.message);
          assert.equal(related.physicalLocation.artifactLocation.uri, 'bad.gknb.md');
          assert.equal(related.physicalLocation.region.startLine, info.location.range.start.line + 1);
        });
      });
      const appeal = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'appeal-total');
      assert.ok(appeal);
      assert.equal(appeal.locations[0].physicalLocation.region.startLine, BAD_APPEALS_LINE + 1);
      assert.equal(appeal.locations[0].physicalLocation.region.startColumn, BAD_TOTAL_CHARACTER + 1);
      assert.ok(appeal.relatedLocations.length > 0, 'appeal-total points at the cells it summed');
      assert.equal(sarifRun.originalUriBaseIds.SRCROOT.uri, pathToFileURL(dir + path.sep).href);
    });

    test('a file name with CJK characters and spaces is a percent-encoded relative URI', async () => {
      write('年报 草稿/第一稿.gknb.md', BAD);
      const run = await cli('check', '--format', 'sarif', '年报 草稿');
      const uri = JSON.parse(run.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
      assert.equal(uri, `${encodeURIComponent('年报 草稿')}/${encodeURIComponent('第一稿.gknb.md')}`);
      assert.equal(decodeURIComponent(uri), '年报 草稿/第一稿.gknb.md');
      fs.rmSync(path.join(dir, '年报 草稿'), { recursive: true });
    });
  });

  suite('reading', () => {
    test('UTF-8 BOM stripped, UTF-16 with BOM decoded, invalid UTF-8 noted', () => {
      const text = '# 年度报告\n一、总体情况';
      const utf8 = readTextFile(write('enc/bom8.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
      assert.deepEqual(utf8, { ok: true, text, writeAs: 'utf-8-bom' });
      assert.deepEqual(readTextFile(write('enc/plain8.md', Buffer.from(text))), { ok: true, text, writeAs: 'utf-8' });
      const utf16 = readTextFile(write('enc/bom16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
      assert.deepEqual(utf16, { ok: true, text });
      const gbk = readTextFile(write('enc/gbk.md', Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x0a]))); // 年报 in GBK
      assert.ok(gbk.ok && gbk.encodingNote && /UTF-8/.test(gbk.encodingNote.zh));
      assert.ok(gbk.ok && gbk.writeAs === undefined, 'a file that is not UTF-8 is never written back');
      const missing = readTextFile(path.join(dir, 'enc', 'none.md'));
      assert.ok(!missing.ok && /ENOENT/.test(missing.en));
      fs.rmSync(path.join(dir, 'enc'), { recursive: true });
    });
  });

  suite('formatters', () => {
    const file = { absolute: path.join(os.tmpdir(), 'x', 'r.gknb.md'), display: path.join('x', 'r.gknb.md'), origin: 'explicit' as const };
    const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 2 } });
    const diagnostics: Diagnostic[] = sortDiagnostics([
      { range: at(3, 0), severity: 4, code: 'd-hint', source: 'gknb', message: 'hint' },
      { range: at(1, 5), severity: 3, code: 'c-info', source: 'gknb', message: 'two\nlines' },
      { range: at(1, 5), severity: 1, code: 'a-error', source: 'gknb', message: '错误' },
      { range: at(0, 9), code: 'no-severity', source: 'gknb', message: 'none' },
      { range: at(2, 1), severity: 2, code: 'b-warning', source: 'gknb', message: { kind: 'markdown', value: '**md**' } },
    ]);
    const checked = [{ file, uri: pathToFileURL(file.absolute).href, diagnostics }];

    test('text: every severity, sorted, one line each, missing severity reads as error', () => {
      const p = file.display;
      assert.equal(formatText(checked), [
        `${p}:1:10: error [no-severity] none`,
        `${p}:2:6: error [a-error] 错误`,
        `${p}:2:6: info [c-info] two lines`,
        `${p}:3:2: warning [b-warning] **md**`,
        `${p}:4:1: hint [d-hint] hint`,
        '',
      ].join('\n'));
      assert.deepEqual(countDiagnostics(checked), { files: 1, errors: 2, warnings: 1, infos: 2 });
      assert.equal(summaryLine(countDiagnostics(checked), 'zh-cn'), '1 个文件，2 个错误，1 个警告，2 个提示');
    });

    test('sarif: levels error/warning/note, hint → note, exclusive end column', () => {
      const cwd = path.join(os.tmpdir(), 'x');
      const sarif = JSON.parse(formatSarif(checked, { cwd, version: '9.9.9', rules: [{ id: 'a-error', description: 'A', defaultSeverity: 1 }], executionSuccessful: true }));
      const results = sarif.runs[0].results;
      assert.deepEqual(results.map((r: { level: string }) => r.level), ['error', 'error', 'note', 'warning', 'note']);
      assert.deepEqual(results.map((r: { ruleIndex?: number }) => r.ruleIndex), [undefined, 0, undefined, undefined, undefined]);
      assert.deepEqual(results[1].locations[0].physicalLocation.region, { startLine: 2, startColumn: 6, endLine: 2, endColumn: 8 });
      assert.equal(results[1].locations[0].physicalLocation.artifactLocation.uri, 'r.gknb.md');
      assert.equal(sarif.runs[0].tool.driver.rules[0].defaultConfiguration.level, 'error');
      // A file outside the working directory gets an absolute file: URI and no base id.
      const outside = JSON.parse(formatSarif(checked, { cwd: path.join(os.tmpdir(), 'elsewhere'), version: '0', rules: [], executionSuccessful: true }));
      assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(file.absolute).href });
    });
  });

  suite('exit codes', () => {
    test('0 without errors, 1 with errors', async () => {
      assert.equal((await cli('check', 'good.gknb.md')).code, 0);
      assert.equal((await cli('check', 'bad.gknb.md')).code, 1);
      assert.equal((await cli('check', 'good.gknb.md', 'bad.gknb.md')).code, 1);
    });

    test('2 on usage errors, with a Chinese and an English message', async () => {
      const cases: [string[], RegExp][] = [
        [['check', 'good.gknb.md', '--bogus'], /未知选项：--bogus[\s\S]*Unknown option: --bogus/],
        [['check', 'good.gknb.md', '--format', 'xml'], /--format[\s\S]*xml[\s\S]*Invalid value/],
        [['check', 'good.gknb.md', '--template', '2020'], /--template[\s\S]*Invalid value "2020"/],
        [['check'], /没有指定[\s\S]*No files/],
        [['frobnicate'], /未知命令[\s\S]*Unknown command/],
        [['check', 'missing.gknb.md'], /找不到文件或文件夹：missing\.gknb\.md[\s\S]*No such file or folder/],
        [['check', 'nothing-*.gknb.md'], /没有与通配符匹配[\s\S]*No Markdown files match/],
        [['check', 'empty-folder'], /文件夹中没有 Markdown 文件[\s\S]*No Markdown files in folder/],
      ];
      for (const [argv, message] of cases) {
        const run = await cli(...argv);
        assert.equal(run.code, 2, argv.join(' '));
        assert.equal(run.stdout, '', argv.join(' '));
        assert.match(run.stderr, message, argv.join(' '));
      }
    });

    test('2 when a file cannot be read; the other files are still reported', async function () {
      let unreadable: string;
      let cleanup = (): void => {};
      if (process.platform !== 'win32' && process.getuid?.() !== 0) {
        unreadable = write('locked.gknb.md', GOOD);
        fs.chmodSync(unreadable, 0o000);
        cleanup = () => fs.rmSync(unreadable, { force: true });
      } else if (process.platform === 'linux') {
        unreadable = '/proc/self/mem'; // a regular file by stat, EIO on read, even for root
      } else {
        this.skip();
      }
      try {
        const run = await cli('check', unreadable, 'bad.gknb.md');
        assert.equal(run.code, 2, 'unreadable beats errors');
        assert.match(run.stderr, /: 无法读取文件（E[A-Z]+）[\s\S]*cannot read file/);
        assert.match(run.stdout, /^bad\.gknb\.md:\d+:\d+: error \[appeal-total\]/m);
        const sarif = JSON.parse((await cli('check', '--format', 'sarif', unreadable, 'good.gknb.md')).stdout);
        assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
      } finally {
        cleanup();
      }
    });
  });

  suite('files', () => {
    test('folders recurse for .gknb.md and report-like .md, skipping node_modules and dot folders', async () => {
      const run = await cli('check', '--format', 'json', 'tree');
      assert.equal(run.code, 1);
      const files = (JSON.parse(run.stdout) as JsonEntry[]).map((e) => e.file.split(path.sep).join('/'));
      assert.deepEqual(files, ['tree/a/inner.gknb.md', 'tree/b/deeper/also.md']);
      assert.match(run.stderr, /跳过了 1 个看起来不像年度报告的 Markdown 文件/);
    });

    test('a named .md that does not look like a report is skipped with a note', async () => {
      const run = await cli('check', 'notes.md');
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /notes\.md: 看起来不像政府信息公开工作年度报告，已跳过[\s\S]*does not look like an annual report/);
      assert.match(run.stderr, /^0 个文件，0 个错误，0 个警告，0 个提示$/m);
      assert.deepEqual(await json('notes.md'), []);
    });

    test('a named .md that looks like a report is checked as Markdown; the same text as .gknb.md gives the same result', async () => {
      const [md] = await json('report.md');
      assert.equal(md.file, 'report.md');
      const [gknb] = await json('good.gknb.md');
      assert.deepEqual(md.diagnostics, gknb.diagnostics);
      write('bad-report.md', BAD);
      const [badMd] = await json('bad-report.md');
      assert.ok(badMd.diagnostics.some((d) => d.code === 'appeal-total'));
      fs.rmSync(path.join(dir, 'bad-report.md'));
    });

    test('globs (tinyglobby) skip node_modules and dot folders; a file reached twice is checked once', async () => {
      const entries = await json('**/*.gknb.md', 'bad.gknb.md');
      const files = entries.map((e) => e.file.split(path.sep).join('/'));
      assert.deepEqual(files, ['bad.gknb.md', 'bom.gknb.md', 'good.gknb.md', 'template.gknb.md', 'tree/a/inner.gknb.md']);
    });

    test('paths are printed relative to the working directory', async () => {
      const run = await cli('check', path.join(dir, 'tree', 'a'));
      assert.match(run.stdout.split('\n')[0], new RegExp(`^${['tree', 'a', 'inner.gknb.md'].join(path.sep === '\\' ? '\\\\' : '/')}:\\d+:\\d+: `));
    });
  });

  suite('--template', () => {
    test('the setting reaches the service: same diagnostics as validateText with that template', async () => {
      const text = report({ withoutOtherHandling: true });
      const uri = pathToFileURL(path.join(dir, 'template.gknb.md')).href;
      const results: Record<string, Diagnostic[]> = {};
      for (const template of ['2019', '2021'] as const) {
        const [entry] = await json('template.gknb.md', '--template', template);
        results[template] = entry.diagnostics;
        // The CLI prints diagnostics sorted by position; the service returns them by rule.
        assert.deepEqual(entry.diagnostics, JSON.parse(JSON.stringify(sortDiagnostics(validateText(text, { uri, languageId: 'gknb', settings: { template } })))));
      }
      // Table 三 without （六）其他处理: 2019 lacks one row, 2021 the group and its three items.
      assert.notDeepEqual(results['2019'], results['2021']);
      const [auto] = await json('template.gknb.md');
      assert.deepEqual(auto.diagnostics, results['2021'], 'auto: a 2023 report follows the 2021 template');
    });
  });

  suite('--previous and cross-year', () => {
    const CARRYOVER_ROW = '| 四、结转下年度继续办理 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    /** Last year's report of 测试局: carried 2 over (this year's report says 0); 现行有效 4 + 1 − 0 = this year's 5. */
    const LAST_YEAR = report({ title: '测试市测试局2022年政府信息公开工作年度报告' })
      .replace(CARRYOVER_ROW, '| 四、结转下年度继续办理 | | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |')
      .replace('| 行政规范性文件 | 1 | 0 | 5 |', '| 行政规范性文件 | 1 | 0 | 4 |');
    const crossYear = (entry: JsonEntry | undefined) => (entry?.diagnostics ?? []).filter((d) => d.code === 'cross-year');
    const entryOf = (entries: JsonEntry[], file: string) => entries.find((e) => e.file === file);

    suiteSetup(() => {
      write('years/2023.gknb.md', GOOD);
      write('years/2022.gknb.md', LAST_YEAR);
      write('years/other-agency-2022.gknb.md', LAST_YEAR.replace('测试市测试局2022年', '测试市另一局2022年'));
      write('years/fixable-2023.gknb.md', BAD);
    });

    test('parsed for check only, with a value', () => {
      assert.equal((parseArgs(['check', 'a.md', '--previous', 'last.md']) as { previous?: string }).previous, 'last.md');
      assert.equal('previous' in parseArgs(['check', 'a.md']), false);
      for (const argv of [['import', 'a.txt', '--previous', 'b.md'], ['check', 'a.md', '--previous'], ['check', 'a.md', '--previous=']]) {
        assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
      }
    });

    test('without --previous: last year\'s report is found among the files given (same agency, year − 1)', async () => {
      const entries = await json('years/2023.gknb.md', 'years/2022.gknb.md', 'years/other-agency-2022.gknb.md');
      const found = crossYear(entryOf(entries, path.join('years', '2023.gknb.md')));
      assert.deepEqual(found.map((d) => d.severity), [2, 2], JSON.stringify(found)); // 自然人 and 总计
      const lastYearUri = pathToFileURL(path.join(dir, 'years', '2022.gknb.md')).href;
      for (const d of found) assert.equal(d.relatedInformation![0].location.uri, lastYearUri);
      assert.match(String(found[0].message), /应为 2，实际填写 0（自然人）/);
      assert.deepEqual(crossYear(entryOf(entries, path.join('years', '2022.gknb.md'))), [], 'no 2021 report given');
      // Alone, a report has no last year's report to compare with.
      assert.deepEqual(crossYear((await json('years/2023.gknb.md'))[0]), []);
    });

    test('--previous names last year\'s report for every checked file, even of another agency name', async () => {
      const [entry] = await json('years/2023.gknb.md', '--previous', 'years/2022.gknb.md');
      assert.equal(crossYear(entry).length, 2);
      const [renamed] = await json('years/2023.gknb.md', '--previous', path.join(dir, 'years', 'other-agency-2022.gknb.md'));
      assert.equal(crossYear(renamed).length, 2, 'an absolute path; named explicitly, so compared despite the name');
      assert.equal(crossYear(renamed)[0].relatedInformation![0].location.uri, pathToFileURL(path.join(dir, 'years', 'other-agency-2022.gknb.md')).href);
    });

    test('--previous that cannot be read: exit 2, bilingual message', async () => {
      const run = await cli('check', 'years/2023.gknb.md', '--previous', 'years/missing.gknb.md');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /无法读取上年度报告[\s\S]*cannot read last year's report/);
    });

    test('--fix with --previous: the cross-year findings remain listed after the fixes', async () => {
      const run = await cli('check', '--fix', '--format', 'json', 'years/fixable-2023.gknb.md', '--previous', 'years/2022.gknb.md');
      assert.equal(run.code, 0, run.stderr);
      const [entry] = JSON.parse(run.stdout) as JsonEntry[];
      assert.deepEqual(entry.diagnostics.map((d) => d.code), ['cross-year', 'cross-year'], JSON.stringify(entry.diagnostics));
      assert.doesNotMatch(fs.readFileSync(path.join(dir, 'years', 'fixable-2023.gknb.md'), 'utf8'), /\| 1 \| 0 \| 0 \| 0 \| 3 \|/, 'the total was fixed');
    });

    test('--help names --previous', async () => {
      assert.match((await cli('--help')).stdout, /--previous <文件>[\s\S]*last year's report/);
    });
  });

  suite('dist/cli.js (real process)', () => {
    const bundle = path.join(root, 'dist', 'cli.js');
    suiteSetup(function () {
      this.timeout(120_000);
      buildDistOnce();
    });

    const spawn = (...argv: string[]) => spawnSync(process.execPath, [bundle, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });

    test('check exits 1 on a wrong report and prints 1-based positions', () => {
      const run = spawn('check', 'bad.gknb.md', 'good.gknb.md');
      assert.equal(run.status, 1, run.stderr);
      const expected = `bad.gknb.md:${BAD_APPEALS_LINE + 1}:${BAD_TOTAL_CHARACTER + 1}: error [appeal-total] `;
      assert.ok(run.stdout.split('\n').some((line) => line.startsWith(expected)), `${expected}… not in\n${run.stdout}`);
      assert.match(run.stderr, /^2 个文件，1 个错误，0 个警告，0 个提示$/m);
    });

    test('exit 0 on a correct report, 2 on an unknown option, --version', () => {
      assert.equal(spawn('check', 'good.gknb.md').status, 0);
      const bad = spawn('check', 'good.gknb.md', '--bogus');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /未知选项[\s\S]*Unknown option/);
      const version = spawn('--version');
      assert.equal(version.status, 0);
      assert.equal(version.stdout.trim(), VERSION);
    });

    test('sarif and globs through the bundle', () => {
      const run = spawn('check', '--format=sarif', 'tree/**/*.md');
      assert.equal(run.status, 1, run.stderr);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].tool.driver.name, 'gknb');
      assert.ok(sarif.runs[0].results.length > 0);
    });
  });
});
