import type { ArticleEntry } from './articles.ts';
import { comparePartialDates, partialDateOfDay, partialDateToString, type PartialDate } from './dates.ts';
import { slugify } from './slugs.ts';

/** The article a timeline entry comes from. */
export interface TimelineSource {
  slug: string;
  title: string;
  sourceName: string;
}

/** One line of the timeline: a happening an article reports, or an article's publication. */
export interface TimelineEntry {
  /** A stable anchor: the same content gives the same id in every build. */
  id: string;
  kind: 'event' | 'publication';
  date: PartialDate;
  text: string;
  article: TimelineSource;
}

export interface TimelineMonth {
  /** Absent for entries known only to the year. */
  month?: number;
  id: string;
  entries: TimelineEntry[];
}

export interface TimelineYear {
  year: number;
  id: string;
  months: TimelineMonth[];
}

const ANCHOR_WORDS = 8;

function anchorText(text: string): string {
  return slugify(text).split('-').slice(0, ANCHOR_WORDS).join('-');
}

/** Every event every article reports and every publication, oldest first. */
export function collectTimelineEntries(articles: readonly ArticleEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const article of articles) {
    const source: TimelineSource = { slug: article.id, title: article.data.title, sourceName: article.data.source.name };
    entries.push({ id: `published-${article.id}`, kind: 'publication', date: partialDateOfDay(article.data.date.day), text: article.data.title, article: source });
    for (const event of article.data.events) {
      const id = `event-${partialDateToString(event.date)}-${anchorText(event.text)}`;
      entries.push({ id, kind: 'event', date: event.date, text: event.text, article: source });
    }
  }
  entries.sort(compareEntries);
  return withUniqueIds(entries);
}

/** Chronological; on the same date, what happened comes before the articles that report it. */
function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    comparePartialDates(a.date, b.date) ||
    (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
    a.text.localeCompare(b.text) ||
    a.article.slug.localeCompare(b.article.slug)
  );
}

function withUniqueIds(entries: TimelineEntry[]): TimelineEntry[] {
  const used = new Map<string, number>();
  return entries.map((entry) => {
    const count = (used.get(entry.id) ?? 0) + 1;
    used.set(entry.id, count);
    return count === 1 ? entry : { ...entry, id: `${entry.id}-${count}` };
  });
}

/** Groups chronological entries by year, then month (entries known only to the year first). */
export function groupByYearAndMonth(entries: readonly TimelineEntry[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const entry of entries) {
    let year = years.at(-1);
    if (year?.year !== entry.date.year) years.push((year = { year: entry.date.year, id: `y${entry.date.year}`, months: [] }));
    let month = year.months.at(-1);
    if (!month || month.month !== entry.date.month) {
      const id = entry.date.month === undefined ? `${year.id}-year` : `${year.id}-${String(entry.date.month).padStart(2, '0')}`;
      month = entry.date.month === undefined ? { id, entries: [] } : { month: entry.date.month, id, entries: [] };
      year.months.push(month);
    }
    month.entries.push(entry);
  }
  return years;
}

/** The latest happenings the articles report, newest first, for the home page. */
export function latestEvents(entries: readonly TimelineEntry[], count: number): TimelineEntry[] {
  return entries.filter((entry) => entry.kind === 'event').slice(-count).reverse();
}
