import { openShardedSearch, type ShardedSearch } from './shardedIndex.ts';
import { HIGHLIGHT_PARAM } from './highlightParam.ts';
import { requestSearchIndex } from './indexRequest.ts';

/**
 * Opens the digest's search index (built with the site, in shards) once per page, with every
 * shard and language merged in, so an article in German or from years ago is found from any page.
 */
let loading: Promise<ShardedSearch> | undefined;

export function loadSearch(bundle: string): Promise<ShardedSearch> {
  loading ??= (async () => {
    const { bundleUrl, pagefind, shards } = requestSearchIndex(bundle);
    return openShardedSearch(await shards, {
      bundleUrl,
      baseUrl: document.documentElement.dataset['base'] ?? '/',
      pageLanguage: document.documentElement.lang || 'unknown',
      highlightParam: HIGHLIGHT_PARAM,
      pagefind,
    });
  })();
  return loading;
}
