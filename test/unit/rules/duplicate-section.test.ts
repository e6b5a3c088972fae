import * as assert from 'node:assert/strict';
import { HEADINGS, Severity, TEMPLATES, assertFixed, buildReport, codes, deleteLines, diagnosticsOf, dump, lineOf, single, textAt } from '../helpers';

suite('rule duplicate-section', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      const withDuplicate = (): string => buildReport(template, {
        transform: (lines) => [...lines, '', `## ${HEADINGS[3]}`, '', '（上一年度报告的段落误粘贴于此。）'],
      });

      test('flags the repeated heading, pointing at the first occurrence', () => {
        const text = withDuplicate();
        const diags = diagnosticsOf(text);
        const d = single(diags, 'duplicate-section');
        assert.equal(d.severity, Severity.warning);
        const first = lineOf(text, HEADINGS[3]);
        const second = lineOf(text, HEADINGS[3], first + 1);
        assert.equal(d.range.start.line, second);
        assert.equal(textAt(text, d.range), HEADINGS[3]);
        assert.equal(d.message, `“${HEADINGS[3]}”重复出现（第 ${first + 1} 行已有）。`);
        assert.equal(d.relatedInformation?.length, 1);
        const related = d.relatedInformation![0];
        assert.equal(related.location.uri, 'file:///t.gknb.md');
        assert.equal(related.location.range.start.line, first);
        assert.equal(textAt(text, related.location.range), HEADINGS[3]);
        assert.equal(related.message, '首次出现');
        assert.deepEqual(codes(diags), ['duplicate-section']);
      });

      test('flags a repeat written with a variant wording', () => {
        const text = buildReport(template, { transform: (lines) => [...lines, '', '## 一、概述'] });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'duplicate-section');
        assert.equal(textAt(text, d.range), '一、概述');
        assert.equal(d.relatedInformation![0].location.range.start.line, lineOf(text, HEADINGS[1]));
      });

      test('does not flag table row labels, 2021 sub-heads or fenced copies', () => {
        // Table 三 has rows 一、…二、…三、…四、 and 2021 reports have （一）…（五） sub-heads in 一.
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const fenced = buildReport(template, { transform: (lines) => [...lines, '', '```markdown', `## ${HEADINGS[3]}`, '```'] });
        assert.deepEqual(codes(diagnosticsOf(fenced)), []);
        const commented = buildReport(template, { transform: (lines) => [...lines, '', '<!--', `## ${HEADINGS[3]}`, '-->'] });
        assert.deepEqual(codes(diagnosticsOf(commented)), []);
      });

      test('does not flag a （一）-numbered sub-head that reuses a section\'s wording', () => {
        // 2021 reports write 一、总体情况 with sub-heads （一）…（五） (主动公开, 依申请公开, …); a sub-head
        // numbered （一） is not one of the six sections, even in an ATX heading.
        for (const sub of ['### （一）主动公开政府信息情况', '### （二）收到和处理政府信息公开申请情况']) {
          const text = buildReport(template, {
            transform: (lines) => {
              const at = lines.indexOf(`## ${HEADINGS[1]}`) + 2;
              return [...lines.slice(0, at), sub, '', '正文。', '', ...lines.slice(at)];
            },
          });
          const diags = diagnosticsOf(text);
          assert.deepEqual(codes(diags), [], `${sub}:\n${dump(diags)}`);
        }
      });

      test('fix: deleting the repeated heading relints clean', () => {
        const text = withDuplicate();
        const before = diagnosticsOf(text);
        const d = single(before, 'duplicate-section');
        assertFixed(before, diagnosticsOf(deleteLines(text, d.range.start.line)), 'duplicate-section');
      });
    });
  }
});
