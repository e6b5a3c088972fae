// `gknb check --fix`: writes safe fixes back (atomically, keeping the BOM), reports them, and
// prints what remains; a second run changes nothing; non-UTF-8 files are never written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { buildReport } from './helpers';

function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  return runCli(argv, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }).then((code) => ({ code, stdout, stderr }));
}

suite('cli --fix', () => {
  let dir: string;
  setup(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-fix-')); });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('fixes a wrong total and a heading, reports them, and a second run changes nothing', async () => {
    const correct = buildReport('2021');
    const broken = correct.replace('## 一、总体情况', '## 1、 总体情况');
    // Break the 总计 of the first data row of table 三 (its last cell).
    const lines = broken.split('\n');
    const row = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
    lines[row] = lines[row].replace(/\| (\d+) \|$/, (_m, n: string) => `| ${Number(n) + 1} |`);
    const file = path.join(dir, 'r.gknb.md');
    fs.writeFileSync(file, lines.join('\n'));

    const first = await run(['check', '--fix', 'r.gknb.md'], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /已修复 \d+ 处（.*row-total×1.*）/);
    assert.match(first.stderr, /heading-wording×1/);
    assert.equal(first.stdout, '', 'nothing remains to print');
    assert.equal(fs.readFileSync(file, 'utf8'), correct, 'the fixed file is the correct report, byte for byte');

    const second = await run(['check', '--fix', 'r.gknb.md'], dir);
    assert.equal(second.code, 0);
    assert.doesNotMatch(second.stderr, /已修复/);
    assert.equal(fs.readFileSync(file, 'utf8'), correct);
    assert.deepEqual(fs.readdirSync(dir), ['r.gknb.md'], 'no temporary file left behind');
  });

  test('without --fix nothing is written', async () => {
    const text = buildReport('2019').replace('## 一、总体情况', '## 1、 总体情况');
    const file = path.join(dir, 'r.gknb.md');
    fs.writeFileSync(file, text);
    const result = await run(['check', 'r.gknb.md'], dir);
    assert.match(result.stdout, /heading-wording/);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  test('keeps a UTF-8 BOM and CRLF line endings; reports what remains', async () => {
    const text = buildReport('2021').replace('## 一、总体情况', '## 1、总体情况').replace('## 五、存在的主要问题及改进情况', '## 五、存在问题').split('\n').join('\r\n');
    const file = path.join(dir, 'r.gknb.md');
    fs.writeFileSync(file, '\ufeff' + text);
    const result = await run(['check', '--fix', '--format', 'json', 'r.gknb.md'], dir);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const written = bytes.subarray(3).toString('utf8');
    assert.ok(written.includes('## 一、总体情况\r\n'));
    assert.equal(written.split('\r\n').length, text.split('\r\n').length, 'same lines, CRLF kept');
    // 五 with a wording that is not a variant is not a section at all: missing-section remains.
    const remaining = JSON.parse(result.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
    assert.ok(remaining.includes('missing-section'), result.stdout);
    assert.ok(!remaining.includes('heading-wording'));
    assert.match(result.stderr, /剩余 \d+ 个问题/);
  });

  test('a file that is not valid UTF-8 is reported and left untouched', async () => {
    const text = buildReport('2021').replace('## 一、总体情况', '## 1、 总体情况');
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xb2, 0xe2])]); // GBK bytes at the end
    const file = path.join(dir, 'r.gknb.md');
    fs.writeFileSync(file, bytes);
    const result = await run(['check', '--fix', 'r.gknb.md'], dir);
    assert.match(result.stderr, /未写入修复/);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });
});

suite('cli: gknb-disable comments', () => {
  let dir: string;
  setup(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gknb-directives-')); });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const broken = () => buildReport('2021').replace('## 一、总体情况', '## 1、 总体情况').replace('## 五、存在的主要问题及改进情况', '## 5、存在的主要问题及改进情况');

  for (const [name, comment, left] of [
    ['disable-file with an id', '<!-- gknb-disable-file heading-wording -->', 0],
    ['disable-file without ids', '<!-- gknb-disable-file -->', 0],
    ['disable … enable around the first heading', '<!-- gknb-disable heading-wording -->', 1],
    ['disable-next-line before the first heading', '<!-- gknb-disable-next-line heading-wording -->', 1],
    ['a directive for another rule changes nothing', '<!-- gknb-disable-file row-total -->', 2],
  ] as const) {
    test(`${name}: ${left} heading-wording left`, async () => {
      const lines = broken().split('\n');
      const at = lines.findIndex((l) => l.startsWith('## 1、'));
      if (name.startsWith('disable … enable')) lines.splice(at, 1, comment, lines[at], '<!-- gknb-enable heading-wording -->');
      else if (name.startsWith('disable-next-line')) lines.splice(at, 0, comment);
      else lines.unshift(comment);
      fs.writeFileSync(path.join(dir, 'r.gknb.md'), lines.join('\n'));
      const result = await run(['check', '--format', 'json', 'r.gknb.md'], dir);
      const codes = JSON.parse(result.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
      assert.equal(codes.filter((c: string) => c === 'heading-wording').length, left, result.stdout);
    });
  }
});
