import * as assert from 'node:assert/strict';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { getCompletions } from '../../server/src/service/completion';
import { applyEdits } from '../../server/src/service/codeActions';
import { reportSkeleton, sectionSkeleton, standardTable } from '../../server/src/service/skeleton';
import { canonicalHeading } from '../../server/src/service/template';
import { buildReport, codes, diagnosticsOf, dump, insertLines, lineOf, ofCode, splitLines, TEMPLATES } from './helpers';

const NOW = new Date(2024, 4, 15); // default report year: 2023

function complete(text: string, position: Position, settings = {}): CompletionItem[] {
  return getCompletions(text, position, { settings, now: NOW });
}

/** The text after an item is accepted: its textEdit, or its insertText at the position. */
function accept(text: string, position: Position, item: CompletionItem): string {
  const edit: TextEdit = item.textEdit && 'range' in item.textEdit
    ? item.textEdit
    : { range: { start: position, end: position }, newText: item.insertText ?? (item.label as string) };
  assert.notEqual(item.insertTextFormat, InsertTextFormat.Snippet, 'accept() is for plain-text items');
  return applyEdits(text, [edit]);
}

function labels(items: readonly CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

/** What a VS Code snippet inserts when every placeholder keeps its default. */
function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (c === '$') {
      const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
      const placeholder = /^\$\{(\d+):/.exec(snippet.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
      } else if (placeholder) {
        i += placeholder[0].length - 1; // the default text follows; its closing brace is dropped below
        let depth = 1;
        let j = i + 1;
        let inner = '';
        for (; j < snippet.length; j++) {
          if (snippet[j] === '\\' && '\\$}'.includes(snippet[j + 1])) { inner += snippet[j] + snippet[j + 1]; j++; continue; }
          if (snippet[j] === '}' && --depth === 0) break;
          inner += snippet[j];
        }
        out += expandSnippet(inner);
        i = j;
      } else {
        assert.fail(`unescaped $ in the snippet at ${i}: ${snippet.slice(i, i + 20)}`);
      }
    } else if (c === '}') {
      assert.fail(`unescaped } in the snippet at ${i}: ${snippet.slice(Math.max(0, i - 20), i + 1)}`);
    } else {
      out += c;
    }
  }
  return out;
}

function assertWellFormed(items: readonly CompletionItem[]): void {
  const sortTexts = items.map((i) => i.sortText);
  assert.equal(new Set(sortTexts).size, items.length, `sortText not unique: ${JSON.stringify(sortTexts)}`);
  assert.deepEqual([...sortTexts].sort(), sortTexts, 'items come in sortText order');
  for (const item of items) {
    assert.ok(typeof item.label === 'string' && /[\u4e00-\u9fff]/.test(item.label), `Chinese label: ${item.label}`);
    assert.ok(typeof item.detail === 'string' && /[\u4e00-\u9fff]/.test(item.detail), `Chinese detail: ${item.detail}`);
    assert.ok(item.kind !== undefined, `kind of ${item.label}`);
    assert.ok(typeof item.sortText === 'string');
  }
  assert.ok(items.filter((i) => i.preselect).length <= 1, 'at most one preselected item');
}

/** Line of the first blank line at or after the line holding `needle`. */
function blankLineAfter(text: string, needle: string): number {
  const lines = splitLines(text);
  for (let i = lineOf(text, needle); i < lines.length; i++) if (lines[i].trim() === '') return i;
  throw new Error(`no blank line after ${needle}`);
}

