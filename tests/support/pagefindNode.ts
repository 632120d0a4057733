import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * Loads a built site's real Pagefind bundle (`dist/pagefind/pagefind.js`) in Node and answers
 * queries with it: the same WebAssembly search a reader's browser runs. Pagefind fetches its
 * index files relative to the bundle; Node's fetch cannot read `file:` URLs, so those requests
 * are answered from disk.
 */
export async function loadPagefind(siteDir: string) {
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
  const pagefind = await import(pathToFileURL(`${siteDir}/pagefind/pagefind.js`).href);
  await pagefind.options({ basePath: pathToFileURL(`${siteDir}/pagefind/`).href, baseUrl: '/' });
  await pagefind.init();
  return {
    async search(term: string | null, options: object = {}) {
      const search = await pagefind.search(term, options);
      const results = await Promise.all(search.results.map((result: { data: () => Promise<unknown> }) => result.data()));
      return results as { url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }[];
    },
    filters: () => pagefind.filters() as Promise<Record<string, Record<string, number>>>,
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
}
