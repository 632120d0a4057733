import * as chrono from 'chrono-node';
import { isValidDay, parsePublicationDate, toCalendarDate, type CalendarDate } from '../lib/dates.ts';
import { dateLanguageOf, intlMonthNames, strictDateParser, type DateLanguage } from '../lib/languageDates.ts';

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

/** How dates in numbers alone are written: `06/03/2019` is 6 March day first, 3 June month first. */
export type NumberOrder = 'day-first' | 'month-first';

/**
 * How a language writes a date in numbers, from `Intl`: German, French and British English day
 * first, American English, Japanese and Chinese month first (after the year). Undefined for
 * English without a region, whose countries write it both ways.
 */
export function numberOrderOf(language: string | undefined): NumberOrder | undefined {
  if (!language) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language.trim().replace(/_/g, '-'));
  } catch {
    return undefined;
  }
  if (locale.language === 'en' && !locale.region) return undefined;
  const parts = new Intl.DateTimeFormat(locale.toString(), { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(Date.UTC(2019, 2, 6)))
    .map((part) => part.type);
  return parts.indexOf('day') < parts.indexOf('month') ? 'day-first' : 'month-first';
}

/** A date in numbers alone at the start of a date's text: day and month in either order, then the year. */
const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;

/** A two-digit year as chrono-node reads it: "17" is 2017, "98" is 1998. */
const fullYear = (year: string) =>
  year.length === 4 ? Number(year) : Number(year) + (Number(year) > 50 ? 1900 : 2000);

/**
 * The two days a date in numbers alone can be ("11.03.17": 3 November or 11 March 2017), when
 * both are calendar days and differ; undefined when the numbers read one way only ("2/26/2015",
 * "2019-03-06") or the text does not start with such a date.
 */
export function numericDateReadings(text: string): Record<NumberOrder, CalendarDate> | undefined {
  const match = NUMERIC_DATE.exec(text.trim());
  if (!match) return undefined;
  const [first, second, year] = [Number(match[1]), Number(match[3]), fullYear(match[4]!)];
  if (first === second || !isValidDay(year, first, second) || !isValidDay(year, second, first)) return undefined;
  return { 'month-first': toCalendarDate(year, first, second), 'day-first': toCalendarDate(year, second, first) };
}

const ENGLISH_MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_THEN_DAY = new RegExp(`\\b${ENGLISH_MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\d:])`, 'g');
const DAY_THEN_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${ENGLISH_MONTH}\\b`, 'g');

/**
 * Spellings only one side of the Atlantic uses, lower-case (a capital is a name: "Labor Party",
 * "Lincoln Center"). "-ize" is left out: Oxford spelling uses it in Britain too.
 */
const AMERICAN_SPELLING =
  /\b(?:colors?|colored|favou?rites?|favors?|honors?|honored|labors?|neighbors?|neighborhoods?|behaviors?|humor|rumors?|flavors?|harbors?|centers?|centered|theaters?|liters?|fibers?|defense|offense|traveled|traveling|canceled|canceling|labeled|labeling|modeled|modeling|jewelry|gray|aluminum|math|mom|percent)\b/g;
const BRITISH_SPELLING =
  /\b(?:colours?|coloured|favourites?|favours?|honours?|honoured|labours?|neighbours?|neighbourhoods?|behaviours?|humour|rumours?|flavours?|harbours?|centres?|centred|theatres?|litres?|fibres?|defence|offence|travelled|travelling|cancelled|cancelling|labelled|labelling|modelled|modelling|jewellery|grey|aluminium|maths|mum|per cent|whilst|amongst|\p{Ll}+isations?|organised|organising|realised|recognised|apologised|criticised|emphasised)\b/gu;

/**
 * The order an English text's country writes dates in numbers, from the text itself: its dates in
 * words ("on March 6" month first, "on 6 March" day first), else its spelling ("theater",
 * "color": American, month first; "theatre", "colour", "organised": British, day first). Undefined
 * when it shows neither, or both about as often.
 */
export function englishDateOrder(text: string): NumberOrder | undefined {
  const byWords = majority(text.match(MONTH_THEN_DAY)?.length ?? 0, text.match(DAY_THEN_MONTH)?.length ?? 0);
  if (byWords) return byWords;
  const american = text.match(AMERICAN_SPELLING)?.length ?? 0;
  const british = text.match(BRITISH_SPELLING)?.length ?? 0;
  return majority(american, british);
}

/** The order with clearly more evidence: more than twice the other's. */
function majority(monthFirst: number, dayFirst: number): NumberOrder | undefined {
  if (monthFirst > 2 * dayFirst) return 'month-first';
  if (dayFirst > 2 * monthFirst) return 'day-first';
  return undefined;
}

/** Where a date or time was found in a line, as written. */
export interface Found {
  text: string;
  index: number;
}

/** Casual parsers: they read "1 day ago", "gestern", "hier", and times alone, which strict ones leave out. */
const CASUAL: Record<DateLanguage, chrono.Chrono> = {
  de: chrono.de.casual,
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
  ja: chrono.ja.casual,
  zh: chrono.zh.casual,
  ru: chrono.ru.casual,
};

function casualParsers(language: string | undefined): chrono.Chrono[] {
  const own = dateLanguageOf(language);
  return own ? [CASUAL[own], chrono.en.casual] : [chrono.en.casual];
}

/** Counted back from the day the page was read, in the languages chrono-node does not count in. */
const COUNTED_BACK =
  /\d+\s*(?:秒|分钟?|小时|時間|天|日|周|週間?|か?月|个月|年)前|昨天|前天|今天|昨日|今日|\bhace\s+\d+\s+\p{L}+|\bhá\s+\d+\s+\p{L}+|\b\d+\s+\p{L}+\s+geleden\b|\bpřed\s+\d+\s+\p{L}+|\bvčera\b|\bdnes\b/iu;

/**
 * A date counted from the day the page was read, not stated: "1 day ago", "Yesterday at 3:57 PM",
 * "vor 2 Tagen", "il y a 2 jours", "昨天". A pasted text cannot know that day.
 */
export function findRelativeDate(line: string, language?: string): Found | undefined {
  const own = dateLanguageOf(language);
  const strict = own ? [strictDateParser(own), monthFirst] : [monthFirst];
  for (const parser of casualParsers(language)) {
    for (const result of parser.parse(line, reference)) {
      if (!result.start.isCertain('day')) continue;
      const counted = !isAbsolute(result) || [...result.tags()].some((tag) => tag.startsWith('casualReference/'));
      // "gestern" and "昨天" carry no tag: what no strict parser reads is counted from the reading day.
      if (counted || strict.every((check) => check.parse(result.text, reference).length === 0))
        return { text: result.text, index: result.index };
    }
  }
  const match = COUNTED_BACK.exec(line);
  return match ? { text: match[0], index: match.index } : undefined;
}

/** A time of day without a day: "1:39 PM ET", "18:45", "10.15am". */
export function findTimeOfDay(line: string, language?: string): Found | undefined {
  for (const parser of casualParsers(language)) {
    for (const result of parser.parse(line, reference)) {
      const { start } = result;
      if (start.isCertain('hour') && !start.isCertain('day') && !start.isCertain('weekday') && /\d/.test(result.text))
        return { text: result.text, index: result.index };
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
