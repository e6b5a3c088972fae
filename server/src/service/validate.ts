// Runs the rules over a parsed report and turns findings into LSP diagnostics: severity from
// settings, code = rule id, source 'gknb', relatedInformation pointing into the same document
// (or, for cross-year, into last year's report).
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Directive, ReportModel } from './model';
import { localize } from './l10n';
import { contentLines, parseHeading, parseReport, splitLines } from './parser';
import { DEFAULT_SEVERITIES, FILE_TOO_LARGE, RULES, type RuleId } from './rules';
import type { Finding, PreviousReport } from './rules/common';
import { DEFAULT_SETTINGS, type GknbSettings, type SeverityName } from './settings';

export interface ValidateOptions {
  readonly uri: string;
  /** 'gknb' documents are always checked; others only when they look like a report. */
  readonly languageId?: string;
  readonly settings?: Partial<GknbSettings>;
  /** Last year's report of the same agency, for the cross-year rule. */
  readonly previous?: PreviousReport;
}

/** At most this many diagnostics per rule and document; the rest are counted in one more. */
export const MAX_FINDINGS_PER_RULE = 500;

const SEVERITY: Readonly<Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity>> = {
  error: 1, warning: 2, information: 3, hint: 4,
};

/** Whether a Markdown document reads as an annual report (gknb.markdown.check = auto). */
export function looksLikeReport(text: string): boolean {
  // Fenced code and HTML comments are not content: a README quoting headings is not a report.
  const lines = contentLines(splitLines(text));
  const sections = new Set<number>();
  let firstNonEmptySeen = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const namesReport = trimmed.includes('政府信息公开') && trimmed.includes('年度报告');
    if (!firstNonEmptySeen) {
      firstNonEmptySeen = true;
      if (namesReport) return true;
    }
    if (namesReport && /^ {0,3}#{1,6}\s/.test(line)) return true;
    const heading = parseHeading(line, 0);
    if (heading) {
      sections.add(heading.section);
      if (sections.size >= 3) return true;
    }
  }
  return false;
}

export function shouldCheckDocument(text: string, languageId: string, settings: GknbSettings): boolean {
  if (!settings.enable) return false;
  if (languageId === 'gknb') return true;
  if (languageId !== 'markdown') return false;
  if (settings.markdownCheck === 'always') return true;
  if (settings.markdownCheck === 'never') return false;
  return looksLikeReport(text);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

function severityOf(id: RuleId, settings: GknbSettings, finding?: Finding): SeverityName {
  return settings.rules[id] ?? finding?.severity ?? DEFAULT_SEVERITIES[id];
}

function toDiagnostic(id: RuleId, finding: Finding, severity: Exclude<SeverityName, 'off'>, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[severity],
    code: id,
    source: 'gknb',
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  }
  if (finding.data !== undefined) diagnostic.data = { rule: id, ...finding.data };
  return diagnostic;
}

/** Whether `gknb-disable…` comments switch a rule off on a line. */
export function isSuppressed(directives: readonly Directive[], rule: string, line: number): boolean {
  let off = false;
  for (const d of directives) {
    if (d.rules.length > 0 && !d.rules.includes(rule)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        if (d.line + 1 === line) return true;
        break;
      case 'disable-line':
        // Written inside a table row's first cell, where a line of its own would split the table.
        if (d.line === line) return true;
        break;
      case 'disable':
        if (d.line <= line) off = true;
        break;
      case 'enable':
        if (d.line <= line) off = false;
        break;
    }
  }
  return off;
}

/**
 * isSuppressed for one rule, the directives indexed once: a lookup per finding instead of a scan
 * of every directive (a large draft can carry a `gknb-disable-line` on many rows).
 */
function suppressionOf(directives: readonly Directive[], rule: string): (line: number) => boolean {
  const lines = new Set<number>();
  const toggleLines: number[] = [];
  const toggleOff: boolean[] = [];
  for (const d of directives) {
    if (d.rules.length > 0 && !d.rules.includes(rule)) continue;
    switch (d.kind) {
      case 'disable-file':
        return () => true;
      case 'disable-next-line':
        lines.add(d.line + 1);
        break;
      case 'disable-line':
        lines.add(d.line);
        break;
      case 'disable':
      case 'enable':
        if (toggleLines.length > 0 && d.line < toggleLines[toggleLines.length - 1]) {
          // Not in document order (a hand-made model): the scan is the definition.
          return (line) => isSuppressed(directives, rule, line);
        }
        toggleLines.push(d.line);
        toggleOff.push(d.kind === 'disable');
        break;
    }
  }
  return (line) => {
    if (lines.has(line)) return true;
    // The last disable/enable at or above the line decides.
    let lo = 0;
    let hi = toggleLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (toggleLines[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && toggleOff[lo - 1];
  };
}

export function validateModel(model: ReportModel, uri: string, settings: GknbSettings = DEFAULT_SETTINGS, previous?: PreviousReport): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const directives = model.directives;
  for (const rule of RULES) {
    if (settings.rules[rule.id] === 'off') continue;
    const checked = rule.check({ model, locale: settings.locale, previous });
    let findings = checked;
    if (directives.length > 0 && checked.length > 0) {
      const suppressed = suppressionOf(directives, rule.id);
      findings = checked.filter((f) => !suppressed(f.range.start.line));
    }
    for (const finding of findings.slice(0, MAX_FINDINGS_PER_RULE)) {
      const severity = severityOf(rule.id, settings, finding);
      if (severity === 'off') continue;
      diagnostics.push(toDiagnostic(rule.id, finding, severity, uri));
    }
    if (findings.length > MAX_FINDINGS_PER_RULE) {
      // Thousands of squiggles help nobody and stall the editor: say how many were left out.
      const rest = findings.length - MAX_FINDINGS_PER_RULE;
      const last = findings[MAX_FINDINGS_PER_RULE];
      diagnostics.push(toDiagnostic(rule.id, {
        range: last.range,
        message: localize(settings.locale, '{0} more {1} problems not listed.', rest, rule.id),
      }, 'information', uri));
    }
  }
  return diagnostics;
}

/** Whether a document is above gknb.maxFileSizeKB (in UTF-8 bytes) and so is not checked. */
export function exceedsSizeLimit(text: string, settings: GknbSettings): boolean {
  const limit = settings.maxFileSizeKB * 1024;
  // UTF-8 is at most 3 bytes per UTF-16 unit, so only near the limit is it worth counting.
  return text.length * 3 > limit && utf8Length(text) > limit;
}

export function validateText(text: string, options: ValidateOptions): Diagnostic[] {
  const settings: GknbSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  if (!shouldCheckDocument(text, options.languageId ?? 'gknb', settings)) return [];
  if (exceedsSizeLimit(text, settings)) {
    const severity = severityOf(FILE_TOO_LARGE, settings);
    if (severity === 'off') return [];
    const kb = Math.round(utf8Length(text) / 1024);
    return [toDiagnostic(FILE_TOO_LARGE, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: localize(settings.locale, 'File is {0} KB, above gknb.maxFileSizeKB ({1} KB); not checked.', kb, settings.maxFileSizeKB),
    }, severity, options.uri)];
  }
  const model = parseReport(text, { template: settings.template });
  return validateModel(model, options.uri, settings, options.previous);
}
