import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importReport } from '../../../server/src/service';
import {
  Severity, TEMPLATES, buildReport, cellRangeOnLine, codes, diagnosticsOf, dump, lineOf, messageOf, ofCode, replaceOnce, replaceRange,
  requestCellRange, single, textAt, type ReportOptions, type Template,
} from '../helpers';

const CODE = 'text-table-mismatch';
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');

// Sentences of buildReport's body that a test replaces with its own, by section.
const BODY = {
  1: '本年度，我局认真贯彻《条例》，持续深化政府信息公开工作。',
  3: '本年度依申请公开工作总体平稳。',
  4: '本年度行政复议、行政诉讼情况如上表。',
} as const;

/** A correct report whose section 一, 三 or 四 says `sentence` (the tables keep their default values). */
function reportSaying(template: Template, sentence: string, section: keyof typeof BODY = 3, options: ReportOptions = {}): string {
  return replaceOnce(buildReport(template, options), BODY[section], sentence);
}

const found = (text: string) => ofCode(diagnosticsOf(text), CODE);

/** The figures the rule flagged, as written in the text. */
const flagged = (text: string) => found(text).map((d) => textAt(text, d.range));

/** Range of a value cell of table 四 (the one data row), by its 0-based index among the 15 values. */
function appealCellRange(text: string, index: number) {
  return cellRangeOnLine(text, lineOf(text, '| 1 | 0 | 0 | 1 | 2 |'), index);
}

// Default tables (helpers.ts): 一 7, 二 1, （一） 3, （二） 1, （三） 1, （四） 1, （五） 0, （六） 1, （七） 7, 四 1;
// table 四: 行政复议 总计 2, 未经复议直接起诉 总计 1, 复议后起诉 总计 0; table 二 (2021) 行政规范性文件 4 / 2 / 23.
const CORRECT_SENTENCE = '全年新收政府信息公开申请7件，上年结转1件，共办结7件，其中予以公开3件，部分公开1件，不予公开1件，无法提供1件，'
  + '不予处理0件，其他处理1件；结转下年度继续办理1件。';

