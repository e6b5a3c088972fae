import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  NO_FEE_SENTENCE, OVERVIEW_SUBHEADS_2021, overviewSubheads, parseReport, reportSkeleton, sectionSkeleton, standardTable,
  templateForYear, validateText, type ReportModel, type Table, type TableKind, type TemplateYear,
} from '../../server/src/service';
import { parseHeading } from '../../server/src/service/parser';
import { ACTIVE_BLOCKS, APPEAL_COLUMNS, APPEAL_ROW_ID, REQUEST_COLUMNS, REQUEST_ROWS, activeRowId, canonicalHeading } from '../../server/src/service/template';
import { buildSnippets, escapeSnippet, snippetsFileText, type Snippet } from '../../snippets/generate';
import { codes, dump, TEMPLATES, URI } from './helpers';

const root = path.resolve(__dirname, '../..');
const KINDS: readonly TableKind[] = ['active', 'requests', 'appeals'];
const YEAR: Readonly<Record<TemplateYear, number>> = { '2019': 2020, '2021': 2023 };

function diagnose(text: string) {
  return validateText(text, { uri: URI, languageId: 'gknb' });
}

/** Every value row of the template, as the parser names it, in template order. */
function expectedRowIds(kind: TableKind, template: TemplateYear): string[] {
  if (kind === 'active') return ACTIVE_BLOCKS[template].flatMap((b) => b.rows.map((r) => activeRowId(b.item, r.id)));
  if (kind === 'requests') return REQUEST_ROWS[template].filter((r) => r.holdsValues).map((r) => r.id);
  return [APPEAL_ROW_ID];
}

function expectedColumnIds(table: Table, rowId: string): string[] {
  if (table.kind === 'requests') return REQUEST_COLUMNS.map((c) => c.id);
  if (table.kind === 'appeals') return APPEAL_COLUMNS.map((c) => c.id);
  const [item] = rowId.split('.');
  return ACTIVE_BLOCKS[table.template].find((b) => b.item === item)!.columns.map((c) => c.id);
}

function assertAllBound(model: ReportModel, template: TemplateYear): void {
  assert.deepEqual(model.tables.map((t) => t.kind), [...KINDS]);
  for (const table of model.tables) {
    assert.equal(table.template, template, `${table.kind} table template`);
    assert.deepEqual(table.rowIds, expectedRowIds(table.kind, template), `${table.kind} rows`);
    assert.equal(table.labelIssues.length, 0, `${table.kind} label issues: ${JSON.stringify(table.labelIssues)}`);
    for (const rowId of table.rowIds) {
      assert.deepEqual([...table.cells.get(rowId)!.keys()], expectedColumnIds(table, rowId), `${table.kind} ${rowId} columns`);
    }
  }
}

const rangeKey = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): string =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

