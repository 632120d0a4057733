/**
 * Dates written in the languages other than English that Dossier reads: "am 5. März", "le 9
 * octobre 2019", "在2019年3月", "в марте 2019 года". Both event suggestion (dates in an
 * article's sentences) and the importer (a pasted text's date line) take their parser from here.
 *
 * Days are read by chrono-node's parser for the language. Months and years are read by the
 * patterns below, built from `Intl`'s month names: chrono-node 2.10 reads "marzo de 2019" and
 * "maart 2019" but not "März 2019", "mars 2019", "março de 2019" or "2019年3月" in Japanese,
 * and no language's bare year ("im Jahr 2018", "en 2018", "2018年").
 */
import * as chrono from 'chrono-node';
import { isValidDay, type CalendarDate, type PartialDate } from './dates.ts';

/** The languages whose dates are read here; English has its own, richer rules in `src/events/`. */
export const DATE_LANGUAGES = ['de', 'fr', 'es', 'pt', 'nl', 'ja', 'zh', 'ru'] as const;

export type DateLanguage = (typeof DATE_LANGUAGES)[number];

/**
 * The date language of a BCP 47 tag, by its language subtag: `de-AT` is German, `pt-BR`
 * Portuguese, `zh-Hans` and `zh-Hant` Chinese (chrono reads both scripts with one parser).
 * Undefined for English and for languages not read here.
 */
export function dateLanguageOf(tag: string | undefined): DateLanguage | undefined {
  if (!tag) return undefined;
  let language: string;
  try {
    language = new Intl.Locale(tag.trim().replace(/_/g, '-')).language;
  } catch {
    return undefined;
  }
  return DATE_LANGUAGES.find((known) => known === language);
}

const PARSERS: Record<DateLanguage, { casual: chrono.Chrono; strict: chrono.Chrono }> = {
  de: chrono.de,
  fr: chrono.fr,
  es: chrono.es,
  pt: chrono.pt,
  nl: chrono.nl,
  ja: chrono.ja,
  zh: chrono.zh,
  ru: chrono.ru,
};

/**
 * chrono-node's strict parser for a language: only dates that name a day and month, never
 * "gestern" or "vor drei Tagen". For a date line, which says when the text itself appeared.
 */
export function strictDateParser(language: DateLanguage): chrono.Chrono {
  return PARSERS[language].strict;
}

/** A date found in a text, at the precision its words give: a day, a month or a year. */
export interface DateInLanguage {
  date: PartialDate;
  /** The words as written, at `index` in the text, with the preposition that introduces them ("im März"). */
  text: string;
  index: number;
}

/**
 * Words that introduce a date in each language ("im", "en", "a principios de", "в начале"),
 * as a pattern source. A month name alone is read as a date only after one of them ("im März",
 * not "März-Gipfel"), and a year only after one ("im Jahr 2018", not "2018 Mitarbeiter").
 */
export const DATE_LEAD: Record<DateLanguage, string> = {
  de: 'im(?:\\s+Jahre?)?|seit|bis|ab|am|vom|Anfang|Ende|Mitte|Frühjahr|Herbst',
  fr: "en|depuis|dès|le|au|jusqu'(?:en|au)|début|fin|mi-|courant|(?:au )?mois d[e']|en l'an",
  es: 'en|desde|el|hasta|a (?:principios|finales|mediados) de|(?:en )?el año|(?:en )?el mes de',
  pt: 'em|desde|no|até|(?:no|em) (?:início|final|meados) de|(?:no|em) (?:ano|mês) de',
  nl: 'in|sinds|op|tot|begin|eind|medio|half',
  ja: '',
  zh: '于|在|自|从',
  ru: 'в|во|с|со|к|до|на|(?:в|к) (?:началу|начале|концу|конце|середине)',
};

const LETTER = '\\p{L}';

/**
 * Every name `Intl` gives a month in a language, lower-case and without a final dot, in month
 * order: long and short, alone and after a day (the form that follows a number, Russian's
 * genitive "марта"). For reading dates written in words.
 */
export function intlMonthNames(locale: string): { name: string; month: number; style: 'long' | 'short' }[] {
  const names: { name: string; month: number; style: 'long' | 'short' }[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const date = new Date(Date.UTC(2019, month - 1, 15));
    for (const style of ['long', 'short'] as const) {
      for (const format of [{ month: style }, { month: style, day: 'numeric' }] as const) {
        const part = new Intl.DateTimeFormat(locale, { ...format, timeZone: 'UTC' })
          .formatToParts(date)
          .find((piece) => piece.type === 'month')?.value;
        if (part) names.push({ name: part.toLocaleLowerCase(locale).replace(/\.$/, ''), month, style });
      }
    }
  }
  return names;
}

