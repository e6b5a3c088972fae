// Property-based tests (fast-check): random edits of the example drafts and of generated
// reports must never make the service throw, report a range outside the document, offer a quick
// fix that leaves its diagnostic or touches text outside its edits, or make fix-all / the table
// formatter unstable. Runs are bounded and seeded: a failure prints the seed and the shrunk
// counterexample; rerun with GKNB_FC_SEED=<seed> (and GKNB_FC_RUNS=<n>) to reproduce.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import {
  RULE_IDS, applyEdits, codeLenses, documentSymbols, fixAll, foldingRanges, formatTables, getCodeActions, getCompletions, hover,
  inlayHints, parseReport, selectionRanges, validateText,
} from '../../server/src/service';
import {
  APPEAL_COLUMN_IDS, REQUEST_COLUMN_IDS, URI, assertRangesInside, buildReport, dump, lineOf, messageOf, offsetAt, requestRowIds, splitLines,
  type Template, type Val,
} from './helpers';

const SEED = Number(process.env.GKNB_FC_SEED ?? 20240611);
const RUNS = Number(process.env.GKNB_FC_RUNS ?? 150);

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
const EXAMPLES: Readonly<Record<string, string>> = Object.fromEntries(
  ['mistakes.gknb.md', 'report-2020.gknb.md', 'report-2021.gknb.md'].map((f) => [f, readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')]),
);
const RULE_ID_SET = new Set<string>(RULE_IDS);

// ---------------------------------------------------------------------------------------
// Arbitraries.

/** Pieces random edits are made of: what breaks tables, headings, comments, fences and lines. */
const FRAGMENTS: readonly string[] = [
  '|', '||', ' | ', '| |', '|---|', ':-:', '\\|', '\t', ' ', '\u3000', '-', '#', '## ', '> ', '- ', '1. ',
  '0', '1', '7', '12', '50', '-3', '1.5', '1,000', '０', '１２', '５', '２０２１',
  '\r\n', '\n', '\r', '\n\n', '<!--', '-->', '<!-- gknb-disable -->', '<!-- gknb-disable-next-line row-total -->', '```', '~~~',
  '\0', '\ud800', '\udfff', '\udc00\ud800', '\u200f', '\u202e', '\u202b', '\u200b', '\ufeff', '\u0301', '\u{20000}', '😀',
  '一、', '三、', '四、', '（一）', '（七）总计', '总计', '结转', '自然人', '行政复议', '政府信息公开', '年度报告', '本年新收',
  '中', '表', '年', '2020', '2021', '2023', '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
];

const insertion: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  ),
  { minLength: 1, maxLength: 6 },
).map((parts) => parts.join(''));

type EditOp =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string }
  | { readonly kind: 'copy'; readonly from: number; readonly length: number; readonly at: number }
  | { readonly kind: 'line'; readonly op: 'duplicate' | 'drop' | 'swap'; readonly a: number; readonly b: number };

const editOp: fc.Arbitrary<EditOp> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: insertion }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 200 }), at: fc.nat() }),
  fc.record({ kind: fc.constant('line' as const), op: fc.constantFrom('duplicate' as const, 'drop' as const, 'swap' as const), a: fc.nat(), b: fc.nat() }),
);

/** Applies an edit at positions taken modulo the text length (or line count), so every op applies to any text. */
function applyOp(text: string, op: EditOp): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (op.kind) {
    case 'insert': { const i = at(op.at); return text.slice(0, i) + op.text + text.slice(i); }
    case 'delete': { const i = at(op.at); return text.slice(0, i) + text.slice(i + op.length); }
    case 'replace': { const i = at(op.at); return text.slice(0, i) + op.text + text.slice(i + op.length); }
    case 'copy': {
      const f = at(op.from);
      const chunk = text.slice(f, f + op.length);
      const i = at(op.at);
      return text.slice(0, i) + chunk + text.slice(i);
    }
    case 'line': {
      // Whole lines (split like the service does, joined with LF): what pasting rows around does.
      const lines = splitLines(text);
      const a = op.a % lines.length;
      const b = op.b % lines.length;
      if (op.op === 'duplicate') lines.splice(b, 0, lines[a]);
      else if (op.op === 'drop') lines.splice(a, 1);
      else [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

interface GeneratedReport {
  readonly template: Template;
  readonly eol: '\n' | '\r\n';
  readonly requests: readonly (readonly [number, number, Val])[];
  readonly appeals: readonly (readonly [number, Val])[];
}

const cellValue: fc.Arbitrary<Val> = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 50 }) }, { weight: 1, arbitrary: fc.constant('') });

