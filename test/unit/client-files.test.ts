// ClientReportFiles: the web-worker server's view of the workspace files (cross-year), asked of
// the client. A fake client answers gknb/reportFiles and gknb/readFile from a map and counts the
// requests, so the caching by modification time and the size limit are visible.
import * as assert from 'node:assert/strict';
import { ClientReportFiles } from '../../server/src/clientFiles';
import { READ_FILE_REQUEST, REPORT_FILES_REQUEST, type ReportFileInfo, type ReportFilesParams } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import { buildReport } from './helpers';

interface FakeFile { text: string; mtime: number }

function fakeClient(files: Map<string, FakeFile>) {
  const calls: string[] = [];
  const request = async <R>(method: string, params: unknown): Promise<R> => {
    calls.push(method);
    if (method === REPORT_FILES_REQUEST) {
      const { maxBytes } = params as ReportFilesParams;
      const list: ReportFileInfo[] = [...files].map(([uri, f]) => {
        const size = Buffer.byteLength(f.text);
        return size > maxBytes ? { uri, mtime: f.mtime, size } : { uri, mtime: f.mtime, size, head: f.text.slice(0, 16 * 1024) };
      });
      return list as R;
    }
    if (method === READ_FILE_REQUEST) {
      const f = files.get((params as { uri: string }).uri);
      return (f ? { text: f.text, mtime: f.mtime, size: Buffer.byteLength(f.text) } : null) as R;
    }
    throw new Error(`unknown request ${method}`);
  };
  return { request, calls };
}

const FOLDER = 'vscode-test-web://mount';
const LAST = `${FOLDER}/reports/2022.gknb.md`;
const NOTES = `${FOLDER}/notes.md`;

suite('ClientReportFiles (web-worker server: workspace files through the client)', () => {
  test('candidates: reports with their agency and year; notes are not reports; the listing is asked once until a change', async () => {
    const files = new Map<string, FakeFile>([
      [LAST, { text: buildReport('2021', { year: 2022, title: '云溪市测试局2022年政府信息公开工作年度报告' }), mtime: 1 }],
      [NOTES, { text: '# 会议纪要\n\n门户网站改版。\n', mtime: 1 }],
    ]);
    const { request, calls } = fakeClient(files);
    const reportFiles = new ClientReportFiles(request);
    const found = await reportFiles.candidates([FOLDER], 2048);
    assert.deepEqual(found, [{ uri: LAST, identity: { agency: '云溪市测试局', year: 2022 } }]);
    await reportFiles.candidates([FOLDER], 2048);
    assert.deepEqual(calls, [REPORT_FILES_REQUEST], 'the listing is cached');
    reportFiles.changed([LAST]);
    await reportFiles.candidates([FOLDER], 2048);
    assert.deepEqual(calls, [REPORT_FILES_REQUEST, REPORT_FILES_REQUEST], 'asked again after a change');
    // Above the size limit: not a candidate.
    assert.deepEqual(await new ClientReportFiles(fakeClient(files).request).candidates([FOLDER], 1), []);
  });

  test('load: parses the file the client reads, cached by modification time; unreadable or too large gives nothing', async () => {
    const files = new Map<string, FakeFile>([[LAST, { text: buildReport('2021', { year: 2022 }), mtime: 1 }]]);
    const { request, calls } = fakeClient(files);
    const reportFiles = new ClientReportFiles(request);
    const model = await reportFiles.load(LAST, DEFAULT_SETTINGS);
    assert.equal(model?.year, 2022);
    assert.equal(model?.tables.length, 3);
    assert.equal(await reportFiles.load(LAST, DEFAULT_SETTINGS), model, 'same mtime: the same model');
    files.set(LAST, { text: buildReport('2021', { year: 2022 }).replace('2022年政府', '2022年度政府'), mtime: 2 });
    assert.notEqual(await reportFiles.load(LAST, DEFAULT_SETTINGS), model, 'new mtime: parsed again');
    assert.equal(calls.filter((c) => c === READ_FILE_REQUEST).length, 3);
    assert.equal(await reportFiles.load(`${FOLDER}/missing.gknb.md`, DEFAULT_SETTINGS), undefined);
    assert.equal(await reportFiles.load(LAST, { ...DEFAULT_SETTINGS, maxFileSizeKB: 1 }), undefined);
    // A client that does not know the requests (not gknb's own client): nothing, no error.
    const refusing = new ClientReportFiles(async () => { throw new Error('unhandled method'); });
    assert.deepEqual(await refusing.candidates([FOLDER], 2048), []);
    assert.equal(await refusing.load(LAST, DEFAULT_SETTINGS), undefined);
  });
});
