// Benchmark of the command line: `node dist/cli.js check <dir>` on 1,000 report files against
// markdownlint-cli2 on the same files (wall time of the whole process, as a user or CI sees it),
// with the ratio; plus each tool on a folder of one file, to tell start-up from per-file cost.
// The files are generated in a temp folder: the three examples and synthetic reports of 8–24 KB.
// Usage: node bench/cli.mjs [--quick] [--cli <path>]   (--quick: 1 timed run instead of 3;
//        --cli: another build of the gknb CLI, default dist/cli.js; needs node scripts/build.mjs)
// Writes dist/bench/cli.json. Never asserts; there is no target, only the comparison.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { syntheticReport } from './synthetic.mjs';
import { environment, fmtMs, load, loadSummary, median, table, writeResults } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'bench');
const quick = process.argv.includes('--quick');
const cliArg = process.argv.indexOf('--cli');
const gknbCli = path.resolve(cliArg > 0 ? process.argv[cliArg + 1] : path.join(root, 'dist', 'cli.js'));
const RUNS = quick ? 1 : 3;
const FILES = 1000;
const KB = 1024;
const MB = 1024 * 1024;

if (!existsSync(gknbCli)) {
  console.error(`bench/cli.mjs: ${gknbCli} not found; run node scripts/build.mjs first`);
  process.exit(1);
}
// markdownlint-cli2's own entry (what node_modules/.bin/markdownlint-cli2 links to), run with
// the same node as gknb so that neither pays for a different runtime.
// (Its package.json is not in its "exports", so it is found through node_modules/.bin.)
const mdlPackage = path.dirname(realpathSync(path.join(root, 'node_modules', '.bin', 'markdownlint-cli2')));
const mdlBin = path.join(mdlPackage, JSON.parse(readFileSync(path.join(mdlPackage, 'package.json'), 'utf8')).bin['markdownlint-cli2']);
const mdlVersion = JSON.parse(readFileSync(path.join(mdlPackage, 'package.json'), 'utf8')).version;


// ---------------------------------------------------------------------------------------
// The files: *.gknb.md, so that gknb checks every one (it skips .md files that do not look
// like reports) and markdownlint-cli2's **/*.md finds the same set.

