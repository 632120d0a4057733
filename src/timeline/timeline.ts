import type { ArticleEntry } from '../content/articles.ts';
import {
  comparePartialDates,
  partialDateOfDay,
  partialDateToString,
  SEASON_FIRST_MONTH,
  type PartialDate,
} from '../lib/dates.ts';
import { foldedWords, slugify } from '../lib/slugs.ts';

/** An article that reports a timeline entry. */
export interface TimelineSource {
  slug: string;
  title: string;
  sourceName: string;
  /** The article's language when it is not the digest's (its `lang`). */
  lang?: string | undefined;
  /** The article's own publication day, to list reports in the order they appeared. */
  published: string;
  /** The day the article was last updated, when it was: a returning reader's timeline marks the entry. */
  updated?: string | undefined;
}

/** One line of the timeline: a happening one or more articles report, an article's publication, or its update. */
export interface TimelineEntry {
  /** A stable anchor: the same content gives the same id in every build. */
  id: string;
  kind: 'event' | 'publication' | 'update';
  date: PartialDate;
  /** Some report gives the date only roughly. */
  approximate: boolean;
  text: string;
  /** The language of `text`: that of the article it was first reported in, when not the digest's. */
  lang?: string | undefined;
  /** Every article that reports it, earliest first (for a publication, the article itself). */
  reports: TimelineSource[];
}

export interface TimelineMonth {
  /** Absent for entries known only to the year or a season. */
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
/** How alike two reports' words must be (Dice coefficient of their word stems) to be one happening… */
const SAME_HAPPENING = 0.5;
/** …and how many stems they must share, so that two short lines alike in one word stay apart. */
const SHARED_STEMS = 3;
const STOP_WORDS = new Set(
  'a an and are as at be by for from had has have in is it its of on or that the their to was were will with'.split(
    ' ',
  ),
);

function anchorText(text: string): string {
  return slugify(text).split('-').slice(0, ANCHOR_WORDS).join('-');
}

/** Word stems, crudely: enough to see "opened a centre" and "opens its centre" as the same words. */
function stems(text: string): Set<string> {
  return new Set(
    foldedWords(text)
      .filter((word) => !STOP_WORDS.has(word))
      .map((word) => word.slice(0, 5)),
  );
}

function sameWords(a: Set<string>, b: Set<string>): boolean {
  const [smaller, larger] = a.size <= b.size ? [a, b] : [b, a];
  // Even sharing all its stems, the smaller set could not reach the threshold.
  if (2 * smaller.size < SAME_HAPPENING * (a.size + b.size)) return false;
  let shared = 0;
  for (const stem of smaller) if (larger.has(stem)) shared++;
  return shared >= SHARED_STEMS && (2 * shared) / (a.size + b.size) >= SAME_HAPPENING;
}

/** The months a date covers, as [first, last]; a year covers all twelve. */
function monthSpan(date: PartialDate): [number, number] {
  if (date.season !== undefined) {
    const first = SEASON_FIRST_MONTH[date.season];
    return [first, first + 2];
  }
  return date.month === undefined ? [1, 12] : [date.month, date.month];
}

/** Two dates agree at their shared precision: 2019-03 and 2019-03-05 do; 2019-03-04 and 2019-03-05 do not. */
export function datesAgree(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return false;
  if (a.day !== undefined && b.day !== undefined) return a.month === b.month && a.day === b.day;
  const [aFirst, aLast] = monthSpan(a);
  const [bFirst, bLast] = monthSpan(b);
  return (aFirst <= bFirst && bLast <= aLast) || (bFirst <= aFirst && aLast <= bLast);
}

const PRECISION_RANK = { year: 0, season: 1, month: 2, day: 3 } as const;

interface Happening {
  /** Its place in the order happenings were found: of two that match a report, the first wins. */
  order: number;
  /** The date its first report gave, which its anchor keeps even when later reports are more precise. */
  anchorDate: PartialDate;
  date: PartialDate;
  approximate: boolean;
  text: string;
  words: Set<string>;
  reports: TimelineSource[];
}

/**
 * Happenings filed so that a report is compared only with those whose dates can agree with its
 * own: those of its months and those known only to its year (a report giving only the year is
 * compared with the whole year). Comparing every report of a year with every other grew with the
 * square of the events.
 */
class HappeningIndex {
  /** Under each month a happening may fall in (`2019-3`); one known only to the year under `2019`. */
  readonly #byMonth = new Map<string, Happening[]>();
  /** Every happening of the year, for reports that give only the year. */
  readonly #byYear = new Map<number, Happening[]>();

