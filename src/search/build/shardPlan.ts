/**
 * The search index is built in shards, each indexed by Pagefind on its own and merged in the
 * reader's browser. Two forces pull on their size:
 *
 * - Pagefind holds every page of an index in memory twice while it builds (about 0.35 GB per
 *   1,000 articles, measured: 3.4 GB for one index of 10,000), and it runs beside Astro's
 *   rendering, so a shard holds at most a few thousand articles.
 * - A reader's browser fetches each shard's entry file, metadata and one index chunk per search
 *   word before any result shows, so every shard costs requests on every first search: the
 *   fewer, the better.
 *
 * So a digest is cut into a few large *frozen* shards, packed by whole months from the oldest,
 * and one small *fresh* shard of the newest months, which is what a new article changes and so
 * the only shard a usual rebuild indexes again. Once the open part has grown by another
 * `freshArticles`, its older months settle into a shard of their own (indexed once); once it
 * would pass `maxArticles`, it closes as a frozen shard. What falls in a shard depends only on
 * the articles, so a clean build and a rebuild make the same shards; shards cover disjoint spans
 * of time, so results sorted by date are the shards' own sorted results one after another.
 * A shard is named by the digest of what it holds, so an unchanged one is never indexed again.
 */
import { createHash } from 'node:crypto';
import type { SearchEntry } from '../../build/articleCache.ts';
import { shardFolderName } from '../searchFiles.ts';

export interface SearchShard {
  /** A digest of the shard's articles, their documents and how it is indexed. */
  name: string;
  /** The first and last publication day it holds. */
  from: string;
  to: string;
  entries: SearchEntry[];
  /** The postings in each of its index chunks (see `indexChunkPostings`). */
  chunkPostings: number;
}

/**
 * How many articles a frozen shard holds at most, unless one month alone has more. Pagefind
 * needs about 1.4 GB for 4,000 articles, which beside Astro's rendering of 10,000 keeps a build
 * under 3 GB.
 */
export const SHARD_ARTICLES = 4000;

/** The part of `maxArticles` the fresh shard grows by before its older months settle. */
const FRESH_SHARE = 8;

/** Pagefind's default number of postings (word occurrences in pages) in one index chunk. */
const PAGEFIND_CHUNK_POSTINGS = 20_000;

/**
 * A search word costs one index chunk from every shard. Pagefind cuts chunks by postings, so with
 * its default each shard's chunk is as large as a whole index's and a word costs the shards' count
 * times a single index's bytes. A shard's chunks are made as much smaller as the shard is a part
 * of the digest, so a word costs about what it costs in one index. The digest's size is taken to
 * the next power of two, so that frozen shards are indexed again only when the digest doubles.
 */
export function indexChunkPostings(shardArticles: number, digestArticles: number): number {
  const digestScale = 2 ** Math.ceil(Math.log2(Math.max(1, digestArticles)));
  return Math.max(500, Math.round((PAGEFIND_CHUNK_POSTINGS * shardArticles) / digestScale));
}

/** Groups entries (in date order) by month, keeping the order. */
function byMonth(entries: readonly SearchEntry[]): SearchEntry[][] {
  const months = new Map<string, SearchEntry[]>();
  for (const entry of entries) {
    const month = entry.day.slice(0, 7);
    let group = months.get(month);
    if (!group) months.set(month, (group = []));
    group.push(entry);
  }
  return [...months.values()];
}

/**
 * Splits the open group (the newest months, fewer than `maxArticles`) into a settled part and the
 * fresh shard. The settled part is the longest run of older months within the last multiple of
 * `fresh` below the group's size, so it never holds the newest month and changes only when the
 * group crosses a multiple of `fresh`: most new articles change the fresh shard alone.
 */
function splitOpenGroup(months: SearchEntry[][], fresh: number): SearchEntry[][] {
  const size = months.reduce((sum, month) => sum + month.length, 0);
  const settledAtMost = Math.floor((size - 1) / fresh) * fresh;
  let settled = 0;
  let count = 0;
  while (settled < months.length && count + months[settled]!.length <= settledAtMost)
    count += months[settled++]!.length;
  return [months.slice(0, settled).flat(), months.slice(settled).flat()].filter((part) => part.length > 0);
}

/**
 * Splits the index into shards, oldest first (see above). `indexer` names how the shards are
 * indexed, so a change there renames them all.
 */
export function planSearchShards(
  entries: readonly SearchEntry[],
  options: { maxArticles?: number; indexer?: string } = {},
): SearchShard[] {
  const { maxArticles = SHARD_ARTICLES, indexer = '' } = options;
  const inOrder = [...entries].sort((a, b) => a.day.localeCompare(b.day) || a.url.localeCompare(b.url));
  const groups: SearchEntry[][] = [];
  let open: SearchEntry[][] = [];
  let openSize = 0;
  for (const month of byMonth(inOrder)) {
    if (openSize > 0 && openSize + month.length > maxArticles) {
      groups.push(open.flat());
      open = [];
      openSize = 0;
    }
    open.push(month);
    openSize += month.length;
  }
  groups.push(...splitOpenGroup(open, Math.max(1, Math.floor(maxArticles / FRESH_SHARE))));
  return groups.map((group) => {
    const chunkPostings = indexChunkPostings(group.length, inOrder.length);
    return {
      name: shardFolderName(
        createHash('sha256')
          .update(`${indexer}:${chunkPostings}`)
          .update(JSON.stringify(group.map(({ url, digest }) => [url, digest])))
          .digest('hex'),
      ),
      from: group[0]!.day,
      to: group.at(-1)!.day,
      entries: group,
      chunkPostings,
    };
  });
}
