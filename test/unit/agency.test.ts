// Agency and year from report titles, and choosing last year's report among candidates.
import * as assert from 'node:assert/strict';
import { findPreviousReport, parseReportTitle, reportIdentity, reportIdentityOfText, sameAgency } from '../../server/src/service/agency';
import { parseReport } from '../../server/src/service/parser';
import { buildReport } from './helpers';

suite('agency and year of a report', () => {
  test('titles as written: agency before the year, 年度, spaces, full-width digits, emphasis, 关于', () => {
    const cases: [string, { agency?: string; year?: number }][] = [
      ['XX市XX局2021年政府信息公开工作年度报告', { agency: 'XX市XX局', year: 2021 }],
      ['XX区人民政府2020年度政府信息公开工作年度报告', { agency: 'XX区人民政府', year: 2020 }],
      ['安丘经济开发区管委会 2020 年政府信息公开工作年度报告', { agency: '安丘经济开发区管委会', year: 2020 }],
      ['市政务服务中心 2020 年政府信息公开 工作年度报告', { agency: '市政务服务中心', year: 2020 }],
      ['云溪市交通运输局２０２３年政府信息公开工作年度报告', { agency: '云溪市交通运输局', year: 2023 }],
      ['**云溪市　交通运输局2023年政府信息公开工作年度报告**', { agency: '云溪市交通运输局', year: 2023 }],
      ['云溪县人民政府办公室关于2022年度政府信息公开工作年度报告', { agency: '云溪县人民政府办公室', year: 2022 }],
      ['2021年云溪市交通运输局政府信息公开工作年度报告', { agency: '云溪市交通运输局', year: 2021 }],
      ['云溪市发展和改革委员会（云溪市粮食局）2021年政府信息公开工作年度报告', { agency: '云溪市发展和改革委员会(云溪市粮食局)', year: 2021 }],
      ['句容市机关服务中心政府信息公开工作年度报告', { agency: '句容市机关服务中心' }],
      ['2020年政府信息公开工作年度报告', { year: 2020 }],
    ];
    for (const [title, expected] of cases) assert.deepEqual(parseReportTitle(title), expected, title);
  });

  test('brackets and spaces do not make another agency; another name does', () => {
    assert.ok(sameAgency('云溪市发展和改革委员会（云溪市粮食局）', '云溪市发展和改革委员会(云溪市粮食局)'));
    assert.ok(sameAgency('云溪市 测试局', '云溪市测试局'));
    assert.ok(!sameAgency('云溪市测试局', '云溪县测试局'));
  });

  test('a report\'s identity: the agency may stand on the line above the title (Word drafts), the year may come from the period', () => {
    const split = parseReport('\n临清市人民政府办公室\n\n2020年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n');
    assert.deepEqual(reportIdentity(split), { agency: '临清市人民政府办公室', year: 2020 });
    const noYearInTitle = parseReport('句容市机关服务中心政府信息公开工作\n年度报告\n\n本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n\n一、总体情况\n');
    assert.deepEqual(reportIdentity(noYearInTitle), { agency: '句容市机关服务中心', year: 2019 });
    // A sentence above the title is not an agency name.
    assert.equal(reportIdentity(parseReport('根据条例，现公布如下。\n2020年政府信息公开工作年度报告\n')), undefined);
    assert.equal(reportIdentity(parseReport('# 云溪市测试局政府信息公开工作年度报告\n\n一、总体情况\n')), undefined, 'no year anywhere');
  });

  test('the identity from the start of a text equals the one from the whole report', () => {
    const text = buildReport('2021', { year: 2022 });
    assert.deepEqual(reportIdentityOfText(text), { agency: '云溪市测试局', year: 2022 });
    assert.deepEqual(reportIdentityOfText(text), reportIdentity(parseReport(text)));
    assert.equal(reportIdentityOfText('# 会议纪要\n\n讨论了门户网站改版。\n'), undefined);
    // A long note in an HTML comment before the title (as in examples/mistakes.gknb.md).
    const noted = `<!--\n${'说明。\n'.repeat(80)}-->\n${text}`;
    assert.deepEqual(reportIdentityOfText(noted), { agency: '云溪市测试局', year: 2022 });
  });

  test('findPreviousReport: the first candidate of the same agency for the year before', () => {
    const current = { agency: '云溪市测试局', year: 2023 };
    const candidates = [
      { uri: 'a', identity: { agency: '云溪市测试局', year: 2023 } },
      { uri: 'b', identity: { agency: '云溪市另一局', year: 2022 } },
      { uri: 'c' },
      { uri: 'd', identity: { agency: '云溪市测试局', year: 2021 } },
      { uri: 'e', identity: { agency: '云溪市 测试局', year: 2022 } },
      { uri: 'f', identity: { agency: '云溪市测试局', year: 2022 } },
    ];
    assert.equal(findPreviousReport(current, candidates)?.uri, 'e');
    assert.equal(findPreviousReport(current, candidates.slice(0, 4)), undefined);
    assert.equal(findPreviousReport(undefined, candidates), undefined);
  });
});