suite('skeleton: the standard report', () => {
  for (const template of TEMPLATES) {
    test(`${template}: the filled skeleton has zero diagnostics and every row bound`, () => {
      const text = reportSkeleton({ template, year: YEAR[template], agency: '云溪市测试局', fill: '0' });
      const diags = diagnose(text);
      assert.equal(diags.length, 0, dump(diags));
      const model = parseReport(text);
      assert.equal(model.template, template);
      assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
      assert.ok(model.headings.every((h) => h.match === 'canonical' && h.level === 2));
      assertAllBound(model, template);
      for (const table of model.tables) {
        for (const row of table.cells.values()) for (const cell of row.values()) assert.equal(cell.text, '0');
      }
    });

    test(`${template}: with blank fill, every value cell is an empty-cell and nothing else is reported`, () => {
      const text = reportSkeleton({ template, year: YEAR[template], agency: '云溪市测试局', fill: '' });
      const model = parseReport(text);
      const diags = diagnose(text);
      const empty = new Set(diags.filter((d) => d.code === 'empty-cell').map((d) => rangeKey(d.range)));
      const [active, requests, appeals] = model.tables;
      for (const table of [active, requests]) {
        assert.deepEqual(table.rowIds, expectedRowIds(table.kind, template));
        for (const row of table.cells.values()) {
          for (const cell of row.values()) {
            assert.equal(cell.parsed.kind, 'blank');
            assert.ok(empty.has(rangeKey(cell.range)), `no empty-cell for ${table.kind} ${cell.rowId}/${cell.columnId}`);
          }
        }
      }
      const others = diags.filter((d) => d.code !== 'empty-cell');
      // The blank data row of table 四 is bound too: its 15 cells are empty-cells, nothing else.
      assert.ok(appeals.cells.has(APPEAL_ROW_ID), 'table 四 data row bound');
      assert.equal(appeals.cells.get(APPEAL_ROW_ID)!.size, 15);
      assert.equal(others.length, 0, dump(others));
      for (const cell of appeals.cells.get(APPEAL_ROW_ID)!.values()) assert.ok(empty.has(rangeKey(cell.range)));
      const bound = model.tables.reduce((n, t) => n + [...t.cells.values()].reduce((m, r) => m + r.size, 0), 0);
      assert.equal(empty.size, bound);
    });

    for (const kind of KINDS) {
      test(`${template}: standardTable('${kind}') parses as its table and template`, () => {
        for (const fill of ['0', '']) {
          // Table 四 is the same in both templates, and a blank 2019 table 三 (one blank （六） row)
          // reads like the 2021 one without its （六） items: those follow the report's template.
          const followsReport = kind === 'appeals' || (kind === 'requests' && fill === '');
          const model = parseReport(standardTable(kind, template, fill), { template: followsReport ? template : 'auto' });
          assert.equal(model.tables.length, 1);
          const [table] = model.tables;
          assert.equal(table.kind, kind);
          assert.equal(table.template, template);
          assert.equal(table.labelIssues.length, 0);
          assert.deepEqual(table.rowIds, expectedRowIds(kind, template));
        }
      });
    }

    test(`${template}: sections have the canonical heading and their skeleton`, () => {
      for (const n of [1, 2, 3, 4, 5, 6] as const) {
        const text = sectionSkeleton(n, template);
        const [first, blank] = text.split('\n');
        assert.equal(first, `## ${canonicalHeading(n)}`);
        assert.equal(blank, '');
        const heading = parseHeading(first, 0);
        assert.equal(heading?.section, n);
        assert.equal(heading?.match, 'canonical');
      }
      assert.ok(sectionSkeleton(2, template).endsWith(standardTable('active', template)));
      assert.ok(sectionSkeleton(3, template, { fill: '' }).endsWith(standardTable('requests', template, '')));
      assert.ok(sectionSkeleton(4, template).endsWith(standardTable('appeals', template)));
      assert.match(sectionSkeleton(5, template), /\n\n（在此填写[^）]+）$/);
      const subheads = sectionSkeleton(1, template).split('\n').filter((l) => l.startsWith('### '));
      const six = sectionSkeleton(6, template);
      if (template === '2021') {
        assert.deepEqual(subheads, OVERVIEW_SUBHEADS_2021.map((s, i) => `### （${'一二三四五'[i]}）${s}`));
        assert.deepEqual(subheads, ['### （一）主动公开', '### （二）依申请公开', '### （三）政府信息管理', '### （四）政府信息公开平台建设', '### （五）监督保障']);
        assert.ok(six.endsWith(`\n\n${NO_FEE_SENTENCE}`));
      } else {
        assert.deepEqual(subheads, []);
        assert.match(six, /\n\n（在此填写[^）]+）$/);
      }
    });
  }

  test('the layout is the one of the examples', () => {
    const example = readFileSync(path.join(root, 'examples/report-2021.gknb.md'), 'utf8');
    const table3 = standardTable('requests', '2021');
    // Header rows and label cells as the example writes them (values differ).
    const labelsOf = (t: string): string[] => t.split('\n').map((l) => l.replace(/\| \d+ /g, '| N '));
    const exampleLines = labelsOf(example).filter((l) => l.startsWith('|'));
    for (const line of labelsOf(table3)) assert.ok(exampleLines.includes(line), `example lacks ${line}`);
    const example2019 = readFileSync(path.join(root, 'examples/report-2020.gknb.md'), 'utf8');
    for (const line of labelsOf(standardTable('active', '2019')).filter((l) => !/\| N \|/.test(l))) {
      assert.ok(example2019.includes(line), `2019 example lacks ${line}`);
    }
    assert.ok(example2019.includes(standardTable('appeals', '2019').split('\n').slice(0, 4).join('\n')));
  });

  test('the title, preamble and statistical period; the year decides the template', () => {
    const text = reportSkeleton({ template: '2021', year: 2023, agency: '云溪市交通运输局' });
    const lines = text.split('\n');
    assert.equal(lines[0], '# 云溪市交通运输局2023年政府信息公开工作年度报告');
    assert.ok(lines.includes('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'));
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
    for (const [year, template] of [[2019, '2019'], [2020, '2019'], [2021, '2021'], [2023, '2021']] as const) {
      assert.equal(templateForYear(year), template);
      const skeleton = reportSkeleton({ year, agency: '某局' });
      const model = parseReport(skeleton);
      assert.equal(model.year, year);
      assert.equal(model.template, template, `year ${year}`);
      assert.equal(model.templateSource, 'year');
      assertAllBound(model, template);
      assert.equal(diagnose(skeleton).length, 0);
      // The statistical period alone decides too.
      const untitled = parseReport(skeleton.split('\n').slice(1).join('\n'));
      assert.equal(untitled.yearSource, 'period');
      assert.equal(untitled.template, template);
    }
  });

  test('overviewSubheads is the 2021 一、总体情况 body', () => {
    assert.equal(sectionSkeleton(1, '2021'), `## 一、总体情况\n\n${overviewSubheads()}`);
  });
});

