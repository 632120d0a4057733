/** Articles per listing page: enough to scan, few enough that a page stays light at any size. */
export const PAGE_SIZE = 25;

/** One page of a paginated listing (all articles, a tag's, a source's). */
export interface ListingPage<T> {
  /** 1 for the oldest articles; the newest page has the highest number. */
  number: number;
  /** Below the listing's root: `''` for the newest page, `3/` for page 3. */
  path: string;
  /** Its articles, newest first. */
  items: T[];
  /** The page of newer articles, and of older ones, as paths below the listing's root. */
  newer?: string | undefined;
  older?: string | undefined;
  /** On the newest page only (any other page stays the same as the listing grows): how many articles and pages the listing has. */
  newest?: { total: number; pages: number } | undefined;
}

const pathOf = (number: number, pages: number) => (number === pages ? '' : `${number}/`);

/**
 * Splits a listing into pages numbered from its oldest article, so that a page, once full, keeps
 * its articles and its address for good: page 1 holds the oldest `pageSize` articles, page 2 the
 * next, and the listing's root shows the newest page, which holds the rest (from `pageSize` to
 * twice as many less one). Adding an article changes the newest page alone, and every
 * `pageSize` additions one page more; numbered from the newest, every page would change.
 */
export function paginateFromOldest<T>(newestFirst: readonly T[], pageSize = PAGE_SIZE): ListingPage<T>[] {
  const pages = Math.max(1, Math.floor(newestFirst.length / pageSize));
  const oldestFirst = [...newestFirst].reverse();
  return Array.from({ length: pages }, (_, index) => {
    const number = index + 1;
    const items = oldestFirst.slice(index * pageSize, number === pages ? undefined : number * pageSize).reverse();
    return {
      number,
      path: pathOf(number, pages),
      items,
      newer: number < pages ? pathOf(number + 1, pages) : undefined,
      older: number > 1 ? pathOf(number - 1, pages) : undefined,
      newest: number === pages ? { total: newestFirst.length, pages } : undefined,
    };
  });
}