/** Lower-case month names and abbreviations of a language, to their number: "märz", "mär", "марта", "марте". */
function monthNames(language: DateLanguage): Map<string, number> {
  const names = new Map<string, number>();
  const fromIntl = intlMonthNames(language);
  for (let month = 1; month <= 12; month += 1) {
    const ofMonth = fromIntl.filter((entry) => entry.month === month);
    for (const { name } of ofMonth) if (/\p{L}{3,}/u.test(name)) names.set(name, month);
    // "в марте", "в мае", "в январе": Russian's prepositional case, which Intl does not give.
    if (language === 'ru') names.set(ofMonth[0]!.name.replace(/[ьй]$/, '') + 'е', month);
  }
  return names;
}

interface LanguagePatterns {
  months: Map<string, number>;
  monthYear: RegExp;
  month: RegExp;
  year: RegExp;
  /** Japanese and Chinese news give a day of the current month alone: "9日", "12日". */
  dayOfMonth?: RegExp;
}

const YEAR = '((?:19|20)\\d{2})';

function patternsOf(language: DateLanguage): LanguagePatterns {
  const months = monthNames(language);
  if (language === 'ja' || language === 'zh') {
    const lead = DATE_LEAD[language] ? `(?:(?:${DATE_LEAD[language]})\\s*)?` : '';
    const notDay = '(?!\\s*\\d{1,2}\\s*[日号])';
    return {
      months,
      monthYear: new RegExp(`${lead}${YEAR}\\s*年\\s*(\\d{1,2})\\s*月${notDay}`, 'gu'),
      // "今年1月", "去年12月": this year's or last year's month.
      month: new RegExp(`${lead}(今年|去年|昨年)?(?<!\\d\\s*年)(\\d{1,2})\\s*月${notDay}`, 'gu'),
      year: new RegExp(`${lead}${YEAR}\\s*年(?!\\s*\\d{1,2}\\s*月)(?!度)`, 'gu'),
      // Not "3日間" (three days), nor the day of a date that names its month.
      dayOfMonth: new RegExp(`${lead}(?<![\\d月])(\\d{1,2})\\s*[日号](?!間)`, 'gu'),
    };
  }
  const names = [...months.keys()].sort((a, b) => b.length - a.length).join('|');
  const lead = `(?<!${LETTER})(?:${DATE_LEAD[language]})\\s+`;
  const monthName = `(?<!${LETTER})(${names})(?!${LETTER})`;
  const yearWord = language === 'ru' ? '\\s+(?:года|году|г\\.)' : '';
  const yearOf = language === 'es' || language === 'pt' ? '(?:\\s+de)?' : '';
  return {
    months,
    monthYear: new RegExp(`(?:${lead})?${monthName}${yearOf}\\s+${YEAR}(?!\\d)(?:${yearWord})?`, 'giu'),
    month: new RegExp(`${lead}${monthName}(?!\\s*\\d)`, 'giu'),
    year: new RegExp(`${lead}${YEAR}(?!\\d)${language === 'ru' ? yearWord : `(?![.,]?\\d)`}`, 'giu'),
  };
}

const PATTERNS = new Map<DateLanguage, LanguagePatterns>();

function patterns(language: DateLanguage): LanguagePatterns {
  let found = PATTERNS.get(language);
  if (!found) PATTERNS.set(language, (found = patternsOf(language)));
  return found;
}

/** A day of the calendar as numbers (the same shape as the events' `Day`). */
export interface ReferenceDay {
  year: number;
  month: number;
  day: number;
}

