import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { displayWidth, formatTables, reportSkeleton, validateText } from '../../server/src/service';
import { dump, splitLines, URI, seededRandom } from './helpers';

const root = path.resolve(__dirname, '../..');
const EXAMPLES = ['examples/report-2020.gknb.md', 'examples/report-2021.gknb.md', 'examples/mistakes.gknb.md'];
const readExample = (file: string): string => readFileSync(path.join(root, file), 'utf8');

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'gknb', 1, text), [...edits]);
}

function format(text: string): string {
  return apply(text, formatTables(text));
}

/** The text without whitespace, pipes and the dashes of delimiter rows: what formatting must keep. */
function skeletonOf(text: string): string {
  return splitLines(text).map((line) => (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('|')
    ? line.replace(/[\s|:-]/g, '') : line.replace(/[\s|]/g, ''))).join('');
}

/** Cells of a pipe row as the formatter must keep them: split at unescaped pipes, trimmed. */
function cellsOf(line: string): string[] {
  const rest = line.trim();
  const cells = rest.split(/(?<!\\)\|/).map((c) => c.trim());
  if (rest.startsWith('|')) cells.shift();
  if (rest.endsWith('|') && !rest.endsWith('\\|') && rest.length > 1) cells.pop();
  return cells;
}

/** Display columns of the unescaped pipes of a line. */
function pipeColumns(line: string): number[] {
  const columns: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '|' && (i === 0 || line[i - 1] !== '\\')) columns.push(displayWidth(line.slice(0, i)));
  }
  return columns;
}


const PIECES = ['规章', '行政许可', '（一）', '、', '，', '“三安全一稳定”', '１２', 'a', 'Zb', '0', '186.4万元', '\\|', ' ', '·', 'é', '👍', '—', '…', 'x y', '：', '〔2021〕'];

function randomTable(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const columns = 1 + Math.floor(random() * 5);
  const cell = (): string => {
    if (random() < 0.2) return '';
    let text = '';
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text += pick(PIECES);
    return text.trim();
  };
  const space = (): string => pick(['', ' ', '  ', '\t', '   ']);
  const row = (cells: string[]): string => {
    const lead = random() < 0.85;
    const trail = random() < 0.85 || !lead;
    // A row without a leading pipe cannot start with an empty cell.
    if (!lead && cells[0] === '') cells[0] = '首';
    if (!trail && cells[cells.length - 1] === '') cells[cells.length - 1] = '尾';
    // No tab or fourth space before the first cell: that would be indented code, not a table.
    return pick(['', ' ', '  ']) + (lead ? '|' : '') + cells.map((c, i) => (i === 0 && !lead ? '' : space()) + c + space()).join('|') + (trail ? '|' : '') + pick(['', ' ']);
  };
  const header = Array.from({ length: columns }, () => cell() || '表头');
  const delimiter = Array.from({ length: columns }, () => pick(['-', '---', ':--', '--:', ':-:', '------']));
  const lines = [row(header), row(delimiter)];
  for (let r = Math.floor(random() * 6); r > 0; r--) {
    // Ragged rows: fewer or more cells than the header.
    const count = Math.max(1, columns + pick([0, 0, 0, -1, 1, 2]));
    lines.push(row(Array.from({ length: count }, cell)));
  }
  return lines.join('\n');
}

