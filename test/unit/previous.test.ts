// The server's look-up of last year's report (server/src/previous.ts) without a connection:
// where gknb.previousReport points, and which open document or workspace file is chosen.
import * as assert from 'node:assert/strict';
import { PreviousReports, previousReportUri, uriKey, type OpenReport, type ReportFiles } from '../../server/src/previous';
import { parseReport } from '../../server/src/service/parser';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { buildReport } from './helpers';

const report = (year: number, agency = '云溪市测试局') => buildReport('2021', { year, title: `${agency}${year}年政府信息公开工作年度报告` });

function openReport(uri: string, text: string, version = 1): OpenReport {
  return { uri, version, text: () => text, model: async () => parseReport(text) };
}

suite('previous report look-up (server)', () => {
  test('gknb.previousReport: relative to the workspace folder holding the document, else the document\'s folder', () => {
    const folders = ['file:///w', 'file:///w/sub'];
    assert.equal(previousReportUri('2022/报告.gknb.md', 'file:///w/sub/2023.gknb.md', folders), 'file:///w/sub/2022/%E6%8A%A5%E5%91%8A.gknb.md');
    assert.equal(previousReportUri('..\\old\\2022.gknb.md', 'file:///w/a/2023.gknb.md', folders), 'file:///old/2022.gknb.md');
    assert.equal(previousReportUri('2022.gknb.md', 'file:///elsewhere/x/2023.gknb.md', []), 'file:///elsewhere/x/2022.gknb.md');
    assert.equal(previousReportUri('vscode-vfs://github/o/r/2022.gknb.md', 'file:///w/2023.gknb.md', folders), 'vscode-vfs://github/o/r/2022.gknb.md');
    assert.equal(previousReportUri('/abs/2022.gknb.md', 'file:///w/2023.gknb.md', folders), 'file:///abs/2022.gknb.md');
    const files = { uriOfPath: (p: string) => `file:///${p.replace(/\\/g, '/')}` } as unknown as ReportFiles;
    assert.equal(previousReportUri('C:\\r\\2022.gknb.md', 'file:///c%3A/r/2023.gknb.md', [], files), 'file:///C:/r/2022.gknb.md');
    assert.equal(uriKey('file:///c%3A/r/%E6%8A%A5.md'), uriKey('file:///C:/r/报.md'));
  });

  test('an open report of the same agency for the year before wins over a workspace file; another agency never matches', async () => {
    const open = [openReport('file:///w/2023.gknb.md', report(2023)), openReport('file:///w/other-2022.gknb.md', report(2022, '云溪市另一局'))];
    let scans = 0;
    const files: ReportFiles = {
      uriOfPath: () => undefined,
      candidates: async () => {
        scans++;
        return [{ uri: 'file:///w/disk-2022.gknb.md', identity: { agency: '云溪市测试局', year: 2022 } }];
      },
      load: async () => parseReport(report(2022)),
      changed: () => undefined,
    };
    let scanned!: () => void;
    const done = new Promise<void>((resolve) => (scanned = resolve));
    const previous = new PreviousReports(() => open, files, () => scanned());
    previous.setFolders(['file:///w']);
    const model = parseReport(report(2023));
    // The first look-up starts the scan without waiting for it.
    assert.equal(await previous.find('file:///w/2023.gknb.md', model, DEFAULT_SETTINGS), undefined);
    await done;
    assert.deepEqual(previous.waiting(), ['file:///w/2023.gknb.md']);
    assert.equal((await previous.find('file:///w/2023.gknb.md', model, DEFAULT_SETTINGS))?.uri, 'file:///w/disk-2022.gknb.md');
    assert.deepEqual(previous.dependentsOf('file:///w/disk-2022.gknb.md'), ['file:///w/2023.gknb.md']);
    open.push(openReport('file:///w/2022.gknb.md', report(2022)));
    assert.deepEqual(previous.newDependents('file:///w/2022.gknb.md', parseReport(report(2022))), ['file:///w/2023.gknb.md']);
    assert.equal((await previous.find('file:///w/2023.gknb.md', model, DEFAULT_SETTINGS))?.uri, 'file:///w/2022.gknb.md');
    assert.deepEqual(previous.newDependents('file:///w/2022.gknb.md', parseReport(report(2022))), [], 'already checked against it');
    assert.equal(scans, 1, 'the scan is reused until files change');
    previous.forget('file:///w/2023.gknb.md');
    assert.deepEqual(previous.dependentsOf('file:///w/2022.gknb.md'), []);
  });

  test('gknb.previousReport names an open document or a file, compared even for another agency name', async () => {
    const open = [openReport('file:///w/2023.gknb.md', report(2023)), openReport('file:///w/renamed.gknb.md', report(2022, '云溪市旧名局'))];
    const previous = new PreviousReports(() => open, undefined, () => undefined);
    previous.setFolders(['file:///w']);
    const found = await previous.find('file:///w/2023.gknb.md', parseReport(report(2023)), { ...DEFAULT_SETTINGS, previousReport: 'renamed.gknb.md' });
    assert.equal(found?.uri, 'file:///w/renamed.gknb.md');
    assert.equal(found?.explicit, true);
    assert.equal(await previous.find('file:///w/2023.gknb.md', parseReport(report(2023)), { ...DEFAULT_SETTINGS, previousReport: 'missing.gknb.md' }), undefined);
  });
});
