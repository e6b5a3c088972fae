// `.gknbrc.json`: an optional config file (rule severities, template, ignored files) for the
// folder it sits in and every folder below. It is data only: parsed as JSON with comments,
// checked against the shape schemas/gknbrc.schema.json describes, never executed. A problem in
// it becomes a diagnostic in that file, and the part that is wrong falls back to the defaults.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch/posix';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { distance } from 'fastest-levenshtein';
import { localize, type MessageArgument } from './l10n';
import { RULE_IDS } from './rules';
import type { GknbSettings, Locale, SeverityName } from './settings';

export const CONFIG_FILE_NAME = '.gknbrc.json';

/** The code of a diagnostic about the config file itself (not a report rule: it cannot be turned off). */
export const INVALID_CONFIG = 'invalid-config';

export interface GknbConfigFile {
  /** Applies when the editor setting / CLI option leaves the template on `auto`. */
  readonly template?: 'auto' | '2019' | '2021';
  /** Rule severities; these override the editor's `gknb.rules` for the rules they name. */
  readonly rules: Readonly<Record<string, SeverityName>>;
  /** Globs (relative to the config file's folder, `/` separators) of files not to check. */
  readonly ignores: readonly string[];
}

export interface ConfigProblem {
  readonly range: Range;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedConfigFile {
  readonly config: GknbConfigFile;
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: GknbConfigFile = { rules: {}, ignores: [] };

const SEVERITIES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];
const TEMPLATES = ['auto', '2019', '2021'] as const;
const KEYS = ['$schema', 'template', 'rules', 'ignores'] as const;

/** Parses and checks a config file. Never throws; whatever is wrong is a problem plus a default. */
export function parseConfigFile(text: string, locale: Locale = 'zh-cn'): ParsedConfigFile {
  const say = (message: string, ...args: MessageArgument[]): string => localize(locale, message, ...args);
  // Offsets → LSP positions (CRLF, CR, LF) by the library the server already syncs documents with.
  const document = TextDocument.create('', 'json', 0, text);
  const rangeOf = (offset: number, length: number): Range => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
  const problems: ConfigProblem[] = [];
  const problem = (node: Node | undefined, message: string, severity: ConfigProblem['severity'] = 'error'): void => {
    problems.push({ range: node ? rangeOf(node.offset, node.length) : rangeOf(0, 0), message, severity });
  };

  const errors: ParseError[] = [];
  // A BOM is not JSON; editors save it anyway.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    problems.push({
      range: rangeOf(error.offset, error.length),
      message: say('The config file is not valid JSON ({0}); defaults are used for the whole file.', printParseErrorCode(error.error)),
      severity: 'error',
    });
  }
  if (errors.length) return { config: EMPTY_CONFIG, problems };
  if (!root || root.type !== 'object') {
    problem(root, say('The config file must hold one JSON object, e.g. {"rules": {…}}.'));
    return { config: EMPTY_CONFIG, problems };
  }

  let template: GknbConfigFile['template'];
  const rules: Record<string, SeverityName> = {};
  const ignores: string[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = keyNode?.value as string;
    if (!(KEYS as readonly string[]).includes(key)) {
      problem(keyNode, say('Unknown key "{0}", ignored. Known keys: template, rules, ignores.', key), 'warning');
      continue;
    }
    if (key === 'template') {
      const value = valueNode ? getNodeValue(valueNode) : undefined;
      if (typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value)) template = value as GknbConfigFile['template'];
      else problem(valueNode, say('template must be "auto", "2019" or "2021"; "auto" is used.'));
    } else if (key === 'rules') {
      if (valueNode?.type !== 'object') {
        problem(valueNode, say('rules must be an object such as {"empty-cell": "off"}; ignored.'));
        continue;
      }
      for (const entry of valueNode.children ?? []) {
        const [idNode, severityNode] = entry.children ?? [];
        const id = idNode?.value as string;
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          const suggestion = RULE_IDS.find((known) => distance(known, String(id)) <= 3);
          problem(idNode, say('Unknown rule "{0}", ignored.{1}', id, suggestion ? ` Did you mean "${suggestion}"?` : '', suggestion ? `是否指“${suggestion}”？` : ''), 'warning');
          continue;
        }
        const severity = severityNode?.type === 'string' ? (severityNode.value as string) : undefined;
        if (severity !== undefined && (SEVERITIES as readonly string[]).includes(severity)) rules[id] = severity as SeverityName;
        else problem(severityNode, say('The level of rule {0} must be "off", "hint", "information", "warning" or "error"; the default level is used.', id));
      }
    } else if (key === 'ignores') {
      if (valueNode?.type !== 'array') {
        problem(valueNode, say('ignores must be an array of glob strings such as ["drafts/**"]; ignored.'));
        continue;
      }
      for (const item of valueNode.children ?? []) {
        if (item.type === 'string' && (item.value as string).trim() !== '') ignores.push((item.value as string).replace(/\\/g, '/'));
        else problem(item, say('Each entry of ignores must be a non-empty glob string; this one is ignored.'));
      }
    }
  }
  return { config: { template, rules, ignores }, problems };
}

/** The config file's problems as LSP diagnostics for that file. */
export function configDiagnostics(parsed: ParsedConfigFile): Diagnostic[] {
  return parsed.problems.map((p) => ({
    range: p.range,
    message: p.message,
    severity: p.severity === 'error' ? 1 : 2,
    code: INVALID_CONFIG,
    source: 'gknb',
  }));
}

const matcherCache = new WeakMap<GknbConfigFile, (path: string) => boolean>();

/**
 * Whether a file is ignored by the config. `relativePath` is the file's path relative to the
 * config file's folder, with `/` separators; a file outside that folder (`../…`) is never ignored.
 */
export function isIgnoredByConfig(config: GknbConfigFile, relativePath: string): boolean {
  if (config.ignores.length === 0 || relativePath.startsWith('../') || relativePath === '..') return false;
  let matches = matcherCache.get(config);
  if (!matches) {
    matches = picomatch(config.ignores as string[], { dot: true });
    matcherCache.set(config, matches);
  }
  return matches(relativePath.replace(/^\.\//, ''));
}

/** Settings with the config file applied: its rule levels win; its template applies when the setting is `auto`. */
export function applyConfigFile(settings: GknbSettings, config: GknbConfigFile): GknbSettings {
  if (Object.keys(config.rules).length === 0 && (config.template === undefined || config.template === 'auto')) return settings;
  return {
    ...settings,
    template: settings.template === 'auto' && config.template ? config.template : settings.template,
    rules: { ...settings.rules, ...config.rules },
  };
}
