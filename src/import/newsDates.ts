import * as chrono from 'chrono-node';
import { isValidDay, parsePublicationDate, toCalendarDate, type CalendarDate } from '../lib/dates.ts';
import { dateLanguageOf, intlMonthNames, strictDateParser } from '../lib/languageDates.ts';

/** A publication date found inside a line of text, and where, so the line can be read without it. */
export interface DateInText {
  day: CalendarDate;
  /** The date as written ("Dec 3 2018"), at `index` in the line. */
  text: string;
  index: number;
}

// Strict mode: "yesterday" or "last month" in a pasted text says nothing about its own date.
const monthFirst = chrono.en.strict;
const dayFirst = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
/** Tried after English, so a date line in another language ("6 mars 2019", "2019年3月6日") is read too. */
const otherLanguages = [
  chrono.de,
  chrono.fr,
  chrono.es,
  chrono.it,
  chrono.pt,
  chrono.nl,
  chrono.sv,
  chrono.fi,
  chrono.ru,
  chrono.uk,
  chrono.zh,
  chrono.ja,
  chrono.id,
  chrono.vi,
].map((locale) => locale.strict);

// A fixed reference, so a text reads the same on every machine and every day; only dates that
// name their own day, month and year are kept, so the reference never fills a part in.
const reference = { instant: new Date(0), timezone: 'UTC' };

// RFC 822 names Universal Time "UT"; chrono knows GMT and the North American zones but not UT.
const feedZones = { UT: 0 };

/** A date the result names itself, not one counted from the reference ("3 days ago"). */
function isAbsolute(result: chrono.ParsedResult): boolean {
  return !result.tags().has('result/relativeDate');
}

function fullDay(components: chrono.ParsedComponents): CalendarDate | undefined {
  if (!components.isCertain('year') || !components.isCertain('month') || !components.isCertain('day')) return undefined;
  const [year, month, day] = [components.get('year')!, components.get('month')!, components.get('day')!];
  return isValidDay(year, month, day) ? toCalendarDate(year, month, day) : undefined;
}

/** How the dates of a text are written: its language (a BCP 47 tag) when known, and the order of numbers. */
export interface TextDateOptions {
  /** Read `06/03/2019` as 6 March rather than 3 June in English. */
  dayFirst: boolean;
  /** The text's language: its parser reads first, so "05.03.2019" in German is 5 March. */
  language?: string | undefined;
}

/** The parsers for a text's dates, its own language's first, then English, then the others. */
function textParsers({ dayFirst: isDayFirst, language }: TextDateOptions): chrono.Chrono[] {
  const own = dateLanguageOf(language);
  const english = isDayFirst ? dayFirst : monthFirst;
  return own ? [strictDateParser(own), english, ...otherLanguages] : [english, ...otherLanguages];
}

/**
 * The first full date in a line of news text: "6 Mar 2019", "Dec 3 2018", "March 6, 2019",
 * "2019-03-06", or the same in another language ("am 5. März 2019", "2019年3月5日");
 * "06/03/2019" is 6 March with `dayFirst` or in a language that writes the day first, 3 June
 * in English without.
 */
export function findDateInText(line: string, options: TextDateOptions): DateInText | undefined {
  for (const parser of textParsers(options)) {
    for (const result of parser.parse(line, reference)) {
      const day = isAbsolute(result) ? fullDay(result.start) : undefined;
      if (day) return { day, text: result.text, index: result.index };
    }
  }
  return undefined;
}

/**
 * A date that names its month and day but not its year ("March 18 at 3:57 PM", "am 18. März"),
 * as written, for asking the editor which year it is. In English and in the text's own language.
 */
