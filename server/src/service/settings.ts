// Settings as the service sees them, and their translation from VS Code / CLI configuration.
// Unknown or malformed values fall back to defaults: a bad setting must never stop checking.
import type { TemplateYear } from './model';

export type SeverityName = 'off' | 'hint' | 'information' | 'warning' | 'error';
export type Locale = 'zh-cn' | 'en';

export interface GknbSettings {
  readonly enable: boolean;
  readonly template: 'auto' | TemplateYear;
  readonly markdownCheck: 'auto' | 'always' | 'never';
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, SeverityName>>;
  readonly maxFileSizeKB: number;
  readonly validateDelayMs: number;
  readonly locale: Locale;
  /** Whether document and range formatting align pipe tables. */
  readonly formatEnable: boolean;
  /** `应为 N` hints after wrong totals. */
  readonly inlayHintsEnable: boolean;
  /** `勾稽关系：…` lenses above tables. */
  readonly codeLensEnable: boolean;
  /** Last year's report for cross-year checks: a path, absolute or relative to the workspace folder; '' = found automatically. */
  readonly previousReport: string;
}

export const DEFAULT_SETTINGS: GknbSettings = {
  enable: true,
  template: 'auto',
  markdownCheck: 'auto',
  rules: {},
  maxFileSizeKB: 2048,
  validateDelayMs: 100,
  locale: 'zh-cn',
  formatEnable: true,
  inlayHintsEnable: true,
  codeLensEnable: true,
  previousReport: '',
};

const SEVERITIES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function finiteNumber(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * Translates the `gknb` configuration section (as VS Code returns it from
 * `workspace/configuration`, nested objects for dotted keys) into settings.
 * Accepts both `{ markdown: { check } }` and `{ 'markdown.check': … }` shapes.
 */
export function settingsFromConfig(raw: unknown, locale: Locale = DEFAULT_SETTINGS.locale): GknbSettings {
  const config = isRecord(raw) ? raw : {};
  const nested = (key: string, sub: string): unknown => {
    const group = config[key];
    return isRecord(group) && sub in group ? group[sub] : config[`${key}.${sub}`];
  };
  const rules: Record<string, SeverityName> = {};
  if (isRecord(config.rules)) {
    for (const [id, severity] of Object.entries(config.rules)) {
      if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) {
        rules[id] = severity as SeverityName;
      }
    }
  }
  const forcedLocale = config.locale;
  return {
    enable: typeof config.enable === 'boolean' ? config.enable : DEFAULT_SETTINGS.enable,
    template: pick(config.template, ['auto', '2019', '2021'] as const, DEFAULT_SETTINGS.template),
    markdownCheck: pick(nested('markdown', 'check'), ['auto', 'always', 'never'] as const, DEFAULT_SETTINGS.markdownCheck),
    rules,
    // A limit of 0 or below would skip every report: treat it as unset rather than clamping.
    maxFileSizeKB: typeof config.maxFileSizeKB === 'number' && config.maxFileSizeKB > 0
      ? finiteNumber(config.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB, 1, 1024 * 1024)
      : DEFAULT_SETTINGS.maxFileSizeKB,
    validateDelayMs: finiteNumber(nested('validate', 'delayMs'), DEFAULT_SETTINGS.validateDelayMs, 0, 5000),
    locale: forcedLocale === 'zh-cn' || forcedLocale === 'en' ? forcedLocale : locale,
    formatEnable: flag(nested('format', 'enable'), DEFAULT_SETTINGS.formatEnable),
    inlayHintsEnable: flag(nested('inlayHints', 'enable'), DEFAULT_SETTINGS.inlayHintsEnable),
    codeLensEnable: flag(nested('codeLens', 'enable'), DEFAULT_SETTINGS.codeLensEnable),
    previousReport: typeof config.previousReport === 'string' ? config.previousReport.trim() : DEFAULT_SETTINGS.previousReport,
  };
}
