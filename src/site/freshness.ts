/**
 * What a returning reader may not have seen yet: every article and timeline entry a page lists
 * carries the day it was published and, when later, the day it last changed, and the browser
 * compares them with the reader's previous visit (`readerVisits.ts`). Days, not instants: most
 * articles are dated to the day, and a reader thinks of a visit as "on Tuesday".
 */
import type { CalendarDate, PublicationDate } from '../lib/dates.ts';

export interface Freshness {
  /** The day it first appeared. */
  published: CalendarDate;
  /** The last day it changed, when after `published`. */
  updated?: CalendarDate | undefined;
}

/** How a page marks an item the reader has not seen: appeared, or changed, since their previous visit. */
export type Newness = 'new' | 'updated';

/** An article's days: its publication and its `updated` date, which counts only when later. */
export function articleFreshness(data: { date: PublicationDate; updated?: PublicationDate | undefined }): Freshness {
  const published = data.date.day;
  const updated = data.updated?.day;
  return updated !== undefined && updated > published ? { published, updated } : { published };
}

/**
 * A timeline entry appears with its first report; it changes when a later report tells it again
 * or a report of it is updated. An article's publication is not changed by the article's update,
 * which the timeline shows as an entry of its own.
 */
export function timelineEntryFreshness(entry: {
  kind: string;
  reports: readonly { published: CalendarDate; updated?: CalendarDate | undefined }[];
}): Freshness {
  if (entry.reports.length === 0) throw new Error('A timeline entry without reports has no publication day');
  let published = entry.reports[0]!.published;
  let latest = published;
  for (const report of entry.reports) {
    if (report.published < published) published = report.published;
    const updated = entry.kind === 'publication' ? undefined : report.updated;
    const changed = updated !== undefined && updated > report.published ? updated : report.published;
    if (changed > latest) latest = changed;
  }
  return latest > published ? { published, updated: latest } : { published };
}

/** The last day an item changed: what "new since" counts it by. */
export function latestDay(freshness: Freshness): CalendarDate {
  return freshness.updated ?? freshness.published;
}

/**
 * Whether a reader whose unseen days start at `newFrom` has seen an item: it is new when it was
 * published on or after that day, updated when only its change was.
 */
export function newness(freshness: Freshness, newFrom: CalendarDate): Newness | undefined {
  if (freshness.published >= newFrom) return 'new';
  if (freshness.updated !== undefined && freshness.updated >= newFrom) return 'updated';
  return undefined;
}

/** The attributes a listed item carries, for the browser to read back with `readFreshness`. */
export function freshnessAttributes(freshness: Freshness): { 'data-published': string; 'data-updated'?: string } {
  return {
    'data-published': freshness.published,
    ...(freshness.updated !== undefined && { 'data-updated': freshness.updated }),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An item's days from its attributes (an element's `dataset`); none when they are not days. */
export function readFreshness(attributes: {
  published?: string | undefined;
  updated?: string | undefined;
}): Freshness | undefined {
  const { published, updated } = attributes;
  if (published === undefined || !DAY.test(published)) return undefined;
  return updated !== undefined && DAY.test(updated) && updated > published ? { published, updated } : { published };
}