// ---------------------------------------------------------------------------------------
// Snippets.

/** A snippet body as inserted with every placeholder's default (VS Code snippet syntax). */
function expandSnippet(body: readonly string[]): string {
  const text = body.join('\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1])) {
      out += text[++i];
      continue;
    }
    if (c === '$') {
      const tabstop = /^\$(\d+|\{\d+\})/.exec(text.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{\d+:/.exec(text.slice(i));
      if (placeholder) {
        i += placeholder[0].length - 1;
        continue; // the default text follows; its closing brace is dropped below
      }
      assert.fail(`unescaped $ at ${i}: ${text.slice(i, i + 20)}`);
    }
    if (c === '}') continue; // closes a placeholder (literal braces are escaped)
    out += c;
  }
  return out;
}

function minimalReport(template: TemplateYear, tables: Partial<Record<TableKind, string>>): string {
  const sections = ([1, 2, 3, 4, 5, 6] as const).map((n) => {
    const kind = ({ 2: 'active', 3: 'requests', 4: 'appeals' } as const)[n as 2 | 3 | 4];
    // 六 reports 信息处理费, as the 2021 format requires (processing-fee).
    const body = kind ? tables[kind] ?? standardTable(kind, template) : n === 6 ? '本年度未收取信息处理费。' : '正文。';
    return `## ${canonicalHeading(n)}\n\n${body}`;
  });
  return [`# 某局${YEAR[template]}年政府信息公开工作年度报告`, ...sections].join('\n\n') + '\n';
}

suite('snippets', () => {
  const file = path.join(root, 'snippets/gknb.json');
  const snippets = buildSnippets();
  const all = Object.entries(snippets) as [string, Snippet][];
  const byPrefix = new Map(all.map(([, s]) => [s.prefix, s]));

  test('snippets/gknb.json is exactly what scripts/gen-snippets.mjs generates (run it after changing the skeleton)', () => {
    assert.equal(readFileSync(file, 'utf8'), snippetsFileText());
  });

  test('scripts/gen-snippets.mjs --check agrees (the script bundles the skeleton with esbuild)', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-snippets.mjs'), '--check'], { cwd: root, stdio: 'pipe' });
  });

  test('package.json contributes the snippets to gknb and markdown documents', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.snippets as { language: string; path: string }[]);
    for (const language of ['gknb', 'markdown']) {
      const entry = contributed.find((s) => s.language === language);
      assert.ok(entry, `no snippets for ${language}`);
      assert.equal(path.resolve(root, entry.path), file);
    }
  });

  test('prefixes start with gknb and are unique, descriptions are Chinese, bodies are lines', () => {
    assert.equal(byPrefix.size, all.length);
    for (const [name, s] of all) {
      assert.match(s.prefix, /^gknb-[a-z0-9-]+$/, name);
      assert.match(s.description, /\p{Script=Han}/u, name);
      assert.match(name, /\p{Script=Han}/u);
      assert.ok(s.body.length > 0 && s.body.every((l) => !l.includes('\n')), name);
    }
    const expected = [
      'gknb-report-2019', 'gknb-report-2021',
      'gknb-table2-2019', 'gknb-table2-2021', 'gknb-table3-2019', 'gknb-table3-2021', 'gknb-table4',
      'gknb-overview-2021',
    ];
    for (const prefix of expected) assert.ok(byPrefix.has(prefix), prefix);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const ofSection = [...byPrefix.keys()].filter((p) => p === `gknb-section-${n}` || p.startsWith(`gknb-section-${n}-`));
      assert.ok(ofSection.length === 1 || ofSection.length === 2, `section ${n}: ${ofSection}`);
      for (const prefix of ofSection) {
        const template = prefix.endsWith('-2019') ? '2019' : '2021';
        assert.equal(expandSnippet(byPrefix.get(prefix)!.body), sectionSkeleton(n as 1, template));
      }
    }
    assert.equal(expandSnippet(byPrefix.get('gknb-overview-2021')!.body), overviewSubheads());
  });

  test('report snippets: agency and year placeholders, zero diagnostics with the defaults', () => {
    for (const template of TEMPLATES) {
      const s = byPrefix.get(`gknb-report-${template}`)!;
      assert.equal(s.body[0], `# \${1:XX单位}\${2:${YEAR[template]}}年政府信息公开工作年度报告`);
      assert.ok(s.body.some((l) => l.includes(`统计期限自\${2:${YEAR[template]}}年1月1日起至\${2:${YEAR[template]}}年12月31日止`)));
      const text = `${expandSnippet(s.body)}\n`;
      assert.equal(text, reportSkeleton({ template, year: YEAR[template], agency: 'XX单位' }));
      assert.equal(diagnose(text).length, 0);
      assert.equal(parseReport(text).template, template);
    }
  });

  test('table snippets parse as their table with zero diagnostics in a minimal report', () => {
    const cases: [string, TableKind, TemplateYear][] = [
      ['gknb-table2-2019', 'active', '2019'], ['gknb-table2-2021', 'active', '2021'],
      ['gknb-table3-2019', 'requests', '2019'], ['gknb-table3-2021', 'requests', '2021'],
      ['gknb-table4', 'appeals', '2019'], ['gknb-table4', 'appeals', '2021'],
    ];
    for (const [prefix, kind, template] of cases) {
      const body = expandSnippet(byPrefix.get(prefix)!.body);
      const text = minimalReport(template, { [kind]: body });
      const diags = diagnose(text);
      assert.equal(diags.length, 0, `${prefix}:\n${dump(diags)}`);
      const model = parseReport(text);
      const table = model.tables.find((t) => t.kind === kind)!;
      assert.equal(table.template, template);
      assert.deepEqual(table.rowIds, expectedRowIds(kind, template));
    }
  });

  test('escaping: $, } and \\ in skeleton text would be escaped', () => {
    assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    assert.equal(expandSnippet([escapeSnippet('费用$1 {x} \\ 完')]), '费用$1 {x} \\ 完');
  });
});
