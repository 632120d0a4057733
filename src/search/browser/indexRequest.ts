/**
 * The first files a page needs to search: Pagefind's code and the shard list. The page's own
 * script asks for them as search opens, beside the search panel's code, which would otherwise add
 * a round trip of its own before them.
 */
import { PAGEFIND_SCRIPT, SHARDS_FILE, type SearchShardsFile } from '../searchFiles.ts';
import type { PagefindApi } from './shardedIndex.ts';

export interface SearchIndexRequest {
  /** The search bundle, as an absolute URL ending in `/`. */
  bundleUrl: string;
  pagefind: Promise<PagefindApi>;
  shards: Promise<SearchShardsFile>;
}

let request: SearchIndexRequest | undefined;

/** Asks for them once per page, whoever asks first. */
export function requestSearchIndex(bundle: string): SearchIndexRequest {
  if (request) return request;
  const bundleUrl = new URL(bundle, location.href).href;
  const pagefind = import(/* @vite-ignore */ `${bundleUrl}${PAGEFIND_SCRIPT}`) as Promise<PagefindApi>;
  // Asked of the network first, so a page of a new build never searches the old index.
  const shards = fetch(`${bundleUrl}${SHARDS_FILE}`, { cache: 'no-cache' }).then(
    (response) => response.json() as Promise<SearchShardsFile>,
  );
  // Awaited once search opens the index; until then a failure must not count as unhandled.
  for (const promise of [pagefind, shards]) promise.catch(() => undefined);
  return (request = { bundleUrl, pagefind, shards });
}
