import * as assert from 'node:assert/strict';
import {
  Severity, TEMPLATES, assertFixed, buildReport, codes, diagnosticsOf, dump, lineOf, ofCode, replaceOnce, replaceRange, single, textAt,
} from '../helpers';

suite('rule unknown-label', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a non-template column label of table 三 with the suggestion', () => {
        const text = replaceOnce(buildReport(template), '| 社会公益组织 |', '| 社会组织 |');
        const diags = diagnosticsOf(text);
        const d = single(diags, 'unknown-label');
        assert.equal(d.severity, Severity.information);
        assert.equal(d.range.start.line, lineOf(text, '| 商业企业 |'));
        assert.equal(textAt(text, d.range), '社会组织');
        assert.equal(d.message, '列标签“社会组织”不是模板标签，应为“社会公益组织”。');
        assert.deepEqual(d.data, { rule: 'unknown-label', suggestion: '社会公益组织' });
        assert.deepEqual(codes(diags), ['unknown-label'], dump(diags));
      });

      test('flags a mistyped row label and still checks the row it obviously means', () => {
        const typo = replaceOnce(buildReport(template), '4.保护第三方合法权益', '4.保护第三方合法权利');
        const d = single(diagnosticsOf(typo), 'unknown-label');
        assert.equal(d.range.start.line, lineOf(typo, '4.保护第三方合法权利'));
        assert.equal(textAt(typo, d.range), '4.保护第三方合法权利');
        assert.equal(d.message, '行标签“4.保护第三方合法权利”不是模板标签，应为“4.保护第三方合法权益”。');
        // The row is bound: a wrong total on it is a row-total, and no missing-row.
        const wrong = replaceOnce(typo, '| 4.保护第三方合法权利 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |', '| 4.保护第三方合法权利 | 0 | 0 | 0 | 0 | 1 | 0 | 2 |');
        const diags = diagnosticsOf(wrong);
        assert.equal(ofCode(diags, 'row-total').length, 1, dump(diags));
        assert.equal(ofCode(diags, 'missing-row').length, 0, dump(diags));
      });

      test('a number-less row after the header that names no column is a data row: its fragment is a row label', () => {
        // A truncated paste leaves 益 of 4.保护第三方合法权益 in a row of its own, right after the header rows.
        const base = buildReport(template);
        const firstDataRow = base.split('\n').findIndex((l) => l.startsWith('| 一、本年新收'));
        const lines = base.split('\n');
        lines.splice(firstDataRow, 0, '| | | 益 | | | | | | | |');
        const text = lines.join('\n');
        const d = single(diagnosticsOf(text).filter((x) => x.code === 'unknown-label'), 'unknown-label');
        assert.equal(textAt(text, d.range), '益');
        assert.equal(d.message, '行标签“益”与模板中的任何标签都不相符。');
      });

      test('flags a label that matches nothing without a suggestion', () => {
        const text = replaceOnce(buildReport(template), '| 商业企业 |', '| 个体工商户 |');
        const d = single(diagnosticsOf(text), 'unknown-label');
        assert.equal(textAt(text, d.range), '个体工商户');
        assert.equal(d.message, '列标签“个体工商户”与模板中的任何标签都不相符。');
        assert.equal(d.data, undefined);
      });

      test('flags numbers without a row label', () => {
        const text = buildReport(template, {
          transform: (lines) => {
            const at = lines.findIndex((l) => l.startsWith('| 四、结转下年度继续办理'));
            return [...lines.slice(0, at + 1), '|  |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', ...lines.slice(at + 1)];
          },
        });
        const d = single(diagnosticsOf(text), 'unknown-label');
        assert.equal(d.message, '此行有数字但没有行标签，无法对应到模板中的行。');
        assert.equal(d.range.start.line, lineOf(text, '| 四、结转下年度继续办理') + 1);
      });

      test('flags a mistyped column word of table 二 and table 四', () => {
        const active = template === '2019'
          ? replaceOnce(buildReport(template), '| 本年新公开数量 |', '| 本年新公布数量 |')
          : replaceOnce(buildReport(template), '| 本年废止件数 |', '| 本年废除件数 |');
        const a = single(diagnosticsOf(active), 'unknown-label');
        assert.equal(textAt(active, a.range), template === '2019' ? '本年新公布数量' : '本年废除件数');
        assert.equal((a.data as { suggestion: string }).suggestion, template === '2019' ? '本年新公开数量' : '本年废止件数');
        const appeals = replaceOnce(buildReport(template), '| 尚未审结 | 总计 | 未经复议直接起诉', '| 尚未审结 | 合计 | 未经复议直接起诉');
        const b = single(diagnosticsOf(appeals), 'unknown-label');
        assert.equal(textAt(appeals, b.range), '合计');
      });

      test('does not flag letter-spacing, ASCII brackets, 法人或者其他组织 or the relation note', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const variants = [
          (t: string) => replaceOnce(t, '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉', '| 结 果 维 持 | 结果纠正 | 其他结果 | 尚未审结 | 总　计 | 未经复议直接起诉'),
          (t: string) => replaceOnce(t, '（一）予以公开', '(一)予以公开'),
          (t: string) => replaceOnce(t, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'),
          (t: string) => replaceOnce(t, '法人或其他组织', '法人或者其他组织'),
          (t: string) => replaceOnce(t, '3.危及“三安全一稳定”', '3.危及"三安全一稳定"'),
          (t: string) => replaceOnce(t, '| 自然人 |', '| 自 然 人 |'),
          (t: string) => replaceOnce(t, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)'),
        ];
        for (const change of variants) {
          const text = change(buildReport(template));
          const diags = diagnosticsOf(text);
          assert.deepEqual(codes(diags), [], dump(diags));
        }
      });

      test('does not flag a line break written <br> inside a label cell', () => {
        // Word cells with line breaks arrive in Markdown as <br>; labels are matched after normalising.
        for (const label of ['（二）部分公开<br>（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开<br/>（区分处理的，只计这一情形，不计其他情形）']) {
          const text = buildReport(template, { requestLabels: { r2: ['', label, ''] } });
          const diags = diagnosticsOf(text);
          assert.deepEqual(codes(diags), [], dump(diags));
        }
      });

      test('does not flag a tab-separated table 四 with letter-spaced labels', () => {
        const text = buildReport(template, {
          appealsFormat: 'tab',
          transform: (lines) => lines.map((l) => l.replace(/^结果维持\t/, '结 果 维 持\t')),
        });
        assert.ok(text.includes('结 果 维 持\t'));
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('fix: replacing the label with data.suggestion relints clean', () => {
        for (const [from, to] of [['| 社会公益组织 |', '| 社会组织 |'], ['4.保护第三方合法权益', '4.保护第三方合法权利']]) {
          const text = replaceOnce(buildReport(template), from, to);
          const before = diagnosticsOf(text);
          const d = single(before, 'unknown-label');
          const fixed = replaceRange(text, d.range, (d.data as { suggestion: string }).suggestion);
          assertFixed(before, diagnosticsOf(fixed), 'unknown-label');
        }
      });
    });
  }
});
