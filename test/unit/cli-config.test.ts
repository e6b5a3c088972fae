// The CLI's file policy: .gknbrc.json (levels, template, ignores, its own problems), symbolic
// links out of the given folders (not followed unless --follow-symlinks), and the message
// language from LANG when --locale is absent. Runs runCli on real temporary folders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { localeFromEnvironment } from '../../server/src/cli/args';
import { runCli } from '../../server/src/cli/main';
import { buildReport } from './helpers';

let dir: string;

async function cli(argv: string[], env?: Record<string, string | undefined>, cwd = dir) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

async function json(argv: string[], cwd = dir): Promise<{ file: string; diagnostics: Diagnostic[] }[]> {
  const run = await cli(['check', '--format', 'json', ...argv], undefined, cwd);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A 2019-template report whose table 四 row has one wrong 总计 (appeal-total) and one blank cell (empty-cell). */
const WRONG = buildReport('2019', { appeals: { 'review.total': '3', 'review.upheld': '1', 'review.corrected': '' } });

const codesOf = (entry: { diagnostics: Diagnostic[] } | undefined) => (entry?.diagnostics ?? []).map((d) => String(d.code)).sort();

suite('CLI: .gknbrc.json, symbolic links, LANG', () => {
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-cli-config-'));
  });
  teardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the nearest .gknbrc.json sets rule levels for the files below it, not for files beside its folder', async () => {
    write('a/report.gknb.md', WRONG);
    write('b/report.gknb.md', WRONG);
    const before = await json(['a', 'b']);
    assert.ok(codesOf(before[0]).includes('appeal-total'), JSON.stringify(before));
    write('a/.gknbrc.json', '{ "rules": { "appeal-total": "off", "empty-cell": "error" } }');
    const after = await json(['a', 'b']);
    const a = after.find((e) => e.file === path.join('a', 'report.gknb.md'));
    const b = after.find((e) => e.file === path.join('b', 'report.gknb.md'));
    assert.ok(!codesOf(a).includes('appeal-total'), JSON.stringify(a));
    assert.ok(a!.diagnostics.filter((d) => d.code === 'empty-cell').every((d) => d.severity === 1));
    assert.deepEqual(codesOf(b), codesOf(before.find((e) => e.file === path.join('b', 'report.gknb.md'))));
  });

  test('ignores skip files (and say how many); a malformed config is reported in that file, defaults apply', async () => {
    write('reports/2020.gknb.md', WRONG);
    write('reports/草稿/2020-old.gknb.md', WRONG);
    write('reports/.gknbrc.json', '{ "ignores": ["草稿/**"] }');
    const run = await cli(['check', 'reports']);
    assert.match(run.stdout, /2020\.gknb\.md/);
    assert.doesNotMatch(run.stdout, /2020-old/);
    assert.match(run.stderr, /按 \.gknbrc\.json 的 ignores 跳过了 1 个文件/);

    write('reports/.gknbrc.json', '{ "rules": { "appeal-total": "of" }, "ignores": ["草稿/**"] }');
    const entries = await json(['reports']);
    const config = entries.find((e) => e.file === path.join('reports', '.gknbrc.json'));
    assert.ok(config, JSON.stringify(entries.map((e) => e.file)));
    assert.deepEqual(config.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['invalid-config', 1, 0]]);
    // The bad level falls back to the rule's default (error), the valid ignores still apply.
    assert.ok(codesOf(entries.find((e) => e.file === path.join('reports', '2020.gknb.md'))).includes('appeal-total'));
    assert.equal(entries.some((e) => e.file.includes('2020-old')), false);

    write('reports/.gknbrc.json', '{ "rules": ');
    const broken = await cli(['check', 'reports/2020.gknb.md']);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /\.gknbrc\.json:1:\d+: error \[invalid-config\] 配置文件不是有效的 JSON/);
    assert.match(broken.stdout, /\[appeal-total\]/, 'defaults elsewhere');
  });

  test('the config template applies when --template is auto', async () => {
    // A 2021-template report titled 2023, checked as 2019: the tables then do not match the template.
    write('x/report.gknb.md', buildReport('2021'));
    assert.deepEqual(codesOf((await json(['x']))[0]), []);
    write('x/.gknbrc.json', '{ "template": "2019" }');
    assert.ok(codesOf((await json(['x'])).find((e) => e.file.endsWith('report.gknb.md'))).length > 0);
    assert.deepEqual(codesOf((await json(['--template', '2021', 'x'])).find((e) => e.file.endsWith('report.gknb.md'))), []);
  });

  test('a folder link leading outside the folder is not followed unless --follow-symlinks; links inside are', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret.gknb.md'), WRONG);
      write('checked/own.gknb.md', WRONG);
      write('checked/sub/inner.gknb.md', WRONG);
      fs.symlinkSync(outside, path.join(dir, 'checked', 'elsewhere'), 'dir');
      fs.symlinkSync(path.join(dir, 'checked', 'sub'), path.join(dir, 'checked', 'sub-link'), 'dir');
      fs.symlinkSync(path.join(outside, 'secret.gknb.md'), path.join(dir, 'checked', 'file-link.gknb.md'), 'file');

      const run = await cli(['check', 'checked']);
      assert.doesNotMatch(run.stdout, /secret|elsewhere|file-link/);
      assert.match(run.stdout, /own\.gknb\.md/);
      assert.match(run.stdout, /inner\.gknb\.md/);
      assert.match(run.stderr, /checked[\\/]elsewhere：符号链接指向所给文件夹之外，未跟随/);
      assert.match(run.stderr, /checked[\\/]file-link\.gknb\.md：符号链接/);

      const glob = await cli(['check', 'checked/**/*.gknb.md']);
      assert.doesNotMatch(glob.stdout, /secret|file-link/);

      const followed = await cli(['check', '--follow-symlinks', 'checked']);
      assert.match(followed.stdout, /elsewhere[\\/]secret\.gknb\.md/);
      assert.match(followed.stdout, /file-link\.gknb\.md/);
      assert.doesNotMatch(followed.stderr, /符号链接/);

      // Named explicitly, a link is what the user asked for.
      const explicit = await cli(['check', 'checked/file-link.gknb.md']);
      assert.match(explicit.stdout, /file-link\.gknb\.md/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('the message language follows LC_ALL, LC_MESSAGES, LANG; --locale wins', async () => {
    assert.equal(localeFromEnvironment({}), 'zh-cn');
    assert.equal(localeFromEnvironment({ LANG: 'C.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LANG: 'POSIX' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LANG: 'zh_TW.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8', LC_ALL: 'de_DE.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh-cn');

    write('r.gknb.md', WRONG);
    const english = await cli(['check', 'r.gknb.md'], { LANG: 'en_GB.UTF-8' });
    assert.match(english.stderr, /1 file, 1 error/);
    const chinese = await cli(['check', 'r.gknb.md'], { LANG: 'zh_CN.UTF-8' });
    assert.match(chinese.stderr, /1 个文件，1 个错误/);
    const forced = await cli(['check', '--locale', 'zh-cn', 'r.gknb.md'], { LANG: 'en_GB.UTF-8' });
    assert.match(forced.stderr, /1 个文件，1 个错误/);
  });
});
