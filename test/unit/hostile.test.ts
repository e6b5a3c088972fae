// Hostile documents: huge, deep, malformed or full of invisible characters. The checker must
// return (with default settings, where a large file gets one file-too-large, and with a limit
// large enough that the text is really parsed), every diagnostic must lie inside the document,
// and the table formatter (which the server runs on any size) must return edits inside it.
// Timings are printed, never asserted.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatTables, validateText } from '../../server/src/service';
import { URI, assertRangesInside, buildReport, dump, splitLines, seededRandom } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const MISTAKES = readFileSync(path.join(EXAMPLES, 'mistakes.gknb.md'), 'utf8');
const REPORT_2021 = readFileSync(path.join(EXAMPLES, 'report-2021.gknb.md'), 'utf8');

const DEFAULT_LIMIT_KB = 2048;
/** Large enough for every document here: the checker really parses them. */
const PARSE_LIMIT_KB = 64 * 1024;
const TIMEOUT_MS = 300_000;

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function fileTooLarge(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.code === 'file-too-large');
}

/** Every edit lies inside the document (line < line count, character ≤ that line's length). */
function assertEditsInside(text: string, edits: ReturnType<typeof formatTables>): void {
  const lines = splitLines(text);
  for (const e of edits) {
    for (const p of [e.range.start, e.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length,
        `format edit ${JSON.stringify(e.range)} outside the document`);
    }
  }
}

/**
 * Validates `text` with default settings and with a limit that makes the checker parse it,
 * formats it, checks the results and prints the timings.
 */
function survive(name: string, text: string): { defaults: Diagnostic[]; parsed: Diagnostic[] } {
  const bytes = utf8Bytes(text);
  const aboveDefault = bytes > DEFAULT_LIMIT_KB * 1024;

  const defaults = timed(() => validateText(text, { uri: URI, languageId: 'gknb' }));
  assertRangesInside(text, defaults.value);
  assert.ok(fileTooLarge(defaults.value).length <= 1, `more than one file-too-large:\n${dump(fileTooLarge(defaults.value))}`);
  if (aboveDefault) assert.equal(fileTooLarge(defaults.value).length, 1, `${bytes} bytes is above the default limit: file-too-large expected`);
  else assert.equal(fileTooLarge(defaults.value).length, 0, `${bytes} bytes is below the default limit`);

  const parsed = timed(() => validateText(text, { uri: URI, languageId: 'gknb', settings: { maxFileSizeKB: PARSE_LIMIT_KB } }));
  assertRangesInside(text, parsed.value);
  assert.equal(fileTooLarge(parsed.value).length, 0, 'file-too-large below the limit');

  const markdown = timed(() => validateText(text, { uri: URI, languageId: 'markdown', settings: { maxFileSizeKB: PARSE_LIMIT_KB } }));
  assertRangesInside(text, markdown.value);

  const format = timed(() => formatTables(text));
  assertEditsInside(text, format.value);

  console.log(`      hostile ${name}: ${(bytes / 1024 / 1024).toFixed(2)} MB, ${splitLines(text).length} lines — `
    + `default ${defaults.ms.toFixed(0)} ms (${defaults.value.length} diagnostics), `
    + `parsed ${parsed.ms.toFixed(0)} ms (${parsed.value.length} diagnostics), `
    + `markdown ${markdown.ms.toFixed(0)} ms (${markdown.value.length}), format ${format.ms.toFixed(0)} ms (${format.value.length} edits)`);
  return { defaults: defaults.value, parsed: parsed.value };
}

/** A string of `pattern` repeated to at least `bytes` UTF-8 bytes. */
function repeatToBytes(pattern: string, bytes: number): string {
  return pattern.repeat(Math.ceil(bytes / utf8Bytes(pattern)));
}


