import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  openShardedSearch,
  type PagefindApi,
  type PagefindResultData,
  type SearchOptions,
} from '../../src/search/browser/shardedIndex.ts';
import { PAGEFIND_SCRIPT, type SearchShardsFile } from '../../src/search/searchFiles.ts';

/**
 * Opens a built site's real search index in Node, with the code a reader's browser runs
 * (`src/search/browser/shardedIndex.ts` over the site's own `pagefind.js`): the same WebAssembly search.
 * Pagefind fetches its index files relative to the bundle; Node's fetch cannot read `file:`
 * URLs, so those requests are answered from disk. A site's `pagefind.js` is a module of its own
 * by its address, so each site gets its own Pagefind.
 */
export async function loadPagefind(siteDir: string, pageLanguage = 'en') {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return realFetch(input, init);
    try {
      return new Response(await readFile(url));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const bundleUrl = pathToFileURL(`${siteDir}/pagefind/`).href;
  const file = JSON.parse(await readFile(`${siteDir}/pagefind/shards.json`, 'utf8')) as SearchShardsFile;
  const search = await openShardedSearch(file, {
    bundleUrl,
    baseUrl: '/',
    pageLanguage,
    pagefind: import(`${bundleUrl}${PAGEFIND_SCRIPT}`) as Promise<PagefindApi>,
  });
  return {
    shards: file.shards,
    /** The first `limit` matches (every one by default), in the order asked for. */
    async search(
      term: string | null,
      options: Partial<SearchOptions> = {},
      limit = Number.MAX_SAFE_INTEGER,
    ): Promise<(PagefindResultData & { filters: Record<string, string[]> })[]> {
      const { results } = await search.search(term, { filters: {}, ...options }, limit);
      return results as (PagefindResultData & { filters: Record<string, string[]> })[];
    },
    filters: () => search.filters(),
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
}
