// Flags figures that disagree with the same agency's report for the year before: 上年结转 ≠ last 结转下年度,
// 2019 上一年项目数量 ≠ last 上一年项目数量 + 本年增/减, 2021 现行有效件数 drift (reference §5, cross-year).
import { reportIdentity, sameAgency } from '../agency';
import type { ReportModel, Table, ValueCell } from '../model';
import { REQUEST_COLUMNS } from '../template';
import { cellName, formatNumber, say, tablesOf, type Finding, type PreviousReport, type RuleContext, type RuleDefinition } from './common';

export const crossYear: RuleDefinition<'cross-year'> = {
  id: 'cross-year',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const previous = context.previous;
    if (!previous || !comparable(context.model, previous)) return [];
    const year = previous.model.year!;
    const findings: Finding[] = [];
    const requests = [firstTable(context.model, 'requests'), firstTable(previous.model, 'requests')] as const;
    if (requests[0] && requests[1]) findings.push(...carryOver(context, requests[0], requests[1], previous.uri, year));
    const active = [firstTable(context.model, 'active'), firstTable(previous.model, 'active')] as const;
    if (active[0] && active[1]) {
      findings.push(...projectCounts(context, active[0], active[1], previous.uri, year));
      findings.push(...documentsInForce(context, active[0], active[1], previous.uri, year));
    }
    return findings;
  },
};

/** Last year's report counts when it is exactly one year older and (unless named by the user) by the same agency. */
function comparable(model: ReportModel, previous: PreviousReport): boolean {
  if (model.year === undefined || previous.model.year !== model.year - 1) return false;
  if (previous.explicit) return true;
  const current = reportIdentity(model);
  const last = reportIdentity(previous.model);
  return current !== undefined && last !== undefined && sameAgency(current.agency, last.agency);
}

function firstTable(model: ReportModel, kind: Table['kind']): Table | undefined {
  for (const table of tablesOf(model, kind)) return table;
  return undefined;
}

function numberIn(cell: ValueCell | undefined): number | undefined {
  return cell && !cell.missing && cell.parsed.kind === 'number' ? cell.parsed.value : undefined;
}

function lastYearCell(table: Table, cell: ValueCell, uri: string, year: number, context: RuleContext) {
  return {
    uri,
    range: cell.range,
    message: say(context, '{0} report: {1} = {2}', year, cellName(table, cell), formatNumber(numberIn(cell)!)),
  };
}

/** 二、上年结转 (this year) = 四、结转下年度继续办理 (last year), per column. */
function carryOver(context: RuleContext, table: Table, last: Table, uri: string, year: number): Finding[] {
  const findings: Finding[] = [];
  for (const column of REQUEST_COLUMNS) {
    const carried = table.cells.get('carried')?.get(column.id);
    const before = last.cells.get('carryover')?.get(column.id);
    const actual = numberIn(carried);
    const expected = numberIn(before);
    if (actual === undefined || expected === undefined || actual === expected) continue;
    findings.push({
      range: carried!.range,
      message: say(context, 'Carried over from last year should equal 结转下年度继续办理 in the {0} report: expected {1}, found {2} ({3}).', year, formatNumber(expected), formatNumber(actual), column.label),
      related: [lastYearCell(last, before!, uri, year, context)],
      data: { expected },
    });
  }
  return findings;
}

function signed(value: number): string {
  return value < 0 ? `-${formatNumber(-value)}` : `+${formatNumber(value)}`;
}

/** 2019 template: 上一年项目数量 (this year) = 上一年项目数量 + 本年增/减 (last year), per row of 第（五）（六）（八）项. */
function projectCounts(context: RuleContext, table: Table, last: Table, uri: string, year: number): Finding[] {
  const findings: Finding[] = [];
  for (const [rowId, row] of table.cells) {
    const cell = row.get('previous');
    const lastRow = last.cells.get(rowId);
    const lastCount = lastRow?.get('previous');
    const lastChange = lastRow?.get('change');
    const actual = numberIn(cell);
    const base = numberIn(lastCount);
    const change = numberIn(lastChange);
    if (actual === undefined || base === undefined || change === undefined) continue;
    const expected = base + change;
    if (actual === expected) continue;
    const formula = `${formatNumber(base)}${signed(change)}`;
    findings.push({
      range: cell!.range,
      message: say(context, '上一年项目数量 should be the {0} report\'s 上一年项目数量 plus 本年增/减: expected {1} ({2}), found {3} ({4}).', year, formatNumber(expected), formula, formatNumber(actual), cellName(table, cell!)),
      related: [lastYearCell(last, lastCount!, uri, year, context), lastYearCell(last, lastChange!, uri, year, context)],
      data: { expected },
    });
  }
  return findings;
}

/**
 * 2021 template: 现行有效件数 ≈ last year's 现行有效件数 + 本年制发件数 − 本年废止件数. Information only:
 * documents cleaned up without a formal 废止 break it in real reports (reference §5).
 */
function documentsInForce(context: RuleContext, table: Table, last: Table, uri: string, year: number): Finding[] {
  const findings: Finding[] = [];
  for (const [rowId, row] of table.cells) {
    const cell = row.get('inForce');
    const issued = row.get('issued');
    const repealed = row.get('repealed');
    const lastInForce = last.cells.get(rowId)?.get('inForce');
    const actual = numberIn(cell);
    const base = numberIn(lastInForce);
    const added = numberIn(issued);
    const removed = numberIn(repealed);
    if (actual === undefined || base === undefined || added === undefined || removed === undefined) continue;
    const expected = base + added - removed;
    if (actual === expected) continue;
    const formula = `${formatNumber(base)}+${formatNumber(added)}-${formatNumber(removed)}`;
    findings.push({
      range: cell!.range,
      severity: 'information',
      message: say(context, '现行有效件数 differs from the {0} report\'s count plus this year\'s issued minus repealed: {1} ({2}), found {3} ({4}). Documents cleaned up without formal repeal explain a difference; please check.', year, formatNumber(expected), formula, formatNumber(actual), cellName(table, cell!)),
      related: [
        lastYearCell(last, lastInForce!, uri, year, context),
        { range: issued!.range, message: `${cellName(table, issued!)} = ${formatNumber(added)}` },
        { range: repealed!.range, message: `${cellName(table, repealed!)} = ${formatNumber(removed)}` },
      ],
      data: { expected },
    });
  }
  return findings;
}