suite('hostile documents', function () {
  this.timeout(TIMEOUT_MS);

  test('a 20 MB single line', () => {
    const text = repeatToBytes('| 12 | 政府信息公开 | １２ | 总计 |---| ', 20 * 1024 * 1024);
    assert.equal(splitLines(text).length, 1);
    survive('20 MB single line', text);
  });

  test('100,000 tiny tables', () => {
    const head = '# 云溪市测试局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n';
    const text = head + '| 总计 |\n|---|\n| 1 |\n\n'.repeat(100_000);
    survive('100,000 tiny tables', text);
  });

  test('a 10,000-column row (in table 三 and as a table of its own)', () => {
    const wide = (cell: string): string => `|${` ${cell} |`.repeat(10_000)}`;
    const text = buildReport('2021', {
      transform: (lines) => {
        const at = lines.findIndex((l) => l.includes('（一）予以公开'));
        const out = [...lines];
        out[at] = out[at] + ' 1 |'.repeat(10_000);
        out.push('', wide('列'), `|${'---|'.repeat(10_000)}`, wide('1'), wide('１２'));
        return out;
      },
    });
    assert.ok(splitLines(text).some((l) => l.split('|').length > 10_000));
    survive('10,000-column row', text);
  });

  test('quotes nested 5,000 levels deep', () => {
    const deep = '> '.repeat(5000);
    const lines: string[] = ['# 云溪市测试局2023年政府信息公开工作年度报告', ''];
    for (let i = 0; i < 20; i++) {
      lines.push(`${deep}## 三、收到和处理政府信息公开申请情况`, `${deep}| 一、本年新收政府信息公开申请数量 | 1 | 2 | 3 |`, `${deep}|---|---|---|---|`,
        `${deep}| （七）总计 | 1 | 2 | 99 |`, '>'.repeat(5000), `${'>'.repeat(5000)}| 1 | 2 |`);
    }
    survive('quotes 5,000 deep', lines.join('\n'));
  });

  test('lists nested 5,000 levels deep', () => {
    const deep = '- '.repeat(5000);
    const lines: string[] = ['# 云溪市测试局2023年政府信息公开工作年度报告', ''];
    for (let i = 0; i < 20; i++) {
      lines.push(`${deep}## 四、政府信息公开行政复议、行政诉讼情况`, `${deep}| 行政复议 | 1 | 2 |`, `${deep}|---|---|---|`,
        `${'1. '.repeat(5000)}| 1 | 0 | 0 | 1 | 1 |`, `${'* '.repeat(2500)}${'- > '.repeat(2500)}总计`, '-'.repeat(5000), `${'  '.repeat(5000)}- x`);
    }
    survive('lists 5,000 deep', lines.join('\n'));
  });

  test('unmatched pipes', () => {
    const random = seededRandom(7);
    const shapes = ['|', '||', '|||||||', '| a | b', 'a | b |', '\\|', '| \\| |', '|---', '---|', '|-|-|-|', '| |---|', '|:-:|:', '| 1 | 2 | 3', ' | ', '|\t|\t|'];
    const text = buildReport('2019', {
      transform: (lines) => lines.flatMap((line) => {
        if (!line.includes('|')) return [line];
        const r = random();
        if (r < 0.25) return [line.replace(/\|\s*$/, '')]; // no closing pipe
        if (r < 0.45) return [line.replace(/^\|/, '')]; // no opening pipe
        if (r < 0.6) return [line.replace(/ \| /, ' || ')]; // an extra empty cell
        if (r < 0.75) return [line, shapes[Math.floor(random() * shapes.length)]];
        return [line];
      }),
    }) + shapes.join('\n');
    survive('unmatched pipes', text);
  });

  test('NUL and lone surrogates', () => {
    let i = 0;
    const mangled = MISTAKES.replace(/[^\n]/g, (c) => {
      i++;
      if (i % 7 === 0) return `${c}\0`;
      if (i % 13 === 0) return `${c}\ud800`;
      if (i % 17 === 0) return `\udfff${c}`;
      return c;
    });
    const text = `${'\0'.repeat(1000)}\n${mangled}\n\ud83d\n\udc00\ud800\n${buildReport('2021').replace(/\| 0 \|/g, '| 0\0 |').replace(/总计/g, '总\ud800计')}`;
    survive('NUL and lone surrogates', text);
  });

  test('mixed CRLF / LF / CR line breaks', () => {
    const breaks = ['\r\n', '\n', '\r', '\n\r', '\r\r\n'];
    const join = (lines: string[]): string => lines.map((l, k) => l + breaks[k % breaks.length]).join('');
    const text = join(splitLines(MISTAKES)) + join(splitLines(buildReport('2019'))) + '\r';
    survive('mixed CRLF/LF/CR', text);
  });

  test('byte order marks', () => {
    const text = `\ufeff${REPORT_2021}\ufeff${MISTAKES.replace(/\n\|/g, '\n\ufeff|').replace(/\n## /g, '\n\ufeff## ')}`;
    const { parsed } = survive('BOM', text);
    // The leading BOM is not content: the report is read (its title found, so no year problems from it).
    assert.ok(!parsed.some((d) => d.code === 'file-too-large'));
    survive('BOM only', '\ufeff');
    survive('BOM + CRLF report', `\ufeff${buildReport('2021', { eol: '\r\n' })}`);
  });

  test('right-to-left marks', () => {
    const marks = ['\u200f', '\u202e', '\u202b', '\u2067', '\u061c', '\u200e', '\u202c'];
    let k = 0;
    const next = (): string => marks[k++ % marks.length];
    const text = buildReport('2021', {
      transform: (lines) => lines.map((line) => line
        .replace(/\d+/g, (d) => (d.length > 1 ? `${d[0]}${next()}${d.slice(1)}` : `${next()}${d}${next()}`))
        .replace(/\|/g, () => `${next()}|`)
        .replace(/^## /, () => `## ${next()}`)),
    });
    survive('RTL marks', text);
    survive('RTL marks in the examples', MISTAKES.replace(/ /g, '\u200f ').replace(/\|/g, '|\u202e'));
  });
});