export function findYearlessDate(line: string, language?: string): string | undefined {
  const own = dateLanguageOf(language);
  for (const parser of own ? [strictDateParser(own), monthFirst] : [monthFirst]) {
    for (const result of parser.parse(line, reference)) {
      const { start } = result;
      if (isAbsolute(result) && start.isCertain('month') && start.isCertain('day') && !start.isCertain('year'))
        return result.text;
    }
  }
  return undefined;
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FEED_LOCALES = [
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'ru',
  'uk',
  'tr',
  'ro',
  'hu',
];

/**
 * Month names and abbreviations in the languages feeds are written in ("Mär", "mars", "мая"), to
 * their English abbreviation. Taken from `Intl`, since chrono reads RFC 822's shape only in English.
 */
const FOREIGN_MONTHS = (() => {
  const months = new Map<string, string>();
  for (const locale of FEED_LOCALES) {
    for (const { name, month, style } of intlMonthNames(locale)) {
      months.set(name, ENGLISH_MONTHS[month - 1]!);
      if (style === 'long') months.set(name.slice(0, 3), ENGLISH_MONTHS[month - 1]!);
    }
  }
  return months;
})();

/** RFC 822's shape with words in another language: "Mi, 06 Mär 2019 09:30:00 +0100". */
const RFC822_SHAPE = /^(?:[\p{L}.]+,?\s+)?(\d{1,2})\.?\s+([\p{L}.]+)\s+(\d{4})(\s+.*)?$/u;

/** An RFC 822 date whose day and month are named in another language, in English. */
function inEnglish(text: string): string | undefined {
  const match = RFC822_SHAPE.exec(text);
  if (!match) return undefined;
  const month = FOREIGN_MONTHS.get(match[2]!.toLowerCase().replace(/\.$/, ''));
  return month ? `${match[1]} ${month} ${match[3]}${match[4] ?? ''}` : undefined;
}

/**
 * The first parser's reading that names a full day: English as written, in English words, then
 * the feed's language, then the others. A date in numbers alone ("05.03.2019 10:30") is read in
 * the feed's language first, which knows whether the day or the month comes first.
 */
function feedDateResult(text: string, language: string | undefined): chrono.ParsedResult | undefined {
  const english = inEnglish(text);
  const own = dateLanguageOf(language);
  const ownAttempt = own ? [[strictDateParser(own), text] as const] : [];
  const numbersOnly = /^[\d\s./:,+-]+$/.test(text);
  const attempts: Array<readonly [chrono.Chrono, string]> = [
    ...(numbersOnly ? ownAttempt : []),
    [monthFirst, text],
    ...(english ? [[monthFirst, english] as const] : []),
    ...(numbersOnly ? [] : ownAttempt),
    ...otherLanguages.map((parser) => [parser, text] as const),
  ];
  for (const [parser, written] of attempts) {
    const [found] = parser.parse(written, reference, { timezones: feedZones });
    if (found && isAbsolute(found) && fullDay(found.start)) return found;
  }
  return undefined;
}

/**
 * A feed's date in the form the article schema takes: RFC 3339 as given; RFC 822
 * ("Wed, 06 Mar 2019 09:30:00 EST") as a date-time at the publisher's own offset, so the day is
 * the one the publisher saw; only the day when the zone is unknown. Undefined when unreadable.
 * `language` is the feed's or page's, when known.
 */
export function readFeedDate(value: string, language?: string): string | undefined {
  const text = value.trim();
  if (parsePublicationDate(text).ok) return text;
  // Feeds written by hand or by local software name days and months in their own language
  // ("Mi, 06 Mär 2019 09:30:00 +0100"); English first, as RFC 822 asks.
  const result = feedDateResult(text, language);
  if (!result) return undefined;
  const { start } = result;
  const day = fullDay(start);
  if (!day) return undefined;
  const offset = start.get('timezoneOffset');
  if (!start.isCertain('hour') || offset === null || !start.isCertain('timezoneOffset')) return day;
  const time = [start.get('hour')!, start.get('minute') ?? 0, start.get('second') ?? 0].map(pad).join(':');
  const dateTime = `${day}T${time}${offsetText(offset)}`;
  return parsePublicationDate(dateTime).ok ? dateTime : day;
}
