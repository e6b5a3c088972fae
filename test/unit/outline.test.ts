import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type Range, type SelectionRange } from 'vscode-languageserver-types';
import { documentSymbols, foldingRanges, selectionRanges } from '../../server/src/service/outline';
import { parseReport } from '../../server/src/service/parser';
import { canonicalHeading } from '../../server/src/service/template';
import { HEADINGS, buildReport, defaultRequestValues, lineOf, requestCellRange, splitLines, textAt } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const example = (name: string): string => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function same(a: Range, b: Range): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** LSP: a symbol's range holds its selectionRange and its children's ranges; names are non-empty. */
function assertWellFormed(symbols: readonly DocumentSymbol[], text: string, path = ''): void {
  const lines = splitLines(text);
  for (const s of symbols) {
    const where = `${path}/${s.name}`;
    assert.ok(s.name.length > 0, `empty name at ${where}`);
    assert.ok(contains(s.range, s.selectionRange), `${where}: selectionRange outside range`);
    for (const p of [s.range.start, s.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character <= lines[p.line].length, `${where}: position outside the document`);
    }
    for (const child of s.children ?? []) assert.ok(contains(s.range, child.range), `${where}: child ${child.name} outside`);
    assertWellFormed(s.children ?? [], text, where);
  }
}

function sectionsOf(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.length === 1 && symbols[0].kind === SymbolKind.File ? symbols[0].children ?? [] : [...symbols];
}

