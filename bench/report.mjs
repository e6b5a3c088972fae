// What the benchmark scripts share for reporting: order statistics, number formats, the machine
// load, a plain-text table aligned by display width (East Asian Width from a library: CJK
// labels take two columns), and writing the results file.
import { eastAsianWidth } from 'get-east-asian-width';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds with as many decimals as are meaningful at that size. */
export const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

/** The 1/5/15-minute load averages: the machine is shared, so every result says how busy it was. */
export const load = () => os.loadavg().map((l) => l.toFixed(2));

export function displayWidth(text) {
  let width = 0;
  for (const ch of String(text)) width += eastAsianWidth(ch.codePointAt(0));
  return width;
}

/** A table of columns separated by two spaces; `align[i]` is 'l' or 'r'. */
export function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const cell = (text, i) => {
    const pad = ' '.repeat(widths[i] - displayWidth(text));
    return align[i] === 'r' ? pad + text : text + pad;
  };
  const line = (r) => r.map((text, i) => cell(String(text), i)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The line each benchmark ends with: how busy the machine was while it measured. */
export function loadSummary(before, after) {
  return `machine load (1/5/15 min) before ${before.join(' ')}, after ${after.join(' ')} (${os.cpus().length} CPUs, shared with other work)`;
}

/** What a results file records of the machine and its load, first in every dist/bench/*.json. */
export function environment(before, after) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: { before: before.map(Number), after: after.map(Number) },
  };
}

/** Writes a benchmark's results as `outDir/name` (pretty JSON) and says where. */
export function writeResults(outDir, name, results) {
  const file = path.join(outDir, name);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
