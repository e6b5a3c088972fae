import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseReport } from '../../../server/src/service/parser';
import type { GknbSettings } from '../../../server/src/service/settings';
import { validateText } from '../../../server/src/service/validate';
import {
  buildReport, defaultRequestValues, dump, messageOf, ofCode, requestCellRange, Severity, single, textAt, URI,
  type ReportOptions, type Template,
} from '../helpers';

const PREVIOUS_URI = 'file:///last-year.gknb.md';

/** Last year's table 三: 四、结转下年度继续办理 equals this year's default 二、上年结转 (1 自然人). */
const CARRYOVER_MATCHING_DEFAULTS = [1, 0, 0, 0, 0, 0, 1];

/** Last year's table 二 from which this year's default 上一年项目数量 / 现行有效件数 follow. */
const PREVIOUS_ACTIVE: Readonly<Record<Template, ReportOptions['active']>> = {
  // 上一年项目数量 + 本年增/减 = this year's 28, 12, 196, 12, 2.
  '2019': {
    '五.licensing': [30, -2, 900], '五.otherServices': [10, 2, 200],
    '六.penalty': [190, 6, 80], '六.coercion': [12, 0, 4], '八.fees': [3, -1],
  },
  // 现行有效件数 + this year's 制发 − 废止 = this year's 0 and 23 (制发 4, 废止 2).
  '2021': { '一.rules': [0, 0, 0], '一.normative': [5, 1, 21] },
};

function thisYear(template: Template): number {
  return template === '2019' ? 2020 : 2023;
}

/** Last year's report, consistent with this year's default report unless `options` change it. */
function lastYearReport(template: Template, options: ReportOptions = {}): string {
  return buildReport(template, {
    year: thisYear(template) - 1,
    ...options,
    requests: { carryover: CARRYOVER_MATCHING_DEFAULTS, ...options.requests },
    active: { ...PREVIOUS_ACTIVE[template], ...options.active },
  });
}

function check(text: string, previousText: string | undefined, settings?: Partial<GknbSettings>, explicit = false): Diagnostic[] {
  const previous = previousText === undefined ? undefined : { uri: PREVIOUS_URI, model: parseReport(previousText), explicit };
  return validateText(text, { uri: URI, languageId: 'gknb', settings, previous });
}

function crossYear(text: string, previousText: string, explicit = false): Diagnostic[] {
  return ofCode(check(text, previousText, undefined, explicit), 'cross-year');
}

