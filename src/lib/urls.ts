/**
 * Every internal link goes through `sitePath`, and every route's path comes from here, so a
 * digest deployed under a sub-path (`https://example.org/digests/huawei/`) links correctly
 * everywhere and a route is renamed in one place.
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

/** The address of an article's photo as pages link it: an outlet's absolute URL as it is, a site path under `base`. */
export function imageAddress(src: string, base: string): string {
  return /^https?:\/\//.test(src) ? src : underBase(base, src);
}

/** An absolute URL for feeds, canonical links and structured data. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(sitePath(path), site).href;
}

export const homePath = '/';
export const timelinePath = '/timeline/';
export const archivePath = '/archive/';
export const tagsPath = '/tags/';
export const sourcesPath = '/sources/';
export const aboutPath = '/about/';
export const searchPath = '/search/';
export const feedPath = '/rss.xml';
/** The same feed as JSON Feed 1.1; every RSS feed has one beside it. */
export const jsonFeedPath = '/feed.json';
/** Every feed of the digest and the outlets it follows, as an OPML outline for feed readers. */
export const outlinePath = '/feeds.opml';
/** The folder holding the search index: Pagefind's bundle of each shard and the shard list. */
export const searchBundlePath = '/pagefind/';
export const sitemapPath = '/sitemap-index.xml';
export const articlePath = (slug: string) => `/articles/${slug}/`;
export const tagPath = (slug: string) => `${tagsPath}${slug}/`;
export const tagFeedPath = (slug: string) => `${tagPath(slug)}rss.xml`;
export const tagJsonFeedPath = (slug: string) => `${tagPath(slug)}feed.json`;
export const tagTimelinePath = (slug: string) => `${tagPath(slug)}timeline/`;
export const sourcePath = (slug: string) => `${sourcesPath}${slug}/`;
export const whoPath = '/who/';
export const entityPath = (slug: string) => `${whoPath}${slug}/`;
export const entityFeedPath = (slug: string) => `${entityPath(slug)}rss.xml`;
export const entityJsonFeedPath = (slug: string) => `${entityPath(slug)}feed.json`;
/** An article's social card (`og:image`), beside its page. */
export const articleCardPath = (slug: string) => `${articlePath(slug)}card.png`;
/** The digest's social card, for every page but an article's. */
export const digestCardPath = '/card.png';