/** A report made of the skeletons of some sections only. */
function sectionsReport(sections: readonly (1 | 2 | 3 | 4 | 5 | 6)[], template: '2019' | '2021' = '2021'): string {
  const year = template === '2019' ? 2020 : 2023;
  return [`# 云溪市测试局${year}年政府信息公开工作年度报告`, '', `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '',
    ...sections.flatMap((n) => [sectionSkeleton(n, template, { fill: '0' }), ''])].join('\n');
}

suite('completion: an empty document', () => {
  test('offers one item, the whole report skeleton as a snippet with agency and year placeholders', () => {
    for (const text of ['', '   ', '\n\n  \n', '\t\r\n']) {
      const items = complete(text, { line: 0, character: 0 });
      assert.equal(items.length, 1, JSON.stringify(labels(items)));
      const [item] = items;
      assertWellFormed(items);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(item.kind, CompletionItemKind.Snippet);
      const snippet = item.insertText ?? (item.textEdit as TextEdit).newText;
      assert.ok(snippet.includes('${1:XX单位}'), snippet.slice(0, 200));
      assert.ok(snippet.includes('${2:2023}'), snippet.slice(0, 200));
      assert.ok(snippet.startsWith('# ${1:XX单位}${2:2023}年政府信息公开工作年度报告'), snippet.slice(0, 200));
    }
  });

  test('the snippet expands to the skeleton of last year’s template (2021 template for 2023)', () => {
    const [item] = complete('', { line: 0, character: 0 });
    const expanded = expandSnippet(item.insertText!);
    assert.equal(expanded, reportSkeleton({ year: 2023, agency: 'XX单位', fill: '0' }));
    assert.deepEqual(diagnosticsOf(expanded), [], dump(diagnosticsOf(expanded)));
  });

  test('the year follows the injected "now": 2019 template for a report on 2020', () => {
    const [item] = getCompletions('', { line: 0, character: 0 }, { now: new Date(2021, 0, 20) });
    assert.ok(item.insertText!.includes('${2:2020}'));
    const expanded = expandSnippet(item.insertText!);
    assert.equal(expanded, reportSkeleton({ year: 2020, agency: 'XX单位', fill: '0' }));
    assert.ok(expanded.includes('本年新制作数量'), 'the 2019 table 二');
    assert.deepEqual(diagnosticsOf(expanded), []);
  });

  test('a forced template setting wins over the year', () => {
    const [item] = complete('', { line: 0, character: 0 }, { template: '2019' });
    assert.ok(expandSnippet(item.insertText!).includes('本年新制作数量'));
  });

  test('the default "now" is the current date', () => {
    const [item] = getCompletions('', { line: 0, character: 0 }, {});
    assert.ok(item.insertText!.includes(`\${2:${new Date().getFullYear() - 1}}`));
  });

  test('CRLF whitespace gives a CRLF snippet', () => {
    const [item] = complete('\r\n\r\n', { line: 1, character: 0 });
    assert.ok(item.insertText!.includes('\r\n'));
    assert.ok(!/[^\r]\n/.test(item.insertText!), 'every line break is CRLF');
  });
});

suite('completion: section headings on an empty line', () => {
  for (const template of TEMPLATES) {
    test(`${template}: a report missing 五 is offered 五 first, preselected, and inserting it removes missing-section`, () => {
      const text = buildReport(template, { headings: { 5: null } });
      const before = diagnosticsOf(text);
      assert.deepEqual(codes(before), ['missing-section'], dump(before));
      // The empty line after the body of 四.
      const line = blankLineAfter(text, '本年度行政复议、行政诉讼情况如上表。');
      const position = { line, character: 0 };
      const items = complete(text, position);
      assertWellFormed(items);
      assert.deepEqual(labels(items), ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况（含框架）']);
      assert.equal(items[0].preselect, true);
      // The line above is text: a blank line keeps the heading apart.
      assert.equal((items[0].textEdit as TextEdit).newText, '\n## 五、存在的主要问题及改进情况');
      for (const item of items) {
        const after = diagnosticsOf(accept(text, position, item));
        assert.deepEqual(ofCode(after, 'missing-section'), [], dump(after));
        assert.ok(after.length < before.length, dump(after));
      }
    });
  }

  test('the next missing section in order comes first; the others follow, each with its skeleton', () => {
    const text = sectionsReport([1, 3, 6]);
    const line = blankLineAfter(text, '| 四、结转下年度继续办理');
    const items = complete(text, { line, character: 0 });
    assertWellFormed(items);
    assert.deepEqual(labels(items), [
      '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况（含统计表）',
      '五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况（含框架）',
      '二、主动公开政府信息情况', '二、主动公开政府信息情况（含统计表）',
    ]);
    assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['四、政府信息公开行政复议、行政诉讼情况']);
    assert.ok(items[4].detail!.includes('顺序'), 'a section out of place says so');
    // Sorted by sortText the order is the same.
    assert.deepEqual([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label), labels(items));
    // Between 一 and 三, 二 comes first.
    const early = complete(text, { line: blankLineAfter(text, '### （五）监督保障') + 2, character: 0 });
    assert.equal(early[0].label, '二、主动公开政府信息情况');
    assert.equal(early[0].preselect, true);
  });

  test('the heading with its skeleton inserts the section and its table: no missing-section, no missing-table', () => {
    const text = sectionsReport([1, 2, 3, 5, 6]);
    const before = diagnosticsOf(text);
    assert.deepEqual(codes(before), ['missing-section'], dump(before));
    const line = blankLineAfter(text, '| 四、结转下年度继续办理');
    const position = { line, character: 0 };
    const items = complete(text, position);
    const withTable = items.find((i) => i.label === '四、政府信息公开行政复议、行政诉讼情况（含统计表）')!;
    assert.ok(withTable, JSON.stringify(labels(items)));
    const inserted = accept(text, position, withTable);
    assert.ok(inserted.includes(sectionSkeleton(4, '2021', { fill: '0' })));
    assert.deepEqual(diagnosticsOf(inserted), [], dump(diagnosticsOf(inserted)));
    // The heading alone removes missing-section (the table is then missing, as it should be).
    const headingOnly = diagnosticsOf(accept(text, position, items.find((i) => i.label === '四、政府信息公开行政复议、行政诉讼情况')!));
    assert.deepEqual(codes(headingOnly), ['missing-table'], dump(headingOnly));
  });

  test('blank lines are added around an insertion next to text', () => {
    const text = buildReport('2021', { headings: { 5: null } }).replace('本年度行政复议、行政诉讼情况如上表。\n\n', '本年度行政复议、行政诉讼情况如上表。\n\n\n');
    // The empty line right below the paragraph: the line above is text.
    const line = lineOf(text, '本年度行政复议、行政诉讼情况如上表。') + 1;
    const items = complete(text, { line, character: 0 });
    const skeleton = items.find((i) => i.label.endsWith('（含框架）'))!;
    assert.ok((skeleton.textEdit as TextEdit).newText.startsWith('\n## 五、'));
    const after = accept(text, { line, character: 0 }, skeleton);
    assert.ok(after.includes('本年度行政复议、行政诉讼情况如上表。\n\n## 五、存在的主要问题及改进情况\n\n'), after);
    assert.deepEqual(diagnosticsOf(after), []);
  });

  test('`## ` being typed is replaced by the heading', () => {
    const base = buildReport('2021', { headings: { 5: null } });
    const line = blankLineAfter(base, '本年度行政复议、行政诉讼情况如上表。');
    const text = splitLines(base).map((l, i) => (i === line ? '## ' : l)).join('\n');
    const items = complete(text, { line, character: 3 });
    assert.equal(items[0].label, '五、存在的主要问题及改进情况');
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line, character: 0 }, end: { line, character: 3 } });
    assert.equal(splitLines(accept(text, { line, character: 3 }, items[0]))[line], '## 五、存在的主要问题及改进情况');
  });

  test('CRLF documents get CRLF insertions', () => {
    const text = buildReport('2021', { headings: { 4: null }, omitTables: ['appeals'], eol: '\r\n' });
    const line = blankLineAfter(text, '本年度依申请公开工作总体平稳。');
    const items = complete(text, { line, character: 0 });
    const skeleton = items.find((i) => i.label === '四、政府信息公开行政复议、行政诉讼情况（含统计表）')!;
    const newText = (skeleton.textEdit as TextEdit).newText;
    assert.ok(newText.includes('\r\n') && !/[^\r]\n/.test(newText), JSON.stringify(newText.slice(0, 80)));
    const after = accept(text, { line, character: 0 }, skeleton);
    assert.ok(!/[^\r]\n/.test(after), 'the document stays CRLF');
    assert.deepEqual(ofCode(diagnosticsOf(after), 'missing-section'), []);
  });
});