suite('outline: documentSymbols', () => {
  const cases: [string, '2019' | '2021'][] = [['report-2020.gknb.md', '2019'], ['report-2021.gknb.md', '2021']];
  for (const [name, template] of cases) {
    test(`examples/${name}: title → six sections → three tables`, () => {
      const text = example(name);
      const model = parseReport(text);
      const symbols = documentSymbols(model, text);
      assertWellFormed(symbols, text);
      assert.equal(symbols.length, 1);
      const title = symbols[0];
      assert.equal(title.kind, SymbolKind.File);
      assert.equal(title.name, model.title!.text);
      assert.equal(textAt(text, title.selectionRange), model.title!.text);
      assert.equal(title.range.start.line, 0);
      const lines = splitLines(text);
      assert.equal(title.range.end.line, lines.length - 1);

      const sections = title.children!;
      assert.deepEqual(sections.map((s) => s.name), [1, 2, 3, 4, 5, 6].map((n) => HEADINGS[n as 1]));
      assert.ok(sections.every((s) => s.kind === SymbolKind.Namespace && s.detail === undefined));
      sections.forEach((s, i) => {
        // The heading's text is the selection; the range runs to the line before the next heading.
        assert.equal(textAt(text, s.selectionRange), HEADINGS[(i + 1) as 1]);
        assert.equal(s.range.start.line, lineOf(text, HEADINGS[(i + 1) as 1]));
        const next = sections[i + 1];
        assert.equal(s.range.end.line, next ? next.range.start.line - 1 : lines.length - 1);
        assert.equal(s.range.end.character, lines[s.range.end.line].length);
      });
      const tables = sections.map((s) => (s.children ?? []).map((c) => c.name));
      assert.deepEqual(tables, [
        [],
        [`表二 主动公开政府信息情况（${template}版）`],
        ['表三 收到和处理政府信息公开申请情况'],
        ['表四 行政复议、行政诉讼'],
        [],
        [],
      ]);
      const tableSymbols = sections.flatMap((s) => s.children ?? []);
      assert.ok(tableSymbols.every((t) => t.kind === SymbolKind.Struct));
      assert.deepEqual(tableSymbols.map((t) => t.range), model.tables.map((t) => t.range));
      assert.equal(tableSymbols[1].detail, `${template}版`);
    });
  }

  test('a report with a missing section: five sections, the body stays in the one before', () => {
    const text = buildReport('2021', { headings: { 5: null } });
    const model = parseReport(text);
    const symbols = documentSymbols(model, text);
    assertWellFormed(symbols, text);
    const sections = sectionsOf(symbols);
    assert.deepEqual(sections.map((s) => s.name), [HEADINGS[1], HEADINGS[2], HEADINGS[3], HEADINGS[4], HEADINGS[6]]);
    const four = sections[3];
    assert.ok(four.range.end.line >= lineOf(text, '一是部分信息公开不够及时'), 'the orphaned body of 五 belongs to 四');
    assert.equal(four.range.end.line, sections[4].range.start.line - 1);
    assert.deepEqual(four.children!.map((c) => c.name), ['表四 行政复议、行政诉讼']);
  });

  test('without a title the sections are top level', () => {
    const text = buildReport('2019', { title: null, headings: { 2: null } });
    const model = parseReport(text);
    assert.equal(model.title, undefined);
    const symbols = documentSymbols(model, text);
    assertWellFormed(symbols, text);
    assert.ok(symbols.every((s) => s.kind === SymbolKind.Namespace || s.kind === SymbolKind.Struct));
    // Without its heading, table 二 falls into 一.
    assert.deepEqual(symbols.map((s) => s.name), [HEADINGS[1], HEADINGS[3], HEADINGS[4], HEADINGS[5], HEADINGS[6]]);
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['表二 主动公开政府信息情况（2019版）']);
  });

  test('variant and duplicate headings: written text as name, canonical wording as detail', () => {
    const text = buildReport('2021', {
      headings: { 1: '## 一、概述', 4: '四、政府信息公开行政法复议、行政诉讼情况' },
      transform: (lines) => [...lines, '', '## 二、主动公开政府信息情况', '', '重复粘贴的内容。'],
    });
    const model = parseReport(text);
    const symbols = documentSymbols(model, text);
    assertWellFormed(symbols, text);
    const sections = sectionsOf(symbols);
    assert.equal(sections[0].name, '一、概述');
    assert.equal(sections[0].detail, canonicalHeading(1));
    assert.equal(sections[3].name, '四、政府信息公开行政法复议、行政诉讼情况');
    assert.equal(sections[3].detail, canonicalHeading(4));
    assert.equal(sections.length, 7);
    assert.equal(sections[6].name, HEADINGS[2]);
    assert.equal(sections[6].detail, '重复');
    assert.equal(sectionsOf(documentSymbols(model, text, 'en'))[6].detail, 'duplicate');
  });

  test('English table names', () => {
    const text = example('report-2021.gknb.md');
    const names = sectionsOf(documentSymbols(parseReport(text), text, 'en')).flatMap((s) => (s.children ?? []).map((c) => c.name));
    assert.deepEqual(names, ['Table 二 proactive disclosure (2021 template)', 'Table 三 requests received and handled', 'Table 四 administrative review and litigation']);
  });

  test('a table before the first heading hangs from the title', () => {
    const text = buildReport('2021', { headings: { 1: null, 2: null } });
    const model = parseReport(text);
    const symbols = documentSymbols(model, text);
    assertWellFormed(symbols, text);
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].children![0].name, '表二 主动公开政府信息情况（2021版）');
  });
});

