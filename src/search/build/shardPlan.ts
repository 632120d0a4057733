/**
 * The search index is built in shards: spans of time, each indexed by Pagefind on
 * its own and merged in the reader's browser. Pagefind holds every page of an index in memory
 * while it builds (about 0.4 GB per 1,000 articles, measured), so one index for a digest of
 * 10,000 articles needed 3.9 GB; a shard never holds more than a few thousand. A shard is named by
 * the digest of what it holds, so a rebuild indexes again only the shards whose articles changed,
 * and since shards cover disjoint spans of time, results sorted by date are the shards' own
 * sorted results one after another.
 */
import { createHash } from 'node:crypto';
import type { SearchEntry } from '../searchFiles.ts';

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
 * articles Pagefind needs under 1 GB.
 */
export const SHARD_ARTICLES = 2000;

/** The spans of time a shard can cover, widest first: a decade, a year, a quarter, a month. */
const SPANS: ((day: string) => string)[] = [
  (day) => day.slice(0, 3),
  (day) => day.slice(0, 4),
  (day) => `${day.slice(0, 4)}-q${Math.ceil(Number(day.slice(5, 7)) / 3)}`,
  (day) => day.slice(0, 7),
];

/** Groups entries (in date order) by a span, keeping the order. */
function bySpan(entries: readonly SearchEntry[], span: (day: string) => string): SearchEntry[][] {
  const groups = new Map<string, SearchEntry[]>();
  for (const entry of entries) {
    let group = groups.get(span(entry.day));
    if (!group) groups.set(span(entry.day), (group = []));
    group.push(entry);
  }
  return [...groups.values()];
}

/**
 * Splits the index into shards, oldest first. A shard is a calendar span, the widest of decade,
 * year, quarter and month that holds at most `maxArticles`, so what falls in a shard depends only
 * on articles of the same span: an edit re-indexes the one shard holding the article, a new
 * article the newest, and a clean build and a rebuild make the same shards. `indexer` names how
 * the shards are indexed, so a change there renames them all.
 */
export function planSearchShards(
  entries: readonly SearchEntry[],
  options: { maxArticles?: number; indexer?: string } = {},
): SearchShard[] {
  const { maxArticles = SHARD_ARTICLES, indexer = '' } = options;
  const split = (group: SearchEntry[], level: number): SearchEntry[][] =>
    group.length <= maxArticles || level === SPANS.length
      ? [group]
      : bySpan(group, SPANS[level]!).flatMap((part) => split(part, level + 1));
  const inOrder = [...entries].sort((a, b) => a.day.localeCompare(b.day) || a.url.localeCompare(b.url));
  return bySpan(inOrder, SPANS[0]!)
    .flatMap((decade) => split(decade, 1))
    .map((group) => ({
      name: createHash('sha256')
        .update(indexer)
        .update(JSON.stringify(group.map(({ url, digest }) => [url, digest])))
        .digest('hex')
        .slice(0, 16),
      from: group[0]!.day,
      to: group.at(-1)!.day,
      entries: group,
    }));
}