suite('completion: the standard table in a section without it', () => {
  const KINDS = [[2, 'active', '表二'], [3, 'requests', '表三'], [4, 'appeals', '表四']] as const;
  for (const template of TEMPLATES) {
    for (const [section, kind, name] of KINDS) {
      test(`${template}: section ${canonicalHeading(section)} without its table is offered the ${template} table first`, () => {
        const text = buildReport(template, { omitTables: [kind] });
        const before = diagnosticsOf(text);
        assert.deepEqual(codes(before), ['missing-table'], dump(before));
        const line = lineOf(text, canonicalHeading(section)) + 1; // the blank line below the heading
        const position = { line, character: 0 };
        const items = complete(text, position);
        assertWellFormed(items);
        assert.equal(items.length, 1, JSON.stringify(labels(items)));
        assert.ok(items[0].label.startsWith(name), items[0].label);
        assert.equal(items[0].preselect, true);
        assert.ok((items[0].textEdit as TextEdit).newText.includes(standardTable(kind, template, '0')));
        const after = diagnosticsOf(accept(text, position, items[0]));
        assert.deepEqual(after, [], dump(after));
      });
    }
  }

  test('the table comes before the missing sections, and is the one preselected', () => {
    const text = sectionsReport([1, 2, 6]).replace(/\| 第二十条[\s\S]*?\| 行政事业性收费 \| 0 \|\n/, '');
    assert.deepEqual(codes(diagnosticsOf(text)).sort(), ['missing-section', 'missing-section', 'missing-section', 'missing-table']);
    const line = lineOf(text, '## 二、主动公开政府信息情况') + 1;
    const items = complete(text, { line, character: 0 });
    assertWellFormed(items);
    assert.ok(items[0].label.startsWith('表二'), items[0].label);
    assert.equal(items[0].preselect, true);
    assert.deepEqual(labels(items).slice(1, 3), ['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况（含统计表）']);
  });

  test('the template in force decides the table: a forced setting, or the report year', () => {
    const text = buildReport('2021', { omitTables: ['active'] });
    const line = lineOf(text, '## 二、主动公开政府信息情况') + 1;
    assert.ok((complete(text, { line, character: 0 })[0].textEdit as TextEdit).newText.includes('本年制发件数'));
    assert.ok((complete(text, { line, character: 0 }, { template: '2019' })[0].textEdit as TextEdit).newText.includes('本年新制作数量'));
  });

  test('no table item where the section has its table, or on a line that is not empty', () => {
    const text = buildReport('2021', { omitTables: ['requests'] });
    const heading = lineOf(text, '## 三、收到和处理政府信息公开申请情况');
    assert.deepEqual(complete(text, { line: heading, character: 0 }), []);
    assert.deepEqual(complete(text, { line: heading + 2, character: 3 }), []); // in the paragraph
    const complete2 = buildReport('2021');
    assert.deepEqual(complete(complete2, { line: lineOf(complete2, '## 三、') + 1, character: 0 }), []);
  });
});

