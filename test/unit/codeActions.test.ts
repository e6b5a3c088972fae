// Quick fixes, fix-all and the checker's gknb-disable directives. Every fix is applied to the
// failing input and the result re-validated: the diagnostic is gone, no new diagnostic code
// appears, and every line outside the edit ranges is unchanged.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { CONVERT_TABLE_KIND, SAFE_FIX_RULES, applyEdits, fixAll, getCodeActions, getRefactorActions } from '../../server/src/service/codeActions';
import { parseReport } from '../../server/src/service/parser';
import { sectionSkeleton, standardTable } from '../../server/src/service/skeleton';
import {
  TEMPLATES, URI, activeTableLines, appealTableLines, buildReport, codes, diagnosticsOf, dump, lineOf, messageOf, offsetAt, ofCode, replaceOnce, splitLines,
} from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const MISTAKES = readFileSync(path.join(EXAMPLES, 'mistakes.gknb.md'), 'utf8');
const ARITHMETIC = new Set(['row-total', 'result-total', 'balance', 'appeal-total']);

// ---------------------------------------------------------------------------------------
// Helpers.

function actionsFor(text: string, d: Diagnostic): CodeAction[] {
  return getCodeActions(text, [d], { uri: URI, languageId: 'gknb' });
}

function editsOf(action: CodeAction): TextEdit[] {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length > 0, `action “${action.title}” has no edits for ${URI}`);
  return edits;
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/**
 * Applies edits the way an editor does (independently of the service's applyEdits, which must
 * agree), then checks that every line no edit range touches is unchanged, at its shifted place.
 */
function applyChecked(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1].range.end;
    const b = sorted[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'edits overlap');
  }
  let independent = text;
  for (const e of [...sorted].reverse()) {
    const start = offsetAt(text, e.range.start.line, e.range.start.character);
    const end = offsetAt(text, e.range.end.line, e.range.end.character);
    assert.ok(start <= end && end <= text.length, `edit range ${JSON.stringify(e.range)} outside the document`);
    independent = independent.slice(0, start) + e.newText + independent.slice(end);
  }
  assert.equal(applyEdits(text, edits), independent, 'applyEdits agrees with an editor');
  const before = splitLines(text);
  const after = splitLines(independent);
  let shift = 0;
  let k = 0;
  for (let line = 0; line < before.length; line++) {
    while (k < sorted.length && sorted[k].range.end.line < line) {
      shift += lineBreaks(sorted[k].newText) - (sorted[k].range.end.line - sorted[k].range.start.line);
      k++;
    }
    if (sorted.some((e) => e.range.start.line <= line && line <= e.range.end.line)) continue;
    assert.equal(after[line + shift], before[line], `line ${line} is outside every edit but changed`);
  }
  return independent;
}

interface Applied {
  readonly diagnostic: Diagnostic;
  readonly actions: CodeAction[];
  readonly action: CodeAction;
  readonly before: Diagnostic[];
  readonly text: string;
  readonly after: Diagnostic[];
}

/** The one diagnostic of `code` (matching `match`) in `text`. */
function theDiagnostic(text: string, code: string, match: (d: Diagnostic) => boolean = () => true): { diagnostic: Diagnostic; before: Diagnostic[] } {
  const before = diagnosticsOf(text);
  const found = before.filter((d) => d.code === code && match(d));
  assert.equal(found.length, 1, `expected one ${code}:\n${dump(before)}`);
  return { diagnostic: found[0], before };
}

/**
 * Applies the action titled `title` (or the preferred one) for the one diagnostic of `code`;
 * asserts the diagnostic is gone, no new code appeared, lines outside the edits are unchanged.
 */
