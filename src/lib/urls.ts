/**
 * Every internal link goes through `sitePath`, so a digest deployed under a sub-path
 * (`https://example.org/digests/huawei/`) links correctly everywhere.
 */
const base = import.meta.env.BASE_URL;

/** `sitePath('/timeline/')` → `/digests/huawei/timeline/` when the site lives under that path. */
export function sitePath(path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** An absolute URL for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(sitePath(path), site).href;
}

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const tagPath = (slug: string) => `/tags/${slug}/`;
export const sourcePath = (slug: string) => `/sources/${slug}/`;
export const timelinePath = '/timeline/';