suite('completion: row labels in a label cell', () => {
  for (const template of TEMPLATES) {
    test(`${template}: after "| " on a new row of table 三, the labels it lacks, numbered, with their group`, () => {
      const base = buildReport(template, { dropRequestRows: ['r5.4', 'r3.1'] });
      const line = lineOf(base, '四、结转下年度继续办理') + 1;
      const text = insertLines(base, line, ['| ']);
      const items = complete(text, { line, character: 2 });
      assertWellFormed(items);
      assert.deepEqual(labels(items), ['（三）不予公开', '1.属于国家秘密', '4.无正当理由大量反复申请']);
      const byLabel = new Map(items.map((i) => [i.label, i]));
      assert.equal(byLabel.get('4.无正当理由大量反复申请')!.detail, '（五）不予处理');
      assert.equal(byLabel.get('1.属于国家秘密')!.detail, '（三）不予公开');
      assert.ok(byLabel.get('（三）不予公开')!.detail!.includes('三、本年度办理结果'));
      for (const item of items) {
        assert.deepEqual((item.textEdit as TextEdit).range, { start: { line, character: 2 }, end: { line, character: 2 } });
        assert.equal((item.textEdit as TextEdit).newText, item.label);
      }
    });
  }

  test('a table 三 lacking a whole group offers the group label and its items; present labels are never offered', () => {
    const base = buildReport('2021', { dropRequestRows: ['r5.1', 'r5.2', 'r5.3', 'r5.4', 'r5.5'] });
    const line = lineOf(base, '四、结转下年度继续办理') + 1;
    const text = insertLines(base, line, ['| ']);
    const items = complete(text, { line, character: 2 });
    assert.deepEqual(labels(items), ['（五）不予处理', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']);
    const full = insertLines(buildReport('2021'), line, ['| ']);
    assert.deepEqual(complete(full, { line, character: 2 }), []);
  });

  test('typed text in the cell is replaced; completing the label of a row with values removes missing-row', () => {
    const base = buildReport('2021', { dropRequestRows: ['r5.4'] });
    const before = diagnosticsOf(base);
    assert.deepEqual(codes(before), ['missing-row']);
    const line = lineOf(base, '四、结转下年度继续办理') + 1;
    const text = insertLines(base, line, ['| | | 无正当 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']);
    const position = { line, character: 9 }; // after 无正当
    const items = complete(text, position);
    assert.deepEqual(labels(items), ['4.无正当理由大量反复申请']);
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line, character: 6 }, end: { line, character: 9 } });
    assert.ok(items[0].filterText!.includes('无正当理由大量反复申请'), 'what was typed filters the item');
    const after = accept(text, position, items[0]);
    assert.equal(splitLines(after)[line], '| | | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.deepEqual(diagnosticsOf(after), [], dump(diagnosticsOf(after)));
  });

  test('tab-separated table 三: the label cell before the first tab', () => {
    const base = buildReport('2021', { dropRequestRows: ['r5.4'], requestsFormat: 'tab' });
    const line = lineOf(base, '四、结转下年度继续办理');
    const text = insertLines(base, line, ['\t\t\t0\t0\t0\t0\t0\t0\t0']);
    const items = complete(text, { line, character: 2 });
    assert.deepEqual(labels(items), ['4.无正当理由大量反复申请']);
    assert.deepEqual(diagnosticsOf(accept(text, { line, character: 2 }, items[0])), []);
  });

  for (const template of TEMPLATES) {
    test(`${template}: table 二 offers the rows it lacks with their block, and whole blocks`, () => {
      const drop = template === '2019' ? ['五.otherServices', '九.procurement'] : ['五.licensing'];
      const base = buildReport(template, { dropActiveRows: drop });
      const line = lineOf(base, '| 行政事业性收费') + (template === '2019' ? 3 : 1);
      const text = insertLines(base, line, ['| ']);
      const items = complete(text, { line, character: 2 });
      assertWellFormed(items);
      if (template === '2019') {
        assert.deepEqual(items.map((i) => [i.label, i.detail]), [['其他对外管理服务事项', '第二十条第（五）项'], ['政府集中采购', '第二十条第（九）项']]);
      } else {
        assert.deepEqual(items.map((i) => [i.label, i.detail]), [['行政许可', '第二十条第（五）项']]);
      }
      const added = accept(text, { line, character: 2 }, items[0]).replace(`| ${items[0].label}`, `| ${items[0].label} | 0 | 0 | 0 |`);
      assert.ok(ofCode(diagnosticsOf(added), 'missing-row').length < ofCode(diagnosticsOf(base), 'missing-row').length);
    });
  }

  test('table 二 without a block at all offers the block label', () => {
    const text = buildReport('2021', {
      transform: (lines) => lines.filter((l) => !l.startsWith('| 第二十条第（八）项') && !l.startsWith('| 信息内容 | 本年收费金额') && !l.startsWith('| 行政事业性收费')),
    });
    const line = lineOf(text, '| 行政强制') + 1;
    const withRow = insertLines(text, line, ['| ']);
    const items = complete(withRow, { line, character: 2 });
    assert.deepEqual(labels(items), ['第二十条第（八）项', '行政事业性收费']);
  });

  test('nothing in a value cell, a header row, the delimiter row, table 四 or before the leading pipe', () => {
    const base = buildReport('2021', { dropRequestRows: ['r5.4'] });
    const r1 = lineOf(base, '（一）予以公开');
    const lines = splitLines(base);
    const valueAt = lines[r1].indexOf('| 2 |') + 2;
    assert.deepEqual(complete(base, { line: r1, character: valueAt }), [], 'value cell');
    assert.deepEqual(complete(base, { line: r1, character: 0 }), [], 'before the leading pipe');
    const header = lineOf(base, '自然人');
    assert.deepEqual(complete(base, { line: header, character: 2 }), [], 'header row');
    const note = lineOf(base, '本列数据的勾稽关系');
    assert.deepEqual(complete(base, { line: note + 1, character: 2 }), [], 'delimiter row');
    const appeals = lineOf(base, '| 1 | 0 | 0 | 1 | 2 |');
    assert.deepEqual(complete(base, { line: appeals, character: 2 }), [], 'table 四');
    const appealsNew = insertLines(base, appeals + 1, ['| ']);
    assert.deepEqual(complete(appealsNew, { line: appeals + 1, character: 2 }), [], 'a new row of table 四');
  });

  test('a label cell of an existing row offers only the absent labels (the row itself does not count)', () => {
    const base = buildReport('2021');
    const row = lineOf(base, '4.无正当理由大量反复申请');
    const text = splitLines(base).map((l, i) => (i === row ? l.replace('4.无正当理由大量反复申请', '4.无正当') : l)).join('\n');
    const position = { line: row, character: splitLines(text)[row].indexOf('4.无正当') + '4.无正当'.length };
    assert.deepEqual(labels(complete(text, position)), ['4.无正当理由大量反复申请']);
  });
});

