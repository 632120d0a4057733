import { newestFirst, type TimelineEntry, type TimelineYear } from './timeline.ts';

/**
 * Above this many entries a timeline, or one year of it, is split into smaller pages: at about
 * 700 bytes an entry, a page stays under 200 KB of HTML.
 */
export const ENTRIES_ON_ONE_PAGE = 250;

/** One page of a timeline (the topic's or a tag's), at a path below that timeline's root. */
export interface TimelinePage {
  /** Below the timeline's root: `''`, `newest/`, `2019/`, `2019/03/newest/`… */
  path: string;
  order: 'oldest' | 'newest';
  year?: number;
  month?: number;
  /** The years, months and entries shown, in the page's order. */
  years: TimelineYear[];
  /** Links to the pages below this one (years, or the months of a long year), with their number of entries. */
  index?: { year: number; month?: number; path: string; count: number }[];
  /** The same page in the other order. */
  otherOrderPath: string;
}

const countEntries = (months: TimelineYear['months']) => months.reduce((sum, month) => sum + month.entries.length, 0);
const twoDigits = (month: number) => String(month).padStart(2, '0');

/** A page in both orders; `path` is the oldest-first one's. */
function bothOrders(page: Omit<TimelinePage, 'order' | 'otherOrderPath'>): TimelinePage[] {
  const newestPath = `${page.path}newest/`;
  return [
    { ...page, order: 'oldest', otherOrderPath: newestPath },
    {
      ...page,
      path: newestPath,
      order: 'newest',
      years: newestFirst(page.years),
      ...(page.index && { index: [...page.index].reverse().map((link) => ({ ...link, path: `${link.path}newest/` })) }),
      otherOrderPath: page.path,
    },
  ];
}

/**
 * The pages a timeline needs: the whole of it while it is short, else an index of years; a page
 * per year; and for a year too long for one page, a page per month, with the year's page keeping
 * what is known only to the year or a season. Every page exists oldest first and newest first.
 */
export function planTimelinePages(
  years: readonly TimelineYear[],
  entriesOnOnePage = ENTRIES_ON_ONE_PAGE,
): TimelinePage[] {
  const total = years.reduce((sum, year) => sum + countEntries(year.months), 0);
  const pages: TimelinePage[] = [];
  pages.push(
    ...bothOrders(
      total > entriesOnOnePage
        ? {
            path: '',
            years: [],
            index: years.map((year) => ({ year: year.year, path: `${year.year}/`, count: countEntries(year.months) })),
          }
        : { path: '', years: [...years] },
    ),
  );
  for (const year of years) {
    const yearPath = `${year.year}/`;
    if (countEntries(year.months) <= entriesOnOnePage) {
      pages.push(...bothOrders({ path: yearPath, year: year.year, years: [year] }));
      continue;
    }
    const months = year.months.filter((group) => group.month !== undefined);
    const wholeYear = year.months.filter((group) => group.month === undefined);
    pages.push(
      ...bothOrders({
        path: yearPath,
        year: year.year,
        years: wholeYear.length > 0 ? [{ ...year, months: wholeYear }] : [],
        index: months.map((group) => ({
          year: year.year,
          month: group.month!,
          path: `${yearPath}${twoDigits(group.month!)}/`,
          count: group.entries.length,
        })),
      }),
    );
    for (const group of months) {
      pages.push(
        ...bothOrders({
          path: `${yearPath}${twoDigits(group.month!)}/`,
          year: year.year,
          month: group.month!,
          years: [{ ...year, months: [group] }],
        }),
      );
    }
  }
  return pages;
}

/** Where each entry lives for good: the most specific oldest-first page that shows it. */
export function entryHomes(pages: readonly TimelinePage[]): Map<string, string> {
  const homes = new Map<string, string>();
  for (const page of pages) {
    if (page.order !== 'oldest' || page.year === undefined) continue;
    for (const year of page.years)
      for (const month of year.months) for (const entry of month.entries) homes.set(entry.id, page.path);
  }
  return homes;
}

/** The home of an entry, as a path below the timeline's root with its anchor. */
export function entryLocation(homes: ReadonlyMap<string, string>, entry: Pick<TimelineEntry, 'id' | 'date'>): string {
  return `${homes.get(entry.id) ?? `${entry.date.year}/`}#${entry.id}`;
}
