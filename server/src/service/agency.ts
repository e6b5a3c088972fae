// Who published a report and for which year, read from its title, and which report among
// candidates is the same agency's report for the year before (for the cross-year rule).
import { labelKey } from './labels';
import type { ReportModel } from './model';
import { parseReport } from './parser';

/** The agency a report is by and the year it covers. */
export interface ReportIdentity {
  /** The agency name as written before the year, normalised (NFKC, no spaces or emphasis). */
  readonly agency: string;
  readonly year: number;
}

// `2021年`, `2021 年度`, `２０２１年` (NFKC turns full-width digits into ASCII first).
const YEAR = /((?:19|20)\d{2})年度?/;
// Where the agency name ends when no year separates it from the rest of the title.
const REPORT_WORDS = /政府信息公开|政务公开|信息公开|工作年度报告|年度报告|年报/;
// Words that can sit between the agency and the year: `XX局关于2020年…`.
const TRAILING_LINK = /(?:关于|的)+$/;
const EMPHASIS = /[*_`#]/g;
const SPACE = /[\s\u3000\u00a0\ufeff\u200b-\u200f]/g;

/** The agency name as compared: NFKC, no whitespace or Markdown emphasis, no linking 关于/的 at the end. */
export function normaliseAgency(name: string): string {
  return name.normalize('NFKC').replace(EMPHASIS, '').replace(SPACE, '').replace(TRAILING_LINK, '');
}

/**
 * Reads the agency and year from a report title: `XX市XX局2021年政府信息公开工作年度报告`,
 * `XX区人民政府2020年度政府信息公开工作年度报告`, `2021年XX局政府信息公开工作年度报告`,
 * `XX中心政府信息公开工作年度报告` (no year). Either part is undefined when the title lacks it.
 */
export function parseReportTitle(title: string): { readonly agency?: string; readonly year?: number } {
  const text = title.normalize('NFKC').replace(EMPHASIS, '').replace(SPACE, '');
  const year = YEAR.exec(text);
  let agency = '';
  if (year) {
    agency = normaliseAgency(text.slice(0, year.index));
    if (agency === '') {
      // The year first: `2021年云溪市交通运输局政府信息公开工作年度报告`.
      const rest = text.slice(year.index + year[0].length);
      const end = REPORT_WORDS.exec(rest);
      agency = normaliseAgency(end ? rest.slice(0, end.index) : '');
    }
  } else {
    const end = REPORT_WORDS.exec(text);
    agency = normaliseAgency(end ? text.slice(0, end.index) : '');
  }
  return { ...(agency !== '' ? { agency } : {}), ...(year ? { year: Number(year[1]) } : {}) };
}

/** How many lines above the title an agency line (`临清市人民政府办公室` / `2020年…年度报告`) may stand. */
const AGENCY_LINE_REACH = 3;
const AGENCY_LINE_MAX = 40;

/**
 * The report's agency and year: from the title, where Word drafts often put the agency on a line
 * of its own just above `2020年政府信息公开工作年度报告`; the year falls back to the statistical
 * period. Undefined when either is unknown.
 */
export function reportIdentity(model: ReportModel): ReportIdentity | undefined {
  const title = model.title;
  if (!title) return undefined;
  const fromTitle = parseReportTitle(title.text);
  let agency = fromTitle.agency;
  if (agency === undefined) {
    for (let line = title.line - 1; line >= 0 && line >= title.line - AGENCY_LINE_REACH; line--) {
      const above = model.lines[line].replace(/^\s*#+\s*/, '').trim();
      if (above === '') continue;
      if (above.length <= AGENCY_LINE_MAX && !/[。；;：:]/.test(above)) agency = parseReportTitle(above + title.text).agency;
      break;
    }
  }
  const year = fromTitle.year ?? model.year;
  return agency !== undefined && year !== undefined ? { agency, year } : undefined;
}

/** The part of a report that holds its title and statistical period (after a note in an HTML comment, say). */
const HEAD_LINES = 120;

/**
 * The identity of a report from the start of its text only (title and statistical period come
 * first): cheap enough to run over every candidate file of a workspace.
 */
export function reportIdentityOfText(text: string): ReportIdentity | undefined {
  let end = -1;
  for (let i = 0; i < HEAD_LINES; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return reportIdentity(parseReport(text));
  }
  return reportIdentity(parseReport(text.slice(0, end)));
}

/** Whether two agency names (as written in titles) name the same agency. */
export function sameAgency(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** Whether `candidate` is the same agency's report for the year before `current`. */
export function isPreviousReport(current: ReportIdentity, candidate: ReportIdentity): boolean {
  return candidate.year === current.year - 1 && sameAgency(current.agency, candidate.agency);
}

/**
 * The same agency's report for the year before, among candidates (the first one in their order,
 * so callers list what they prefer first); candidates without an identity never match.
 */
export function findPreviousReport<T extends { readonly identity?: ReportIdentity }>(
  current: ReportIdentity | undefined, candidates: Iterable<T>,
): T | undefined {
  if (!current) return undefined;
  for (const candidate of candidates) {
    if (candidate.identity && isPreviousReport(current, candidate.identity)) return candidate;
  }
  return undefined;
}