suite('rule text-table-mismatch', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags 新收申请 N 件 that differs from 一、本年新收·总计, on the number, linking the cell', () => {
        const text = reportSaying(template, '全年新收政府信息公开申请9件，所有申请均在法定期限内答复。');
        const d = single(diagnosticsOf(text), CODE);
        assert.equal(d.severity, Severity.warning);
        assert.equal(textAt(text, d.range), '9');
        assert.equal(d.range.start.line, lineOf(text, '全年新收政府信息公开申请9件'));
        assert.equal(messageOf(d), '正文称新收申请 9 件，表三“一、本年新收政府信息公开申请数量·总计”为 7。');
        const related = d.relatedInformation ?? [];
        assert.equal(related.length, 1);
        assert.deepEqual(related[0].location.range, requestCellRange(text, template, 'new', 'total'));
        assert.equal(related[0].location.uri, 'file:///t.gknb.md');
        assert.equal(related[0].message, '一、本年新收政府信息公开申请数量·总计 = 7');
        // Nothing else: the tables are right.
        assert.deepEqual(codes(diagnosticsOf(text)), [CODE]);
      });

      test('信息不存在 N 件 (the old name of 本机关不掌握相关政府信息) is compared with （四）1; booked under （四）2 it is flagged (reference §7)', () => {
        assert.deepEqual(flagged(reportSaying(template, '本年度共办结7件，其中予以公开3件，部分公开1件，不予公开1件，信息不存在1件，其他处理1件。')), []);
        assert.deepEqual(flagged(reportSaying(template, '本机关不掌握相关政府信息1件。')), []);
        const text = reportSaying(template, '本年度共办结7件，其中予以公开3件，部分公开1件，不予公开1件，信息不存在3件，其他处理1件。');
        const d = single(diagnosticsOf(text).filter((x) => x.code === CODE), CODE);
        assert.equal(textAt(text, d.range), '3');
        assert.equal(messageOf(d), '正文称信息不存在 3 件，表三“（四）无法提供 1.本机关不掌握相关政府信息·总计”为 1。');
        assert.deepEqual(d.relatedInformation?.[0].location.range, requestCellRange(text, template, 'r4.1', 'total'));
        // The report of §7: the text says 信息不存在, the table books the request under 2.没有现成信息需要另行制作.
        const misbooked = reportSaying(template, '信息不存在1件。', 3, { requests: { 'r4.1': [0, 0, 0, 0, 0, 0, 0], 'r4.2': [1, 0, 0, 0, 0, 0, 1] } });
        assert.deepEqual(flagged(misbooked), ['1']);
        // Not a statement of the row: qualified, or not opening its clause.
        assert.deepEqual(flagged(reportSaying(template, '因申请的信息不存在答复3件。')), []);
        assert.deepEqual(flagged(reportSaying(template, '经检索信息不存在的3件已告知申请人。')), []);
      });

      test('flags each phrase of table 三 against its own cell', () => {
        const cases: [sentence: string, figure: string, cell: string][] = [
          ['本年度共收到政府信息公开申请8件。', '8', '一、本年新收政府信息公开申请数量·总计 = 7'],
          ['上年结转2件。', '2', '二、上年结转政府信息公开申请数量·总计 = 1'],
          ['全年办结9件。', '9', '（七）总计·总计 = 7'],
          ['共答复政府信息公开申请6件。', '6', '（七）总计·总计 = 7'],
          ['结转下年度继续办理3件。', '3', '四、结转下年度继续办理·总计 = 1'],
          ['予以公开4件。', '4', '（一）予以公开·总计 = 3'],
          ['部分公开0件。', '0', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）·总计 = 1'],
          ['无法提供2件。', '2', '（四）无法提供 1.本机关不掌握相关政府信息·总计 = 1'],
          ['不予处理1件。', '1', '（五）不予处理 1.信访举报投诉类申请·总计 = 0'],
        ];
        for (const [sentence, figure, cell] of cases) {
          const text = reportSaying(template, sentence);
          const diags = found(text);
          assert.equal(diags.length, 1, `${sentence}\n${dump(diagnosticsOf(text))}`);
          assert.equal(textAt(text, diags[0].range), figure, sentence);
          assert.equal(diags[0].relatedInformation![0].message, cell, sentence);
        }
      });

      test('不予公开 / 无法提供 / 不予处理 compare with the sum of their items, and link every item', () => {
        const text = reportSaying(template, '不予公开3件。', 3, { requests: { 'r3.1': { natural: 1, total: 1 } } });
        // r3.1 raised to 1 breaks the table's own relations too (result-total, balance): those are other rules'.
        const d = single(diagnosticsOf(text), CODE);
        assert.equal(messageOf(d), '正文称不予公开 3 件，表三“（三）不予公开各项·总计之和”为 2。');
        assert.equal(d.relatedInformation!.length, 8);
        assert.deepEqual(d.relatedInformation!.map((r) => textAt(text, r.location.range)), ['1', '0', '0', '1', '0', '0', '0', '0']);
      });

      test('办结 N 件，其中予以公开 …: the results after 其中 are compared with their rows', () => {
        const text = reportSaying(template, '全年办结7件，其中予以公开3件，部分公开2件，不予公开1件，无法提供1件，不予处理0件，其他处理1件。');
        assert.deepEqual(flagged(text), ['2']);
        assert.match(messageOf(found(text)[0]), /^正文称部分公开 2 件，表三“（二）部分公开/);
        // Also when 其中 opens the next sentence.
        assert.deepEqual(flagged(reportSaying(template, '共办结7件。其中予以公开5件，部分公开1件。')), ['5']);
      });

      test('flags 行政复议 / 行政诉讼 N 件 against the 总计 cells of table 四', () => {
        const text = reportSaying(template, '本年度因政府信息公开被申请行政复议3件；被提起行政诉讼2件，其中未经复议直接起诉1件，复议后起诉1件。', 4);
        const diags = found(text);
        assert.deepEqual(diags.map((d) => textAt(text, d.range)), ['3', '2', '1']);
        assert.equal(messageOf(diags[0]), '正文称行政复议 3 件，表四“行政复议·总计”为 2。');
        assert.deepEqual(diags[0].relatedInformation!.map((r) => r.location.range), [appealCellRange(text, 4)]);
        assert.equal(messageOf(diags[1]), '正文称行政诉讼 2 件，表四“行政诉讼·未经复议直接起诉·总计 + 行政诉讼·复议后起诉·总计”为 1。');
        assert.deepEqual(diags[1].relatedInformation!.map((r) => r.location.range), [appealCellRange(text, 9), appealCellRange(text, 14)]);
        assert.equal(messageOf(diags[2]), '正文称复议后起诉 1 件，表四“行政诉讼·复议后起诉·总计”为 0。');
      });

      test('reads Chinese numerals and full-width digits', () => {
        assert.deepEqual(flagged(reportSaying(template, '上年结转两件。')), ['两']);
        assert.deepEqual(flagged(reportSaying(template, '全年新收政府信息公开申请十二件。')), ['十二']);
        assert.deepEqual(flagged(reportSaying(template, '全年新收政府信息公开申请９件。')), ['９']);
        assert.deepEqual(flagged(reportSaying(template, '全年新收政府信息公开申请七件，上年结转一件。')), []);
      });

      test('flags a figure after a soft line break, on its own line', () => {
        const text = reportSaying(template, '全年新收政府信息公开申请\n9件，均已答复。');
        const d = single(diagnosticsOf(text), CODE);
        assert.equal(d.range.start.line, lineOf(text, '9件，均已答复。'));
        assert.equal(textAt(text, d.range), '9');
      });

      test('English message', () => {
        const text = reportSaying(template, '上年结转2件。');
        const d = single(diagnosticsOf(text, { locale: 'en' }), CODE);
        assert.equal(messageOf(d), 'The text says 2 carried over from last year; table 三 “二、上年结转政府信息公开申请数量·总计” is 1.');
      });

      test('does not flag figures that agree with the tables', () => {
        assert.deepEqual(codes(diagnosticsOf(reportSaying(template, CORRECT_SENTENCE))), []);
        assert.deepEqual(codes(diagnosticsOf(reportSaying(template, '本年度因政府信息公开被申请行政复议2件，其中结果维持1件、尚未审结1件；被提起行政诉讼1件。', 4))), []);
      });

      test('does not flag the parts of a 其中 breakdown, nor asides in brackets', () => {
        for (const sentence of [
          '全年新收政府信息公开申请7件，其中自然人申请5件，商业企业申请1件，法律服务机构申请1件。',
          '全年新收政府信息公开申请7件，其中网上收到政府信息公开申请4件，信函收到3件。',
          // After 新收 (not 办结) the results are parts of the requests received: not compared.
          '全年新收政府信息公开申请7件，其中予以公开2件。',
          '全年新收政府信息公开申请7件（含上年结转1件，其中予以公开5件）。',
          '全年办结7件，其中予以公开3件，无法提供1件（其中本机关不掌握相关政府信息5件）。',
          '共收到政府信息公开申请7件，其中：部分公开4件；上年结转1件。',
        ]) {
          assert.deepEqual(flagged(reportSaying(template, sentence)), [], sentence);
        }
      });

      test('does not flag comparisons, other years, cumulative or planned figures', () => {
        for (const sentence of [
          '全年新收政府信息公开申请9件，同比增长28%。',
          '全年新收政府信息公开申请9件，比上年减少2件。',
          '累计收到政府信息公开申请120件。',
          '2019年新收政府信息公开申请12件。',
          '自2008年以来共收到政府信息公开申请300件。',
          '予以公开的申请占全部申请的40%，共予以公开4件。',
          '下一步，计划办结9件。',
          '新收政府信息公开申请9件、上年结转2件，分别占…',
        ]) {
          assert.deepEqual(flagged(reportSaying(template, sentence)), [], sentence);
        }
      });

      test('does not flag qualified figures: on time, by channel, by applicant, by topic, or unrelated 行政复议', () => {
        for (const [sentence, section] of [
          ['按时办结5件。', 3],
          ['通过网络新收政府信息公开申请3件。', 3],
          ['自然人予以公开2件。', 3],
          ['不予以公开5件。', 3],
          ['收到涉及征地拆迁的政府信息公开申请3件。', 3],
          ['6月份新收政府信息公开申请3件。', 3],
          ['全年办理行政复议案件20件，依法化解行政争议。', 1],
          ['全年办理行政复议案件20件，其中涉及政府信息公开的1件。', 4],
          ['被申请行政复议和提起行政诉讼共3件。', 4],
          ['本年度收到行政许可申请300件。', 1],
          ['行政许可方面，共收到申请300件。', 1],
        ] as const) {
          assert.deepEqual(flagged(reportSaying(template, sentence, section)), [], sentence);
        }
      });

      test('does not flag numbers not followed by 件', () => {
        for (const sentence of ['全年新收政府信息公开申请9宗。', '全年新收政府信息公开申请9余件。', '全年新收政府信息公开申请9件次。', '全年新收政府信息公开申请约9件。', '全年新收政府信息公开申请9个。']) {
          assert.deepEqual(flagged(reportSaying(template, sentence)), [], sentence);
        }
      });

      test('does not compare with a blank or unreadable cell (empty-cell and invalid-number report those)', () => {
        const blank = reportSaying(template, '全年新收政府信息公开申请9件。', 3, { requests: { new: { total: '' } } });
        assert.equal(found(blank).length, 0, dump(diagnosticsOf(blank)));
        assert.ok(codes(diagnosticsOf(blank)).includes('empty-cell'));
        const invalid = reportSaying(template, '全年新收政府信息公开申请9件。', 3, { requests: { new: { total: '无' } } });
        assert.equal(found(invalid).length, 0, dump(diagnosticsOf(invalid)));
        // 不予公开 is a sum of eight items: one blank item suspends it.
        const item = reportSaying(template, '不予公开5件。', 3, { requests: { 'r3.2': { total: '' } } });
        assert.equal(found(item).length, 0, dump(diagnosticsOf(item)));
        const appeals = reportSaying(template, '因政府信息公开被申请行政复议3件。', 4, { appeals: { 'review.total': '' } });
        assert.equal(found(appeals).length, 0, dump(diagnosticsOf(appeals)));
      });

      test('a figure that agrees with the row of a wrong 总计 is not flagged: row-total reports the table', () => {
        // 一's 总计 says 6 but its applicant columns add up to 7, as the text says.
        const text = reportSaying(template, '全年新收政府信息公开申请7件。', 3, { requests: { new: { total: 6 } } });
        const diags = diagnosticsOf(text);
        assert.equal(found(text).length, 0, dump(diags));
        assert.ok(codes(diags).includes('row-total'));
      });

      test('text in comments and fenced code is not read', () => {
        const text = reportSaying(template, '<!-- 全年新收政府信息公开申请9件 -->\n\n```\n全年新收政府信息公开申请9件。\n```');
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('fix then relint: writing the table\'s figure into the text clears it', () => {
        for (const [sentence, section, value] of [
          ['全年新收政府信息公开申请9件。', 3, '7'],
          ['全年办结7件，其中予以公开5件。', 3, '3'],
          ['本年度因政府信息公开被申请行政复议3件。', 4, '2'],
        ] as const) {
          const text = reportSaying(template, sentence, section);
          const d = single(diagnosticsOf(text), CODE);
          assert.match(messageOf(d), new RegExp(`为 ${value}。$`));
          assert.deepEqual(diagnosticsOf(replaceRange(text, d.range, value)), [], sentence);
        }
      });
    });
  }

  suite('table 二 (2021 template): 制发 / 废止 / 现行有效', () => {
    test('flags each figure against the row of its document type', () => {
      const text = reportSaying('2021', '制发行政规范性文件5件，废止2件，现行有效行政规范性文件22件；制发规章1件。', 1);
      const diags = found(text);
      assert.deepEqual(diags.map((d) => textAt(text, d.range)), ['5', '22', '1']);
      assert.equal(messageOf(diags[0]), '正文称制发行政规范性文件 5 件，表二“第二十条第（一）项 行政规范性文件·本年制发件数”为 4。');
      assert.equal(messageOf(diags[1]), '正文称现行有效行政规范性文件 22 件，表二“第二十条第（一）项 行政规范性文件·现行有效件数”为 23。');
      assert.equal(messageOf(diags[2]), '正文称制发规章 1 件，表二“第二十条第（一）项 规章·本年制发件数”为 0。');
      assert.equal(textAt(text, diags[0].relatedInformation![0].location.range), '4');
    });

    test('废止 / 现行有效 without a document type take the one of the clause before, in the same sentence only', () => {
      assert.deepEqual(flagged(reportSaying('2021', '制发行政规范性文件4件，废止3件，现行有效23件。', 1)), ['3']);
      assert.deepEqual(flagged(reportSaying('2021', '制发行政规范性文件4件。废止3件。', 1)), []);
      assert.deepEqual(flagged(reportSaying('2021', '对现行有效行政规范性文件开展清理，废止不再适用的文件5件。', 1)), []);
    });

    test('does not flag agreeing figures, nor the 2019 template (whose table 二 has no 制发 column)', () => {
      assert.deepEqual(codes(diagnosticsOf(reportSaying('2021', '制发行政规范性文件4件，废止2件，现行有效行政规范性文件23件。', 1))), []);
      assert.deepEqual(codes(diagnosticsOf(reportSaying('2019', '制发规范性文件5件，废止2件。', 1))), []);
    });
  });

  suite('the examples', () => {
    const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

    test('mistakes.gknb.md: the 制发 figure of 一 contradicts table 二, once', () => {
      const text = read('mistakes.gknb.md');
      const d = single(diagnosticsOf(text), CODE);
      assert.equal(d.range.start.line, lineOf(text, '全年主动公开政府信息386条，制发行政规范性文件3件'));
      assert.equal(messageOf(d), '正文称制发行政规范性文件 3 件，表二“第二十条第（一）项 行政规范性文件·本年制发件数”为 2。');
    });

    test('the correct examples state their figures and agree; changing one figure is flagged', () => {
      for (const [name, sentence, changed] of [
        ['report-2020.gknb.md', '全年办结35件，其中予以公开16件', '全年办结35件，其中予以公开15件'],
        ['report-2021.gknb.md', '被提起行政诉讼3件', '被提起行政诉讼2件'],
      ] as const) {
        const text = read(name);
        assert.deepEqual(found(text), [], name);
        assert.equal(found(replaceOnce(text, sentence, changed)).length, 1, name);
      }
    });
  });
});

