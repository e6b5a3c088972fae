import * as assert from 'node:assert/strict';
import { Severity, TEMPLATES, buildReport, codes, diagnosticsOf, dump } from '../helpers';

/** A correct report padded with prose to more than `kb` KB of UTF-8, with one arithmetic mistake. */
function largeReport(kb: number): string {
  const text = buildReport('2021', { requests: { new: { total: 6 } } });
  const filler = '本年度持续深化政务公开工作，推进决策、执行、管理、服务、结果公开。'; // 34 chars × 3 bytes
  const lines: string[] = [];
  let bytes = Buffer.byteLength(text, 'utf8');
  while (bytes <= kb * 1024) {
    lines.push(filler);
    bytes += Buffer.byteLength(filler, 'utf8') + 1;
  }
  return `${text}\n${lines.join('\n')}\n`;
}

suite('rule file-too-large', () => {
  test('flags a file above maxFileSizeKB: exactly one information diagnostic at the top, and no other work', () => {
    const text = largeReport(3);
    assert.ok(Buffer.byteLength(text, 'utf8') > 3 * 1024);
    assert.ok(codes(diagnosticsOf(text)).includes('row-total'), 'the mistake is found when the file is checked');
    const diags = diagnosticsOf(text, { maxFileSizeKB: 3 });
    assert.deepEqual(codes(diags), ['file-too-large'], dump(diags));
    const d = diags[0];
    assert.equal(d.severity, Severity.information);
    assert.equal(d.source, 'gknb');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const kb = Math.round(Buffer.byteLength(text, 'utf8') / 1024);
    assert.equal(d.message, `文件大小 ${kb} KB 超过 gknb.maxFileSizeKB（3 KB），已跳过检查。`);
  });

  test('counts UTF-8 bytes, not UTF-16 units: 400 CJK characters are above 1 KB', () => {
    const text = '政'.repeat(400);
    assert.equal(text.length, 400);
    assert.deepEqual(codes(diagnosticsOf(text, { maxFileSizeKB: 1 })), ['file-too-large']);
    const ascii = 'a'.repeat(1000);
    assert.ok(!codes(diagnosticsOf(ascii, { maxFileSizeKB: 1 })).includes('file-too-large'));
  });

  test('counts a character outside the BMP as 4 bytes', () => {
    // 256 × 𠀀 = 1024 bytes (at the limit), 257 × = 1028 bytes (above).
    assert.ok(!codes(diagnosticsOf('𠀀'.repeat(256), { maxFileSizeKB: 1 })).includes('file-too-large'));
    assert.deepEqual(codes(diagnosticsOf('𠀀'.repeat(257), { maxFileSizeKB: 1 })), ['file-too-large']);
  });

  test('does not flag a file at exactly the limit', () => {
    const text = 'x'.repeat(1024);
    assert.ok(!codes(diagnosticsOf(text, { maxFileSizeKB: 1 })).includes('file-too-large'));
    assert.deepEqual(codes(diagnosticsOf('x'.repeat(1025), { maxFileSizeKB: 1 })), ['file-too-large']);
  });

  test('does not flag the examples-sized correct reports under the default limit', () => {
    for (const template of TEMPLATES) assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
  });

  test('its severity can be changed or turned off', () => {
    const text = largeReport(2);
    assert.equal(diagnosticsOf(text, { maxFileSizeKB: 2, rules: { 'file-too-large': 'warning' } })[0].severity, Severity.warning);
    assert.deepEqual(diagnosticsOf(text, { maxFileSizeKB: 2, rules: { 'file-too-large': 'off' } }), []);
  });

  test('English message with locale en', () => {
    const d = diagnosticsOf('x'.repeat(3000), { maxFileSizeKB: 1, locale: 'en' })[0];
    assert.equal(d.message, 'File is 3 KB, above gknb.maxFileSizeKB (1 KB); not checked.');
  });

  test('fix: raising the limit checks the file again (and finds its one mistake only)', () => {
    const text = largeReport(3);
    const before = diagnosticsOf(text, { maxFileSizeKB: 3 });
    assert.deepEqual(codes(before), ['file-too-large']);
    const after = diagnosticsOf(text, { maxFileSizeKB: 4096 });
    assert.equal(after.filter((d) => d.code === 'file-too-large').length, 0);
    assert.deepEqual(codes(after).sort(), ['balance', 'row-total'], dump(after));
    // With the mistake corrected as well: nothing at all.
    const clean = text.replace('| 5 | 1 | 0 | 0 | 1 | 0 | 6 |', '| 5 | 1 | 0 | 0 | 1 | 0 | 7 |');
    assert.notEqual(clean, text);
    assert.deepEqual(codes(diagnosticsOf(clean, { maxFileSizeKB: 4096 })), []);
  });
});
