// Label normalisation and matching: drafts pasted from Word carry full-width or ASCII brackets,
// letter-spacing, stray quotes and punctuation, so labels are compared by a normalised key.
import { distance } from 'fastest-levenshtein';

// Everything that is not part of a label's wording: whitespace, brackets, quotes and punctuation.
const NOISE = /[\s\u3000\u00a0\ufeff\u200b-\u200f\u202a-\u202e\u2060()（）[\]【】〔〕「」『』<>《》"'“”‘’`´、，,。.．:：;；!！?？·•*_~^\\/|-]/g;

// A line break inside a Word cell arrives in Markdown as <br>.
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

const MEMO_LIMIT = 20_000;

/**
 * `compute` memoised by its text argument. Labels repeat within a report and across keystrokes,
 * so what is derived from a label is computed once. Bounded: the memo is emptied when it holds
 * 20,000 texts, and texts over 200 characters (sentences, not labels) are not kept.
 */
export function memoisedByText<T>(compute: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      value = compute(text);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      if (text.length <= 200) memo.set(text, value);
    }
    return value as T;
  };
}

/** The key two labels are compared by: NFKC, no spaces, no brackets, quotes or punctuation. */
export const labelKey = memoisedByText((text) => text.normalize('NFKC').replace(HTML_TAG, '').replace(NOISE, '').toLowerCase());

// Numbering prefixes of table rows: 一、 （一） (一) 1. 1、 1．
const LEADING_NUMBERING = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))[\s\u3000]*/;

/** Removes one leading numbering marker, e.g. `（三）不予公开` → `不予公开`. */
export function stripNumbering(text: string): string {
  return asciiDigits(text).replace(LEADING_NUMBERING, '');
}

const FULLWIDTH_DIGIT = /[０-９]/;
const FULLWIDTH_DIGITS = /[０-９]/g;
const toAsciiDigit = (d: string): string => String.fromCharCode(d.charCodeAt(0) - 0xfee0);

/** Full-width digits as ASCII (same length, so offsets are kept). */
export function asciiDigits(text: string): string {
  return FULLWIDTH_DIGIT.test(text) ? text.replace(FULLWIDTH_DIGITS, toAsciiDigit) : text;
}

// Where a label cell that holds several hierarchy levels (`三、本年度办理结果（一）予以公开`)
// is split: before each numbering marker.
const SEGMENT_MARKER = /(?=[（(][一二三四五六七][）)])|(?<![\d.．])(?=\d{1,2}[.．、](?!\d))/g;

/** Splits a label into its hierarchy levels; every part keeps its numbering. */
export function splitSegments(text: string): string[] {
  return asciiDigits(text).split(SEGMENT_MARKER).map((s) => s.trim()).filter((s) => s.length > 0);
}

export interface Candidate<T> {
  readonly key: string;
  readonly value: T;
}

/**
 * The candidate whose key is closest to `key`, when close enough to be the same label
 * mistyped or shortened (at most a third of the longer key differs); undefined otherwise.
 */
export function closest<T>(key: string, candidates: readonly Candidate<T>[]): T | undefined {
  // Long keys are sentences, not labels; comparing them costs time and finds nothing.
  if (key.length === 0 || key.length > 60) return undefined;
  // The same wrong labels come back on every keystroke's parse: each answer is kept, per
  // candidate list (weakly: a list made for one call goes with its answers), bounded like memoisedByText's.
  let answers = closestAnswers.get(candidates);
  if (!answers) closestAnswers.set(candidates, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as T | undefined;
  const best = nearest(key, candidates);
  if (answers.size >= MEMO_LIMIT) answers.clear();
  answers.set(key, best);
  return best;
}

const closestAnswers = new WeakMap<readonly Candidate<unknown>[], Map<string, unknown>>();

function nearest<T>(key: string, candidates: readonly Candidate<T>[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const limit = Math.ceil(Math.max(key.length, candidate.key.length) / 3);
    if (Math.abs(candidate.key.length - key.length) > limit) continue;
    const d = distance(key, candidate.key);
    if (d <= limit && d < bestDistance) {
      best = candidate.value;
      bestDistance = d;
    }
  }
  return best;
}

const NUMBER_LIKE = /^[+\-－＋]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:万元|元|万|件|个|项)?$/;

const SPACES = /[\s\u3000]/g;

/** Whether a cell's text reads as a number (used to tell value cells from label cells). */
export function isNumberLike(text: string): boolean {
  // Called several times per cell: plain counts skip the regex, unspaced text skips the copy.
  if (isPlainNumber(text)) return true;
  return NUMBER_LIKE.test(hasJsSpace(text) ? text.replace(SPACES, '') : text);
}

/** Whether a UTF-16 unit matches /\s/ (which includes U+3000), without a regex. */
export function isJsSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x1680
    || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

function hasJsSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isJsSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Whether `text` is one or more ASCII digits and nothing else (`/^[0-9]+$/` without a regex). */
export function isPlainNumber(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
