// The five real reports in ../shared/seeds (text taken out of Word, as users paste it), imported with
// importReport and then checked: every section that is there is found, the three tables are
// recognised, the seeds' consistent numbers give no arithmetic diagnostic, and each seed's real
// defects — and only those — are reported. The seeds are real data kept outside the repository;
// without them these tests are not registered (and a warning says so), never counted as passed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { importReport, parseReport, type ImportResult, type ReportModel, type Table } from '../../server/src/service';
import { codeBag, diagnosticsOf, dump, messageOf, ofCode, splitLines } from './helpers';
import { proseProblems } from './fixtures/import/prose';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');

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
    codes: times('heading-wording', 4),
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

const seedFiles = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort() : [];

if (seedFiles.length === 0) {
  console.warn(`\n!!! corpus.test.ts: no seeds in ${SEEDS} — the corpus tests are NOT registered and did NOT run. !!!\n`);
} else {
  suite('corpus: the real reports in shared/seeds, imported and checked', () => {
    test('every seed has its expectations', () => {
      assert.deepEqual(seedFiles.map((f) => f.slice(0, 3)), Object.keys(EXPECTED).sort());
    });

    for (const file of seedFiles) {
      const expected = EXPECTED[file.slice(0, 3)];
      if (!expected) continue;
      suite(file, () => {
        const input = fs.readFileSync(path.join(SEEDS, file), 'utf8');
        const result = importReport(input);
        const model = parseReport(result.text);
        const diagnostics = diagnosticsOf(result.text);

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
      });
    }
  });
}
