import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, settingsFromConfig } from '../../server/src/service/settings';
import { Severity, buildReport, codeBag, codes, diagnosticsOf, dump, ofCode, single } from './helpers';

suite('settings', () => {
  suite('settingsFromConfig', () => {
    test('no or malformed configuration gives the defaults', () => {
      for (const raw of [undefined, null, 42, 'gknb', [], [1, 2], {}]) {
        assert.deepEqual(settingsFromConfig(raw), DEFAULT_SETTINGS, JSON.stringify(raw));
      }
      assert.deepEqual(DEFAULT_SETTINGS, {
        enable: true, template: 'auto', markdownCheck: 'auto', rules: {}, maxFileSizeKB: 2048, validateDelayMs: 100, locale: 'zh-cn',
        formatEnable: true, inlayHintsEnable: true, codeLensEnable: true, previousReport: '',
      });
    });

    test('nested objects, as VS Code returns dotted keys', () => {
      const s = settingsFromConfig({
        enable: false, template: '2019', markdown: { check: 'always' }, validate: { delayMs: 250 }, maxFileSizeKB: 512, rules: { 'row-total': 'warning' },
        format: { enable: false }, inlayHints: { enable: false },
      });
      assert.deepEqual(s, {
        enable: false, template: '2019', markdownCheck: 'always', rules: { 'row-total': 'warning' }, maxFileSizeKB: 512, validateDelayMs: 250, locale: 'zh-cn',
        formatEnable: false, inlayHintsEnable: false, codeLensEnable: true, previousReport: '',
      });
    });

    test('previousReport: a path, trimmed; anything but a string is the default (found automatically)', () => {
      assert.equal(settingsFromConfig({ previousReport: ' 2022/报告.gknb.md ' }).previousReport, '2022/报告.gknb.md');
      for (const bad of [42, null, ['a.md'], { path: 'a.md' }]) assert.equal(settingsFromConfig({ previousReport: bad }).previousReport, '', JSON.stringify(bad));
    });

    test('dotted keys', () => {
      const s = settingsFromConfig({ 'markdown.check': 'never', 'validate.delayMs': 300, template: '2021' });
      assert.equal(s.markdownCheck, 'never');
      assert.equal(s.validateDelayMs, 300);
      assert.equal(s.template, '2021');
    });

    test('invalid values fall back to the defaults', () => {
      const s = settingsFromConfig({
        enable: 'yes', template: '2020', markdown: { check: 'sometimes' }, validate: { delayMs: 'fast' }, maxFileSizeKB: '4096', rules: 'all', locale: 'fr',
      });
      assert.deepEqual(s, DEFAULT_SETTINGS);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, null, true]) {
        assert.equal(settingsFromConfig({ maxFileSizeKB: bad }).maxFileSizeKB, 2048, String(bad));
        assert.equal(settingsFromConfig({ validate: { delayMs: bad } }).validateDelayMs, 100, String(bad));
      }
      assert.equal(settingsFromConfig({ template: 2019 }).template, 'auto');
      assert.equal(settingsFromConfig({ markdown: 'always' }).markdownCheck, 'auto');
    });

    test('a size limit of zero or below falls back to the default (a bad setting must not stop checking)', () => {
      assert.equal(settingsFromConfig({ maxFileSizeKB: 0 }).maxFileSizeKB, 2048);
      assert.equal(settingsFromConfig({ maxFileSizeKB: -1 }).maxFileSizeKB, 2048);
    });

    test('the delay is kept within 0…5000 ms', () => {
      assert.equal(settingsFromConfig({ validate: { delayMs: 0 } }).validateDelayMs, 0);
      assert.equal(settingsFromConfig({ validate: { delayMs: 99999 } }).validateDelayMs, 5000);
      assert.equal(settingsFromConfig({ validate: { delayMs: -3 } }).validateDelayMs, 0);
    });

    test('the rules map keeps only valid severities', () => {
      const s = settingsFromConfig({
        rules: {
          'row-total': 'off', 'empty-cell': 'error', balance: 'fatal', 'missing-row': 2, 'unknown-label': null,
          'heading-wording': 'hint', 'section-order': 'information', 'fullwidth-digit': 'warning', 'appeal-total': 'Error',
        },
      });
      assert.deepEqual(s.rules, {
        'row-total': 'off', 'empty-cell': 'error', 'heading-wording': 'hint', 'section-order': 'information', 'fullwidth-digit': 'warning',
      });
      assert.deepEqual(settingsFromConfig({ rules: ['row-total'] }).rules, {});
    });

    test('locale: the client locale, unless the configuration names one', () => {
      assert.equal(settingsFromConfig({}, 'en').locale, 'en');
      assert.equal(settingsFromConfig({ locale: 'zh-cn' }, 'en').locale, 'zh-cn');
      assert.equal(settingsFromConfig({ locale: 'en' }).locale, 'en');
      assert.equal(settingsFromConfig({ locale: 'de' }, 'en').locale, 'en');
    });
  });

  suite('through validateText', () => {
    const wrongTotal = (): string => buildReport('2021', { requests: { new: { total: 6 } } });

    test("rules: {'row-total': 'off'} removes that rule only", () => {
      const text = wrongTotal();
      assert.deepEqual(codeBag(diagnosticsOf(text)), ['balance', 'row-total']);
      const diags = diagnosticsOf(text, { rules: { 'row-total': 'off' } });
      assert.deepEqual(codes(diags), ['balance'], dump(diags));
    });

    test("rules: {'empty-cell': 'error'} changes its severity, also for the totals that warn by default", () => {
      const text = buildReport('2019', { requests: { 'r3.1': { commercial: '' }, r1: { total: '' } } });
      const byDefault = ofCode(diagnosticsOf(text), 'empty-cell');
      assert.deepEqual(byDefault.map((d) => d.severity).sort(), [Severity.warning, Severity.information]);
      const overridden = ofCode(diagnosticsOf(text, { rules: { 'empty-cell': 'error' } }), 'empty-cell');
      assert.equal(overridden.length, 2);
      for (const d of overridden) assert.equal(d.severity, Severity.error);
      const hint = ofCode(diagnosticsOf(text, { rules: { 'empty-cell': 'hint' } }), 'empty-cell');
      for (const d of hint) assert.equal(d.severity, Severity.hint);
    });

    test('default severities: arithmetic and structure are errors, the rest warnings or information', () => {
      const text = buildReport('2019', {
        headings: { 1: '## 一、概述', 6: null },
        requests: { new: { total: 6 }, 'r3.1': { commercial: '' }, 'r3.2': { natural: '无' }, carryover: { research: '０' } },
        appeals: { 'review.total': 3 },
        dropRequestRows: ['r5.4'],
        transform: (lines) => [...lines, '', '## 一、总体情况'],
      }).replace('| 社会公益组织 |', '| 社会组织 |');
      const diags = diagnosticsOf(text);
      const severityOf = (code: string): number | undefined => ofCode(diags, code)[0]?.severity;
      const expected: Record<string, number> = {
        'missing-section': Severity.error,
        'duplicate-section': Severity.warning,
        'heading-wording': Severity.information,
        'missing-row': Severity.warning,
        'unknown-label': Severity.information,
        'row-total': Severity.error,
        balance: Severity.error,
        'appeal-total': Severity.error,
        'empty-cell': Severity.information,
        'invalid-number': Severity.error,
        'fullwidth-digit': Severity.warning,
      };
      for (const [code, severity] of Object.entries(expected)) assert.equal(severityOf(code), severity, `${code}:\n${dump(diags)}`);
    });

    test('enable: false checks nothing', () => {
      assert.deepEqual(diagnosticsOf(wrongTotal(), { enable: false }), []);
      assert.deepEqual(diagnosticsOf('', { enable: false }), []);
    });

    suite('Markdown documents', () => {
      const readme = '# 项目说明\n\n本仓库存放各部门的年报草稿。\n\n## 使用方法\n\n运行 gknb check。\n';

      test("'auto': a report with a title naming 政府信息公开 and 年度报告 is checked", () => {
        const text = wrongTotal();
        assert.deepEqual(codeBag(diagnosticsOf(text, {}, 'markdown')), ['balance', 'row-total']);
        // The title alone is enough.
        const titleOnly = '云溪市测试局2023年政府信息公开工作年度报告\n\n正文。\n';
        assert.equal(ofCode(diagnosticsOf(titleOnly, {}, 'markdown'), 'missing-section').length, 6);
        const atxTitle = '前言\n\n# 云溪市测试局政府信息公开工作年度报告\n';
        assert.equal(ofCode(diagnosticsOf(atxTitle, {}, 'markdown'), 'missing-section').length, 6);
      });

      test("'auto': three section headings without a title are a report", () => {
        const text = '## 一、总体情况\n\n正文。\n\n## 二、主动公开政府信息情况\n\n正文。\n\n## 五、存在的主要问题及改进情况\n';
        const diags = diagnosticsOf(text, {}, 'markdown');
        assert.deepEqual(ofCode(diags, 'missing-section').map((d) => (d.data as { section: number }).section), [3, 4, 6]);
      });

      test("'auto': other Markdown is not checked", () => {
        assert.deepEqual(diagnosticsOf(readme, {}, 'markdown'), []);
        const two = '## 一、总体情况\n\n## 二、主动公开政府信息情况\n';
        assert.deepEqual(diagnosticsOf(two, {}, 'markdown'), []);
        // Naming the report in body text (not the first line, not a heading) is not enough.
        const mention = '# 周报\n\n本周起草了2023年政府信息公开工作年度报告。\n';
        assert.deepEqual(diagnosticsOf(mention, {}, 'markdown'), []);
        // The same text as a gknb document is always checked.
        assert.equal(ofCode(diagnosticsOf(readme), 'missing-section').length, 6);
      });

      test("'always' and 'never'", () => {
        assert.equal(ofCode(diagnosticsOf(readme, { markdownCheck: 'always' }, 'markdown'), 'missing-section').length, 6);
        assert.deepEqual(diagnosticsOf(wrongTotal(), { markdownCheck: 'never' }, 'markdown'), []);
        // 'never' is about Markdown: a gknb document is still checked.
        assert.deepEqual(codeBag(diagnosticsOf(wrongTotal(), { markdownCheck: 'never' })), ['balance', 'row-total']);
      });

      test('other languages are never checked', () => {
        assert.deepEqual(diagnosticsOf(wrongTotal(), { markdownCheck: 'always' }, 'plaintext'), []);
      });
    });

    test('maxFileSizeKB: exactly one file-too-large information diagnostic and no other work', () => {
      const text = wrongTotal();
      const kb = Math.floor(Buffer.byteLength(text, 'utf8') / 1024);
      const diags = diagnosticsOf(text, { maxFileSizeKB: kb });
      assert.deepEqual(codes(diags), ['file-too-large']);
      assert.equal(diags[0].severity, Severity.information);
      assert.deepEqual(codeBag(diagnosticsOf(text, { maxFileSizeKB: kb + 1 })), ['balance', 'row-total']);
    });

    test("template: '2019' on a 2021-year report changes table 三's expected rows", () => {
      // The table gives no hint of its own (its （六） rows are gone), so the report's template decides.
      const text = buildReport('2021', { dropRequestRows: ['r6.1', 'r6.2', 'r6.3'] });
      const auto = single(diagnosticsOf(text), 'missing-row');
      assert.deepEqual((auto.data as { rowIds: string[] }).rowIds, ['r6.1', 'r6.2', 'r6.3']);
      assert.equal(auto.message, '表格缺少“（六）其他处理”及其 3 个子项。');
      const forced = single(diagnosticsOf(text, { template: '2019' }), 'missing-row');
      assert.deepEqual((forced.data as { rowIds: string[] }).rowIds, ['r6']);
      assert.equal(forced.message, '表格缺少行“（六）其他处理”。');
    });

    test("template: '2021' on a 2019-year report with a blank （六） row makes it a group label", () => {
      // （六）'s one 自然人 moved to （四）1 so that （七）总计 still adds up either way.
      const text = buildReport('2019', { requests: { r6: ['', '', '', '', '', '', ''], 'r4.1': [2, 0, 0, 0, 0, 0, 2] } });
      const auto = diagnosticsOf(text);
      assert.equal(ofCode(auto, 'empty-cell').length, 7, dump(auto));
      const forced = diagnosticsOf(text, { template: '2021' });
      assert.equal(ofCode(forced, 'empty-cell').length, 0, dump(forced));
      assert.deepEqual((single(forced, 'missing-row').data as { rowIds: string[] }).rowIds, ['r6.1', 'r6.2', 'r6.3']);
    });

    test('locale en gives English messages', () => {
      const d = single(diagnosticsOf(wrongTotal(), { locale: 'en' }), 'row-total');
      assert.equal(d.message, 'Total should be 7 (5+1+0+0+1+0), found 6 (本年新收)');
    });
  });
});