suite('rule cross-year', () => {
  suite('二、上年结转 = last year\'s 四、结转下年度继续办理', () => {
    for (const template of ['2019', '2021'] as const) {
      test(`${template}: flags each column that differs, on this year's cell, related to last year's cell`, () => {
        const text = buildReport(template);
        const previous = lastYearReport(template, { requests: { carryover: [3, 0, 0, 0, 2, 0, 5] } });
        const found = crossYear(text, previous);
        assert.equal(found.length, 3, dump(found)); // 自然人, 法律服务机构, 总计
        const natural = found.find((d) => messageOf(d).includes('（自然人）'))!;
        assert.ok(natural, dump(found));
        assert.deepEqual(natural.range, requestCellRange(text, template, 'carried', 'natural'));
        assert.equal(natural.severity, Severity.warning);
        assert.equal(messageOf(natural), `上年结转应与 ${thisYear(template) - 1} 年度报告“结转下年度继续办理”一致：应为 3，实际填写 1（自然人）。`);
        assert.deepEqual(natural.data, { rule: 'cross-year', expected: 3 });
        const related = natural.relatedInformation!;
        assert.equal(related.length, 1);
        assert.equal(related[0].location.uri, PREVIOUS_URI, 'related information points into last year\'s file');
        assert.deepEqual(related[0].location.range, requestCellRange(previous, template, 'carryover', 'natural'));
        assert.equal(textAt(previous, related[0].location.range), '3');
        assert.match(related[0].message, /年度报告：四、结转下年度继续办理·自然人 = 3$/);
        const columns = found.map((d) => textAt(text, d.range));
        assert.deepEqual(columns, ['1', '0', '1']);
      });
    }

    test('English message', () => {
      const found = ofCode(check(buildReport('2021'), lastYearReport('2021', { requests: { carryover: [2, 0, 0, 0, 0, 0, 2] } }), { locale: 'en' }), 'cross-year');
      assert.equal(found.length, 2, dump(found));
      assert.match(messageOf(found[0]), /^Carried over from last year should equal 结转下年度继续办理 in the 2022 report: expected 2, found 1 \(自然人\)\.$/);
    });

    test('a report of 2021 (2021 template) is compared with its 2020 report (2019 template)', () => {
      const previous = buildReport('2019', { year: 2020, requests: { carryover: [0, 0, 0, 0, 0, 0, 0] } });
      const found = crossYear(buildReport('2021', { year: 2021 }), previous);
      assert.equal(found.length, 2, dump(found)); // 自然人 and 总计; table 二 has no common column to compare
    });
  });

  suite('2019 template: 上一年项目数量 = last year\'s 上一年项目数量 + 本年增/减', () => {
    test('flags a row that does not follow, with the formula, related to both of last year\'s cells', () => {
      const text = buildReport('2019');
      const previous = lastYearReport('2019', { active: { '五.licensing': [30, -5, 900] } });
      const d = single(crossYear(text, previous), 'cross-year');
      assert.equal(textAt(text, d.range), '28');
      assert.equal(d.range.start.line, text.split('\n').findIndex((l) => l.startsWith('| 行政许可 |')));
      assert.equal(messageOf(d), '上一年项目数量应等于 2019 年度报告的上一年项目数量加本年增/减：应为 25（30-5），实际填写 28（第二十条第（五）项 行政许可·上一年项目数量）。');
      assert.equal(d.severity, Severity.warning);
      assert.deepEqual(d.relatedInformation!.map((r) => [r.location.uri, textAt(previous, r.location.range)]), [[PREVIOUS_URI, '30'], [PREVIOUS_URI, '-5']]);
    });

    test('every row of 第（五）（六）（八）项 is compared', () => {
      const previous = lastYearReport('2019', {
        active: { '五.otherServices': [10, 3, 200], '六.penalty': [190, 7, 80], '六.coercion': [12, 1, 4], '八.fees': [3, 0] },
      });
      const found = crossYear(buildReport('2019'), previous);
      assert.deepEqual(found.map((d) => messageOf(d).match(/（(第二十条[^）]*）项 [^·]+)·/)![1]), [
        '第二十条第（五）项 其他对外管理服务事项', '第二十条第（六）项 行政处罚', '第二十条第（六）项 行政强制', '第二十条第（八）项 行政事业性收费',
      ]);
    });
  });

  suite('2021 template: 现行有效件数 ≈ last year\'s 现行有效件数 + 本年制发 − 本年废止', () => {
    test('an information finding on this year\'s 现行有效件数, related to last year\'s count and this year\'s 制发/废止', () => {
      const text = buildReport('2021');
      const previous = lastYearReport('2021', { active: { '一.normative': [5, 1, 30] } });
      const d = single(crossYear(text, previous), 'cross-year');
      assert.equal(d.severity, Severity.information);
      assert.equal(textAt(text, d.range), '23');
      assert.match(messageOf(d), /^现行有效件数与推算值不一致：2022 年度报告的现行有效件数加本年制发、减本年废止应为 32（30\+4-2），实际填写 23（第二十条第（一）项 行政规范性文件·现行有效件数）。/);
      const related = d.relatedInformation!;
      assert.deepEqual(related.map((r) => r.location.uri), [PREVIOUS_URI, URI, URI]);
      assert.equal(textAt(previous, related[0].location.range), '30');
      assert.deepEqual(related.slice(1).map((r) => textAt(text, r.location.range)), ['4', '2']);
    });

    test('gknb.rules.cross-year overrides the information severity like any rule setting', () => {
      const found = ofCode(check(buildReport('2021'), lastYearReport('2021', { active: { '一.normative': [5, 1, 30] } }), { rules: { 'cross-year': 'error' } }), 'cross-year');
      assert.deepEqual(found.map((d) => d.severity), [Severity.error]);
    });
  });

  suite('does not flag', () => {
    for (const template of ['2019', '2021'] as const) {
      test(`${template}: this year's report consistent with last year's (and the whole report is then clean)`, () => {
        assert.deepEqual(check(buildReport(template), lastYearReport(template)), []);
      });
    }

    test('without last year\'s report', () => {
      assert.deepEqual(check(buildReport('2021'), undefined), []);
    });

    test('when the years are not consecutive (or the same year, or last year\'s is newer)', () => {
      const wrong = { requests: { carryover: [3, 0, 0, 0, 0, 0, 3] } };
      assert.equal(crossYear(buildReport('2021'), lastYearReport('2021', wrong)).length, 2, 'the mismatch is found for year − 1');
      for (const year of [2021, 2023, 2024]) {
        assert.deepEqual(crossYear(buildReport('2021'), lastYearReport('2021', { ...wrong, year })), [], `year ${year}`);
      }
      assert.deepEqual(crossYear(buildReport('2021'), lastYearReport('2021', { ...wrong, year: 2021 }), true), [], 'named explicitly, still two years apart');
    });

    test('when the agencies differ, unless last year\'s report was named explicitly (an agency renamed)', () => {
      const previous = lastYearReport('2021', { title: '云溪市另一局2022年政府信息公开工作年度报告', requests: { carryover: [3, 0, 0, 0, 0, 0, 3] } });
      assert.deepEqual(crossYear(buildReport('2021'), previous), []);
      assert.equal(crossYear(buildReport('2021'), previous, true).length, 2);
    });

    test('the same agency written with other spacing and brackets is the same agency', () => {
      const previous = lastYearReport('2021', { title: '云溪市 测试局 2022 年政府信息公开工作年度报告', requests: { carryover: [3, 0, 0, 0, 0, 0, 3] } });
      assert.equal(crossYear(buildReport('2021'), previous).length, 2);
    });

    test('blank, missing or unreadable cells on either side, and a missing table', () => {
      const wrong = { requests: { carryover: ['', 'x', 0, 0, 0, 0, 1] } } as const;
      assert.deepEqual(crossYear(buildReport('2021', { requests: { carried: { total: '' } } }), lastYearReport('2021', wrong)), []);
      assert.deepEqual(crossYear(buildReport('2021'), lastYearReport('2021', { omitTables: ['requests', 'active'] })), []);
      assert.deepEqual(crossYear(buildReport('2021', { omitTables: ['requests'] }), lastYearReport('2021', { requests: { carryover: [3, 0, 0, 0, 0, 0, 3] } })), []);
      assert.deepEqual(crossYear(buildReport('2019'), lastYearReport('2019', { active: { '五.licensing': [30, '', 900] } })), []);
    });

    test('when this year\'s report has no year', () => {
      const text = buildReport('2021', { title: '云溪市测试局政府信息公开工作年度报告', period: false });
      assert.deepEqual(crossYear(text, lastYearReport('2021', { requests: { carryover: [3, 0, 0, 0, 0, 0, 3] } })), []);
    });
  });

  test('fix then relint: writing last year\'s carry-over and counts into this year\'s report clears every finding', () => {
    const previous = lastYearReport('2021', { requests: { carryover: [3, 0, 0, 0, 1, 0, 4] }, active: { '一.normative': [5, 1, 30] } });
    const before = crossYear(buildReport('2021'), previous);
    assert.equal(before.length, 4, dump(before));
    // This year's 上年结转 follows last year (so 新收 drops to keep 一 + 二 = （七） + 四), 现行有效 = 30 + 4 − 2.
    const values = defaultRequestValues('2021');
    const fixed = buildReport('2021', {
      requests: { carried: [3, 0, 0, 0, 1, 0, 4], new: values.new.map((v, i) => v - [2, 0, 0, 0, 1, 0, 3][i]) },
      active: { '一.normative': [4, 2, 32] },
    });
    assert.deepEqual(check(fixed, previous), []);
  });
});
