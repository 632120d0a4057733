/**
 * Searches the shards of the index (see `../build/shardPlan.ts`) as one. Pagefind merges indexes itself,
 * but orders merged results by each index's own score, which for a sorted search is a rank within
 * that index: dates would interleave. Every index is therefore tagged with a `shard` filter, and
 * a search by date asks the shards that hold the first results for their own sorted results.
 * The same code runs in the reader's browser and in the tests, against Pagefind's real bundle.
 */
import type { SearchShardsFile } from '../searchFiles.ts';
import { primaryLanguage } from '../searchState.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}
export type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResult {
  data: () => Promise<PagefindResultData>;
}
interface PagefindResults {
  results: PagefindResult[];
  filters: FilterCounts;
}
export interface SearchOptions {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's JavaScript API used here (`pagefind.js` of a built site). */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string, options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  preload: (term: string, options: SearchOptions) => Promise<void>;
  search: (term: string | null, options: SearchOptions) => Promise<PagefindResults | null>;
}

export interface ShardedSearchResults {
  /** How many articles match. */
  total: number;
  /** The first `limit` of them, in the order asked for. */
  results: PagefindResultData[];
  /** For each filter, how many matching articles have each value. */
  filters: FilterCounts;
}

export interface ShardedSearch {
  /** Every filter value with its number of articles (this loads every shard's filter files). */
  filters: () => Promise<FilterCounts>;
  /** Fetches what searching these words will need, without searching. */
  preload: (term: string) => Promise<void>;
  search: (term: string | null, options: SearchOptions, limit: number) => Promise<ShardedSearchResults>;
}

/** The synthetic filter naming the index a result comes from. */
const SHARD_FILTER = 'shard';

const withoutShardFilter = (filters: FilterCounts): FilterCounts =>
  Object.fromEntries(Object.entries(filters).filter(([name]) => name !== SHARD_FILTER));

const NO_SHARDS: ShardedSearch = {
  filters: async () => ({}),
  preload: async () => {},
  search: async () => ({ total: 0, results: [], filters: {} }),
};

export interface ShardPlace {
  /** The site's `pagefind/` folder, as an absolute URL ending in `/`. */
  bundleUrl: string;
  /** The site's base path, which result URLs are under. */
  baseUrl: string;
  /** The page's language: Pagefind loads that index first and stems the query with it. */
  pageLanguage: string;
  /** The query parameter that carries the searched words to a result, for Pagefind's highlight script. */
  highlightParam?: string | undefined;
  /**
   * Pagefind's API, the bundle's `PAGEFIND_SCRIPT` on its way (the browser's `import()`; a test's
   * loader in Node): asked for while the shard list is, not after it.
   */
  pagefind: Promise<PagefindApi>;
}

/**
 * Opens every shard and language of the index in one Pagefind instance: it loads the newest
 * shard (whose WebAssembly then serves them all) and every other index is merged in.
 */
export async function openShardedSearch(file: SearchShardsFile, place: ShardPlace): Promise<ShardedSearch> {
  const newest = file.shards.at(-1);
  if (!newest) return NO_SHARDS;
  const shardKey = (path: string, language: string) => `${path}${language}`;
  /** The indexes, oldest shard first, each shard's languages in a fixed order. */
  const indexes = file.shards.flatMap((shard) =>
    Object.keys(shard.languages)
      .sort()
      .map((language) => ({ shard: shard.path, language, key: shardKey(shard.path, language) })),
  );
  const loadedFirst = primaryLanguage(newest.languages, place.pageLanguage)!;
  const common = { baseUrl: place.baseUrl, ...(place.highlightParam && { highlightParam: place.highlightParam }) };

  const pagefind = await place.pagefind;
  // A shard's folder is named by its content, so its entry file may come from the browser's cache:
  // Pagefind would otherwise ask for it again on every page.
  await pagefind.options({
    ...common,
    basePath: `${place.bundleUrl}${newest.path}`,
    metaCacheTag: newest.path,
    mergeFilter: { [SHARD_FILTER]: shardKey(newest.path, loadedFirst) },
  });
  await pagefind.init();
  // All at once: each merged index fetches its entry file, then its metadata, and one shard after
  // another those round trips would add up. Pagefind keeps the indexes in the order they are asked for.
  await Promise.all(
    indexes
      .filter((index) => index.shard !== newest.path || index.language !== loadedFirst)
      .map((index) =>
        // An absolute address: Pagefind skips an index whose address starts like the loaded one's.
        pagefind.mergeIndex(`${place.bundleUrl}${index.shard}`, {
          ...common,
          metaCacheTag: index.shard,
          language: index.language,
          mergeFilter: { [SHARD_FILTER]: index.key },
        }),
      ),
  );

  /** One index's matches, already in date order. */
  const matchesIn = async (term: string | null, options: SearchOptions, key: string) =>
    (await pagefind.search(term, { ...options, filters: { ...options.filters, [SHARD_FILTER]: { any: [key] } } }))
      ?.results ?? [];

  /**
   * The first `limit` matches by date. Shards hold disjoint spans of time, so the newest (or
   * oldest) shards with matches supply them all: the shards' match counts say which and how many
   * from each, and those shards are asked at once. The languages of one shard are merged by date.
   */
  async function byDate(
    term: string | null,
    options: SearchOptions,
    counts: Record<string, number>,
    limit: number,
  ): Promise<PagefindResultData[]> {
    const direction = Object.values(options.sort!)[0]!;
    const shardOrder = direction === 'asc' ? file.shards : [...file.shards].reverse();
    let wanted = limit;
    const asked = shardOrder.flatMap((shard) => {
      const keys = indexes
        .filter((index) => index.shard === shard.path && (counts[index.key] ?? 0) > 0)
        .map((index) => index.key);
      const take = Math.min(
        wanted,
        keys.reduce((sum, key) => sum + counts[key]!, 0),
      );
      wanted -= take;
      return take > 0 ? [{ keys, take }] : [];
    });
    const lists = await Promise.all(
      asked.map(async ({ keys, take }) => {
        const perLanguage = await Promise.all(
          keys.map(async (key) =>
            Promise.all((await matchesIn(term, options, key)).slice(0, take).map((result) => result.data())),
          ),
        );
        const merged = perLanguage.flat();
        if (perLanguage.length > 1)
          merged.sort(
            (a, b) => (a.meta['date'] ?? '').localeCompare(b.meta['date'] ?? '') * (direction === 'asc' ? 1 : -1),
          );
        return merged.slice(0, take);
      }),
    );
    return lists.flat();
  }

  return {
    filters: async () => withoutShardFilter(await pagefind.filters()),
    preload: (term) => pagefind.preload(term, { filters: {} }),
    async search(term, options, limit) {
      const all = await pagefind.search(term, options);
      if (!all) return { total: 0, results: [], filters: {} };
      const counts = all.filters[SHARD_FILTER] ?? {};
      // Matches from one index only are in its own order already, by date as much as by relevance.
      const inOneIndex = Object.values(counts).filter((count) => count > 0).length <= 1;
      const results =
        options.sort && !inOneIndex
          ? await byDate(term, options, counts, limit)
          : await Promise.all(all.results.slice(0, limit).map((result) => result.data()));
      return { total: all.results.length, results, filters: withoutShardFilter(all.filters) };
    },
  };
}
