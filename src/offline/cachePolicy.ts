import type { UiString } from '../i18n/format.ts';
import type { UiKey } from '../i18n/translate.ts';

/** What the service worker, the offline pages' scripts and the build agree on: cache names and where things live. */
const CACHE_PREFIX = 'dossier-';

export const OFFLINE_PAGE_PATH = 'offline/';

/** Astro's scripts and styles, below the base path: each named by its content. */
export const ASSETS_FOLDER = '_astro/';

/** What keeping the whole digest takes (a `DigestToKeep`, see `precachePlan.ts`), below the base path. */
export const DIGEST_SUMMARY_FILE = 'offline/digest.json';

/** Every file of the whole digest: a JSON array of addresses (base path included). */
export const DIGEST_FILES_FILE = 'offline/files.json';

/** A cache entry, never a file of the site, put last when the whole digest is kept: its presence says so. */
export const DIGEST_KEPT_MARKER = 'offline/kept';

/** The interface strings the control that keeps the digest shows, handed to it by the page. */
export const KEEP_DIGEST_STRINGS = [
  'offline.keep.size',
  'offline.keep.progress',
  'offline.keep.done',
  'offline.keep.failed',
] as const satisfies readonly UiKey[];
export type KeepDigestStrings = Record<(typeof KEEP_DIGEST_STRINGS)[number], UiString>;

/** What the control says it is doing, in its `data-state`, for anything (a test) that waits for it. */
export type KeepDigestState = 'idle' | 'keeping' | 'kept' | 'failed';

export const cacheName = (buildId: string) => `${CACHE_PREFIX}${buildId}`;

export const isOwnCache = (name: string) => name.startsWith(CACHE_PREFIX);

/**
 * The caches of earlier builds that the reader kept whole. A new build does not drop them: what
 * the reader chose to keep stays readable offline until this build is kept in turn.
 */
export async function earlierKeptCaches(current: string, base: string): Promise<string[]> {
  const earlier = (await caches.keys()).filter((name) => isOwnCache(name) && name !== current);
  const kept = await Promise.all(
    earlier.map(async (name) => (await (await caches.open(name)).match(`${base}${DIGEST_KEPT_MARKER}`)) !== undefined),
  );
  return earlier.filter((_, index) => kept[index]);
}
