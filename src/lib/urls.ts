/**
 * Every internal link goes through `sitePath`, so a digest deployed under a sub-path
 * (`https://example.org/digests/huawei/`) links correctly everywhere.
 */
/** `underBase('/digests/huawei/', '/timeline/')` → `/digests/huawei/timeline/`. */
export function underBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** `sitePath('/timeline/')` → `/digests/huawei/timeline/` when the site lives under that path. */
export function sitePath(path: string): string {
  // Read when called, so that code outside Vite (the loader's workers) can use `underBase` from here.
  return underBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(sitePath(path), site).href;
}

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const tagPath = (slug: string) => `/tags/${slug}/`;
export const sourcePath = (slug: string) => `/sources/${slug}/`;
export const timelinePath = '/timeline/';