function referenceDay(date: CalendarDate): ReferenceDay {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const DAY_MS = 86_400_000;
const dayNumber = ({ year, month, day }: ReferenceDay) => Date.UTC(year, month - 1, day) / DAY_MS;

/** How far ahead a date without a year is still read as the coming one. */
const COMING_DAYS = 31;

/**
 * The year of a day or month written without one ("am 5. März", "im April"), for a text of the
 * reference day. News mostly reports what has happened, so it is the latest such date on or
 * before the reference, unless that date falls within the next 31 days: "am 5. März" in an
 * article of 1 March is the coming 5 March (a vote, a launch), of 10 March the one just past,
 * and "am 3. Januar" in one of 20 December is in the next year.
 */
export function yearOfYearlessDate(month: number, day: number | undefined, reference: ReferenceDay): number {
  const { year } = reference;
  // "am 3. Januar" in an article of 20 December is the coming one, across the turn of the year;
  // "im Januar" is not, as a review of the year names its months so.
  if (day !== undefined && dayNumber({ year: year + 1, month, day }) - dayNumber(reference) <= COMING_DAYS)
    return year + 1;
  const occurrence = { year, month, day: day ?? 1 };
  const onOrBefore = day === undefined ? month <= reference.month : dayNumber(occurrence) <= dayNumber(reference);
  if (onOrBefore) return year;
  return dayNumber(occurrence) - dayNumber(reference) <= COMING_DAYS ? year : year - 1;
}

/**
 * The reference chrono-node counts from for a day: noon of that day in the machine's own time
 * zone. chrono reads some words ("this month", "heute") in the machine's local calendar whatever
 * zone it is told, so noon UTC with a zero offset was a day late at UTC+14 (Pacific/Kiritimati).
 */
export function chronoReference({ year, month, day }: ReferenceDay): Date {
  return new Date(year, month - 1, day, 12);
}

/** "3.5", "24/7": numbers alone that chrono takes for a day and month, but news uses for other things. */
const NUMBERS_ONLY = /^\d{1,2}\s*[./]\s*\d{1,2}\.?$/;

/** The day chrono read, as a date of the reference's calendar; undefined for what is not one day. */
function chronoDate(result: chrono.ParsedResult, reference: ReferenceDay): DateInLanguage | undefined {
  const { start } = result;
  const text = result.text.trim().replace(/[\s,;:、，]+$/u, '');
  const index = result.index + result.text.indexOf(text);
  // "vor zwei Wochen", "il y a trois jours": a stretch counted back, too rough for a day.
  if (result.tags().has('result/relativeDate') || NUMBERS_ONLY.test(text)) return undefined;
  // A weekday's short form alone is as often a word: Portuguese "ter" (to have) for "terça".
  if (!start.isCertain('day') && /^\p{L}{1,3}\.?$/u.test(text)) return undefined;
  let year: number, month: number, day: number;
  if (start.isCertain('month') && start.isCertain('day')) {
    month = start.get('month')!;
    day = start.get('day')!;
    year = start.isCertain('year') ? start.get('year')! : yearOfYearlessDate(month, day, reference);
  } else if (start.isCertain('weekday')) {
    // A weekday alone ("am Dienstag") is the latest one on or before the reference: news reports the past week.
    const weekday = start.get('weekday')!;
    const back = (new Date(dayNumber(reference) * DAY_MS).getUTCDay() - weekday + 7) % 7;
    const found = new Date((dayNumber(reference) - back) * DAY_MS);
    [year, month, day] = [found.getUTCFullYear(), found.getUTCMonth() + 1, found.getUTCDate()];
  } else return undefined;
  if (!isValidDay(year, month, day)) return undefined;
  return { date: { year, month, day, precision: 'day' }, text, index };
}

/** Words before a month that say which year it is in ("今年1月", "去年12月"), as years back from the reference. */
const YEARS_BACK: Record<string, number> = { 今年: 0, 去年: 1, 昨年: 1 };

function patternDates(text: string, language: DateLanguage, reference: ReferenceDay): DateInLanguage[] {
  const { months, monthYear, month, year, dayOfMonth } = patterns(language);
  const monthNumber = (written: string) => months.get(written.toLocaleLowerCase(language)) ?? Number(written);
  const found: DateInLanguage[] = [];
  const add = (match: RegExpMatchArray, date: PartialDate) => found.push({ date, text: match[0], index: match.index! });
  const cjk = language === 'ja' || language === 'zh';
  for (const match of text.matchAll(monthYear)) {
    const [written, number] = cjk ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
    const value = monthNumber(written);
    if (value >= 1 && value <= 12) add(match, { year: Number(number), month: value, precision: 'month' });
  }
  for (const match of text.matchAll(month)) {
    const [yearWord, written] = cjk ? [match[1], match[2]!] : [undefined, match[1]!];
    const value = monthNumber(written);
    if (yearWord && value >= 1 && value <= 12) {
      add(match, { year: reference.year - YEARS_BACK[yearWord]!, month: value, precision: 'month' });
    } else if (value >= 1 && value <= 12) {
      add(match, { year: yearOfYearlessDate(value, undefined, reference), month: value, precision: 'month' });
    }
  }
  for (const match of text.matchAll(year)) add(match, { year: Number(match[1]), precision: 'year' });
  for (const match of dayOfMonth ? text.matchAll(dayOfMonth) : []) {
    const day = Number(match[1]);
    if (isValidDay(reference.year, reference.month, day))
      add(match, { year: reference.year, month: reference.month, day, precision: 'day' });
  }
  return found;
}

/** Where readings overlap, the longest wins ("5. März 2019" over "März 2019"), then the earlier found. */
export function withoutOverlaps<T extends { index: number; text: string }>(found: readonly T[]): T[] {
  const end = (each: T) => each.index + each.text.length;
  const ranked = found
    .map((each, order) => ({ each, order }))
    .sort((a, b) => b.each.text.length - a.each.text.length || a.order - b.order);
  const kept: T[] = [];
  for (const { each } of ranked) {
    if (kept.every((other) => end(each) <= other.index || each.index >= end(other))) kept.push(each);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * Every date in a text written in `language`, in order, at its precision. Days and months
 * written without a year are dated from `reference` (the article's publication day) by
 * `yearOfYearlessDate`; "gestern" and "am Dienstag" count back from it.
 */
export function findLanguageDates(text: string, language: DateLanguage, reference: CalendarDate): DateInLanguage[] {
  const day = referenceDay(reference);
  const days = PARSERS[language].casual
    .parse(text, chronoReference(day), { forwardDate: false })
    .flatMap((result) => chronoDate(result, day) ?? []);
  return withoutOverlaps([...days, ...patternDates(text, language, day)]);
}