  find(date: PartialDate, words: Set<string>): Happening | undefined {
    const lists =
      date.precision === 'year' ? [this.#byYear.get(date.year)] : monthKeys(date).map((key) => this.#byMonth.get(key));
    let first: Happening | undefined;
    for (const list of lists) {
      for (const known of list ?? []) {
        if ((!first || known.order < first.order) && datesAgree(known.date, date) && sameWords(known.words, words))
          first = known;
      }
    }
    return first;
  }

  add(happening: Happening): void {
    const { date } = happening;
    for (const key of date.precision === 'year' ? [`${date.year}`] : monthKeys(date).slice(1))
      pushTo(this.#byMonth, key, happening);
    pushTo(this.#byYear, date.year, happening);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The year's own key, then one per month the date may fall in. */
function monthKeys(date: PartialDate): string[] {
  const [first, last] = monthSpan(date);
  return [`${date.year}`, ...Array.from({ length: last - first + 1 }, (_, index) => `${date.year}-${first + index}`)];
}

/**
 * Every event the articles report and every publication, oldest first. Reports of the same
 * happening (dates that agree, similar words) become one entry listing all its sources, dated as
 * precisely as the most precise report. A report is compared only with happenings of its months
 * (see `HappeningIndex`), so the work grows with the number of events, not its square.
 */
export function collectTimelineEntries(articles: readonly ArticleEntry[]): TimelineEntry[] {
  const sources = articles
    .map((article) => ({
      article,
      source: {
        slug: article.id,
        title: article.data.title,
        sourceName: article.data.source.name,
        lang: article.data.lang,
        published: article.data.date.day,
        ...(article.data.updated && { updated: article.data.updated.day }),
      },
    }))
    .sort((a, b) => a.source.published.localeCompare(b.source.published) || a.source.slug.localeCompare(b.source.slug));

  const happenings: Happening[] = [];
  const index = new HappeningIndex();
  for (const { article, source } of sources) {
    for (const event of article.data.events) {
      const words = stems(event.text);
      const same = index.find(event.date, words);
      if (same) {
        if (!same.reports.some((report) => report.slug === source.slug)) same.reports.push(source);
        same.approximate ||= event.approximate;
        // Made more precise, it stays filed under its first date's months, which hold the new one.
        if (PRECISION_RANK[event.date.precision] > PRECISION_RANK[same.date.precision]) same.date = event.date;
        continue;
      }
      const happening: Happening = {
        order: happenings.length,
        anchorDate: event.date,
        date: event.date,
        approximate: event.approximate,
        text: event.text,
        words,
        reports: [source],
      };
      happenings.push(happening);
      index.add(happening);
    }
  }

  const entries: TimelineEntry[] = [
    ...happenings.map(({ anchorDate, date, approximate, text, reports }) => ({
      id: `event-${partialDateToString(anchorDate)}-${anchorText(text)}`,
      kind: 'event' as const,
      date,
      approximate,
      text,
      lang: reports[0]!.lang,
      reports,
    })),
    ...sources.map(({ source }) => ({
      id: `published-${source.slug}`,
      kind: 'publication' as const,
      date: partialDateOfDay(source.published),
      approximate: false,
      text: source.title,
      lang: source.lang,
      reports: [source],
    })),
    // An update is news too: the day the outlet changed the article (see `revisions/revisionFiles.ts`).
    ...sources.flatMap(({ source }) =>
      source.updated && source.updated > source.published
        ? [
            {
              id: `updated-${source.slug}`,
              kind: 'update' as const,
              date: partialDateOfDay(source.updated),
              approximate: false,
              text: source.title,
              lang: source.lang,
              reports: [source],
            },
          ]
        : [],
    ),
  ];
  entries.sort(compareEntries);
  return withUniqueIds(entries);
}

const KIND_ORDER = { event: 0, publication: 1, update: 2 } as const;

/** Chronological; on the same date, what happened comes before the articles that report it, then their updates. */
function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    comparePartialDates(a.date, b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.text.localeCompare(b.text) ||
    a.reports[0]!.slug.localeCompare(b.reports[0]!.slug)
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

/** Groups chronological entries by year, then month (entries known only to the year or a season on their own). */
export function groupByYearAndMonth(entries: readonly TimelineEntry[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const entry of entries) {
    let year = years.at(-1);
    if (year?.year !== entry.date.year)
      years.push((year = { year: entry.date.year, id: `y${entry.date.year}`, months: [] }));
    const month = entry.date.day !== undefined || entry.date.precision === 'month' ? entry.date.month : undefined;
    const id =
      month === undefined
        ? `${year.id}-${entry.date.season ?? 'year'}`
        : `${year.id}-${String(month).padStart(2, '0')}`;
    let group = year.months.at(-1);
    if (group?.id !== id)
      year.months.push((group = month === undefined ? { id, entries: [] } : { month, id, entries: [] }));
    group.entries.push(entry);
  }
  return years;
}

/** The same years, months and entries, newest first. */
export function newestFirst(years: readonly TimelineYear[]): TimelineYear[] {
  return [...years].reverse().map((year) => ({
    ...year,
    months: [...year.months].reverse().map((month) => ({ ...month, entries: [...month.entries].reverse() })),
  }));
}

/** The latest happenings the articles report, newest first, for the home page. */
export function latestEvents(entries: readonly TimelineEntry[], count: number): TimelineEntry[] {
  return entries
    .filter((entry) => entry.kind === 'event')
    .slice(-count)
    .reverse();
}

/** Each article's events, in timeline order, found once rather than by scanning the timeline per article. */
export function eventsByArticle(entries: readonly TimelineEntry[]): Map<string, TimelineEntry[]> {
  const events = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    if (entry.kind !== 'event') continue;
    for (const { slug } of entry.reports) pushTo(events, slug, entry);
  }
  return events;
}

/**
 * Each group's own timeline (a tag's): the entries reported by any of its articles, in the same
 * order. One pass over the timeline for all groups, rather than one per group.
 */
export function entriesByGroup(
  entries: readonly TimelineEntry[],
  groups: readonly { slug: string; articles: readonly { id: string }[] }[],
): Map<string, TimelineEntry[]> {
  const groupsOfArticle = new Map<string, string[]>();
  for (const { slug, articles } of groups) for (const { id } of articles) pushTo(groupsOfArticle, id, slug);
  const byGroup = new Map<string, TimelineEntry[]>(groups.map(({ slug }) => [slug, []]));
  for (const entry of entries) {
    const groupSlugs = new Set(entry.reports.flatMap((report) => groupsOfArticle.get(report.slug) ?? []));
    for (const slug of groupSlugs) byGroup.get(slug)!.push(entry);
  }
  return byGroup;
}
