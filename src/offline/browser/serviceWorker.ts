/// <reference lib="webworker" />
/**
 * Dossier's service worker: on the first visit it keeps the site's shell and, while it fits a
 * first visit's budget, the whole search index (see `../precachePlan.ts`); then every page the
 * reader opens and every search file they use, so what they read and searched stays offline;
 * the whole digest when they choose to keep it (`keepDigest.ts`). Pages are
 * fetched from the network first (a reader online always sees the latest build); everything with
 * a build-specific name comes from the cache first. A digest the reader kept outlives the next
 * build: its cache stays, and serves offline what the new build's cache lacks, until the new
 * build is kept whole in turn.
 */
import { searchBundlePath } from '../../lib/urls.ts';
import { SHARDS_FILE } from '../../search/searchFiles.ts';
import { cacheName, DIGEST_KEPT_MARKER, earlierKeptCaches, isOwnCache, OFFLINE_PAGE_PATH } from '../cachePolicy.ts';
import { isContentNamed } from '../contentNamed.ts';

declare const self: ServiceWorkerGlobalScope;
/** Filled in when the site is built. */
declare const __DOSSIER_BUILD_ID__: string;
declare const __DOSSIER_BASE__: string;
declare const __DOSSIER_PRECACHE__: string[];
/** Whether the precache holds the whole search index. */
declare const __DOSSIER_WHOLE_INDEX__: boolean;

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
  // A new build replaces the old caches, except one the reader kept whole: that one answers only
  // when this build's cache cannot, so online a reader never meets an old page or index.
  event.waitUntil(
    (async () => {
      const kept = await earlierKeptCaches(CACHE, __DOSSIER_BASE__);
      const stale = (await caches.keys()).filter((name) => isOwnCache(name) && name !== CACHE && !kept.includes(name));
      await Promise.all(stale.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

/** What an earlier build the reader kept holds for this request, when this build's cache has nothing. */
async function fromKeptEarlierBuild(request: Request, options?: CacheQueryOptions): Promise<Response | undefined> {
  for (const name of await earlierKeptCaches(CACHE, __DOSSIER_BASE__)) {
    const found = await (await caches.open(name)).match(request, options);
    if (found) return found;
  }
  return undefined;
}

/**
 * The shard list keeps its name from build to build, so it is asked of the network first, like
 * pages. The shards' own files, entry files included, are named by their content.
 */
const isShardList = (url: URL) => url.pathname === `${__DOSSIER_BASE__}${searchBundlePath.slice(1)}${SHARDS_FILE}`;

/** Whether this build's whole search index is in its cache: precached, or kept at the reader's choice. */
async function holdsWholeIndex(cache: Cache): Promise<boolean> {
  return __DOSSIER_WHOLE_INDEX__ || (await cache.match(`${__DOSSIER_BASE__}${DIGEST_KEPT_MARKER}`)) !== undefined;
}

async function fromNetworkFirst(
  request: Request,
  options: { key: RequestInfo; fallback?: string; shardList?: boolean },
): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(options.key, response.clone());
    return response;
  } catch {
    // Offline: this build's copy, else the copy of a build the reader kept, else the offline page.
    const ours = await cache.match(request, { ignoreSearch: true });
    const kept = await fromKeptEarlierBuild(request, { ignoreSearch: true });
    // This build's shard list would lead search to files that are not all here, while a kept build's index is whole.
    const keptFirst = options.shardList === true && !(await holdsWholeIndex(cache));
    const fallback = options.fallback === undefined ? undefined : await cache.match(options.fallback);
    return (keptFirst ? (kept ?? ours) : (ours ?? kept)) ?? fallback ?? Response.error();
  }
}

async function fileFromCacheFirst(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  const contentNamed = isContentNamed(url.pathname.slice(__DOSSIER_BASE__.length));
  // A content-named file holds the same bytes whatever its query (Pagefind tags entry files with
  // one) and in every build: no need to fetch it again.
  const cached =
    (await cache.match(request, { ignoreSearch: contentNamed })) ??
    (contentNamed ? await fromKeptEarlierBuild(request, { ignoreSearch: true }) : undefined);
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
  else if (isShardList(url))
    event.respondWith(fromNetworkFirst(request, { key: `${url.origin}${url.pathname}`, shardList: true }));
  else event.respondWith(fileFromCacheFirst(request, url));
});
