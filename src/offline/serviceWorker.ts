/// <reference lib="webworker" />
/**
 * Dossier's service worker: on the first visit it keeps the site's shell and its whole search
 * index, then every page the reader opens, so the digest reads and searches offline. Pages are
 * fetched from the network first (a reader online always sees the latest build); everything with
 * a build-specific name comes from the cache first.
 */
import { cacheName, isOwnCache, OFFLINE_PAGE_PATH } from './cachePolicy.ts';

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
      .then((names) => Promise.all(names.filter((name) => isOwnCache(name) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function pageFromNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(offlinePage)) ?? Response.error();
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
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(__DOSSIER_BASE__)) return;
  event.respondWith(request.mode === 'navigate' ? pageFromNetworkFirst(request) : fileFromCacheFirst(request));
});
