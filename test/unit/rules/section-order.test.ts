import * as assert from 'node:assert/strict';
import { HEADINGS, Severity, TEMPLATES, assertFixed, buildReport, codes, diagnosticsOf, lineOf, messageOf, ofCode, single, splitLines, textAt } from '../helpers';

/** Moves section 六 (heading to end) in front of section 五. */
function swapFiveAndSix(lines: string[]): string[] {
  const five = lines.indexOf(`## ${HEADINGS[5]}`);
  const six = lines.indexOf(`## ${HEADINGS[6]}`);
  const sixBlock = lines.slice(six);
  return [...lines.slice(0, five), ...sixBlock, '', ...lines.slice(five, six)];
}

suite('rule section-order', () => {
  for (const template of TEMPLATES) {
    suite(`${template} template`, () => {
      test('flags a section that comes after a later one, on its heading text', () => {
        const text = buildReport(template, { transform: swapFiveAndSix });
        const diags = diagnosticsOf(text);
        const d = single(diags, 'section-order');
        assert.equal(d.severity, Severity.warning);
        const fiveLine = lineOf(text, HEADINGS[5]);
        assert.ok(fiveLine > lineOf(text, HEADINGS[6]));
        assert.equal(d.range.start.line, fiveLine);
        assert.equal(d.range.start.character, 3, 'the range starts after `## `');
        assert.equal(textAt(text, d.range), HEADINGS[5]);
        assert.equal(d.message, '“五、存在的主要问题及改进情况”应位于“六、其他需要报告的事项”之前。');
        assert.deepEqual(d.data, { rule: 'section-order', section: 5 });
        assert.deepEqual(codes(diags), ['section-order']);
      });

      test('flags every section that comes after a later one', () => {
        // 一 二 三 四 moved behind 五 六: 五 and 六 first, then 一…四 each out of order.
        const text = buildReport(template, {
          transform: (lines) => {
            const five = lines.indexOf(`## ${HEADINGS[5]}`);
            const one = lines.indexOf(`## ${HEADINGS[1]}`);
            return [...lines.slice(0, one), ...lines.slice(five), '', ...lines.slice(one, five)];
          },
        });
        const found = ofCode(diagnosticsOf(text), 'section-order');
        assert.deepEqual(found.map((d) => (d.data as { section: number }).section), [1, 2, 3, 4]);
        for (const d of found) assert.match(messageOf(d), /应位于“六、其他需要报告的事项”之前/);
      });

      test('does not flag the correct order, nor body text naming a section', () => {
        assert.deepEqual(codes(diagnosticsOf(buildReport(template))), []);
        const text = buildReport(template, {
          transform: (lines) => {
            const one = lines.indexOf(`## ${HEADINGS[1]}`);
            return [...lines.slice(0, one + 2), '其他需要报告的事项详见本报告第六部分。', '', ...lines.slice(one + 2)];
          },
        });
        assert.deepEqual(codes(diagnosticsOf(text)), []);
      });

      test('does not flag a repeated earlier heading (duplicate-section reports it)', () => {
        const text = buildReport(template, { transform: (lines) => [...lines, '', `## ${HEADINGS[3]}`] });
        const diags = diagnosticsOf(text);
        assert.equal(ofCode(diags, 'section-order').length, 0);
        assert.deepEqual(codes(diags), ['duplicate-section']);
      });

      test('fix: moving the section back relints clean', () => {
        const text = buildReport(template, { transform: swapFiveAndSix });
        const before = diagnosticsOf(text);
        single(before, 'section-order');
        // Move 五 (its heading to the line before 六's heading... which now follows it) back before 六.
        const lines = splitLines(text);
        const six = lines.indexOf(`## ${HEADINGS[6]}`);
        const five = lines.indexOf(`## ${HEADINGS[5]}`);
        const fiveBlock = lines.slice(five).filter((l, i, all) => i < all.length - 1 || l !== '');
        const fixed = [...lines.slice(0, six), ...fiveBlock, '', ...lines.slice(six, five)].join('\n').replace(/\n+$/, '\n');
        assertFixed(before, diagnosticsOf(fixed), 'section-order');
      });
    });
  }
});
