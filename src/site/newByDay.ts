/**
 * The home page's line "New or updated since 15 January 2019: 3 articles and 7 events", worked out
 * in the browser without a request. The page carries, for each of the digest's most recent days
 * on which something was published or updated, the line a visit since that day reads (its counts
 * written out in the digest's language, the day left to fill): a bounded list whatever the
 * digest's size, and no plural rules or number formats to ship to every page. A visit older than
 * the days kept reads a lower bound ("at least").
 */
import type { CalendarDate } from '../lib/dates.ts';
import { latestDay, type Freshness } from './freshness.ts';

/** Days the home page counts, the most recent days on which something was published or updated. */
export const NEW_COUNT_DAYS = 60;

export interface DayCount {
  day: CalendarDate;
  articles: number;
  events: number;
}

export interface NewCounts {
  /** Newest day first. */
  days: DayCount[];
  /** The newest day left out, when the digest has days before `days`: counts reaching back past it are lower bounds. */
  olderDay?: CalendarDate | undefined;
}

/** Articles and events counted by the last day each changed, the `limit` most recent days kept. */
export function countNewByDay(
  articles: readonly Freshness[],
  events: readonly Freshness[],
  limit: number = NEW_COUNT_DAYS,
): NewCounts {
  const byDay = new Map<CalendarDate, DayCount>();
  const add = (freshness: Freshness, kind: 'articles' | 'events') => {
    const day = latestDay(freshness);
    let count = byDay.get(day);
    if (!count) byDay.set(day, (count = { day, articles: 0, events: 0 }));
    count[kind] += 1;
  };
  for (const article of articles) add(article, 'articles');
  for (const event of events) add(event, 'events');
  const days = [...byDay.values()].sort((a, b) => b.day.localeCompare(a.day));
  const olderDay = days[limit]?.day;
  return { days: days.slice(0, limit), ...(olderDay !== undefined && { olderDay }) };
}

export interface NewSince {
  articles: number;
  events: number;
  /** False when the visit is older than the days counted: the numbers are lower bounds. */
  complete: boolean;
}

/** How many articles and events changed on `newFrom` or after. */
export function countNewSince(counts: NewCounts, newFrom: CalendarDate): NewSince {
  let articles = 0;
  let events = 0;
  for (const count of counts.days) {
    if (count.day < newFrom) break;
    articles += count.articles;
    events += count.events;
  }
  return { articles, events, complete: counts.olderDay === undefined || counts.olderDay < newFrom };
}

/** What the home page carries: the line for a visit since each day kept, newest first, `{day}` left in. */
export interface NewSinceLines {
  days: [CalendarDate, string][];
  /** For a visit on or before `olderDay`, the lower bound's line. */
  older?: [CalendarDate, string] | undefined;
}

/** Every line the home page may say, from the counts and the words for one (`{day}` left in). */
export function newSinceLines(counts: NewCounts, say: (since: NewSince) => string): NewSinceLines {
  const days = counts.days.map(({ day }): [CalendarDate, string] => [day, say(countNewSince(counts, day))]);
  const { olderDay } = counts;
  return { days, ...(olderDay !== undefined && { older: [olderDay, say(countNewSince(counts, olderDay))] }) };
}

/** The line for a reader new from `newFrom`, its day written by `writeDay`; none when nothing is new. */
export function lineSince(
  lines: NewSinceLines,
  newFrom: CalendarDate,
  writeDay: (day: CalendarDate) => string,
): string | undefined {
  let line: string | undefined;
  // The oldest day kept on or after `newFrom` counts everything since; older still, the lower bound.
  for (const [day, text] of lines.days) if (day >= newFrom) line = text;
  if (lines.older && lines.older[0] >= newFrom) line = lines.older[1];
  return line?.replace('{day}', writeDay(newFrom));
}
