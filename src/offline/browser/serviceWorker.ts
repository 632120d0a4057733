/// <reference lib="webworker" />
/**
 * Dossier's service worker: on the first visit it keeps the site's shell and, while it fits a
 * first visit's budget, the whole search index (see `../precachePlan.ts`); then every page the
 * reader opens and every search file they use, so what they read and searched stays offline;
 * the whole digest when they choose to keep it (`keepDigest.ts`). Pages are
 * fetched from the network first (a reader online always sees the latest build); everything with
 * a build-specific name comes from the cache first.
 */
import { SEARCH_BUNDLE_PATH, SHARDS_FILE } from '../../search/searchFiles.ts';
import { cacheName, isOwnCache, OFFLINE_PAGE_PATH } from '../cachePolicy.ts';

declare const self: ServiceWorkerGlobalScope;
/** Filled in when the site is built. */
declare const __DOSSIER_BUILD_ID__: string;
declare const __DOSSIER_BASE__: string;
declare const __DOSSIER_PRECACHE__: string[];

const CACHE = cacheName(__DOSSIER_BUILD_ID__);
const offlinePage = `${__DOSSIER_BASE__}${OFFLINE_PAGE_PATH}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(__DOSSIER_PRECACHE__))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // A new build replaces the old cache whole: never an old index beside new pages.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => isOwnCache(name) && name !== CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

/**
 * The search index's own lists (`shards.json`, Pagefind's entry files) keep their names from
 * build to build, so they are asked of the network first, like pages; Pagefind tags its entry
 * requests with the time, hence the match without the query.
 */
const isIndexList = (url: URL) =>
  url.pathname.startsWith(`${__DOSSIER_BASE__}${SEARCH_BUNDLE_PATH.slice(1)}`) &&
  [`/${SHARDS_FILE}`, '/pagefind-entry.json'].some((name) => url.pathname.endsWith(name));

async function fromNetworkFirst(request: Request, options: { key: RequestInfo; fallback?: string }): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(options.key, response.clone());
    return response;
  } catch {
    const fallback = options.fallback === undefined ? undefined : await cache.match(options.fallback);
    return (await cache.match(request, { ignoreSearch: true })) ?? fallback ?? Response.error();
  }
}

async function fileFromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(__DOSSIER_BASE__))
    return;
  if (request.mode === 'navigate')
    event.respondWith(fromNetworkFirst(request, { key: request, fallback: offlinePage }));
  else if (isIndexList(url)) event.respondWith(fromNetworkFirst(request, { key: `${url.origin}${url.pathname}` }));
  else event.respondWith(fileFromCacheFirst(request));
});
