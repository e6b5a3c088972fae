import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULE_IDS } from '../../server/src/service/rules';
import { validateText } from '../../server/src/service/validate';
import { TEMPLATES, URI, assertRangesInside, buildReport, diagnosticsOf, dump } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const SEEDS = path.resolve(__dirname, '../../../shared/seeds');

/** Every diagnostic: source gknb, a known string code, data.rule = code when data is present. */
function assertWellFormed(diags: readonly Diagnostic[]): void {
  for (const d of diags) {
    assert.equal(d.source, 'gknb');
    assert.equal(typeof d.code, 'string');
    assert.ok((RULE_IDS as readonly string[]).includes(d.code as string), `unknown code ${String(d.code)}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4);
    if (d.data !== undefined) assert.equal((d.data as { rule?: unknown }).rule, d.code, `data.rule of ${String(d.code)}`);
    for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, URI);
  }
}

suite('validateText', () => {
  test('RULE_IDS lists the nineteen rules', () => {
    assert.deepEqual([...RULE_IDS].sort(), [
      'appeal-total', 'balance', 'cross-year', 'cumulative-total', 'duplicate-section', 'empty-cell', 'file-too-large', 'fullwidth-digit', 'heading-wording',
      'invalid-number', 'missing-row', 'missing-section', 'missing-table', 'processing-fee', 'result-total', 'row-total', 'section-order',
      'template-mismatch', 'text-table-mismatch', 'unknown-label', 'year-mismatch',
    ]);
  });

  for (const name of ['report-2020.gknb.md', 'report-2021.gknb.md']) {
    test(`examples/${name} gives zero diagnostics`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      assert.ok(text.length > 1000);
      const diags = validateText(text, { uri: URI, languageId: 'gknb' });
      assert.deepEqual(diags, [], dump(diags));
      // Also as Markdown: the example looks like a report.
      assert.deepEqual(validateText(text, { uri: URI, languageId: 'markdown' }), []);
    });
  }

  test('the examples use their templates: a mistake in each is found', () => {
    const y2020 = fs.readFileSync(path.join(EXAMPLES, 'report-2020.gknb.md'), 'utf8')
      .replace('| | （七）总计 | | 27 | 5 | 0 | 1 | 2 | 0 | 35 |', '| | （七）总计 | | 27 | 5 | 0 | 1 | 2 | 0 | 36 |');
    assert.ok(diagnosticsOf(y2020).some((d) => d.code === 'row-total'));
    const y2021 = fs.readFileSync(path.join(EXAMPLES, 'report-2021.gknb.md'), 'utf8').replace('2\t1\t0\t1\t4\t', '2\t1\t0\t1\t5\t');
    assert.ok(diagnosticsOf(y2021).some((d) => d.code === 'appeal-total'));
  });

  test('every diagnostic is well-formed, over drafts with many kinds of mistakes', () => {
    const drafts: string[] = [];
    for (const template of TEMPLATES) {
      drafts.push(buildReport(template, {
        headings: { 1: '1、 概述', 5: null },
        requests: { new: { total: 6 }, 'r3.1': { commercial: '' }, 'r3.2': { natural: '无' }, carryover: { research: '０' }, r1: [3, 1, 0, 0, 0, 0, 4] },
        appeals: { 'review.total': 3 },
        dropRequestRows: ['r5.4'],
        active: template === '2019' ? { '五.licensing': [28, '3.5', '-1'] } : { '五.licensing': ['-1'] },
        transform: (lines) => [...lines, '', '## 一、总体情况', '', '## 二、主动公开政府信息情况'],
      }).replace('| 社会公益组织 |', '| 社会组织 |'));
      drafts.push(buildReport(template, { omitTables: ['requests', 'appeals'], title: null, period: false }));
      drafts.push(buildReport(template, { requests: { carryover: { natural: '' }, r2: [2, 0, 0, 0, 0, 0, 2] } }));
      drafts.push(buildReport(template, { headings: { 2: '## 五、存在的主要问题及改进情况', 5: '## 二、主动公开政府信息情况' } }));
    }
    const seen = new Set<string>();
    for (const text of drafts) {
      const diags = diagnosticsOf(text);
      assertWellFormed(diags);
      assertRangesInside(text, diags);
      for (const d of diags) seen.add(d.code as string);
    }
    assertWellFormed(diagnosticsOf('x'.repeat(3000), { maxFileSizeKB: 1 }));
    for (const code of ['missing-section', 'section-order', 'duplicate-section', 'heading-wording', 'missing-table', 'missing-row', 'unknown-label',
      'row-total', 'result-total', 'balance', 'appeal-total', 'empty-cell', 'invalid-number', 'fullwidth-digit']) {
      assert.ok(seen.has(code), `no draft produced ${code}`);
    }
  });

  test('validation is deterministic and does not depend on the uri', () => {
    const text = buildReport('2021', { requests: { new: { total: 6 } } });
    const a = validateText(text, { uri: 'file:///a.gknb.md' });
    const b = validateText(text, { uri: 'file:///a.gknb.md' });
    assert.deepEqual(a, b);
    const c = validateText(text, { uri: 'untitled:Untitled-1' });
    assert.deepEqual(c.map((d) => [d.code, d.range, d.message]), a.map((d) => [d.code, d.range, d.message]));
    for (const d of c) for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, 'untitled:Untitled-1');
  });

  if (fs.existsSync(SEEDS)) {
    const seeds = fs.readdirSync(SEEDS).filter((f) => fs.statSync(path.join(SEEDS, f)).isFile()).sort();
    test(`seed reports in ../shared/seeds (${seeds.length}) validate without throwing, ranges inside`, () => {
      assert.ok(seeds.length > 0, `${SEEDS} is empty`);
      for (const name of seeds) {
        const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
        for (const languageId of ['gknb', 'markdown']) {
          const diags = validateText(text, { uri: URI, languageId });
          assertWellFormed(diags);
          assertRangesInside(text, diags);
        }
        // The same text with CRLF line endings gives the same findings.
        const crlf = text.replace(/\r?\n/g, '\r\n');
        assert.deepEqual(diagnosticsOf(crlf).map((d) => [d.code, d.range]), diagnosticsOf(text.replace(/\r\n/g, '\n')).map((d) => [d.code, d.range]), name);
      }
    });
  } else {
    console.warn(`\n!!! gknb unit tests: ${SEEDS} not found — the seed report check was NOT run (not counted as a pass).\n`);
  }
});
