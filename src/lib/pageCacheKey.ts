/**
 * The key under which Astro's incremental build keeps a rendered page: a digest of everything the
 * page shows. A page that renders only its props (and the topic, which `shared` stands for) is
 * rendered again exactly when one of them changed, so a one-article edit re-renders the pages
 * that show that article and keeps the thousands that do not.
 */
import { createHash } from 'node:crypto';

export function pageCacheKey(props: unknown, shared: string): string {
  return createHash('sha256').update(shared).update('\0').update(JSON.stringify(props)).digest('base64url');
}

/** The same paths, each with the cache key of its props. */
export function withCacheKeys<T extends { props?: unknown }>(paths: readonly T[], shared: string): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props ?? {}, shared) }));
}