function applyFix(text: string, code: string, options: { title?: string | RegExp; match?: (d: Diagnostic) => boolean; allowNew?: readonly string[] } = {}): Applied {
  const { diagnostic, before } = theDiagnostic(text, code, options.match);
  const actions = actionsFor(text, diagnostic);
  const action = options.title === undefined
    ? actions.find((a) => a.isPreferred)
    : actions.find((a) => (typeof options.title === 'string' ? a.title === options.title : options.title!.test(a.title)));
  assert.ok(action, `no action ${String(options.title ?? '(preferred)')} for ${code}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const fixed = applyChecked(text, editsOf(action));
  const after = diagnosticsOf(fixed);
  assert.ok(!after.some((d) => d.code === code && messageOf(d) === messageOf(diagnostic)), `${code} “${messageOf(diagnostic)}” still reported:\n${dump(after)}`);
  assertNoNewCode(before, after, options.allowNew);
  return { diagnostic, actions, action, before, text: fixed, after };
}

function assertNoNewCode(before: readonly Diagnostic[], after: readonly Diagnostic[], allowNew: readonly string[] = []): void {
  const had = new Set([...codes(before), ...allowNew]);
  const added = after.filter((d) => !had.has(String(d.code)));
  assert.deepEqual(added, [], `the fix introduced new diagnostic codes:\n${dump(added)}`);
}

const DISABLE = /^在此(行|文件)禁用 /;

/** Exactly one preferred action, the one titled `title`; disable actions never preferred. */
function assertPreferred(actions: readonly CodeAction[], title: string | undefined): void {
  const preferred = actions.filter((a) => a.isPreferred).map((a) => a.title);
  assert.deepEqual(preferred, title === undefined ? [] : [title], `preferred among ${JSON.stringify(actions.map((a) => `${a.title}${a.isPreferred ? '*' : ''}`))}`);
  for (const a of actions) if (DISABLE.test(a.title)) assert.ok(!a.isPreferred);
}

function fixTitles(actions: readonly CodeAction[]): string[] {
  return actions.filter((a) => !DISABLE.test(a.title)).map((a) => a.title);
}

/** Arithmetic findings by what they are about (rule, row, column), as the balance fix compares them. */
function arithmeticKeys(diags: readonly Diagnostic[]): Set<string> {
  return new Set(diags.filter((d) => ARITHMETIC.has(String(d.code))).map((d) => {
    const data = (d.data ?? {}) as Record<string, unknown>;
    return `${String(d.code)}|${String(data.rowId ?? '')}|${String(data.columnId ?? '')}`;
  }));
}

/** Removes a whole section (heading and body, up to the next `## ` heading) from a built report. */
function withoutSection(text: string, heading: string): string {
  const lines = splitLines(text);
  const start = lineOf(text, `## ${heading}`);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('## ')) end++;
  lines.splice(start, end - start);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------

suite('code actions: totals', () => {
  for (const template of TEMPLATES) {
    test(`${template}: row-total → 将总计改为 N (preferred), clears it and the balance it broke`, () => {
      const text = buildReport(template, { requests: { new: { total: 8 } } });
      const r = applyFix(text, 'row-total', { title: '将总计改为 7' });
      assertPreferred(r.actions, '将总计改为 7');
      assert.deepEqual(r.after, [], dump(r.after));
      assert.equal(editsOf(r.action).length, 1);
      assert.deepEqual(editsOf(r.action)[0].range, r.diagnostic.range, 'the edit replaces the 总计 cell only');
    });

    test(`${template}: result-total → 将总计改为 N`, () => {
      const text = buildReport(template, { requests: { r7: { total: 8 } } });
      const r = applyFix(text, 'result-total', { title: '将总计改为 7' });
      assertPreferred(r.actions, '将总计改为 7');
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: appeal-total → 将总计改为 N`, () => {
      const text = buildReport(template, { appeals: { 'review.total': 3 } });
      const r = applyFix(text, 'appeal-total', { title: '将总计改为 2' });
      assertPreferred(r.actions, '将总计改为 2');
      assert.deepEqual(r.after, [], dump(r.after));
    });
  }

  test('tab-separated table 四: appeal-total fixed in place', () => {
    const text = buildReport('2021', { appealsFormat: 'tab', appeals: { 'after.total': 4 } });
    const r = applyFix(text, 'appeal-total', { title: '将总计改为 0' });
    assert.deepEqual(r.after, [], dump(r.after));
  });
});

suite('code actions: balance', () => {
  for (const template of TEMPLATES) {
    test(`${template}: every offered candidate balances the column and breaks nothing; the first is preferred`, () => {
      // 新收·自然人 one too many (row 一's 总计 now disagrees) and 结转下年度·总计 one too many (row 四's 总计 disagrees):
      // in the 自然人 column both 结转下年度 +1 and 本年新收 −1 are single-cell fixes that break nothing.
      const text = buildReport(template, { requests: { new: { natural: 6 }, carryover: { total: 2 } } });
      const { diagnostic } = theDiagnostic(text, 'balance', (d) => (d.data as { columnId?: string }).columnId === 'natural');
      const actions = actionsFor(text, diagnostic);
      const offered = fixTitles(actions);
      assert.deepEqual(offered, ['将结转下年度继续办理（自然人列）改为 2', '将本年新收（自然人列）改为 5']);
      assertPreferred(actions, '将结转下年度继续办理（自然人列）改为 2');
      for (const title of offered) {
        const r = applyFix(text, 'balance', { title, match: (d) => (d.data as { columnId?: string }).columnId === 'natural' });
        const beforeKeys = arithmeticKeys(r.before);
        for (const key of arithmeticKeys(r.after)) assert.ok(beforeKeys.has(key), `${title} broke ${key}:\n${dump(r.after)}`);
        assert.ok(!ofCode(r.after, 'balance').some((d) => (d.data as { columnId?: string }).columnId === 'natural'));
      }
    });

    test(`${template}: a change of 四 that would break 四's own row-total is not offered`, () => {
      // Only 新收·自然人 is wrong: writing 2 into 结转下年度·自然人 balances the column but breaks row 四's 总计.
      const text = buildReport(template, { requests: { new: { natural: 6 } } });
      const { diagnostic } = theDiagnostic(text, 'balance');
      const actions = actionsFor(text, diagnostic);
      assert.deepEqual(fixTitles(actions), ['将本年新收（自然人列）改为 5']);
      assertPreferred(actions, '将本年新收（自然人列）改为 5');
      assert.ok(!actions.some((a) => a.title.includes('结转下年度')), JSON.stringify(actions.map((a) => a.title)));
      const r = applyFix(text, 'balance', { title: '将本年新收（自然人列）改为 5' });
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: no candidate at all when no single cell fixes the column without breaking another relation`, () => {
      // Row 一 consistently one too many (自然人 and 总计): any single change breaks a row total or （七）.
      const text = buildReport(template, { requests: { new: { natural: 6, total: 8 } } });
      for (const d of ofCode(diagnosticsOf(text), 'balance')) {
        const actions = actionsFor(text, d);
        assert.deepEqual(fixTitles(actions), [], `column ${(d.data as { columnId: string }).columnId}`);
        assertPreferred(actions, undefined);
        assert.equal(actions.length, 2, 'only the two disable actions');
      }
    });

    test(`${template}: （七）总计 as the candidate when only it is off`, () => {
      // （七）总计·自然人 one too many (its row total and the result total disagree with it too).
      const text = buildReport(template, { requests: { r7: { natural: 6 } } });
      const { diagnostic } = theDiagnostic(text, 'balance');
      const actions = actionsFor(text, diagnostic);
      assert.deepEqual(fixTitles(actions), ['将（七）总计（自然人列）改为 5']);
      assertPreferred(actions, '将（七）总计（自然人列）改为 5');
      const r = applyFix(text, 'balance', { title: '将（七）总计（自然人列）改为 5' });
      assert.deepEqual(r.after, [], dump(r.after));
    });
  }
});

suite('code actions: empty cells and digits', () => {
  for (const template of TEMPLATES) {
    test(`${template}: a blank cell of a pipe row → 填入 0 (preferred), keeping the padding`, () => {
      const text = buildReport(template, { requests: { 'r3.1': { commercial: '' } } });
      const r = applyFix(text, 'empty-cell', { title: '填入 0' });
      assertPreferred(r.actions, '填入 0');
      assert.deepEqual(r.after, [], dump(r.after));
      const line = r.diagnostic.range.start.line;
      assert.ok(splitLines(r.text)[line].includes('| 1.属于国家秘密 | 0 | 0 | 0 |'), splitLines(r.text)[line]);
      assert.equal(fixTitles(r.actions).length, 1, 'one blank in the table: no fill-the-table action');
    });

    test(`${template}: a blank total with filled parts → 填入各项之和 N`, () => {
      const text = buildReport(template, { requests: { new: { total: '' } } });
      const r = applyFix(text, 'empty-cell', { title: '填入各项之和 7' });
      assertPreferred(r.actions, '填入各项之和 7');
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: fill the whole table: every blank cell of the table gets 0, other tables untouched`, () => {
      const text = buildReport(template, { requests: { 'r3.1': { commercial: '' }, 'r5.2': { legal: '', other: '' } }, appeals: { 'after.upheld': '' } });
      const blanks = ofCode(diagnosticsOf(text), 'empty-cell');
      assert.equal(blanks.length, 4, dump(blanks));
      const d = blanks[0];
      const actions = actionsFor(text, d);
      const fill = actions.find((a) => a.title === '将此表全部 3 个空白单元格填 0');
      assert.ok(fill, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(!fill.isPreferred);
      assertPreferred(actions, '填入 0');
      const after = diagnosticsOf(applyChecked(text, editsOf(fill)));
      assert.deepEqual(codes(after), ['empty-cell'], 'the blank of table 四 remains');
      assert.ok(after[0].range.start.line > d.range.start.line);
      assertNoNewCode(diagnosticsOf(text), after);
    });

    test(`${template}: tab rows: single fill and fill-the-table keep the tabs`, () => {
      const text = buildReport(template, { requestsFormat: 'tab', requests: { 'r3.1': { commercial: '' }, 'r3.2': { legal: '' } } });
      const blanks = ofCode(diagnosticsOf(text), 'empty-cell');
      assert.equal(blanks.length, 2);
      const r = applyFix(text, 'empty-cell', { title: '填入 0', match: (d) => d === blanks[0] || messageOf(d) === messageOf(blanks[0]) });
      assert.equal(splitLines(r.text)[blanks[0].range.start.line].split('\t').length, splitLines(text)[blanks[0].range.start.line].split('\t').length);
      assert.ok(splitLines(r.text)[blanks[0].range.start.line].includes('\t0\t0\t'));
      const fill = actionsFor(text, blanks[1]).find((a) => a.title === '将此表全部 2 个空白单元格填 0')!;
      assert.ok(fill);
      const all = applyChecked(text, editsOf(fill));
      assert.deepEqual(diagnosticsOf(all), [], dump(diagnosticsOf(all)));
    });

    test(`${template}: a cell missing from a short row is appended`, () => {
      // Row （二） written with six cells: its 总计 is missing.
      const text = buildReport(template, { requests: { r2: [1, 0, 0, 0, 0, 0] } });
      const { diagnostic } = theDiagnostic(text, 'empty-cell');
      assert.equal((diagnostic.data as { missing?: boolean }).missing, true);
      const r = applyFix(text, 'empty-cell', { title: '填入各项之和 1' });
      assertPreferred(r.actions, '填入各项之和 1');
      assert.ok(splitLines(r.text)[diagnostic.range.start.line].endsWith('| 1 | 0 | 0 | 0 | 0 | 0 | 1 |'), splitLines(r.text)[diagnostic.range.start.line]);
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: a cell missing from a short tab row is appended after a tab`, () => {
      const text = buildReport(template, { requestsFormat: 'tab', requests: { 'r4.2': [0, 0, 0, 0, 0, 0] } });
      const r = applyFix(text, 'empty-cell', { title: '填入 0' });
      assert.ok(splitLines(r.text)[r.diagnostic.range.start.line].endsWith('\t0\t0\t0\t0\t0\t0\t0'));
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: full-width digits → 改为半角数字 (preferred); the whole document at once`, () => {
      const single = buildReport(template, { requests: { new: { natural: '５' } } });
      const r = applyFix(single, 'fullwidth-digit', { title: '改为半角数字“5”' });
      assertPreferred(r.actions, '改为半角数字“5”');
      assert.deepEqual(r.after, [], dump(r.after));
      assert.equal(fixTitles(r.actions).length, 1, 'one full-width cell: no whole-document action');

      const several = buildReport(template, { requests: { new: { natural: '５', total: '７' } }, appeals: { 'review.total': '２' } });
      const found = ofCode(diagnosticsOf(several), 'fullwidth-digit');
      assert.equal(found.length, 3);
      const actions = actionsFor(several, found[0]);
      const all = actions.find((a) => a.title === '将全文 3 处全角数字转换为半角');
      assert.ok(all && !all.isPreferred, JSON.stringify(actions.map((a) => a.title)));
      assertPreferred(actions, '改为半角数字“5”');
      const fixed = applyChecked(several, editsOf(all));
      assert.deepEqual(diagnosticsOf(fixed), [], dump(diagnosticsOf(fixed)));
      assert.equal(fixed, several.replace('５', '5').replace('７', '7').replace('２', '2'));
    });
  }
});

suite('code actions: headings and sections', () => {
  for (const template of TEMPLATES) {
    test(`${template}: heading-wording keeps the ## level`, () => {
      const text = buildReport(template, { headings: { 1: '## 1、 总体情况' } });
      const r = applyFix(text, 'heading-wording', { title: '将标题改为“一、总体情况”' });
      assertPreferred(r.actions, '将标题改为“一、总体情况”');
      assert.equal(splitLines(r.text)[r.diagnostic.range.start.line], '## 一、总体情况');
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: heading-wording keeps the level and the bold markers`, () => {
      const text = buildReport(template, { headings: { 5: '#### **五、存在问题及改进情况**' } });
      const r = applyFix(text, 'heading-wording');
      assert.equal(splitLines(r.text)[r.diagnostic.range.start.line], '#### **五、存在的主要问题及改进情况**');
      assert.deepEqual(r.after, [], dump(r.after));
      const typo = buildReport(template, { headings: { 4: '### 四、政府信息公开行政法复议、行政诉讼情况。' } });
      const t = applyFix(typo, 'heading-wording', { title: '将标题改为“四、政府信息公开行政复议、行政诉讼情况”' });
      assert.equal(splitLines(t.text)[t.diagnostic.range.start.line], '### 四、政府信息公开行政复议、行政诉讼情况');
    });

    test(`${template}: missing-section in the middle: inserted after the preceding section and before the following one`, () => {
      const text = withoutSection(buildReport(template), '五、存在的主要问题及改进情况');
      const r = applyFix(text, 'missing-section', { title: '插入“五、存在的主要问题及改进情况”' });
      assertPreferred(r.actions, '插入“五、存在的主要问题及改进情况”');
      assert.deepEqual(r.after, [], dump(r.after));
      const five = lineOf(r.text, '## 五、存在的主要问题及改进情况');
      assert.ok(lineOf(r.text, '本年度行政复议、行政诉讼情况如上表。') < five, 'after the body of 四');
      assert.ok(five < lineOf(r.text, '## 六、其他需要报告的事项'), 'before 六');
      assert.ok(r.text.includes(sectionSkeleton(5, template, { fill: '0' })));
    });

    test(`${template}: missing-section at the end when it is the last`, () => {
      const text = withoutSection(buildReport(template), '六、其他需要报告的事项');
      const r = applyFix(text, 'missing-section', { title: '插入“六、其他需要报告的事项”' });
      assert.deepEqual(r.after, [], dump(r.after));
      assert.ok(r.text.endsWith(`${sectionSkeleton(6, template, { fill: '0' })}\n`), JSON.stringify(r.text.slice(-120)));
      assert.ok(r.text.startsWith(text.replace(/\n$/, '')), 'the text before is kept');
    });

    test(`${template}: missing-section first: after the preamble, before 二`, () => {
      const text = withoutSection(buildReport(template), '一、总体情况');
      const r = applyFix(text, 'missing-section', { title: '插入“一、总体情况”' });
      assert.deepEqual(r.after, [], dump(r.after));
      const one = lineOf(r.text, '## 一、总体情况');
      assert.ok(lineOf(r.text, '统计期限') < one && one < lineOf(r.text, '## 二、主动公开政府信息情况'));
    });

    for (const [n, heading, kind] of [[2, '二、主动公开政府信息情况', 'active'], [3, '三、收到和处理政府信息公开申请情况', 'requests'], [4, '四、政府信息公开行政复议、行政诉讼情况', 'appeals']] as const) {
      test(`${template}: missing-section ${heading.slice(0, 1)} includes its table`, () => {
        const text = withoutSection(buildReport(template), heading);
        const r = applyFix(text, 'missing-section', { title: `插入“${heading}”` });
        assert.ok(r.text.includes(standardTable(kind, template, '0')), `the ${template} table of ${n}`);
        assert.deepEqual(r.after, [], dump(r.after));
        const at = lineOf(r.text, `## ${heading}`);
        if (n > 2) assert.ok(lineOf(r.text, `## ${['一', '二', '三', '四'][n - 2]}、`) < at);
        assert.ok(at < lineOf(r.text, `## ${['三', '四', '五'][n - 2]}、`));
      });
    }

    test(`${template}: missing-section in a CRLF document inserts CRLF`, () => {
      const text = withoutSection(buildReport(template), '五、存在的主要问题及改进情况').replace(/\n/g, '\r\n');
      const r = applyFix(text, 'missing-section');
      assert.ok(!/[^\r]\n/.test(r.text), 'still CRLF');
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: missing-table → the standard table of the template, after the section's text`, () => {
      for (const kind of ['active', 'requests', 'appeals'] as const) {
        const text = buildReport(template, { omitTables: [kind] });
        const r = applyFix(text, 'missing-table');
        assertPreferred(r.actions, `插入${template}版标准统计表`);
        assert.ok(r.text.includes(standardTable(kind, template, '0')));
        assert.deepEqual(r.after, [], `${kind}:\n${dump(r.after)}`);
      }
    });
  }
});

suite('code actions: missing rows and labels', () => {
  for (const template of TEMPLATES) {
    test(`${template}: missing-row, one row of table 三, inserted after the row before it`, () => {
      const text = buildReport(template, { dropRequestRows: ['r5.4'] });
      const r = applyFix(text, 'missing-row', { title: '插入缺少的 1 行（填 0）' });
      assertPreferred(r.actions, '插入缺少的 1 行（填 0）');
      assert.deepEqual(r.after, [], dump(r.after));
      const inserted = lineOf(r.text, '4.无正当理由大量反复申请');
      assert.equal(inserted, lineOf(r.text, '3.要求提供公开出版物') + 1);
      assert.ok(splitLines(r.text)[inserted].endsWith('| 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    });

    test(`${template}: missing-row, a run of rows of table 三, in order`, () => {
      const text = buildReport(template, { dropRequestRows: ['r5.2', 'r5.3', 'r5.4', 'r5.5'] });
      const r = applyFix(text, 'missing-row', { title: '插入缺少的 4 行（填 0）' });
      assert.deepEqual(r.after, [], dump(r.after));
      const first = lineOf(r.text, '1.信访举报投诉类申请');
      assert.deepEqual([2, 3, 4, 5].map((n) => lineOf(r.text, `${n}.`, first + 1)), [first + 1, first + 2, first + 3, first + 4]);
    });

    test(`${template}: missing-row of a tab-separated table 三 is inserted tab-separated`, () => {
      const text = buildReport(template, { requestsFormat: 'tab', dropRequestRows: ['r4.3'] });
      const r = applyFix(text, 'missing-row');
      assert.deepEqual(r.after, [], dump(r.after));
      const row = splitLines(r.text)[lineOf(r.text, '3.补正后申请内容仍不明确')];
      assert.ok(!row.includes('|') && row.endsWith('\t0\t0\t0\t0\t0\t0\t0'), JSON.stringify(row));
    });

    test(`${template}: missing-row of table 二, a whole block`, () => {
      // Remove the block 第二十条第（六）项: its label row, its header row and both rows.
      const lines = splitLines(buildReport(template));
      const start = lines.findIndex((l) => l.startsWith('| 第二十条第（六）项'));
      const text = [...lines.slice(0, start), ...lines.slice(start + 4)].join('\n');
      const r = applyFix(text, 'missing-row');
      assertPreferred(r.actions, r.action.title);
      assert.deepEqual(r.after, [], dump(r.after));
      const block = lineOf(r.text, '第二十条第（六）项');
      assert.ok(block > lineOf(r.text, '第二十条第（五）项') && block < lineOf(r.text, '第二十条第（八）项'));
      assert.ok(lineOf(r.text, '| 行政处罚') > block && lineOf(r.text, '| 行政强制') > block);
    });

    test(`${template}: missing-row of table 二, one row of a block`, () => {
      const text = buildReport(template, { dropActiveRows: ['六.coercion'] });
      const r = applyFix(text, 'missing-row');
      assert.deepEqual(r.after, [], dump(r.after));
      assert.equal(lineOf(r.text, '| 行政强制'), lineOf(r.text, '| 行政处罚') + 1);
    });

    test(`${template}: missing-row of table 四, its data row`, () => {
      const text = buildReport(template, { transform: (lines) => lines.filter((l) => !l.startsWith('| 1 | 0 | 0 | 1 | 2 |')) });
      const r = applyFix(text, 'missing-row');
      assert.deepEqual(r.after, [], dump(r.after));
      assert.ok(r.text.includes(`|${' 0 |'.repeat(15)}`), 'fifteen zeros');
    });

    test(`${template}: unknown-label with a suggestion → 改为“…” (preferred)`, () => {
      const column = replaceOnce(buildReport(template), '| 社会公益组织 |', '| 社会组织 |');
      const c = applyFix(column, 'unknown-label', { title: '改为“社会公益组织”' });
      assertPreferred(c.actions, '改为“社会公益组织”');
      assert.deepEqual(c.after, [], dump(c.after));
      const row = replaceOnce(buildReport(template), '4.保护第三方合法权益', '4.保护第三方权益');
      const r = applyFix(row, 'unknown-label', { title: '改为“4.保护第三方合法权益”' });
      assert.deepEqual(r.after, [], dump(r.after));
    });

    test(`${template}: unknown-label without a suggestion: only the disable actions, none preferred`, () => {
      const text = replaceOnce(buildReport(template), '| 社会公益组织 |', '| 外星访客 |');
      const { diagnostic } = theDiagnostic(text, 'unknown-label');
      const actions = actionsFor(text, diagnostic);
      assert.deepEqual(fixTitles(actions), []);
      assertPreferred(actions, undefined);
    });
  }
});

suite('code actions: rules added with the 2021 checks', () => {
  test('year-mismatch → 将年份改为 N (preferred)', () => {
    const text = buildReport('2021').replace('统计期限自2023年1月1日起至2023年', '统计期限自2023年1月1日起至2024年');
    const r = applyFix(text, 'year-mismatch', { title: '将年份改为 2023' });
    assertPreferred(r.actions, '将年份改为 2023');
    assert.deepEqual(r.after, [], dump(r.after));
  });

  test('year-mismatch: a period wholly in another year than the title is fixed by its preferred fix', () => {
    // Title 2023, period 2022-01-01 … 2022-12-31: one finding, on the start year.
    const text = buildReport('2021').replace('统计期限自2023年1月1日起至2023年', '统计期限自2022年1月1日起至2022年');
    const r = applyFix(text, 'year-mismatch', { title: '将年份改为 2023' });
    assert.deepEqual(r.after, [], `the fix leaves the period spanning two years:\n${dump(r.after)}`);
  });

  test('processing-fee → inserts the sentence at the end of 六', () => {
    const text = buildReport('2021').replace('本年度未收取信息处理费。', '无其他需要报告的事项。');
    const r = applyFix(text, 'processing-fee');
    assertPreferred(r.actions, r.action.title);
    assert.deepEqual(r.after, [], dump(r.after));
    assert.ok(r.text.trimEnd().endsWith('无其他需要报告的事项。\n\n本年度未收取信息处理费。'));
  });

  test('template-mismatch → converts the table (new blank cells are left to empty-cell)', () => {
    const text = buildReport('2021', {
      transform: (lines) => {
        const start = lines.findIndex((l) => l.startsWith('| 第二十条第（一）项'));
        const end = lines.findIndex((l) => l.startsWith('| 行政事业性收费'));
        const old = splitLines(buildReport('2019'));
        const oldStart = old.findIndex((l) => l.startsWith('| 第二十条第（一）项'));
        const oldEnd = old.findIndex((l) => l.startsWith('| 政府集中采购'));
        return [...lines.slice(0, start), ...old.slice(oldStart, oldEnd + 1), ...lines.slice(end + 1)];
      },
    });
    const r = applyFix(text, 'template-mismatch', { allowNew: ['empty-cell'] });
    assertPreferred(r.actions, r.action.title);
    assert.deepEqual([...new Set(codes(r.after))], ['empty-cell'], dump(r.after));
  });
});

suite('code actions: disable comments', () => {
  const text = buildReport('2021', { requests: { new: { total: 8 } }, headings: { 1: '## 1、 总体情况' } });
  /** The directive a 在此行禁用 action writes: a comment line above, or (in a pipe row) a comment inside the row. */
  const LINE_DIRECTIVE = (rule: string) => new RegExp(`^(<!-- gknb-disable-next-line ${rule} -->\\r?\\n| ?<!-- gknb-disable-line ${rule} -->)$`);

  for (const [code, where] of [['row-total', 'a table row'], ['heading-wording', 'a heading'], ['balance', 'a table row']] as const) {
    test(`在此行禁用 ${code} (${where}): that diagnostic goes, the others remain`, () => {
      const before = diagnosticsOf(text);
      const d = ofCode(before, code)[0];
      const action = actionsFor(text, d).find((a) => a.title === `在此行禁用 ${code}`)!;
      assert.ok(action && !action.isPreferred);
      const edits = editsOf(action);
      assert.equal(edits.length, 1);
      assert.match(edits[0].newText, LINE_DIRECTIVE(code));
      const after = diagnosticsOf(applyChecked(text, edits));
      assert.deepEqual(after.map(messageOf).sort(), before.filter((x) => x !== d).map(messageOf).sort(), dump(after));
    });

    test(`在此文件禁用 ${code}: every ${code} goes, the others remain`, () => {
      const before = diagnosticsOf(text);
      const d = ofCode(before, code)[0];
      const action = actionsFor(text, d).find((a) => a.title === `在此文件禁用 ${code}`)!;
      assert.ok(action && !action.isPreferred);
      const edits = editsOf(action);
      assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `<!-- gknb-disable-file ${code} -->\n` }]);
      const after = diagnosticsOf(applyChecked(text, edits));
      assert.deepEqual(after.map(messageOf).sort(), before.filter((x) => x.code !== code).map(messageOf).sort(), dump(after));
    });
  }

  test('a heading gets a comment line of its own above it', () => {
    const d = ofCode(diagnosticsOf(text), 'heading-wording')[0];
    const edits = editsOf(actionsFor(text, d).find((a) => a.title === '在此行禁用 heading-wording')!);
    assert.deepEqual(edits, [{ range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } }, newText: '<!-- gknb-disable-next-line heading-wording -->\n' }]);
  });

  test('在此行禁用 on a tab row keeps working', () => {
    const tab = buildReport('2021', { requestsFormat: 'tab', requests: { 'r3.2': { commercial: '' } } });
    const d = single(diagnosticsOf(tab), 'empty-cell');
    const edits = editsOf(actionsFor(tab, d).find((a) => a.title === '在此行禁用 empty-cell')!);
    assert.deepEqual(diagnosticsOf(applyChecked(tab, edits)), []);
  });

  test('CRLF: an inserted comment line ends with CRLF', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    for (const code of ['row-total', 'heading-wording']) {
      const d = ofCode(diagnosticsOf(crlf), code)[0];
      for (const action of actionsFor(crlf, d).filter((a) => DISABLE.test(a.title))) {
        const newText = editsOf(action)[0].newText;
        assert.ok(!newText.includes('\n') || newText.endsWith('-->\r\n'), JSON.stringify(newText));
        assert.ok(!/[^\r]\n/.test(applyEdits(crlf, editsOf(action))), 'still CRLF');
      }
    }
  });

  test('在此行禁用 inside a pipe table keeps the table one contiguous GFM table', () => {
    // A line without pipes ends a GFM table: with VS Code's Markdown preview (markdown-it, html on) the
    // rows after such a comment line render as a paragraph of pipes instead of table rows.
    for (const code of ['row-total', 'balance']) {
      const d = ofCode(diagnosticsOf(text), code)[0];
      const edits = editsOf(actionsFor(text, d).find((a) => a.title === `在此行禁用 ${code}`)!);
      const lines = splitLines(applyChecked(text, edits));
      const first = lines.findIndex((l) => l.includes('本列数据的勾稽关系'));
      let last = first;
      while (last + 1 < lines.length && lines[last + 1].trim() !== '') last++;
      const broken = lines.slice(first, last + 1).filter((l) => !l.trimStart().startsWith('|'));
      assert.deepEqual(broken, [], `${code}: lines inside table 三 that are not table rows`);
    }
  });
});

function single(diags: readonly Diagnostic[], code: string): Diagnostic {
  const found = ofCode(diags, code);
  assert.equal(found.length, 1, dump(diags));
  return found[0];
}

suite('code actions: robustness', () => {
  test('foreign and malformed diagnostics get no actions; stale data does not throw', () => {
    const text = buildReport('2021', { requests: { new: { total: 8 } } });
    const d = ofCode(diagnosticsOf(text), 'row-total')[0];
    assert.deepEqual(getCodeActions(text, [{ ...d, source: 'markdownlint' }], { uri: URI }), []);
    assert.deepEqual(getCodeActions(text, [{ ...d, code: 42 }], { uri: URI }), []);
    // A diagnostic from an older version of the text, now past the end: no throw.
    const stale = { ...d, range: { start: { line: 500, character: 3 }, end: { line: 500, character: 4 } } };
    assert.doesNotThrow(() => getCodeActions(text, [stale], { uri: URI }));
    for (const code of ['missing-section', 'missing-table', 'missing-row', 'balance', 'empty-cell', 'heading-wording']) {
      assert.doesNotThrow(() => getCodeActions(text, [{ ...d, code, data: { rule: code, garbage: true } }], { uri: URI }), code);
      assert.doesNotThrow(() => getCodeActions(text, [{ ...d, code, data: undefined }], { uri: URI }), code);
    }
  });

  test('English titles with locale en', () => {
    const text = buildReport('2021', { requests: { new: { total: 8 } } });
    const d = ofCode(diagnosticsOf(text), 'row-total')[0];
    const titles = getCodeActions(text, [d], { uri: URI, settings: { locale: 'en' } }).map((a) => a.title);
    assert.deepEqual(titles, ['Set the total to 7', 'Disable row-total for this line', 'Disable row-total for this file']);
  });

  test('applyEdits: any order, CRLF offsets, insertions at one point keep their order', () => {
    const text = 'ab\r\ncd\r\nef';
    const edits: TextEdit[] = [
      { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }, newText: 'F' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'A' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, newText: 'X\r\nY' },
    ];
    assert.equal(applyEdits(text, edits), 'Ab\r\nX\r\nY\r\neF');
    assert.equal(applyEdits(text, []), text);
  });
});

// ---------------------------------------------------------------------------------------

suite('fix-all on examples/mistakes.gknb.md', () => {
  const options = { uri: URI, languageId: 'gknb' };

  test('leaves only safe-code diagnostics whose fix would break a holding relation, and a second pass has nothing to do', () => {
    const result = fixAll(MISTAKES, options);
    assert.ok(result.applied > 0);
    const safeLeft = diagnosticsOf(result.text).filter((d) => SAFE_FIX_RULES.has(String(d.code)));
    // In mistakes.gknb.md row （四）1 is typed one column to the left: setting the two （七）总计
    // cells to their column sums would break the 总计 row-total and balance, so fix-all leaves them.
    assert.deepEqual(safeLeft.map((d) => `${String(d.code)}:${(d.data as { columnId: string }).columnId}`).sort(),
      ['result-total:publicInterest', 'result-total:research'], dump(safeLeft));
    for (const d of safeLeft) {
      const fixes = getCodeActions(result.text, [d], options).filter((a) => !/禁用/.test(a.title));
      assert.deepEqual(fixes.map((a) => a.title), [], 'no quick fix is offered for what fix-all leaves');
    }
    assert.deepEqual(result.remaining.map(messageOf), diagnosticsOf(result.text).map(messageOf));
    const second = fixAll(result.text, options);
    assert.deepEqual(second.edits, []);
    assert.equal(second.applied, 0);
    assert.equal(second.text, result.text);
  });

  test('SAFE_FIX_RULES are exactly the six safe codes', () => {
    assert.deepEqual([...SAFE_FIX_RULES].sort(), ['appeal-total', 'empty-cell', 'fullwidth-digit', 'heading-wording', 'result-total', 'row-total']);
  });

  test('its edits give its text and never touch a line that had no fixable diagnostic', () => {
    const result = fixAll(MISTAKES, options);
    assert.equal(applyChecked(MISTAKES, result.edits), result.text);
    const fixable = new Set(diagnosticsOf(MISTAKES).filter((d) => SAFE_FIX_RULES.has(String(d.code))).map((d) => d.range.start.line));
    for (const e of result.edits) {
      for (let line = e.range.start.line; line <= e.range.end.line; line++) {
        assert.ok(fixable.has(line), `fix-all edited line ${line + 1} (${splitLines(MISTAKES)[line]}), which had no fixable diagnostic`);
      }
    }
    // Unsafe problems are left to the user.
    for (const code of ['missing-section', 'section-order', 'duplicate-section', 'missing-table', 'missing-row', 'invalid-number']) {
      assert.ok(codes(result.remaining).includes(code), `${code} should remain`);
    }
  });

  test('CRLF documents keep CRLF', () => {
    const crlf = MISTAKES.replace(/\r?\n/g, '\r\n');
    const result = fixAll(crlf, options);
    assert.ok(result.applied > 0);
    assert.ok(!/[^\r]\n/.test(result.text), 'a bare LF in the fixed text');
    assert.equal(result.text, fixAll(MISTAKES, options).text.replace(/\n/g, '\r\n'));
    for (const e of result.edits) assert.ok(!/[^\r]\n|^\n/.test(e.newText), JSON.stringify(e.newText));
    assert.equal(applyEdits(crlf, result.edits), result.text);
  });

  test('a clean report: nothing to fix', () => {
    for (const template of TEMPLATES) {
      const result = fixAll(buildReport(template), options);
      assert.deepEqual(result.edits, []);
      assert.equal(result.applied, 0);
      assert.deepEqual(result.remaining, []);
    }
  });

  test('no quick fix offered on the example breaks an arithmetic relation that holds', () => {
    // The module promises: "a fix that would break a relation that holds now is not offered".
    const before = diagnosticsOf(MISTAKES);
    const beforeKeys = arithmeticKeys(before);
    const broken: string[] = [];
    for (const d of before) {
      for (const action of actionsFor(MISTAKES, d)) {
        if (DISABLE.test(action.title)) continue;
        const after = diagnosticsOf(applyEdits(MISTAKES, editsOf(action)));
        for (const key of arithmeticKeys(after)) {
          if (!beforeKeys.has(key)) broken.push(`${String(d.code)} “${messageOf(d)}” → “${action.title}” breaks ${key}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test('fix-all introduces no arithmetic problem that was not there', () => {
    const beforeKeys = arithmeticKeys(diagnosticsOf(MISTAKES));
    const introduced = [...arithmeticKeys(fixAll(MISTAKES, options).remaining)].filter((k) => !beforeKeys.has(k));
    assert.deepEqual(introduced, []);
  });
});

// ---------------------------------------------------------------------------------------

suite('directives in the checker', () => {
  // Two row-total problems (rows 一 and （一）) and a heading-wording above the tables.
  const base = buildReport('2021', { requests: { new: { total: 8 }, r1: { total: 4 } }, headings: { 1: '## 1、 总体情况' } });
  const ROW_NEW = '| 一、本年新收政府信息公开申请数量';
  const ROW_R1 = '（一）予以公开';

  function insertBefore(text: string, needle: string, line: string): string {
    const lines = splitLines(text);
    lines.splice(lineOf(text, needle), 0, line);
    return lines.join('\n');
  }

  function rowTotalRows(text: string): string[] {
    return ofCode(diagnosticsOf(text), 'row-total').map((d) => splitLines(text)[d.range.start.line].includes(ROW_R1) ? 'r1' : 'new');
  }

  test('the base draft has both row-totals, a heading-wording and balances', () => {
    const diags = diagnosticsOf(base);
    assert.deepEqual(rowTotalRows(base), ['new', 'r1']);
    assert.ok(codes(diags).includes('heading-wording') && codes(diags).includes('balance'));
  });

  test('gknb-disable with an id … gknb-enable: off between them, for that rule only', () => {
    let text = insertBefore(base, ROW_NEW, '<!-- gknb-disable row-total -->');
    text = insertBefore(text, ROW_R1, '<!-- gknb-enable row-total -->');
    assert.deepEqual(rowTotalRows(text), ['r1']);
    assert.equal(ofCode(diagnosticsOf(text), 'balance').length, ofCode(diagnosticsOf(base), 'balance').length, 'other rules still on');
  });

  test('gknb-disable without ids: every rule off below it, on above it', () => {
    const text = insertBefore(base, '## 二、主动公开政府信息情况', '<!-- gknb-disable -->');
    assert.deepEqual(codes(diagnosticsOf(text)), ['heading-wording']);
    const enabled = insertBefore(text, ROW_R1, '<!-- gknb-enable -->');
    assert.deepEqual(rowTotalRows(enabled), ['r1']);
  });

  test('gknb-disable with several ids, comma- or space-separated', () => {
    for (const ids of ['row-total, balance', 'row-total balance', 'row-total,balance']) {
      const text = insertBefore(base, '## 二、主动公开政府信息情况', `<!-- gknb-disable ${ids} -->`);
      const expected = codes(diagnosticsOf(base)).filter((c) => c !== 'row-total' && c !== 'balance');
      assert.deepEqual(codes(diagnosticsOf(text)), expected, ids);
    }
  });

  test('gknb-disable-next-line: only the next line, only the named rule (or all without ids)', () => {
    const named = insertBefore(base, ROW_NEW, '<!-- gknb-disable-next-line row-total -->');
    assert.deepEqual(rowTotalRows(named), ['r1']);
    const other = insertBefore(base, ROW_NEW, '<!-- gknb-disable-next-line balance -->');
    assert.deepEqual(rowTotalRows(other), ['new', 'r1']);
    const all = insertBefore(base, '## 1、 总体情况', '<!-- gknb-disable-next-line -->');
    assert.ok(!codes(diagnosticsOf(all)).includes('heading-wording'));
    assert.deepEqual(rowTotalRows(all), ['new', 'r1']);
  });

  test('gknb-disable-line inside a row: only that line, only the named rule', () => {
    const inRow = (rule: string) => base.split('\n').map((l) => (l.startsWith(ROW_NEW) ? l.replace('| ', `| <!-- gknb-disable-line ${rule} --> `) : l)).join('\n');
    assert.deepEqual(rowTotalRows(inRow('row-total')), ['r1']);
    assert.deepEqual(rowTotalRows(inRow('balance')), ['new', 'r1']);
    assert.deepEqual(codes(diagnosticsOf(inRow('row-total'))).filter((c) => c !== 'row-total'), codes(diagnosticsOf(base)).filter((c) => c !== 'row-total'));
  });

  test('gknb-disable-file, anywhere in the file, with or without ids', () => {
    const named = `${base}\n<!-- gknb-disable-file row-total -->\n`;
    assert.deepEqual(rowTotalRows(named), []);
    assert.ok(codes(diagnosticsOf(named)).includes('heading-wording'));
    const all = `<!-- gknb-disable-file -->\n${base}`;
    assert.deepEqual(diagnosticsOf(all), []);
  });

  test('directives inside fenced code are ignored', () => {
    for (const fence of ['```', '~~~~']) {
      const text = `${fence}markdown\n<!-- gknb-disable-file -->\n<!-- gknb-disable row-total -->\n${fence}\n\n${base}`;
      assert.deepEqual(diagnosticsOf(text).map(messageOf), diagnosticsOf(base).map(messageOf));
      const nextLine = insertBefore(base, ROW_NEW, `${fence}\n<!-- gknb-disable-next-line row-total -->\n${fence}`);
      assert.deepEqual(rowTotalRows(nextLine), ['new', 'r1']);
    }
  });

});

// ---------------------------------------------------------------------------------------
// Refactor 转换为标准表格: rows pasted from Word become the standard pipe table, in place.

const CONVERT_TITLE = '转换为标准表格';

function refactorsAt(text: string, line: number, endLine = line): CodeAction[] {
  return getRefactorActions(text, { start: { line, character: 0 }, end: { line: endLine, character: 0 } }, { uri: URI, languageId: 'gknb' });
}

/** Pipe rows of a standard table, written one cell per line behind a TAB, a blank line after each row (as Word copies them). */
function oneCellPerLine(pipeLines: readonly string[]): string[] {
  return pipeLines.filter((l) => !l.startsWith('|---')).flatMap((l) => [...l.slice(1, -1).split('|').map((c) => `\t${c.trim()}`), '']);
}

/** The report with `inserted` lines right after the heading (and its blank line) of `section`. */
function withLinesAfterHeading(text: string, heading: string, inserted: readonly string[]): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(heading));
  assert.ok(at >= 0, heading);
  return [...lines.slice(0, at + 2), ...inserted, ...lines.slice(at + 2)].join('\n');
}

/**
 * Applies the one 转换为标准表格 action offered at `line` and checks its shape: a refactor.rewrite
 * action with one edit over whole lines that start and end with pasted rows, every line outside
 * them unchanged. Returns the new text and the replaced line span.
 */
function convertAt(text: string, line: number): { after: string; start: number; end: number } {
  const actions = refactorsAt(text, line);
  assert.deepEqual(actions.map((a) => a.title), [CONVERT_TITLE], `one action at line ${line}`);
  const [action] = actions;
  assert.equal(action.kind, CONVERT_TABLE_KIND);
  assert.equal(action.kind, 'refactor.rewrite');
  assert.equal(action.diagnostics, undefined);
  const edits = editsOf(action);
  assert.equal(edits.length, 1);
  const { range } = edits[0];
  const before = splitLines(text);
  assert.equal(range.start.character, 0, 'the edit starts at a line start');
  assert.equal(range.end.character, before[range.end.line].length, 'the edit ends at a line end');
  assert.ok(before[range.start.line].includes('\t') && before[range.end.line].includes('\t'), 'the block starts and ends with pasted rows');
  const after = applyChecked(text, edits);
  const out = splitLines(after);
  assert.deepEqual(out.slice(0, range.start.line), before.slice(0, range.start.line), 'the lines above the block are unchanged');
  const below = before.slice(range.end.line + 1);
  assert.deepEqual(out.slice(out.length - below.length), below, 'the lines below the block are unchanged');
  return { after, start: range.start.line, end: range.end.line };
}

/** The tables of a text, as kind@line with whether every row is a pipe row. */
function tablesOf(text: string): string[] {
  const lines = splitLines(text);
  return parseReport(text).tables.map((t) => `${t.kind}:${t.rows.every((r) => lines[r.line].trimStart().startsWith('|')) ? 'pipe' : 'tab'}`);
}

suite('code actions: 转换为标准表格 (refactor)', () => {
  for (const template of TEMPLATES) {
    test(`${template}: table 三 pasted tab-separated → the standard pipe table, with the same (zero) findings`, () => {
      const text = buildReport(template, { requestsFormat: 'tab' });
      assert.deepEqual(tablesOf(text), ['active:pipe', 'requests:tab', 'appeals:pipe']);
      const { after } = convertAt(text, lineOf(text, '二、上年结转'));
      assert.deepEqual(tablesOf(after), ['active:pipe', 'requests:pipe', 'appeals:pipe']);
      assert.ok(!after.includes('\t'), 'no tab row is left');
      assert.deepEqual(dump(diagnosticsOf(after)), dump(diagnosticsOf(buildReport(template))));
      // The pipe table is not offered again.
      assert.deepEqual(refactorsAt(after, lineOf(after, '二、上年结转')), []);
    });

    test(`${template}: table 二 pasted one cell per line → the standard pipe table, values kept`, () => {
      const cells = oneCellPerLine(activeTableLines(template));
      const text = withLinesAfterHeading(buildReport(template, { omitTables: ['active'] }), '## 二、', cells);
      assert.ok(codes(diagnosticsOf(text)).includes('missing-table'));
      const { after } = convertAt(text, lineOf(text, '\t行政处罚'));
      assert.deepEqual(tablesOf(after), ['active:pipe', 'requests:pipe', 'appeals:pipe']);
      assert.deepEqual(dump(diagnosticsOf(after)), dump(diagnosticsOf(buildReport(template))));
    });
  }

  test('table 四 pasted tab-separated; every cell of the block is offered the same action', () => {
    const text = buildReport('2021', { appealsFormat: 'tab' });
    const first = lineOf(text, '行政复议\t');
    const results = new Set<string>();
    for (let line = first; splitLines(text)[line].includes('\t'); line++) results.add(convertAt(text, line).after);
    assert.equal(results.size, 1, 'the same block whichever of its rows the cursor is on');
    const [after] = results;
    assert.deepEqual(tablesOf(after), ['active:pipe', 'requests:pipe', 'appeals:pipe']);
    assert.deepEqual(diagnosticsOf(after), []);
  });

  test('a block pasted right below a paragraph gets a blank line before it; the paragraph is kept', () => {
    const tabRows = appealTableLines({ appealsFormat: 'tab' });
    const base = buildReport('2021', { omitTables: ['appeals'] });
    const text = base.replace('本年度行政复议、行政诉讼情况如上表。', `本年度行政复议、行政诉讼情况如下：\n${tabRows.join('\n')}\n本年度行政复议、行政诉讼情况如上表。`);
    const { after, start } = convertAt(text, lineOf(text, '行政复议\t'));
    const out = splitLines(after);
    assert.equal(out[start - 1], '本年度行政复议、行政诉讼情况如下：');
    assert.equal(out[start], '', 'a blank line separates the paragraph from the table');
    assert.ok(out[start + 1].startsWith('| 行政复议 |'), out[start + 1]);
    assert.ok(after.includes('|\n\n本年度行政复议、行政诉讼情况如上表。'), 'and the table from the paragraph below');
    assert.deepEqual(tablesOf(after), ['active:pipe', 'requests:pipe', 'appeals:pipe']);
  });

  test('CRLF documents get CRLF line breaks', () => {
    const text = buildReport('2019', { requestsFormat: 'tab', eol: '\r\n' });
    const { after } = convertAt(text, lineOf(text, '二、上年结转'));
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
    assert.deepEqual(tablesOf(after), ['active:pipe', 'requests:pipe', 'appeals:pipe']);
  });

  test('a selection that starts on prose and reaches into the rows is offered the action', () => {
    const text = buildReport('2021', { requestsFormat: 'tab' });
    const heading = lineOf(text, '## 三、');
    assert.equal(refactorsAt(text, heading, heading + 3).length, 1);
  });

  test('not offered: on a pipe table, on prose, on a heading, outside sections 二–四, before any heading', () => {
    const standard = buildReport('2021');
    assert.deepEqual(refactorsAt(standard, lineOf(standard, '二、上年结转')), [], 'a recognised pipe table');
    assert.deepEqual(refactorsAt(standard, lineOf(standard, '本年度依申请公开工作总体平稳')), [], 'prose in section 三');
    const tab = buildReport('2021', { requestsFormat: 'tab' });
    assert.deepEqual(refactorsAt(tab, lineOf(tab, '## 三、')), [], 'the heading line');
    const tabRows = appealTableLines({ appealsFormat: 'tab' });
    const inFive = withLinesAfterHeading(standard, '## 五、', [...tabRows, '']);
    assert.deepEqual(refactorsAt(inFive, lineOf(inFive, '行政复议\t')), [], 'section 五');
    const inOne = withLinesAfterHeading(standard, '## 一、', [...tabRows, '']);
    assert.deepEqual(refactorsAt(inOne, lineOf(inOne, '行政复议\t')), [], 'section 一');
    const beforeAll = `${tabRows.join('\n')}\n\n${standard}`;
    assert.deepEqual(refactorsAt(beforeAll, 0), [], 'before any heading');
  });

  test('not offered on tab rows that are none of the statistics tables', () => {
    const text = withLinesAfterHeading(buildReport('2021'), '## 三、', ['姓名\t电话', '张三\t12345', '']);
    assert.deepEqual(refactorsAt(text, lineOf(text, '张三\t')), []);
  });

  test('an indented paragraph next to the rows stays outside the block', () => {
    const cells = oneCellPerLine(activeTableLines('2021'));
    const sentence = '\t本年度主动公开政府信息情况见下表，数据截至12月31日。';
    const text = withLinesAfterHeading(buildReport('2021', { omitTables: ['active'] }), '## 二、', [sentence, '', ...cells]);
    const { after, start } = convertAt(text, lineOf(text, '\t行政处罚'));
    assert.ok(start > lineOf(text, sentence), 'the block starts after the paragraph');
    assert.ok(after.includes(sentence), 'the paragraph is kept as written');
  });
});