suite('completion: nothing where nothing fits', () => {
  const text = buildReport('2021');

  test('a complete report: no item on any empty line, in a paragraph, on a heading', () => {
    const lines = splitLines(text);
    lines.forEach((l, line) => {
      for (const character of new Set([0, Math.floor(l.length / 2), l.length])) {
        const items = complete(text, { line, character });
        if (l.startsWith('|')) continue; // label cells of a complete table: also nothing (checked below)
        assert.deepEqual(items, [], `line ${line} "${l}" at ${character}: ${JSON.stringify(labels(items))}`);
      }
    });
    for (let line = 0; line < lines.length; line++) {
      if (!lines[line].startsWith('|')) continue;
      assert.deepEqual(complete(text, { line, character: 2 }), [], `table row ${line}: ${lines[line]}`);
    }
  });

  test('in the middle of a paragraph, even where a section is missing', () => {
    const missing = buildReport('2021', { headings: { 5: null } });
    const line = lineOf(missing, '本年度行政复议、行政诉讼情况如上表。');
    for (const character of [0, 3, 18]) assert.deepEqual(complete(missing, { line, character }), []);
    const para = lineOf(missing, '一是部分信息公开不够及时');
    assert.deepEqual(complete(missing, { line: para, character: 5 }), []);
  });

  test('not above the title, not in fenced code, not in an HTML comment, not on a blank line inside a table', () => {
    const missing = `\n${buildReport('2021', { headings: { 5: null } })}`;
    assert.deepEqual(complete(missing, { line: 0, character: 0 }), [], 'above the title');
    const fenced = missing.replace('本年度行政复议、行政诉讼情况如上表。', '```\n\n```\n\n<!--\n\n-->');
    const inFence = lineOf(fenced, '```') + 1;
    assert.deepEqual(complete(fenced, { line: inFence, character: 0 }), [], 'fenced code');
    assert.deepEqual(complete(fenced, { line: lineOf(fenced, '<!--') + 1, character: 0 }), [], 'HTML comment');
    assert.ok(complete(fenced, { line: lineOf(fenced, '-->') + 1, character: 0 }).length > 0, 'after the comment it works again');
    const split = buildReport('2021', { headings: { 5: null } }).replace('| | （七）总计 |', '\n| | （七）总计 |');
    assert.deepEqual(complete(split, { line: lineOf(split, '（七）总计') - 1, character: 0 }), [], 'blank line inside table 三');
  });

  test('disabled by settings: nothing', () => {
    assert.deepEqual(getCompletions('', { line: 0, character: 0 }, { settings: { enable: false } }), []);
  });
});

