/**
 * The key under which Astro's incremental build keeps a rendered page: a digest of everything the
 * page shows. A page that renders only its props (and the topic, which `shared` stands for) is
 * rendered again exactly when one of them changed, so a one-article edit re-renders the pages
 * that show that article and keeps the thousands that do not.
 */
import { createHash } from 'node:crypto';

/**
 * A content entry stands in the key as its collection, id and digest: the digest already covers
 * its file and everything derived from it, and writing out the entry's data for every list it
 * appears in took most of the time of keying a 10,000-article digest.
 */
function entryAsDigest(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { collection, id, digest } = value as { collection?: unknown; id?: unknown; digest?: unknown };
  return typeof collection === 'string' && typeof digest === 'string' ? `${collection}/${String(id)}@${digest}` : value;
}

export function pageCacheKey(props: unknown, shared: string): string {
  return createHash('sha256')
    .update(shared)
    .update('\0')
    .update(JSON.stringify(props, entryAsDigest))
    .digest('base64url');
}

/** The same paths, each with the cache key of its props. */
export function withCacheKeys<T extends { props?: unknown }>(
  paths: readonly T[],
  shared: string,
): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props ?? {}, shared) }));
}
