/**
 * When a reported happening took place, as precisely as the article's words allow. Extends the
 * year/month/day of `PartialDate` with seasons ("last summer"), and does the calendar arithmetic
 * that resolving relative phrases needs. Everything is a calendar date in UTC, as in `dates.ts`.
 */
import {
  partialDateToString,
  SEASON_FIRST_MONTH,
  SEASONS,
  type CalendarDate,
  type DatePrecision,
  type PartialDate,
  type Season,
} from '../lib/dates.ts';

/** How precisely an event is dated; a season is between a month and a year. */
export type EventPrecision = DatePrecision;

/** An event's date at its precision: the same shape as the `events[].date` the schema reads. */
export type EventDate = PartialDate;

/** A day in the calendar as numbers, for arithmetic. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The first and last day a phrase can mean ("last week": Monday to Sunday). */
export interface DaySpan {
  from: Day;
  to: Day;
}

/** A resolved date, and whether the words only gave it roughly ("several weeks back"). */
export interface ResolvedDate {
  date: EventDate;
  approximate: boolean;
}

const DAY_MS = 86_400_000;

export function dayOf(date: CalendarDate): Day {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function dayNumber({ year, month, day }: Day): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function dayFromNumber(number: number): Day {
  const date = new Date(number * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: Day, days: number): Day {
  return dayFromNumber(dayNumber(day) + days);
}

/** Moves by whole months, keeping the day where the month has it (31 March − 1 month = 28 February). */
export function addMonths(day: Day, months: number): Day {
  const index = day.year * 12 + day.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, last) };
}

export function compareDays(a: Day, b: Day): number {
  return dayNumber(a) - dayNumber(b);
}

/** 1 for Monday to 7 for Sunday. */
export function isoWeekday(day: Day): number {
  return ((new Date(dayNumber(day) * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

function middleOf(span: DaySpan): Day {
  return dayFromNumber(Math.floor((dayNumber(span.from) + dayNumber(span.to)) / 2));
}

export function seasonSpan(season: Season, year: number): DaySpan {
  const from: Day = { year, month: SEASON_FIRST_MONTH[season], day: 1 };
  return { from, to: addDays(addMonths(from, 3), -1) };
}

/** The season a day falls in, named as in `seasonSpan` (1 February 2019 is in the 2018 winter). */
export function seasonOf(day: Day): { season: Season; year: number } {
  if (day.month <= 2) return { season: 'winter', year: day.year - 1 };
  const season = SEASONS[Math.floor((day.month - 3) / 3)]!;
  return { season, year: day.year };
}

export function dayDate(day: Day): EventDate {
  return { year: day.year, month: day.month, day: day.day, precision: 'day' };
}

export function monthDate(day: Pick<Day, 'year' | 'month'>): EventDate {
  return { year: day.year, month: day.month, precision: 'month' };
}

export function yearDate(year: number): EventDate {
  return { year, precision: 'year' };
}

export function seasonDate(season: Season, year: number): EventDate {
  return { year, season, precision: 'season' };
}

/** The first and last day an event date covers. */
export function spanOf(date: EventDate): DaySpan {
  switch (date.precision) {
    case 'day': {
      const day: Day = { year: date.year, month: date.month!, day: date.day! };
      return { from: day, to: day };
    }
    case 'month': {
      const from: Day = { year: date.year, month: date.month!, day: 1 };
      return { from, to: addDays(addMonths(from, 1), -1) };
    }
    case 'season':
      return seasonSpan(date.season!, date.year);
    case 'year':
      return { from: { year: date.year, month: 1, day: 1 }, to: { year: date.year, month: 12, day: 31 } };
  }
}

function atPrecision(day: Day, precision: 'day' | 'month' | 'year'): EventDate {
  return precision === 'day' ? dayDate(day) : precision === 'month' ? monthDate(day) : yearDate(day.year);
}

/**
 * Names a span of days at a precision: the one day, month or year holding all of it when there is
 * one, else the one holding its middle, then marked approximate. `vague` marks words that were
 * rough to begin with ("a few months ago").
 */
export function dateOfSpan(span: DaySpan, precision: 'day' | 'month' | 'year', vague = false): ResolvedDate {
  const from = atPrecision(span.from, precision);
  const to = atPrecision(span.to, precision);
  if (eventDateToString(from) === eventDateToString(to)) return { date: from, approximate: vague };
  return { date: atPrecision(middleOf(span), precision), approximate: true };
}

/** `2019`, `2019-03`, `2019-03-05` or `2018-summer`: how frontmatter writes an event's date. */
export const eventDateToString = partialDateToString;
