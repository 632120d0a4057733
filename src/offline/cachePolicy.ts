/** What the service worker and the offline page agree on: cache names and where things live. */
const CACHE_PREFIX = 'dossier-';

export const OFFLINE_PAGE_PATH = 'offline/';

export const cacheName = (buildId: string) => `${CACHE_PREFIX}${buildId}`;

export const isOwnCache = (name: string) => name.startsWith(CACHE_PREFIX);
