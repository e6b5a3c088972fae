// Message localisation for the service and the server. Messages are written in English in the
// code, in the form @vscode/l10n uses (`{0}` placeholders, the English text is the key); the
// Chinese comes from the extension's l10n bundle, the same l10n/bundle.l10n.zh-cn.json VS Code
// gives the client. The service does not use @vscode/l10n's global bundle because the language
// is chosen per document (setting gknb.locale) and the service must stay free of I/O.
import zhCn from '../../../l10n/bundle.l10n.zh-cn.json';
import type { Locale } from './settings';

export type MessageArgument = string | number | boolean;

const BUNDLES: Readonly<Record<Locale, Readonly<Record<string, string>> | undefined>> = {
  'zh-cn': zhCn as Record<string, string>,
  en: undefined,
};

/** Replaces `{0}`, `{1}`… with the arguments; `{{0}}` is a literal `{0}`. */
export function formatMessage(template: string, args: readonly MessageArgument[]): string {
  const parts = compiled(template);
  // Joined, not concatenated with +=: a message is kept in its diagnostic, and += leaves a tree of
  // string pieces (one object per piece) where join makes one flat string.
  const out = new Array<string>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') out[i] = part;
    else {
      const value = args[part];
      out[i] = value === undefined ? `{${part}}` : String(value);
    }
  }
  return out.join('');
}

/**
 * A template split once into literal text and argument indices: messages are formatted for every
 * finding, thousands in a large draft, from a few dozen templates.
 */
function compiled(template: string): readonly (string | number)[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      const text = template.slice(last, m.index) + (m[1] !== undefined ? `{${m[1]}}` : '');
      if (text !== '') parts.push(text);
      if (m[2] !== undefined) parts.push(Number(m[2]));
      last = m.index + m[0].length;
    }
    if (last < template.length) parts.push(template.slice(last));
    if (compiledTemplates.size >= 1000) compiledTemplates.clear();
    compiledTemplates.set(template, parts);
  }
  return parts;
}

const PLACEHOLDER = /\{\{(\d+)\}\}|\{(\d+)\}/g;
const compiledTemplates = new Map<string, (string | number)[]>();

/** The message in the locale's language: the bundle's translation, else the English key itself. */
export function localize(locale: Locale, message: string, ...args: MessageArgument[]): string {
  return formatMessage(BUNDLES[locale]?.[message] ?? message, args);
}
