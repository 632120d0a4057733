/**
 * The interface in the digest's language: one dictionary per language (`en.ts` is the reference
 * every other follows), chosen by the topic's `language` with the best match on its BCP 47 tag,
 * and English for a language Dossier does not ship yet.
 */
import { en } from './en.ts';
import { formatUiString, type UiParams, type UiString } from './format.ts';

export type UiKey = keyof typeof en;
export type Dictionary = Record<UiKey, UiString>;

/** The dictionaries shipped, by language tag. */
const DICTIONARIES: Record<string, Dictionary> = { en };

/**
 * The shipped dictionary that best fits a language tag: the tag itself, then the tag with its
 * last subtag dropped, and so on (`de-AT` → `de`, `zh-Hant-TW` → `zh-Hant`); none when no
 * dictionary fits.
 */
export function resolveUiLanguage(
  tag: string,
  shipped: readonly string[] = Object.keys(DICTIONARIES),
): string | undefined {
  const byLowerCase = new Map(shipped.map((language) => [language.toLowerCase(), language]));
  for (let subtags = tag.split('-'); subtags.length > 0; subtags = subtags.slice(0, -1)) {
    const found = byLowerCase.get(subtags.join('-').toLowerCase());
    if (found) return found;
  }
  return undefined;
}

export interface Translator {
  /** The language of the interface's strings (the topic's, or `en`). */
  uiLanguage: string;
  /** A string with its `{placeholders}` filled in; a plural string takes the form `count` needs. */
  t: (key: UiKey, params?: UiParams) => string;
  /** A string as the dictionary has it, plural forms and placeholders included, for the browser to fill. */
  raw: (key: UiKey) => UiString;
}

export function createTranslator(language: string): Translator {
  const uiLanguage = resolveUiLanguage(language) ?? 'en';
  const dictionary = DICTIONARIES[uiLanguage]!;
  return {
    uiLanguage,
    t: (key, params = {}) => formatUiString(dictionary[key], params, language),
    raw: (key) => dictionary[key],
  };
}
