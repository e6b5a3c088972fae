// Prints the expectations for check.lua as shell assignments, from the CLI's JSON report on stdin:
// EXPECT (count), EXPECT_CODES ("code=count,…" sorted by code), EXPECT_KEYS ("line:col:code;…" sorted).
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const report = JSON.parse(input);
  if (!Array.isArray(report) || report.length !== 1 || !Array.isArray(report[0].diagnostics)) {
    console.error('unexpected CLI JSON: want [{ file, diagnostics: [...] }] for one file');
    process.exit(1);
  }
  const diagnostics = report[0].diagnostics;
  const code = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
  const counts = new Map();
  for (const d of diagnostics) counts.set(code(d), (counts.get(code(d)) || 0) + 1);
  const codes = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([c, n]) => `${c}=${n}`).join(',');
  const keys = diagnostics
    .map((d) => [d.range.start.line, d.range.start.character, code(d)])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0))
    .map((k) => k.join(':')).join(';');
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  process.stdout.write(`EXPECT=${diagnostics.length}\nEXPECT_CODES=${q(codes)}\nEXPECT_KEYS=${q(keys)}\n`);
});
