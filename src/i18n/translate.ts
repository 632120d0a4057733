/**
 * The interface in the digest's language: one dictionary per language in `dictionaries/`
 * (`dictionaries/en.ts` is the reference every other follows), chosen by the topic's `language`
 * with the best match on its BCP 47 tag, and English for a language Dossier does not ship yet.
 */
import { ar } from './dictionaries/ar.ts';
import { de } from './dictionaries/de.ts';
import { en } from './dictionaries/en.ts';
import { es } from './dictionaries/es.ts';
import { fr } from './dictionaries/fr.ts';
import { it } from './dictionaries/it.ts';
import { ja } from './dictionaries/ja.ts';
import { nl } from './dictionaries/nl.ts';
import { pl } from './dictionaries/pl.ts';
import { pt } from './dictionaries/pt.ts';
import { zhHans } from './dictionaries/zh-Hans.ts';
import { formatCalendarDate, type PartialDate } from '../lib/dates.ts';
import { formatUiString, listSeparators, type UiParams, type UiString } from './format.ts';
import { textDirection, type TextDirection } from './languageTags.ts';

export type UiKey = keyof typeof en;
export type Dictionary = Record<UiKey, UiString>;
/** Strings an editor replaces, by key (the topic file's `ui`). */
export type UiOverrides = Partial<Dictionary>;

/** The dictionaries shipped, by language tag. */
export const DICTIONARIES: Record<string, Dictionary> = {
  en,
  ar,
  de,
  es,
  fr,
  it,
  ja,
  nl,
  pl,
  pt,
  'zh-Hans': zhHans,
};

/** The script a tag is written in, given or likely (`zh-TW` → `Hant`, `zh` → `Hans`); none for a tag `Intl` refuses. */
function likelyScript(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
}

/**
 * The shipped dictionary that best fits a language tag: the tag itself, then the tag with its
 * last subtag dropped, and so on (`de-AT` → `de`, `zh-Hant-TW` → `zh-Hant`), then the language
 * with the script it is most likely written in (`zh-CN` → `zh-Hans`); none when no dictionary
 * fits. A dictionary is only taken in the script the tag is written in, given or likely: `zh-TW`
 * (Traditional Chinese) does not fall back to `zh-Hans`, nor to a plain `zh`, which is Simplified.
 */
export function resolveUiLanguage(
  tag: string,
  shipped: readonly string[] = Object.keys(DICTIONARIES),
): string | undefined {
  const byLowerCase = new Map(shipped.map((language) => [language.toLowerCase(), language]));
  const candidates: string[] = [];
  for (let subtags = tag.split('-'); subtags.length > 0; subtags = subtags.slice(0, -1)) {
    candidates.push(subtags.join('-'));
  }
  const script = likelyScript(tag);
  if (script) {
    const language = new Intl.Locale(tag).language;
    candidates.push(`${language}-${script}`, language);
  }
  for (const candidate of candidates) {
    const found = byLowerCase.get(candidate.toLowerCase());
    if (found && (!script || likelyScript(found) === script)) return found;
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
  /**
   * The language whose plural rules choose among the strings' forms: the topic's own tag when its
   * dictionary is shipped (`pt-PT` counts as Portugal does), `en` when the strings fell back to English.
   */
  pluralLanguage: string;
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
 * topic file's `ui`, already checked) in place of the strings they name. `shipped` is the
 * dictionary `resolveUiLanguage` chose for `language`, where the caller has it already.
 */
export function createTranslator(
  language: string,
  overrides: UiOverrides = {},
  shipped: string | undefined = resolveUiLanguage(language),
): Translator {
  const uiLanguage = shipped ?? 'en';
  const pluralLanguage = shipped ? language : 'en';
  const dictionary: Dictionary = { ...DICTIONARIES[uiLanguage]!, ...overrides };
  const t = (key: UiKey, params: UiParams = {}) => formatUiString(dictionary[key], params, pluralLanguage);
  return {
    uiLanguage,
    language,
    dir: textDirection(language),
    pluralLanguage,
    t,
    raw: (key) => dictionary[key],
    listSeparators: (count) => listSeparators(count, language),
    partialDate: (date) =>
      date.season === undefined ? formatCalendarDate(date, language) : t(`season.${date.season}`, { year: date.year }),
  };
}