const generatedReport: fc.Arbitrary<GeneratedReport> = fc.record({
  template: fc.constantFrom<Template>('2019', '2021'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  requests: fc.array(fc.tuple(fc.nat(), fc.nat({ max: REQUEST_COLUMN_IDS.length - 1 }), cellValue), { maxLength: 25 }),
  appeals: fc.array(fc.tuple(fc.nat({ max: APPEAL_COLUMN_IDS.length - 1 }), cellValue), { maxLength: 8 }),
});

function renderReport(g: GeneratedReport): string {
  const rows = requestRowIds(g.template);
  const requests: Record<string, Record<string, Val>> = {};
  for (const [row, column, value] of g.requests) {
    const id = rows[row % rows.length];
    (requests[id] ??= {})[REQUEST_COLUMN_IDS[column]] = value;
  }
  const appeals: Record<string, Val> = {};
  for (const [column, value] of g.appeals) appeals[APPEAL_COLUMN_IDS[column]] = value;
  return buildReport(g.template, { requests, appeals, eol: g.eol });
}

/** A base text (an example, possibly with CRLF, or a generated report) and random edits of it. */
interface Draft {
  /** How to rebuild the base: an example's file name (+ CRLF) or the generated report's parameters. */
  readonly base: string;
  readonly edits: readonly EditOp[];
  readonly text: string;
}

const baseText: fc.Arbitrary<{ name: string; text: string }> = fc.oneof(
  fc.tuple(fc.constantFrom(...Object.keys(EXAMPLES)), fc.boolean()).map(([name, crlf]) => ({
    name: `examples/${name}${crlf ? ' (CRLF)' : ''}`,
    text: crlf ? EXAMPLES[name].replace(/\n/g, '\r\n') : EXAMPLES[name],
  })),
  generatedReport.map((g) => ({ name: `renderReport(${JSON.stringify(g)})`, text: renderReport(g) })),
);

function makeDraft(base: string, edits: readonly EditOp[], text: string): Draft {
  // fast-check prints counterexamples with this: the recipe, and the text only when short.
  const shown = text.length <= 400 ? text : `${text.slice(0, 200)}…(${text.length} chars)`;
  return { base, edits, text, [fc.toStringMethod]: () => `{ base: ${base}, edits: ${JSON.stringify(edits)}, text: ${JSON.stringify(shown)} }` } as Draft;
}

const draft: fc.Arbitrary<Draft> = fc.tuple(baseText, fc.array(editOp, { maxLength: 5 }))
  .map(([base, edits]) => makeDraft(base.name, edits, edits.reduce(applyOp, base.text)));

// ---------------------------------------------------------------------------------------
// Helpers.

const validate = (text: string): Diagnostic[] => validateText(text, { uri: URI, languageId: 'gknb' });

function isDisableAction(a: CodeAction): boolean {
  return (a.edit?.changes?.[URI] ?? []).some((e) => e.newText.includes('gknb-disable'));
}

function lineCount(text: string): number {
  return splitLines(text).length;
}

function assertPositionInside(lines: readonly string[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
    `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line].length}`);
}

function assertRangeInside(lines: readonly string[], r: Range, what: string): void {
  assertPositionInside(lines, r.start, `${what} start`);
  assertPositionInside(lines, r.end, `${what} end`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end`);
}

function positionAt(text: string, offset: number): Position {
  const lines = splitLines(text.slice(0, offset));
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

interface OffsetEdit { readonly start: number; readonly end: number; readonly newText: string }

/** Edits as offsets, sorted, after checking they lie inside the document and do not overlap. */
function offsetEdits(text: string, edits: readonly TextEdit[], what: string): OffsetEdit[] {
  const lines = splitLines(text);
  for (const e of edits) assertRangeInside(lines, e.range, `${what}: edit ${JSON.stringify(e.range)}`);
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start.line, e.range.start.character), end: offsetAt(text, e.range.end.line, e.range.end.character), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].end <= sorted[i].start, `${what}: edits overlap`);
  return sorted;
}

/**
 * Text outside the edit ranges is unchanged: the prefix before the first edit, every gap between
 * edits and the suffix after the last edit appear in `after` where the edits put them; and every
 * line no edit touches is found unchanged at its shifted line.
 */
function assertOnlyEditedChanged(before: string, after: string, sorted: readonly OffsetEdit[], what: string): void {
  let delta = 0;
  let from = 0;
  for (const e of sorted) {
    assert.equal(after.slice(from + delta, e.start + delta), before.slice(from, e.start), `${what}: text before offset ${e.start} changed`);
    delta += e.newText.length - (e.end - e.start);
    from = e.end;
  }
  assert.equal(after.slice(from + delta), before.slice(from), `${what}: text after the last edit changed`);
  assert.equal(after.length, before.length + delta, `${what}: length`);
  // The same by lines (for fixes that insert lines): untouched lines, mapped by inserted breaks.
  const beforeLines = splitLines(before);
  const afterLines = splitLines(after);
  const spans = sorted.map((e) => ({ start: positionAt(before, e.start), end: positionAt(before, e.end), added: splitLines(e.newText).length - 1 }));
  let shift = 0;
  let k = 0;
  for (let line = 0; line < beforeLines.length; line++) {
    while (k < spans.length && spans[k].end.line < line) {
      shift += spans[k].added - (spans[k].end.line - spans[k].start.line);
      k++;
    }
    if (spans.some((s) => s.start.line <= line && line <= s.end.line)) continue;
    assert.equal(afterLines[line + shift], beforeLines[line], `${what}: line ${line} is outside every edit but changed`);
  }
}

/**
 * Where a position of `before` can be in `after`: shifted by the edits before it; a position
 * inside an edit range (or at its ends) may be at the start or the end of the edit's new text.
 */
function mapPosition(before: string, after: string, sorted: readonly OffsetEdit[], p: Position): Position[] {
  const offset = offsetAt(before, p.line, p.character);
  let delta = 0;
  for (const e of sorted) {
    if (e.end < offset) { delta += e.newText.length - (e.end - e.start); continue; }
    if (e.start <= offset) return [positionAt(after, e.start + delta), positionAt(after, e.start + delta + e.newText.length)];
    break;
  }
  return [positionAt(after, offset + delta)];
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function stripForFormat(text: string): string {
  return text.replace(/[\s|-]/gu, '');
}

// ---------------------------------------------------------------------------------------

suite(`property (fast-check seed ${SEED}, ${RUNS} runs per property)`, () => {
  suiteSetup(() => {
    fc.configureGlobal({ numRuns: RUNS, seed: SEED });
    console.log(`      fast-check: seed ${SEED}, numRuns ${RUNS} (override with GKNB_FC_SEED / GKNB_FC_RUNS)`);
  });
  suiteTeardown(() => fc.resetConfigureGlobal());

  test('generated reports without blanks have zero diagnostics (the generator is sound)', () => {
    for (const template of ['2019', '2021'] as const) {
      assert.deepEqual(validate(buildReport(template)), []);
      assert.deepEqual(validate(buildReport(template, { eol: '\r\n' })), []);
    }
  });

  test('validateText never throws; diagnostics lie inside the document, code ∈ RULE_IDS, source gknb', function () {
    this.timeout(120_000);
    fc.assert(fc.property(draft, fc.constantFrom('gknb', 'markdown'), (d, languageId) => {
      const diagnostics = validateText(d.text, { uri: URI, languageId });
      assertRangesInside(d.text, diagnostics);
      for (const x of diagnostics) {
        assert.ok(RULE_ID_SET.has(String(x.code)), `unknown code ${String(x.code)}`);
        assert.equal(x.source, 'gknb');
        assert.ok([1, 2, 3, 4].includes(x.severity ?? 0), `severity ${x.severity}`);
        for (const r of x.relatedInformation ?? []) assert.equal(r.location.uri, URI);
      }
    }), { examples: [[makeDraft('(empty)', [], ''), 'gknb'], [makeDraft('(CR)', [], '\r'), 'gknb']] });
  });

  test('every quick fix alone removes its diagnostic and changes nothing outside its edits', function () {
    this.timeout(180_000);
    fc.assert(fc.property(draft, (d) => {
      const before = validate(d.text);
      for (const diagnostic of before) {
        const actions = getCodeActions(d.text, [diagnostic], { uri: URI, languageId: 'gknb' }).filter((a) => !isDisableAction(a));
        for (const action of actions) {
          const what = `fix “${action.title}” of ${String(diagnostic.code)} ${diagnostic.range.start.line}:${diagnostic.range.start.character} “${messageOf(diagnostic)}”`;
          const edits = action.edit?.changes?.[URI] ?? [];
          assert.ok(edits.length > 0, `${what}: no edits`);
          const sorted = offsetEdits(d.text, edits, what);
          const fixed = applyEdits(d.text, edits);
          assertOnlyEditedChanged(d.text, fixed, sorted, what);
          const after = validate(fixed);
          const at = mapPosition(d.text, fixed, sorted, diagnostic.range.start);
          const still = after.filter((x) => x.code === diagnostic.code && messageOf(x) === messageOf(diagnostic) && at.some((p) => samePosition(x.range.start, p)));
          assert.deepEqual(still, [], `${what}: still reported after the fix\nedits: ${JSON.stringify(edits)}\nafter:\n${dump(after)}`);
        }
      }
    }));
  });

  test('fixAll is idempotent and its edits reproduce its text', function () {
    this.timeout(120_000);
    fc.assert(fc.property(draft, (d) => {
      const first = fixAll(d.text, { uri: URI, languageId: 'gknb' });
      offsetEdits(d.text, first.edits, 'fixAll edits');
      assert.equal(applyEdits(d.text, first.edits), first.text, 'applyEdits(x, fixAll(x).edits) === fixAll(x).text');
      const second = fixAll(first.text, { uri: URI, languageId: 'gknb' });
      assert.deepEqual(second.edits, [], `fixAll is not idempotent: the second run edits ${JSON.stringify(second.edits)}`);
      assert.equal(second.text, first.text);
    }));
  });

  test('formatTables is idempotent, keeps lines, and preserves every non-whitespace character in order', function () {
    this.timeout(120_000);
    fc.assert(fc.property(draft, (d) => {
      const edits = formatTables(d.text);
      offsetEdits(d.text, edits, 'formatTables');
      for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'a formatting edit spans lines');
      const formatted = applyEdits(d.text, edits);
      assert.equal(lineCount(formatted), lineCount(d.text), 'formatting changed the number of lines');
      assert.equal(stripForFormat(formatted), stripForFormat(d.text), 'formatting changed non-whitespace text');
      const again = formatTables(formatted);
      assert.deepEqual(again, [], `formatting is not idempotent: second pass edits ${JSON.stringify(again)}\nfirst pass: ${JSON.stringify(edits)}`);
    }));
  });

  test('range formatting never throws and edits only inside the document', function () {
    this.timeout(120_000);
    fc.assert(fc.property(draft, fc.nat(), fc.nat(), fc.nat({ max: 300 }), fc.nat({ max: 300 }), (d, a, b, ca, cb) => {
      const n = lineCount(d.text) + 3;
      const [l1, l2] = [a % n, b % n].sort((x, y) => x - y);
      const edits = formatTables(d.text, { start: { line: l1, character: ca }, end: { line: l2, character: cb } });
      offsetEdits(d.text, edits, 'range formatting');
    }));
  });

  test('completion, hover, symbols, folding, selection, lenses and inlay hints never throw at any position', function () {
    this.timeout(120_000);
    const position = (lines: number): fc.Arbitrary<Position> => fc.record({
      line: fc.oneof(fc.integer({ min: 0, max: lines + 5 }), fc.constant(2 ** 31 - 1)),
      character: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(2 ** 31 - 1)),
    });
    fc.assert(fc.property(
      draft.chain((d) => fc.tuple(fc.constant(d), fc.array(position(lineCount(d.text)), { minLength: 1, maxLength: 8 }))),
      ([d, positions]) => {
        const lines = splitLines(d.text);
        const model = parseReport(d.text);
        for (const locale of ['zh-cn', 'en'] as const) {
          const symbols = documentSymbols(model, d.text, locale);
          const walk = (list: typeof symbols): void => {
            for (const s of list) {
              assertRangeInside(lines, s.range, `symbol ${s.name} range`);
              assertRangeInside(lines, s.selectionRange, `symbol ${s.name} selectionRange`);
              walk(s.children ?? []);
            }
          };
          walk(symbols);
          for (const lens of codeLenses(model, d.text, locale)) assertRangeInside(lines, lens.range, 'code lens');
        }
        for (const f of foldingRanges(model, d.text)) {
          assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length, `folding ${JSON.stringify(f)}`);
        }
        for (const p of positions) {
          const items = getCompletions(d.text, p);
          assert.ok(Array.isArray(items));
          hover(model, d.text, p, 'zh-cn');
          hover(model, d.text, p, 'en');
          const [first, second] = [p, positions[0]].sort((x, y) => x.line - y.line || x.character - y.character);
          for (const hint of inlayHints(model, d.text, { start: first, end: second })) assertPositionInside(lines, hint.position, 'inlay hint');
        }
        for (const sel of selectionRanges(model, d.text, positions)) {
          for (let r: typeof sel | undefined = sel; r; r = r.parent) assertRangeInside(lines, r.range, 'selection range');
        }
      },
    ));
  });
});

// ---------------------------------------------------------------------------------------
// The smallest inputs of the failures the properties found, each on its own so that one bug
// does not hide another behind fast-check's first counterexample.

suite('property: minimal counterexamples', () => {
  /** Applies the preferred (or named) quick fix of the diagnostic matching `pick`; checks it. */
  function fixOnce(text: string, pick: (d: Diagnostic) => boolean): { diagnostic: Diagnostic; fixed: string; after: Diagnostic[]; edits: TextEdit[] } {
    const diagnostic = validate(text).find(pick);
    assert.ok(diagnostic, `no such diagnostic:\n${dump(validate(text))}`);
    const action = getCodeActions(text, [diagnostic], { uri: URI, languageId: 'gknb' }).find((a) => a.isPreferred);
    assert.ok(action, `no preferred fix for ${messageOf(diagnostic)}`);
    const edits = action.edit?.changes?.[URI] ?? [];
    const sorted = offsetEdits(text, edits, action.title);
    const fixed = applyEdits(text, edits);
    assertOnlyEditedChanged(text, fixed, sorted, action.title);
    return { diagnostic, fixed, after: validate(fixed), edits };
  }

  test('a ragged row missing two cells: the fix of the SECOND missing cell removes its diagnostic', () => {
    // Row `| 规章 | 0 |` lacks 本年新公开数量 and 对外公开总数量.
    const text = buildReport('2019', { active: { '一.rules': [0] } });
    const { diagnostic, fixed, after } = fixOnce(text, (d) => d.code === 'empty-cell' && messageOf(d).includes('对外公开总数量'));
    const row = splitLines(fixed)[diagnostic.range.start.line];
    assert.ok(!after.some((x) => x.code === 'empty-cell' && messageOf(x) === messageOf(diagnostic)),
      `“${messageOf(diagnostic)}” still reported; the row after the fix: ${JSON.stringify(row)}\n${dump(after)}`);
  });

  test('fixAll of a table 四 row with 11 missing cells is idempotent', () => {
    const text = buildReport('2019', { appeals: [1, 0, 0, 1] });
    const first = fixAll(text, { uri: URI, languageId: 'gknb' });
    const second = fixAll(first.text, { uri: URI, languageId: 'gknb' });
    assert.deepEqual(second.edits, [], `the second fixAll still edits: ${JSON.stringify(second.edits)}`);
  });

  test('fixAll of a row cut by an unclosed HTML comment is idempotent', () => {
    // `<!--` inside a label: the rest of the document is a comment, the row keeps only its label.
    const text = buildReport('2019').replace('二、上年结转政府信息公开申请数量', '二、上年结转政府信息公<!--|申请数量');
    const first = fixAll(text, { uri: URI, languageId: 'gknb' });
    const second = fixAll(first.text, { uri: URI, languageId: 'gknb' });
    assert.deepEqual(second.edits, [], `the second fixAll still edits: ${JSON.stringify(second.edits)}`);
  });

  test('missing-row fix of a table that ends the document (no final line break) edits inside the document', () => {
    // The report cut right after table 三's header rows: every data row is missing.
    const full = buildReport('2019');
    const text = splitLines(full).slice(0, lineOf(full, '商业企业') + 1).join('\n');
    const diagnostic = validate(text).find((d) => d.code === 'missing-row');
    assert.ok(diagnostic, dump(validate(text)));
    const action = getCodeActions(text, [diagnostic], { uri: URI, languageId: 'gknb' }).find((a) => a.isPreferred);
    assert.ok(action);
    offsetEdits(text, action.edit?.changes?.[URI] ?? [], action.title);
  });

  test('missing-section fix in a draft whose end is inside an unclosed HTML comment: offered only if it takes effect', () => {
    // Everything after `<!--` is a comment: an insertion at the end cannot add a section, so no
    // fix may be offered that claims to (an ineffective fix is the bug).
    const text = `<!--\n${buildReport('2019')}`;
    const diagnostics = validate(text).filter((d) => d.code === 'missing-section');
    assert.equal(diagnostics.length, 6);
    for (const diagnostic of diagnostics) {
      const offered = getCodeActions(text, [diagnostic], { uri: URI, languageId: 'gknb' }).filter((a) => !/禁用/.test(a.title));
      for (const action of offered) {
        const after = validate(applyEdits(text, action.edit?.changes?.[URI] ?? []));
        assert.ok(!after.some((x) => x.code === 'missing-section' && messageOf(x) === messageOf(diagnostic)), `“${action.title}” offered but ineffective`);
      }
    }
  });
});