// The five real reports: after import the rule says nothing where their figures agree, reports the one
// real contradiction (seed 000, the case reference §7 describes), and catches a changed figure, so the
// silence is not the rule failing to read them.
const seedFiles = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort() : [];
if (seedFiles.length === 0) {
  console.warn(`\n!!! text-table-mismatch.test.ts: no seeds in ${SEEDS} — the corpus checks of this rule are NOT registered and did NOT run. !!!\n`);
} else {
  suite('rule text-table-mismatch on the seeds (shared/seeds, imported)', () => {
    for (const file of seedFiles.filter((f) => !f.startsWith('000_'))) {
      test(`${file}: no text-table-mismatch`, () => {
        const text = importReport(fs.readFileSync(path.join(SEEDS, file), 'utf8')).text;
        assert.deepEqual(found(text), [], dump(found(text)));
      });
    }

    test('seed 000: only its real contradiction — 信息不存在3件 in the text, booked under 没有现成信息需要另行制作 in the table', () => {
      const seed = seedFiles.find((f) => f.startsWith('000_'));
      assert.ok(seed, 'seed 000 is present');
      const text = importReport(fs.readFileSync(path.join(SEEDS, seed), 'utf8')).text;
      const d = single(diagnosticsOf(text), CODE);
      assert.equal(textAt(text, d.range), '3');
      assert.ok(text.split('\n')[d.range.start.line].slice(0, d.range.start.character).endsWith('信息不存在'));
      assert.equal(messageOf(d), '正文称信息不存在 3 件，表三“（四）无法提供 1.本机关不掌握相关政府信息·总计”为 0。');
    });

    test('a seed whose stated figure is changed is flagged', () => {
      const seed = seedFiles.find((f) => f.startsWith('000_'));
      assert.ok(seed, 'seed 000 is present');
      const text = importReport(fs.readFileSync(path.join(SEEDS, seed), 'utf8')).text;
      const changed = replaceOnce(text, '共收到政府信息公开申请4件', '共收到政府信息公开申请5件');
      assert.deepEqual(flagged(changed), ['5', '3']);
    });
  });
}
