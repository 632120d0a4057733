import { newestFirst, type TimelineYear } from './timeline.ts';

/** Above this many entries a timeline is split into one page per year, with a year index. */
export const ENTRIES_ON_ONE_PAGE = 400;

/** One page of a timeline (the topic's or a tag's), at a path below that timeline's root. */
export interface TimelinePage {
  /** Below the timeline's root: `''`, `newest/`, `2019/`, `2019/newest/`. */
  path: string;
  order: 'oldest' | 'newest';
  /** The year a year page shows. */
  year?: number;
  /** The years, months and entries shown, in the page's order; empty on a year index. */
  years: TimelineYear[];
  /** Every year with its number of entries, in the page's order, when the page is a year index. */
  yearIndex?: { year: number; count: number }[];
  /** The same page in the other order. */
  otherOrderPath: string;
}

const entryCount = (year: TimelineYear) => year.months.reduce((sum, month) => sum + month.entries.length, 0);

/**
 * The pages a timeline needs: the whole of it (oldest first and newest first) while it is short,
 * a year index once it is long, and always one page per year, where every entry's anchor lives.
 */
export function planTimelinePages(years: readonly TimelineYear[], entriesOnOnePage = ENTRIES_ON_ONE_PAGE): TimelinePage[] {
  const total = years.reduce((sum, year) => sum + entryCount(year), 0);
  const split = total > entriesOnOnePage;
  const index = years.map((year) => ({ year: year.year, count: entryCount(year) }));
  const root = (order: 'oldest' | 'newest'): TimelinePage => ({
    path: order === 'oldest' ? '' : 'newest/',
    order,
    years: split ? [] : order === 'oldest' ? [...years] : newestFirst(years),
    ...(split && { yearIndex: order === 'oldest' ? index : [...index].reverse() }),
    otherOrderPath: order === 'oldest' ? 'newest/' : '',
  });
  const yearPages = years.flatMap((year): TimelinePage[] => [
    { path: `${year.year}/`, order: 'oldest', year: year.year, years: [year], otherOrderPath: `${year.year}/newest/` },
    { path: `${year.year}/newest/`, order: 'newest', year: year.year, years: newestFirst([year]), otherOrderPath: `${year.year}/` },
  ]);
  return [root('oldest'), root('newest'), ...yearPages];
}
