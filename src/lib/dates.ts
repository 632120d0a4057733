/**
 * Dates in Dossier are calendar dates first: "2019-03-06" is a day in the calendar, never an
 * instant in the build machine's time zone. Everything here works in UTC internally so that the
 * same content builds the same output in every time zone.
 */

/** A day in the calendar, written `YYYY-MM-DD`. */
export type CalendarDate = string;

/** When an article was published or updated, as its frontmatter gave it. */
export interface PublicationDate {
  /** The day as the publisher saw it (for a date-time, the day at its own offset). */
  day: CalendarDate;
  /** The exact moment when one was given (`2019-03-06T23:30:00+01:00`); absent for a date-only value. */
  dateTime?: string;
  /** Milliseconds since the epoch, for sorting: UTC midnight of `day` for a date-only value. */
  time: number;
}

export type DatePrecision = 'year' | 'season' | 'month' | 'day';

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export const SEASONS: readonly Season[] = ['spring', 'summer', 'autumn', 'winter'];

/**
 * Meteorological seasons of the northern hemisphere. A winter is named by the year it begins in:
 * `2018-winter` is December 2018 to February 2019.
 */
export const SEASON_FIRST_MONTH: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** A date known to a year, a season, a month or a day: how events are dated. */
export interface PartialDate {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
  season?: Season | undefined;
  precision: DatePrecision;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const SEASONAL = /^(\d{4})-(spring|summer|autumn|winter)$/;

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Result of reading a date from frontmatter: the value, or a message for a person. */
export type DateReading<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads a publication date: `YYYY-MM-DD`, or a date-time with an offset
 * (`2019-03-06T09:30:00+01:00`, `…Z`). A date-time without an offset is refused:
 * it would mean a different moment on every machine.
 */
export function parsePublicationDate(input: unknown): DateReading<PublicationDate> {
  if (input instanceof Date) input = input.toISOString();
  if (typeof input !== 'string') {
    return { ok: false, message: `expected a date such as "2019-03-06", got ${describe(input)}` };
  }
  const text = input.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    if (!isValidDay(year, month, day)) {
      return { ok: false, message: `"${text}" is not a calendar date (use YYYY-MM-DD)` };
    }
    return { ok: true, value: { day: text, time: Date.UTC(year, month - 1, day) } };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day] = dateTime.slice(1, 4).map(Number) as [number, number, number];
    const time = Date.parse(text.replace(' ', 'T'));
    if (!isValidDay(year, month, day) || Number.isNaN(time)) {
      return { ok: false, message: `"${text}" is not a real date-time (use YYYY-MM-DDTHH:MM:SS+HH:MM)` };
    }
    return { ok: true, value: { day: toCalendarDate(year, month, day), dateTime: text, time } };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return {
      ok: false,
      message: `"${text}" has a time but no offset (add one, such as "${text}+01:00" or "${text}Z")`,
    };
  }
  return { ok: false, message: `"${text}" is not a date Dossier reads (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+HH:MM)` };
}

/** Reads an event date: `YYYY`, `YYYY-season` (`2018-summer`), `YYYY-MM` or `YYYY-MM-DD`. */
export function parsePartialDate(input: unknown): DateReading<PartialDate> {
  if (input instanceof Date) input = input.toISOString().slice(0, 10);
  if (typeof input === 'number' && Number.isInteger(input)) input = String(input);
  if (typeof input !== 'string') {
    return { ok: false, message: `expected a date such as "2019", "2019-03" or "2019-03-05", got ${describe(input)}` };
  }
  const text = input.trim();
  const seasonal = SEASONAL.exec(text);
  if (seasonal)
    return { ok: true, value: { year: Number(seasonal[1]), season: seasonal[2] as Season, precision: 'season' } };
  const match = PARTIAL.exec(text);
  if (!match) {
    return {
      ok: false,
      message: `"${text}" is not a date Dossier reads (use YYYY, YYYY-MM, YYYY-MM-DD or a season such as 2018-summer)`,
    };
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    return { ok: false, message: `"${text}" has no month ${month} (use 01 to 12)` };
  }
  if (day !== undefined && !isValidDay(year, month!, day)) {
    return { ok: false, message: `"${text}" is not a calendar date (use YYYY-MM-DD)` };
  }
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return { ok: true, value: { year, month, day, precision } };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'a list or a group of fields' : `${typeof value} ${JSON.stringify(value)}`;
}

/** The frontmatter form: `YYYY`, `YYYY-season`, `YYYY-MM` or `YYYY-MM-DD`. */
export function partialDateToString(date: PartialDate): string {
  let text = pad(date.year, 4);
  if (date.season !== undefined) return `${text}-${date.season}`;
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.day !== undefined) text += `-${pad(date.day)}`;
  return text;
}

/** For `<time datetime>`, which has no seasons: a season is given as its year. */
export function partialDateToDatetime(date: PartialDate): string {
  return date.season === undefined ? partialDateToString(date) : pad(date.year, 4);
}

/** Where a date sorts within its year: a year first, a season just before its first month, then months and days. */
function positionInYear(date: PartialDate): number {
  if (date.season !== undefined) return SEASON_FIRST_MONTH[date.season] * 100 - 50;
  return (date.month ?? 0) * 100 + (date.day ?? 0);
}

/**
 * Orders partial dates so that a less precise date comes before the more precise dates it
 * contains: 2019 < 2019-summer < 2019-06 < 2019-06-01 < 2019-07.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || positionInYear(a) - positionInYear(b);
}

export function partialDateOfDay(day: CalendarDate): PartialDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date, precision: 'day' };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared formatter per locale and options: creating an `Intl.DateTimeFormat` costs far more
 * than formatting with one, and a build formats dates hundreds of thousands of times.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * "6 March 2019", "March 2019", "2019": a date known to its year, month or day, in the given
 * language. Seasons, which `Intl` cannot name, are the interface dictionary's (`Translator.partialDate`).
 */
export function formatCalendarDate(
  date: { year: number; month?: number | undefined; day?: number | undefined },
  locale: string,
): string {
  const instant = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (date.month !== undefined) options.month = 'long';
  if (date.day !== undefined) options.day = 'numeric';
  return dateFormat(locale, options).format(instant);
}

export function formatDay(day: CalendarDate, locale: string): string {
  return formatCalendarDate(partialDateOfDay(day), locale);
}

/** The instant a feed or sitemap uses: the given date-time, or UTC midnight of the day. */
export function publicationInstant(date: PublicationDate): Date {
  return new Date(date.time);
}

/** The `datetime` attribute of a `<time>`: the date-time as given, or the day. */
export function machineReadable(date: PublicationDate): string {
  return date.dateTime ?? date.day;
}
