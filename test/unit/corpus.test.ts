// The five real reports in ../shared/seeds (text taken out of Word, as users paste it), imported with
// importReport and then checked: every section that is there is found, the three tables are
// recognised, the seeds' consistent numbers give no arithmetic diagnostic, and each seed's real
// defects — and only those — are reported. The seeds are real data kept outside the repository;
// without them these tests are not registered (and a warning says so), never counted as passed.
//
// Fixtures (test/unit/fixtures/seeds/, written by the project, not copies of the seeds):
// - <seed>.diagnostics.txt: every diagnostic after import, one a line as validate returns them,
//   `line:col-line:col severity [code] message` (0-based LSP positions, Chinese messages); compared
//   exactly, so any change in what is reported, where or how shows up as a diff.
// - <seed>.import.txt: the imported draft's shape: headings and table rows verbatim, each prose line
//   as its length and a hash (the seeds' text stays out of the repository), then what could not be
//   placed; an import regression shows up as a diff without the report text being stored.
// GKNB_UPDATE_FIXTURES=1 rewrites them from today's output (review the diff by eye against the seed
// before accepting it: the fixtures say what is right, not what the code happens to do).
//
// Then each imported seed is mutated — one table cell changed so a total no longer adds up, one
// section deleted, the template swapped — and the diagnostics are compared with the unmutated
// seed's: exactly the right rule must appear at the right place, and nothing else may change.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import {
  importReport, parseReport, type GknbSettings, type ImportResult, type ReportModel, type Table, type ValueCell,
} from '../../server/src/service';
import { APPEAL_ROW_ID } from '../../server/src/service/template';
import {
  HEADINGS, codeBag, deleteLines, diagnosticsOf, dump, messageOf, ofCode, replaceRange, resultRowIds, splitLines,
} from './helpers';
import { proseProblems } from './fixtures/import/prose';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const FIXTURES = path.resolve(__dirname, 'fixtures/seeds');
const UPDATE_FIXTURES = process.env.GKNB_UPDATE_FIXTURES === '1';
/** Every check runs in Chinese, the language the fixtures are written in, whatever the default. */
const ZH: Partial<GknbSettings> = { locale: 'zh-cn' };

interface Expected {
  /** Sections whose heading can be seen in the seed. */
  readonly sections: readonly number[];
  /** Table kind → [section it stands in, canonical rows bound]. */
  readonly tables: readonly [Table['kind'], number, number][];
  /** The whole diagnostic code list after import, sorted. */
  readonly codes: readonly string[];
  /** What could not be placed. */
  readonly unmapped: readonly string[];
  readonly check?: (diagnostics: Diagnostic[], result: ImportResult, model: ReportModel) => void;
  /** Table 三 lacks rows, so its column relations (result-total, balance) cannot be checked. */
  readonly truncatedRequests?: true;
}