const examplesDir = path.join(root, 'examples');
const examples = readdirSync(examplesDir).filter((n) => n.endsWith('.gknb.md')).sort().map((n) => readFileSync(path.join(examplesDir, n), 'utf8'));
const work = mkdtempSync(path.join(os.tmpdir(), 'gknb-bench-cli-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const many = path.join(work, 'reports');
const one = path.join(work, 'one');
mkdirSync(many);
mkdirSync(one);
let totalBytes = 0;
for (let i = 0; i < FILES; i++) {
  // Every fourth file is synthetic (a distinct seed and size); the others cycle through the examples.
  const text = i % 4 === 3 || examples.length === 0 ? syntheticReport((8 + (i % 17)) * KB, 5000 + i) : examples[i % 4 % examples.length];
  totalBytes += Buffer.byteLength(text);
  // Ten sub-folders of 100: a folder tree, as a repository of reports would have.
  const dir = path.join(many, `dept-${String(Math.floor(i / 100)).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.gknb.md`), text);
}
writeFileSync(path.join(one, 'report.gknb.md'), examples[0] ?? syntheticReport(20 * KB));

const tools = {
  gknb: (dir) => [gknbCli, 'check', path.relative(work, dir)],
  'markdownlint-cli2': (dir) => [mdlBin, `${path.relative(work, dir)}/**/*.md`],
};

/**
 * One timed run, its output read from pipes (both tools print every problem; writing it is part
 * of the job), and what it says it checked: the proof that each tool saw all the files.
 */
function run(tool, dir) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, tools[tool](dir), { cwd: work, encoding: 'utf8', maxBuffer: 512 * MB, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const ms = performance.now() - t0;
  // Exit 1 is "problems found" for both; anything else is a failure of the tool.
  if (res.error || (res.status !== 0 && res.status !== 1)) {
    throw new Error(`${tool} failed (exit ${res.status ?? res.signal}):\n${res.error?.message ?? ''}${(res.stderr ?? '').slice(-2000)}`);
  }
  if (tool === 'gknb') {
    const summary = /^(\d+) (?:files?|个文件).*$/m.exec(res.stderr);
    return { ms, files: summary ? Number(summary[1]) : NaN, summary: summary?.[0] ?? res.stderr.trim().split('\n').pop(), problems: res.stdout.split('\n').filter(Boolean).length };
  }
  const output = `${res.stdout}\n${res.stderr}`;
  const linting = /Linting: (\d+) file/.exec(output);
  const summary = /Summary: (\d+) error/.exec(output);
  return { ms, files: linting ? Number(linting[1]) : NaN, summary: summary?.[0] ?? '', problems: summary ? Number(summary[1]) : NaN };
}

// ---------------------------------------------------------------------------------------
// Run.

mkdirSync(outDir, { recursive: true });
const loadBefore = load();
console.log(`gknb CLI benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}; machine load (1/5/15 min) ${loadBefore.join(' ')}`);
console.log(`${FILES} files, ${(totalBytes / MB).toFixed(2)} MB (examples/*.gknb.md and synthetic reports of 8–24 KB) in ${work}`);
console.log(`gknb: node ${path.relative(root, gknbCli) || gknbCli} check reports;  markdownlint-cli2 ${mdlVersion}: node ${path.relative(root, mdlBin)} "reports/**/*.md"`);
console.log(`timing: median of ${RUNS} wall-time run(s) per tool and folder, interleaved; output read from pipes (markdownlint-cli2 takes about a minute a run)\n`);

const runs = { gknb: { many: [], one: [] }, 'markdownlint-cli2': { many: [], one: [] } };
const last = {};
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so that a burst of load from other work hits both tools alike.
  for (const tool of Object.keys(tools)) {
    const r = run(tool, many);
    if (r.files !== FILES) console.log(`warning: ${tool} reports ${r.files} files checked, not ${FILES}`);
    runs[tool].many.push(r.ms);
    runs[tool].one.push(run(tool, one).ms);
    last[tool] = r;
    process.stderr.write(`  run ${i + 1}/${RUNS} ${tool}: ${fmtMs(r.ms)} ms\n`);
  }
}
const results = Object.fromEntries(Object.entries(runs).map(([tool, r]) => {
  const manyMs = median(r.many);
  const oneMs = median(r.one);
  return [tool, {
    filesChecked: last[tool].files, summary: last[tool].summary, problems: last[tool].problems,
    manyRunsMs: r.many, oneRunsMs: r.one, manyMedianMs: manyMs, oneFileMedianMs: oneMs,
    perFileMs: (manyMs - oneMs) / (FILES - 1), filesPerSecond: FILES / (manyMs / 1000),
  }];
}));
const ratio = results.gknb.manyMedianMs / results['markdownlint-cli2'].manyMedianMs;
const perFileRatio = results.gknb.perFileMs / results['markdownlint-cli2'].perFileMs;

console.log(table(
  ['tool', `${FILES} files`, 'files/s', '1 file (start-up)', 'per extra file', 'checked', 'problems printed'],
  Object.entries(results).map(([tool, r]) => [tool, `${fmtMs(r.manyMedianMs)} ms`, r.filesPerSecond.toFixed(0), `${fmtMs(r.oneFileMedianMs)} ms`, `${r.perFileMs.toFixed(3)} ms`, String(r.filesChecked), String(r.problems)]),
  ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
));
console.log(`\ngknb / markdownlint-cli2, wall time on ${FILES} files: ${ratio.toFixed(2)} (${ratio < 1 ? `gknb ${(1 / ratio).toFixed(1)}× faster` : `gknb ${ratio.toFixed(1)}× slower`}); per extra file: ${perFileRatio.toFixed(2)}`);
console.log(`gknb summary: ${results.gknb.summary}; markdownlint-cli2: ${results['markdownlint-cli2'].summary}`);
const loadAfter = load();
console.log(loadSummary(loadBefore, loadAfter));

const out = {
  ...environment(loadBefore, loadAfter),
  quick,
  runs: RUNS,
  files: FILES,
  bytes: totalBytes,
  gknbCli: path.relative(root, gknbCli) || gknbCli,
  markdownlintCli2Version: mdlVersion,
  results,
  ratio,
  perFileRatio,
};
writeResults(outDir, 'cli.json', out);
