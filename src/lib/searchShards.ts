/**
 * The search index is built in shards: runs of consecutive months, each indexed by Pagefind on
 * its own and merged in the reader's browser. Pagefind holds every page of an index in memory
 * while it builds (about 0.4 GB per 1,000 articles, measured), so one index for a digest of
 * 10,000 articles needed 3.9 GB; a shard never holds more than a few thousand. A shard is named by
 * the digest of what it holds, so a rebuild indexes again only the shards whose articles changed,
 * and since shards cover disjoint spans of time, results sorted by date are the shards' own
 * sorted results one after another.
 */
import { createHash } from 'node:crypto';

/** An article in the search index. */
export interface SearchEntry {
  /** Its page's address below the base path, as Pagefind derives it from a built page. */
  url: string;
  /** The digest its search document is kept under. */
  digest: string;
  /** Its publication day, `YYYY-MM-DD`. */
  day: string;
}

export interface SearchShard {
  /** A digest of the shard's articles and their documents: the same articles give the same name. */
  name: string;
  /** The first and last publication day it holds. */
  from: string;
  to: string;
  entries: SearchEntry[];
}

/**
 * How many articles a shard holds at most, unless one month alone has more. Around 2,000
 * articles Pagefind needs under 1 GB, and a digest of 10,000 articles is searched in five shards.
 */
export const SHARD_ARTICLES = 2000;

const monthOf = (entry: SearchEntry) => entry.day.slice(0, 7);

/**
 * Splits the index into shards, oldest first: whole months, packed while the shard stays within
 * `maxArticles`; `indexer` names how the shards are indexed, so a change there renames them all.
 * Packing from the oldest month keeps old shards as they are while new articles
 * arrive, which is how a digest grows.
 */
export function planSearchShards(entries: readonly SearchEntry[], options: { maxArticles?: number; indexer?: string } = {}): SearchShard[] {
  const { maxArticles = SHARD_ARTICLES, indexer = '' } = options;
  const byMonth = new Map<string, SearchEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.day.localeCompare(b.day) || a.url.localeCompare(b.url))) {
    let month = byMonth.get(monthOf(entry));
    if (!month) byMonth.set(monthOf(entry), (month = []));
    month.push(entry);
  }
  const groups: SearchEntry[][] = [];
  for (const month of byMonth.values()) {
    const last = groups.at(-1);
    if (last && last.length + month.length <= maxArticles) last.push(...month);
    else groups.push([...month]);
  }
  return groups.map((group) => ({
    name: createHash('sha256').update(indexer).update(JSON.stringify(group.map(({ url, digest }) => [url, digest]))).digest('hex').slice(0, 16),
    from: group[0]!.day,
    to: group.at(-1)!.day,
    entries: group,
  }));
}

/** The file in the site's `pagefind/` folder that lists the shards for the reader's browser. */
export const SHARDS_FILE = 'shards.json';

export interface SearchShardsFile {
  /** Oldest first. */
  shards: {
    /** Its folder below `pagefind/`. */
    path: string;
    from: string;
    to: string;
    /** Its language indexes, with the number of articles in each. */
    languages: Record<string, number>;
  }[];
}