const times = (code: string, n: number): string[] => new Array<string>(n).fill(code);
const headingTexts = (diagnostics: Diagnostic[], text: string): string[] =>
  ofCode(diagnostics, 'heading-wording').map((d) => splitLines(text)[d.range.start.line].replace(/^#+\s*/, ''));
const ALL_TABLES: Expected['tables'] = [['active', 2, 8], ['requests', 3, 23], ['appeals', 4, 1]];

/** By seed number (the file name's first three digits). Each listed diagnostic is a defect of the seed. */
const EXPECTED: Readonly<Record<string, Expected>> = {
  // Headings: the unnumbered 主动公开政府信息情况, two long variants of 四 and 五, 六 with a full stop.
  '000': {
    sections: [1, 2, 3, 4, 5, 6],
    tables: ALL_TABLES,
    // And the contradiction of reference §7: the text says 信息不存在3件, the table books them under
    // 2.没有现成信息需要另行制作 (1.本机关不掌握相关政府信息 is 0).
    codes: [...times('heading-wording', 4), 'text-table-mismatch'],
    unmapped: [],
    check: (diagnostics, result) => assert.deepEqual(headingTexts(diagnostics, result.text), [
      '主动公开政府信息情况',
      '四、因政府信息公开申请行政复议、提起行政诉讼情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
      '六、其他需要报告的事项。',
    ]),
  },
  // Blank cells instead of 0 throughout tables 三 (153) and 四 (12).
  '001': {
    sections: [1, 2, 3, 4, 5, 6],
    tables: ALL_TABLES,
    codes: times('empty-cell', 165),
    unmapped: [],
    check: (diagnostics, _result, model) => {
      const lines = (kind: Table['kind']) => {
        const table = model.tables.find((t) => t.kind === kind)!;
        return ofCode(diagnostics, 'empty-cell').filter((d) => d.range.start.line >= table.line && d.range.start.line <= table.endLine).length;
      };
      assert.deepEqual([lines('active'), lines('requests'), lines('appeals')], [0, 153, 12]);
      const requests = model.tables.find((t) => t.kind === 'requests')!;
      assert.equal(requests.cells.get('new')!.get('commercial')!.text, '');
      assert.equal(requests.cells.get('new')!.get('total')!.text, '1');
      assert.ok(ofCode(diagnostics, 'empty-cell').some((d) => messageOf(d).includes('一、本年新收政府信息公开申请数量·商业企业')));
    },
  },
  // Word's auto-numbering 1、 and 5、 instead of 一、 and 五、.
  '002': {
    sections: [1, 2, 3, 4, 5, 6],
    tables: ALL_TABLES,
    codes: times('heading-wording', 2),
    unmapped: [],
    check: (diagnostics, result) => {
      assert.deepEqual(headingTexts(diagnostics, result.text), ['1、 总体情况', '5、 存在的主要问题及改进情况']);
      assert.equal(splitLines(result.text)[0], '# 句容市机关服务中心政府信息公开工作年度报告');
    },
  },
  // The column 社会组织 for 社会公益组织. (The unrelated text pasted into 一 stays as prose.)
  '003': {
    sections: [1, 2, 3, 4, 5, 6],
    tables: ALL_TABLES,
    codes: ['unknown-label'],
    unmapped: [],
    check: (diagnostics, result) => {
      assert.match(messageOf(diagnostics[0]), /“社会组织”.*“社会公益组织”/);
      assert.ok(splitLines(result.text).includes('一、参保范围'), 'a sentence of pasted text is not a section heading');
    },
  },
  // Truncated: table 二 stops at 第二十条第（八）项, table 三 starts inside （三）4 (the fragment 益) and its
  // heading is gone; 行政复议 left blank; 一、概述; 本年增/减量 for 本年增/减 (twice).
  '004': {
    sections: [1, 2, 4, 5, 6],
    tables: [['active', 2, 6], ['requests', 2, 15], ['appeals', 4, 1]],
    codes: ['heading-wording', 'missing-section', ...times('missing-row', 3), ...times('unknown-label', 3), ...times('empty-cell', 5)].sort(),
    unmapped: ['益'],
    truncatedRequests: true,
    check: (diagnostics) => {
      const missing = ofCode(diagnostics, 'missing-row').map(messageOf);
      assert.ok(missing.some((m) => m.includes('第二十条第（八）项')), missing.join('\n'));
      assert.ok(missing.some((m) => m.includes('第二十条第（九）项')), missing.join('\n'));
      assert.ok(missing.some((m) => /缺少连续 8 行.*一、本年新收政府信息公开申请数量.*4\.保护第三方合法权益.*截断/.test(m)), missing.join('\n'));
      assert.match(messageOf(ofCode(diagnostics, 'missing-section')[0]), /三、收到和处理政府信息公开申请情况/);
      const labels = ofCode(diagnostics, 'unknown-label').map(messageOf);
      assert.equal(labels.filter((m) => m.includes('“本年增/减量”')).length, 2, labels.join('\n'));
      assert.equal(labels.filter((m) => m.includes('“益”')).length, 1, labels.join('\n'));
      assert.ok(ofCode(diagnostics, 'empty-cell').every((d) => messageOf(d).startsWith('“行政复议·')));
      assert.equal(ofCode(diagnostics, 'heading-wording').length, 1);
    },
  },
};

const ARITHMETIC = ['row-total', 'result-total', 'balance', 'appeal-total'];

// ---------------------------------------------------------------------------------------
// Fixtures.

const SEVERITY_NAMES: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** A diagnostic as a fixture line: where, how severe, which rule, what it says. */
function diagnosticLine(d: Diagnostic): string {
  const severity = SEVERITY_NAMES[d.severity ?? 0] ?? String(d.severity);
  return `${at(d.range)} ${severity} [${String(d.code)}] ${messageOf(d).replace(/\r?\n/g, '\\n')}`;
}

/**
 * The imported draft's shape: blank lines, headings and table rows (template words and numbers) as
 * written; a prose line as its length and a hash, so a lost, moved or altered line shows without the
 * seed's text being stored; then what could not be placed.
 */
function importShape(result: ImportResult): string[] {
  const lines = splitLines(result.text).map((line) => line.trim() === '' || /^\s*[#|]/.test(line)
    ? line
    : `¶ ${line.length} ${createHash('sha256').update(line).digest('hex').slice(0, 12)}`);
  return [...lines, ...result.unmapped.map((u) => `! unmapped ${u.line}: ${u.text} — ${u.reason}`)];
}

/**
 * A fixture line that today's code gets wrong: the fixture holds `expected` (what is right), the code
 * produces `actual`. Reported to the lead, not fixed here. Once the code is fixed the deviation no
 * longer occurs and the test fails, so the entry is removed rather than forgotten.
 */
interface Deviation {
  readonly expected: string;
  readonly actual: string;
  readonly why: string;
}

/** By seed number. */
const FIXTURE_DEVIATIONS: Readonly<Record<string, readonly Deviation[]>> = {
};

function readFixture(file: string): string[] {
  const content = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  return content === '' ? [] : content.replace(/\n$/, '').split('\n');
}

/**
 * Compares the lines with fixtures/seeds/<name> exactly, after putting right the known deviations;
 * with GKNB_UPDATE_FIXTURES=1 rewrites the file instead (and says so loudly).
 */
function checkFixture(name: string, produced: readonly string[], deviations: readonly Deviation[] = []): void {
  for (const d of deviations) {
    assert.ok(produced.includes(d.actual), `a known deviation no longer occurs in ${name}: fixed? Remove it from `
      + `FIXTURE_DEVIATIONS and check the fixture.\n  no longer produced: ${d.actual}\n  recorded because: ${d.why}\n${produced.join('\n')}`);
  }
  const lines = produced.map((line) => deviations.find((d) => d.actual === line)?.expected ?? line);
  const file = path.join(FIXTURES, name);
  if (UPDATE_FIXTURES) {
    const content = lines.map((line) => `${line}\n`).join('');
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
      fs.mkdirSync(FIXTURES, { recursive: true });
      fs.writeFileSync(file, content);
      console.warn(`\n!!! GKNB_UPDATE_FIXTURES=1: REWROTE ${path.relative(process.cwd(), file)} — review the diff against the seed before accepting it !!!\n`);
    }
    return;
  }
  assert.ok(fs.existsSync(file), `no fixture ${file}: run with GKNB_UPDATE_FIXTURES=1, then review what it wrote`);
  assert.deepEqual(lines, readFixture(file), `output differs from fixtures/seeds/${name}; if the change is right, `
    + 'rewrite it with GKNB_UPDATE_FIXTURES=1 and review the diff');
}

// ---------------------------------------------------------------------------------------
// Mutations.

/**
 * How the diagnostics changed: `+ range [code]` for each one that appeared, `- range [code]` for each
 * that went away (a changed message or severity is both), sorted.
 */
function changeOf(before: readonly Diagnostic[], after: readonly Diagnostic[]): string[] {
  const minus = (a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] => {
    const left = b.map(diagnosticLine);
    return a.filter((d) => {
      const i = left.indexOf(diagnosticLine(d));
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
  };
  return [
    ...minus(after, before).map((d) => `+ ${at(d.range)} [${String(d.code)}]`),
    ...minus(before, after).map((d) => `- ${at(d.range)} [${String(d.code)}]`),
  ].sort();
}

const fires = (code: string, range: Range): string => `+ ${at(range)} [${code}]`;
const clears = (code: string, range: Range): string => `- ${at(range)} [${code}]`;

/**
 * A mutation outcome that today's code gets wrong: it lacks the `missing` entries and has the `extra`
 * ones instead. As with FIXTURE_DEVIATIONS, the test fails once it no longer occurs.
 */
interface ChangeDeviation {
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly why: string;
}

/** Swapping the template to 2021 (by setting or by year), by seed number. */
const TEMPLATE_SWAP_DEVIATIONS: Readonly<Record<string, ChangeDeviation>> = {
  '001': {
    missing: ['+ 50:0-50:62 [template-mismatch]'],
    extra: [
      '+ 73:0-73:42 [missing-row]',
      ...[15, 17, 19, 21, 23, 25, 27].map((c) => `- 74:${c}-74:${c + 1} [empty-cell]`),
    ],
    why: 'table 三 has the 2019 layout: one （六）其他处理 row with its own seven (blank) value cells, then '
      + '（七）总计, and none of the three 2021 sub-items. Because its cells are blank the table is not '
      + 'recognised as 2019, so a 2021 report gets missing-row for the sub-items (and loses the row\'s '
      + 'seven empty-cell diagnostics) instead of template-mismatch on the table.',
  },
};

function assertChange(before: readonly Diagnostic[], after: readonly Diagnostic[], expected: readonly string[], deviation?: ChangeDeviation): void {
  let change = changeOf(before, after);
  const detail = `\nafter the mutation:\n${after.map(diagnosticLine).join('\n')}`;
  if (deviation) {
    const still = deviation.extra.every((e) => change.includes(e)) && deviation.missing.every((e) => !change.includes(e));
    assert.ok(still, `a known deviation no longer occurs: fixed? Remove it and check.\n  recorded because: ${deviation.why}\n  change: ${change.join(', ')}${detail}`);
    const extra = [...deviation.extra];
    change = change.filter((e) => {
      const i = extra.indexOf(e);
      if (i < 0) return true;
      extra.splice(i, 1);
      return false;
    });
    change = [...change, ...deviation.missing].sort();
  }
  assert.deepEqual(change, [...expected].sort(), detail);
}

function tableOf(model: ReportModel, kind: Table['kind']): Table {
  const table = model.tables.find((t) => t.kind === kind);
  assert.ok(table, `no ${kind} table`);
  return table;
}

function cellOf(table: Table, rowId: string, columnId: string): ValueCell {
  const cell = table.cells.get(rowId)?.get(columnId);
  assert.ok(cell, `no cell ${rowId}·${columnId} in the ${table.kind} table`);
  return cell;
}

const numberIn = (cell: ValueCell): number | undefined => (cell.parsed.kind === 'number' ? cell.parsed.value : undefined);

/** The text with the cell's number raised by one (a blank cell gets 1). */
function bump(text: string, cell: ValueCell): string {
  return replaceRange(text, cell.range, String((numberIn(cell) ?? 0) + 1));
}

/** Each year written in the title (or, with `titleOnly` false, also in the statistical period) set to `year`. */
function rewriteYears(text: string, model: ReportModel, year: number, titleOnly: boolean): string {
  const mentions = model.yearMentions.filter((m) => !titleOnly || m.kind === 'title');
  assert.ok(mentions.length > 0, 'the report writes no year');
  // Four digits replace four digits: the other mentions' positions stay valid.
  return mentions.reduce((t, m) => replaceRange(t, m.range, String(year)), text);
}

/** The heading a missing-section diagnostic names (its first quotation). */
const missingSectionName = (d: Diagnostic): string => /“([^”]+)”/.exec(messageOf(d))?.[1] ?? messageOf(d);

// ---------------------------------------------------------------------------------------

const seedFiles = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort() : [];

if (seedFiles.length === 0) {
  console.warn(`\n!!! corpus.test.ts: no seeds in ${SEEDS} — the corpus tests are NOT registered and did NOT run. !!!\n`);
} else {
  if (UPDATE_FIXTURES) console.warn(`\n!!! corpus.test.ts: GKNB_UPDATE_FIXTURES=1 — fixtures in ${FIXTURES} are REWRITTEN, not checked !!!\n`);

  suite('corpus: the real reports in shared/seeds, imported and checked', () => {
    test('every seed has its expectations', () => {
      assert.deepEqual(seedFiles.map((f) => f.slice(0, 3)), Object.keys(EXPECTED).sort());
    });

    test('every fixture belongs to a seed', () => {
      const stems = new Set(seedFiles.map((f) => f.replace(/\.txt$/, '')));
      const stale = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => !stems.has(f.replace(/\.(diagnostics|import)\.txt$/, ''))) : [];
      assert.deepEqual(stale, [], `fixtures of seeds that are gone (renamed or removed) in ${FIXTURES}`);
    });

    for (const file of seedFiles) {
      const expected = EXPECTED[file.slice(0, 3)];
      if (!expected) continue;
      const stem = file.replace(/\.txt$/, '');
      suite(file, () => {
        const input = fs.readFileSync(path.join(SEEDS, file), 'utf8');
        const result = importReport(input);
        const model = parseReport(result.text);
        const diagnostics = diagnosticsOf(result.text, ZH);

        test('the sections whose headings the seed shows are found', () => {
          assert.deepEqual(model.sections.map((s) => s.number), expected.sections);
        });

        test('the tables are recognised, in their sections, with their rows bound', () => {
          const found = model.tables.map((t) => [t.kind, model.sections.find((s) => s.range.start.line < t.line && t.line <= s.range.end.line)?.number, t.rowIds.length]);
          assert.deepEqual(found, expected.tables);
          assert.equal(ofCode(diagnostics, 'missing-table').length, 0);
        });

        test('no arithmetic diagnostic: the seed\'s numbers are consistent', () => {
          assert.deepEqual(diagnostics.filter((d) => ARITHMETIC.includes(String(d.code))), [], dump(diagnostics));
        });

        test('the seed\'s defects are reported, and nothing else', () => {
          assert.deepEqual(codeBag(diagnostics), [...expected.codes].sort(), dump(diagnostics));
          expected.check?.(diagnostics, result, model);
        });

        test('prose is kept in order; only what is listed could not be placed', () => {
          assert.deepEqual(proseProblems(input, result.text), []);
          assert.deepEqual(result.unmapped.map((u) => u.text), expected.unmapped);
        });

        test(`the diagnostics are exactly those in fixtures/seeds/${stem}.diagnostics.txt`, () => {
          checkFixture(`${stem}.diagnostics.txt`, diagnostics.map(diagnosticLine), FIXTURE_DEVIATIONS[file.slice(0, 3)]);
        });

        test(`the imported draft has the shape in fixtures/seeds/${stem}.import.txt`, () => {
          assert.equal(importReport(input).text, result.text, 'importing twice gives the same draft');
          checkFixture(`${stem}.import.txt`, importShape(result));
        });

        suite('mutations: the right rule fires at the right place, nothing else changes', () => {
          const truncated = expected.truncatedRequests === true;
          const check = (mutated: string, settings: Partial<GknbSettings> = {}): Diagnostic[] => diagnosticsOf(mutated, { ...ZH, ...settings });

          test('（七）总计·总计 raised by one: row-total, result-total and balance on their totals', () => {
            const requests = tableOf(model, 'requests');
            const total = cellOf(requests, 'r7', 'total');
            assert.notEqual(numberIn(total), undefined);
            // A truncated table 三 cannot be summed (missing-row says why): only the row's own relation holds.
            const expectedChange = truncated
              ? [fires('row-total', total.range)]
              : [fires('row-total', total.range), fires('result-total', total.range), fires('balance', cellOf(requests, 'carryover', 'total').range)];
            assertChange(diagnostics, check(bump(result.text, total)), expectedChange);
          });

          test('a result row\'s 自然人 raised by one: row-total on its 总计, result-total on （七）总计·自然人', () => {
            const requests = tableOf(model, 'requests');
            const rowId = resultRowIds('2019').find((id) => requests.cells.has(id)
              && numberIn(cellOf(requests, id, 'natural')) !== undefined && numberIn(cellOf(requests, id, 'total')) !== undefined);
            assert.ok(rowId, 'a result row with numbers');
            const expectedChange = [fires('row-total', cellOf(requests, rowId, 'total').range)];
            if (!truncated) expectedChange.push(fires('result-total', cellOf(requests, 'r7', 'natural').range));
            assertChange(diagnostics, check(bump(result.text, cellOf(requests, rowId, 'natural'))), expectedChange);
          });

          if (model.tables.some((t) => t.kind === 'requests' && t.cells.has('new'))) {
            test('一、本年新收·自然人 raised by one: row-total on its 总计, balance on 四、结转下年度·自然人', () => {
              const requests = tableOf(model, 'requests');
              assertChange(diagnostics, check(bump(result.text, cellOf(requests, 'new', 'natural'))), [
                fires('row-total', cellOf(requests, 'new', 'total').range),
                fires('balance', cellOf(requests, 'carryover', 'natural').range),
              ]);
            });
          }

          test('行政诉讼·未经复议直接起诉: its 总计 or its 结果维持 raised by one: appeal-total on the 总计', () => {
            const appeals = tableOf(model, 'appeals');
            const total = cellOf(appeals, APPEAL_ROW_ID, 'direct.total');
            assertChange(diagnostics, check(bump(result.text, total)), [fires('appeal-total', total.range)]);
            const upheld = cellOf(appeals, APPEAL_ROW_ID, 'direct.upheld');
            // A blank cell filled in is no longer an empty cell.
            const filled = upheld.parsed.kind === 'blank' ? [clears('empty-cell', upheld.range)] : [];
            assertChange(diagnostics, check(bump(result.text, upheld)), [fires('appeal-total', total.range), ...filled]);
          });

          test('第二十条第（一）项 规范性文件: 本年新公开数量 above 对外公开总数量: cumulative-total on the latter', () => {
            const active = tableOf(model, 'active');
            const total = cellOf(active, '一.normative', 'total');
            const published = cellOf(active, '一.normative', 'published');
            const mutated = replaceRange(result.text, published.range, String((numberIn(total) ?? 0) + 1));
            assertChange(diagnostics, check(mutated), [fires('cumulative-total', total.range)]);
          });

          for (const section of model.sections) {
            const heading = HEADINGS[section.number];
            test(`section ${heading} deleted (heading and body): missing-section names it, nothing else changes`, () => {
              const first = section.range.start.line;
              const last = section.range.end.line;
              const mutated = deleteLines(result.text, first, last - first + 1);
              const after = check(mutated);
              const mutatedModel = parseReport(mutated);
              // The sections already missing are still reported (their neighbours, named in the message, may change).
              assert.deepEqual(ofCode(after, 'missing-section').map(missingSectionName).sort(),
                [...ofCode(diagnostics, 'missing-section').map(missingSectionName), heading].sort(), dump(after));
              const fired = ofCode(after, 'missing-section').find((d) => missingSectionName(d) === heading)!;
              const next = mutatedModel.sections.find((s) => s.number > section.number);
              assert.ok(next || mutatedModel.title, 'the mutated report has a later section or a title');
              assert.deepEqual(fired.range, next ? next.heading.range : mutatedModel.title!.range, 'on the heading it belonged before, else on the title');
              // Everything else: what was outside the deleted lines, moved up by them — except a finding
              // that compared with a cell of the deleted lines (text-table-mismatch against table 三).
              const moved = (line: number): number => (line > last ? line - (last - first + 1) : line);
              const inDeleted = (line: number): boolean => line >= first && line <= last;
              const rest = diagnostics
                .filter((d) => d.code !== 'missing-section' && (d.range.end.line < first || d.range.start.line > last))
                .filter((d) => !(d.relatedInformation ?? []).some((r) => inDeleted(r.location.range.start.line)))
                .map((d) => ({ ...d, range: { start: { ...d.range.start, line: moved(d.range.start.line) }, end: { ...d.range.end, line: moved(d.range.end.line) } } }));
              assertChange(rest, after.filter((d) => d.code !== 'missing-section'), []);
            });
          }

          // The seeds follow the 2019 template (reports for 2019 and 2020); in a 2021 report tables 二 and 三
          // give template-mismatch (table 四 is the same in both) and 六 must report 信息处理费.
          const swapped = (): string[] => [
            fires('template-mismatch', tableOf(model, 'active').rows[0].range),
            fires('template-mismatch', tableOf(model, 'requests').rows[0].range),
            fires('processing-fee', model.sections.find((s) => s.number === 6)!.heading.textRange),
          ];
          const swapDeviation = TEMPLATE_SWAP_DEVIATIONS[file.slice(0, 3)];

          test('template forced to 2021 by the setting: template-mismatch on tables 二 and 三, processing-fee; 2019 changes nothing', () => {
            assert.equal(model.template, '2019');
            assertChange(diagnostics, check(result.text, { template: '2019' }), []);
            const after = check(result.text, { template: '2021' });
            assertChange(diagnostics, after, swapped(), swapDeviation);
            assert.ok(ofCode(after, 'template-mismatch').every((d) => messageOf(d).includes('国办公开办函〔2021〕30号')), dump(after));
          });

          test('every year of the report (title, statistical period) rewritten to 2021: as with the setting', () => {
            assertChange(diagnostics, check(rewriteYears(result.text, model, 2021, false)), swapped(), swapDeviation);
          });

          if (model.yearMentions.some((m) => m.kind === 'title')) {
            test('only the title year rewritten to 2021: as with the setting, and year-mismatch on the statistical period', () => {
              const period = model.yearMentions.find((m) => m.kind === 'period-start');
              const expectedChange = [...swapped(), ...(period ? [fires('year-mismatch', period.range)] : [])];
              assertChange(diagnostics, check(rewriteYears(result.text, model, 2021, true)), expectedChange, swapDeviation);
            });
          }
        });
      });
    }
  });
}