suite('outline: foldingRanges', () => {
  test('sections to their last non-blank line, tables as regions (2021 example)', () => {
    const text = example('report-2021.gknb.md');
    const model = parseReport(text);
    const lines = splitLines(text);
    const folds = foldingRanges(model, text);
    const headingLines = [1, 2, 3, 4, 5, 6].map((n) => lineOf(text, HEADINGS[n as 1]));
    const expectedSections = headingLines.map((start, i) => {
      let end = (headingLines[i + 1] ?? lines.length) - 1;
      while (lines[end].trim() === '') end--;
      return { startLine: start, endLine: end };
    });
    assert.deepEqual(folds.filter((f) => f.kind === undefined), expectedSections);
    assert.deepEqual(folds.filter((f) => f.kind === FoldingRangeKind.Region).map((f) => [f.startLine, f.endLine]),
      model.tables.map((t) => [t.range.start.line, t.range.end.line]));
    // The table of 三 starts right after its heading and ends at 四、结转下年度继续办理.
    const three = folds.find((f) => f.kind === FoldingRangeKind.Region && f.startLine === lineOf(text, '（本列数据的勾稽关系为'))!;
    assert.equal(three.endLine, lineOf(text, '| 四、结转下年度继续办理'));
    assert.deepEqual(expectedSections[0], { startLine: 6, endLine: 28 });
  });

  test('multi-line HTML comments fold; one-line comments and comments in code do not', () => {
    const text = buildReport('2019', {
      transform: (lines) => [
        '<!--', '说明', '-->', ...lines.slice(0, 4), '<!-- 单行注释 -->', '```', '<!--', 'code', '-->', '```', 'a <!-- 跨', '行 --> b', ...lines.slice(4),
      ],
    });
    const model = parseReport(text);
    const comments = foldingRanges(model, text).filter((f) => f.kind === FoldingRangeKind.Comment).map((f) => [f.startLine, f.endLine]);
    const spanning = lineOf(text, 'a <!-- 跨');
    assert.deepEqual(comments, [[0, 2], [spanning, spanning + 1]]);
  });

  test('the mistakes example: the header comment and a duplicate section', () => {
    const text = example('mistakes.gknb.md');
    const model = parseReport(text);
    const folds = foldingRanges(model, text);
    const comment = folds.find((f) => f.kind === FoldingRangeKind.Comment)!;
    assert.equal(comment.startLine, 0);
    assert.equal(splitLines(text)[comment.endLine].trim(), '-->');
    assert.equal(folds.filter((f) => f.kind === undefined).length, model.headings.length);
  });
});

function chainOf(s: SelectionRange): Range[] {
  const out: Range[] = [];
  for (let r: SelectionRange | undefined = s; r; r = r.parent) out.push(r.range);
  return out;
}

function assertStrictChain(ranges: readonly Range[]): void {
  for (let i = 1; i < ranges.length; i++) {
    assert.ok(contains(ranges[i], ranges[i - 1]) && !same(ranges[i], ranges[i - 1]), `range ${i} does not strictly contain range ${i - 1}`);
  }
}

suite('outline: selectionRanges', () => {
  test('cell → row → table → section → document', () => {
    const text = buildReport('2021');
    const model = parseReport(text);
    const cell = requestCellRange(text, '2021', 'r7', 'natural');
    const [selection] = selectionRanges(model, text, [{ line: cell.start.line, character: cell.start.character }]);
    const chain = chainOf(selection);
    assertStrictChain(chain);
    const lines = splitLines(text);
    const table = model.tables.find((t) => t.kind === 'requests')!;
    const section = model.sections.find((s) => s.number === 3)!;
    assert.deepEqual(chain, [
      cell,
      { start: { line: cell.start.line, character: 0 }, end: { line: cell.start.line, character: lines[cell.start.line].length } },
      table.range,
      section.range,
      { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } },
    ]);
    assert.equal(textAt(text, chain[0]), String(defaultRequestValues('2021').r7[0]));
  });

  test('outside tables: line → section → document; several positions at once', () => {
    const text = buildReport('2019');
    const model = parseReport(text);
    const body = lineOf(text, '一是部分信息公开不够及时');
    const blank = body + 1;
    const preamble = lineOf(text, '本报告根据');
    const result = selectionRanges(model, text, [{ line: body, character: 3 }, { line: blank, character: 0 }, { line: preamble, character: 0 }]);
    assert.equal(result.length, 3);
    const five = model.sections.find((s) => s.number === 5)!;
    const [a, b, c] = result.map(chainOf);
    assertStrictChain(a);
    assert.equal(a.length, 3);
    assert.equal(a[0].start.line, body);
    assert.deepEqual(a[1], five.range);
    assert.equal(b.length, 2, 'a blank line starts at its section');
    assert.deepEqual(b[0], five.range);
    assert.equal(c.length, 2, 'the preamble is in no section');
    assert.equal(c[0].start.line, preamble);
  });

  test('a table heading row and a position beyond the document', () => {
    const text = buildReport('2021');
    const model = parseReport(text);
    const header = lineOf(text, '| 行政复议 |');
    const [inHeader, beyond] = selectionRanges(model, text, [{ line: header, character: 3 }, { line: 10_000, character: 5 }]);
    const chain = chainOf(inHeader);
    assertStrictChain(chain);
    assert.equal(textAt(text, chain[0]), '行政复议');
    assertStrictChain(chainOf(beyond));
  });
});
