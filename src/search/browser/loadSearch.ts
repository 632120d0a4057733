import { SHARDS_FILE, type SearchShardsFile } from '../searchFiles.ts';
import { openShardedSearch, type PagefindApi, type ShardedSearch } from './shardedIndex.ts';
import { HIGHLIGHT_PARAM } from './highlightParam.ts';

/**
 * Opens the digest's search index (built with the site, in shards) once per page, with every
 * shard and language merged in, so an article in German or from years ago is found from any page.
 */
let loading: Promise<ShardedSearch> | undefined;

export function loadSearch(bundle: string): Promise<ShardedSearch> {
  loading ??= (async () => {
    const bundleUrl = new URL(bundle, location.href).href;
    // Asked of the network first, so a page of a new build never searches the old index.
    const file = (await (await fetch(`${bundleUrl}${SHARDS_FILE}`, { cache: 'no-cache' })).json()) as SearchShardsFile;
    return openShardedSearch(file, {
      bundleUrl,
      baseUrl: document.documentElement.dataset['base'] ?? '/',
      pageLanguage: document.documentElement.lang || 'unknown',
      highlightParam: HIGHLIGHT_PARAM,
      importPagefind: (url) => import(/* @vite-ignore */ url) as Promise<PagefindApi>,
    });
  })();
  return loading;
}