/** Whether the header and delimiter rows have as many cells (else GFM reads no table). */
function isTable(table: string): boolean {
  const [header, delimiter] = table.split('\n');
  // A tab inside a cell has no known width: such a table is left alone.
  if (table.split('\n').some((row) => cellsOf(row).some((c) => c.includes('\t')))) return false;
  // A header line that starts a list item, heading or quote is that block, not a table header.
  return /(?<!\\)\|/.test(header) && cellsOf(header).length === cellsOf(delimiter).length && !/^ {0,3}(?:>|(?:#{1,6}|[-+*]|\d+[.)])(?:[ \t]|$))/.test(header);
}

suite('format: table alignment', () => {
  test('aligns a CJK table by display width (exact output)', () => {
    const input = [
      '表格：',
      '',
      '|信息内容|本年制发件数|现行有效件数|',
      '|---|:-:|--:|',
      '| 规章 | 0 | 12 |',
      '|行政规范性文件|4|23|',
      '| “三安全一稳定” |  | 1 |',
      '',
    ].join('\n');
    const expected = [
      '表格：',
      '',
      '| 信息内容         | 本年制发件数 | 现行有效件数 |',
      '| ---------------- | :----------: | -----------: |',
      '| 规章             |      0       |           12 |',
      '| 行政规范性文件   |      4       |           23 |',
      '| “三安全一稳定” |              |            1 |',
      '',
    ].join('\n');
    const edits = formatTables(input);
    assert.equal(apply(input, edits), expected);
    // One edit per changed line, each within its line.
    assert.deepEqual(edits.map((e) => e.range.start.line), [2, 3, 4, 5, 6]);
    for (const e of edits) assert.equal(e.range.end.line, e.range.start.line);
    assert.deepEqual(formatTables(expected), []);
  });

  test('display width: CJK and full-width punctuation are wide, ambiguous characters narrow', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('规章'), 4);
    assert.equal(displayWidth('（一）、，：'), 12);
    assert.equal(displayWidth('“三”'), 6);
    assert.equal(displayWidth('１２'), 4);
    assert.equal(displayWidth('·é…—'), 4);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('a\u200bb'), 2);
    assert.equal(displayWidth('👍'), 2);
  });

  test('pipes line up in the formatted examples', () => {
    for (const file of EXAMPLES) {
      const formatted = format(readExample(file));
      const lines = splitLines(formatted);
      for (let i = 1; i < lines.length; i++) {
        // Every pipe row of one table puts its pipes at the same columns as the widest row's prefix.
        if (!lines[i].startsWith('|') || !lines[i - 1].startsWith('|')) continue;
        const a = pipeColumns(lines[i - 1]);
        const b = pipeColumns(lines[i]);
        const common = Math.min(a.length, b.length);
        assert.deepEqual(a.slice(0, common), b.slice(0, common), `${file}:${i}`);
      }
    }
  });

  test('idempotent on the examples and the skeletons', () => {
    const texts = [...EXAMPLES.map(readExample), reportSkeleton({ year: 2020, agency: '某局' }), reportSkeleton({ year: 2023, agency: '某局', fill: '' })];
    for (const text of texts) {
      const once = format(text);
      assert.notEqual(once, text, 'the example tables are not aligned yet');
      assert.deepEqual(formatTables(once), []);
      assert.equal(skeletonOf(once), skeletonOf(text));
    }
  });

  test('random tables: idempotent, cells kept, only whitespace and dashes change, pipes aligned', () => {
    const random = seededRandom(20240531);
    for (let n = 0; n < 400; n++) {
      const table = randomTable(random);
      const text = `前文\n\n${table}\n\n后文\n`;
      const once = format(text);
      const message = `case ${n}:\n${table}\n---\n${once}`;
      assert.deepEqual(formatTables(once), [], message);
      assert.equal(skeletonOf(once), skeletonOf(text), message);
      const before = splitLines(text);
      const after = splitLines(once);
      assert.equal(after.length, before.length, message);
      for (let i = 0; i < before.length; i++) {
        if (before[i].includes('|') && !/^\s*\|?\s*:?-+:?/.test(before[i])) assert.deepEqual(cellsOf(after[i]), cellsOf(before[i]), message);
        else if (!before[i].includes('|')) assert.equal(after[i], before[i], message);
      }
      // Rows written with leading and trailing pipes line up on every pipe they share.
      if (once === text && formatTables(text).length === 0 && !isTable(table)) continue;
      const rows = after.filter((l) => l.trim().startsWith('|') && l.trim().endsWith('|') && !l.trim().endsWith('\\|'));
      for (let i = 1; i < rows.length; i++) {
        const a = pipeColumns(rows[0]);
        const b = pipeColumns(rows[i]);
        const common = Math.min(a.length, b.length);
        assert.deepEqual(b.slice(0, common), a.slice(0, common), message);
      }
    }
  });

  test('no edits for aligned tables, prose, tab-separated rows and pipe rows without a delimiter row', () => {
    const text = [
      '| 规章 | 数量 |',
      '| ---- | ---- |',
      '| 甲   | 1    |',
      '',
      '行政复议\t\t行政诉讼',
      '结果维持\t结果纠正\t总计',
      '',
      '| 第二十条第（一）项 | |',
      '| 信息内容 |本年制发件数|',
      '',
      '一段文字 | 含竖线。',
    ].join('\n');
    assert.deepEqual(formatTables(text), []);
  });

  test('tab-separated table 四 of the 2021 example is left alone', () => {
    const text = readExample('examples/report-2021.gknb.md');
    const edited = new Set(formatTables(text).map((e) => e.range.start.line));
    splitLines(text).forEach((line, i) => {
      if (line.includes('\t')) assert.ok(!edited.has(i), `tab line ${i} edited`);
    });
  });

  test('CRLF: line breaks are kept and edits stay inside lines', () => {
    const text = '# 标题\r\n\r\n|甲|乙乙|\r\n|-|-|\r\n|1|2|\r\n\r\n后文\r\n';
    const edits = formatTables(text);
    assert.equal(edits.length, 3);
    for (const e of edits) {
      assert.equal(e.range.start.line, e.range.end.line);
      assert.ok(!e.newText.includes('\r') && !e.newText.includes('\n'));
    }
    const out = apply(text, edits);
    assert.equal(out, '# 标题\r\n\r\n| 甲  | 乙乙 |\r\n| --- | ---- |\r\n| 1   | 2    |\r\n\r\n后文\r\n');
    assert.deepEqual(formatTables(out), []);
  });

  test('a BOM before the first table row stays in place', () => {
    const text = '\ufeff|甲|乙|\n|-|-|\n|1|2|\n';
    const edits = formatTables(text);
    assert.equal(edits[0].range.start.character, 1);
    const out = apply(text, edits);
    assert.equal(out, '\ufeff| 甲  | 乙  |\n| --- | --- |\n| 1   | 2   |\n');
    assert.deepEqual(formatTables(out), []);
  });

  test('escaped pipes stay cell text', () => {
    const text = '|名称|说明|\n|-|-|\n|a\\|b|规章\\|文件|\n';
    const out = format(text);
    assert.equal(out, '| 名称 | 说明       |\n| ---- | ---------- |\n| a\\|b | 规章\\|文件 |\n');
    assert.deepEqual(formatTables(out), []);
  });

  test('rows keep their own pipe style and their cells; ragged rows are not padded with cells', () => {
    const text = '甲 | 乙\n--|--\n|1|2|\n3|4\n|5|\n|6|7|8|\n';
    const out = format(text);
    assert.equal(out, [
      '甲    | 乙',
      '----- | ---',
      '| 1   | 2   |',
      '3     | 4',
      '| 5   |',
      '| 6   | 7   | 8   |',
      '',
    ].join('\n'));
    assert.deepEqual(formatTables(out), []);
  });

  test('tables in fenced code and HTML comments are untouched', () => {
    const table = '|甲|乙|\n|-|-|\n|1|2|';
    for (const text of [
      '```markdown\n' + table + '\n```\n',
      '~~~\n' + table + '\n~~~\n',
      '<!--\n' + table + '\n-->\n',
      '|甲|乙|<!-- 注 -->\n|-|-|\n|1|2|\n',
      '    |甲|乙|\n    |-|-|\n',
    ]) {
      assert.deepEqual(formatTables(text), [], text);
    }
    const mixed = '```\n' + table + '\n```\n\n' + table + '\n';
    const edits = formatTables(mixed);
    assert.ok(edits.length > 0 && edits.every((e) => e.range.start.line >= 6), JSON.stringify(edits));
  });

  test('a table with a line over 10,000 characters is skipped; other tables are formatted', () => {
    const long = `|甲|${'字'.repeat(10_001)}|\n|-|-|\n|1|2|\n`;
    assert.deepEqual(formatTables(long), []);
    const longBody = `|甲|乙|\n|-|-|\n|1|${'2'.repeat(10_001)}|\n|3|4|\n`;
    assert.deepEqual(formatTables(longBody), []);
    const text = `${long}\n|丙|丁|\n|-|-|\n`;
    const edits = formatTables(text);
    assert.deepEqual(edits.map((e) => e.range.start.line), [4, 5]);
  });

  test('with a range, only the tables it touches are formatted', () => {
    const text = '|甲|乙|\n|-|-|\n|1|2|\n\n正文\n\n|丙|丁|\n|-|-|\n|3|4|\n';
    const lines = (edits: TextEdit[]): number[] => edits.map((e) => e.range.start.line);
    assert.deepEqual(lines(formatTables(text)), [0, 1, 2, 6, 7, 8]);
    assert.deepEqual(lines(formatTables(text, { start: { line: 8, character: 1 }, end: { line: 8, character: 2 } })), [6, 7, 8]);
    assert.deepEqual(lines(formatTables(text, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } })), [0, 1, 2]);
    assert.deepEqual(lines(formatTables(text, { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } })), []);
    // A selection of whole lines ends at character 0 of the next line: that line is not selected.
    assert.deepEqual(lines(formatTables(text, { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } })), []);
    assert.deepEqual(lines(formatTables(text, { start: { line: 2, character: 0 }, end: { line: 7, character: 0 } })), [0, 1, 2, 6, 7, 8]);
  });

  test('formatting the examples keeps their diagnostics (codes and lines)', () => {
    for (const file of EXAMPLES) {
      const text = readExample(file);
      const before = validateText(text, { uri: URI, languageId: 'gknb' });
      const after = validateText(format(text), { uri: URI, languageId: 'gknb' });
      const key = (d: { code?: unknown; range: { start: { line: number } } }): string => `${String(d.code)}@${d.range.start.line}`;
      assert.deepEqual(after.map(key), before.map(key), `${file}\nbefore:\n${dump(before)}\nafter:\n${dump(after)}`);
      if (file.includes('report-')) assert.equal(before.length, 0);
      else assert.ok(before.length > 0);
    }
  });
});
