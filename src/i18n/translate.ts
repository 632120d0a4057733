/**
 * The interface in the digest's language: one dictionary per language (`en.ts` is the reference
 * every other follows), chosen by the topic's `language` with the best match on its BCP 47 tag,
 * and English for a language Dossier does not ship yet.
 */
import { en } from './en.ts';
import { formatCalendarDate, type PartialDate } from '../lib/dates.ts';
import { formatUiString, listSeparators, type UiParams, type UiString } from './format.ts';
import { textDirection, type TextDirection } from './languageTags.ts';

export type UiKey = keyof typeof en;
export type Dictionary = Record<UiKey, UiString>;
/** Strings an editor replaces, by key (the topic file's `ui`). */
export type UiOverrides = Partial<Dictionary>;

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
  /** The digest's language, which numbers, dates and lists follow. */
  language: string;
  /** Which way the digest's language runs: the page's `dir`. */
  dir: TextDirection;
  /** A string with its `{placeholders}` filled in; a plural string takes the form `count` needs. */
  t: (key: UiKey, params?: UiParams) => string;
  /** A string as the dictionary has it, plural forms and placeholders included, for the browser to fill. */
  raw: (key: UiKey) => UiString;
  /** What comes before each of `count` list items that markup renders: "", ", ", " and ". */
  listSeparators: (count: number) => string[];
  /** An event's date at its own precision: "6 March 2019", "March 2019", "summer 2018", "2019". */
  partialDate: (date: PartialDate) => string;
}

/**
 * The interface for a digest in `language`: its dictionary, with the editor's `overrides` (the
 * topic file's `ui`, already checked) in place of the strings they name.
 */
export function createTranslator(language: string, overrides: UiOverrides = {}): Translator {
  const uiLanguage = resolveUiLanguage(language) ?? 'en';
  const dictionary: Dictionary = { ...DICTIONARIES[uiLanguage]!, ...overrides };
  const t = (key: UiKey, params: UiParams = {}) => formatUiString(dictionary[key], params, language);
  return {
    uiLanguage,
    language,
    dir: textDirection(language),
    t,
    raw: (key) => dictionary[key],
    listSeparators: (count) => listSeparators(count, language),
    partialDate: (date) =>
      date.season === undefined ? formatCalendarDate(date, language) : t(`season.${date.season}`, { year: date.year }),
  };
}