suite('completion: garbage input', () => {
  test('positions past the end are clamped; negative and non-numbers do not throw', () => {
    const text = buildReport('2021', { headings: { 5: null } });
    const atEnd = complete(text, { line: 10_000, character: 10_000 });
    assert.equal(atEnd[0]?.label, '五、存在的主要问题及改进情况', 'the end of the document is an empty line after 六');
    assert.ok(atEnd[0].detail!.includes('顺序'));
    const lastLine = splitLines(text).length - 1;
    assert.deepEqual((atEnd[0].textEdit as TextEdit).range.start, { line: lastLine, character: 0 });
    assert.deepEqual(complete(text, { line: 3, character: 10_000 }), complete(text, { line: 3, character: splitLines(text)[3].length }));
    for (const position of [{ line: -1, character: -5 }, { line: NaN, character: NaN }, { line: 2.5, character: Infinity }, undefined, null, {}]) {
      assert.ok(Array.isArray(getCompletions(text, position as unknown as Position, {})));
    }
    assert.deepEqual(getCompletions(undefined as unknown as string, { line: 0, character: 0 }, {}), []);
    assert.ok(Array.isArray(getCompletions('x', { line: 0, character: 0 }, undefined as unknown as {})));
  });

  test('random text at every position: never throws, every item well-formed, edits inside the document', () => {
    let seed = 42;
    const random = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const pieces = ['|', ' | ', '\t', '\n', '\r\n', '#', '## ', '三、收到和处理政府信息公开申请情况', '（五）不予处理', '0', '１', '```', '<!--', '-->',
      '---', '\ud83d\ude00', '\ud800', '本年', '第二十条第（一）项', '信息内容', '行政复议', '\u3000', '$', '}', '\\'];
    const base = buildReport('2019', { headings: { 3: null }, dropRequestRows: ['r2'] });
    for (let round = 0; round < 40; round++) {
      let text = round % 2 === 0 ? '' : base;
      for (let i = 0; i < 30; i++) {
        const at = random(text.length + 1);
        text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      }
      const lines = splitLines(text);
      for (let line = 0; line < lines.length; line += 1 + random(4)) {
        for (const character of [0, random(lines[line].length + 1), lines[line].length]) {
          const items = getCompletions(text, { line, character }, { now: NOW });
          for (const item of items) {
            assert.ok(item.kind !== undefined && typeof item.sortText === 'string');
            const edit = item.textEdit as TextEdit | undefined;
            if (edit) {
              assert.equal(edit.range.start.line, line);
              assert.equal(edit.range.end.line, line);
              assert.ok(edit.range.start.character <= character && edit.range.end.character === character);
            }
          }
        }
      }
    }
  });
});
