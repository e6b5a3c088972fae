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
  return template.replace(/\{\{(\d+)\}\}|\{(\d+)\}/g, (match, escaped: string | undefined, index: string | undefined) => {
    if (escaped !== undefined) return `{${escaped}}`;
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** The message in the locale's language: the bundle's translation, else the English key itself. */
export function localize(locale: Locale, message: string, ...args: MessageArgument[]): string {
  return formatMessage(BUNDLES[locale]?.[message] ?? message, args);
}
