/**
 * The sitemap's `<lastmod>` for updated articles: each published article's `updated` date, as the
 * content sync listed them (see `readArticleUpdates`), found by the slug in a page's address.
 */

/** The slug of an article page's address (`…/articles/<slug>/`), else `undefined`. */
export const articleSlugOfUrl = (url: string) => {
  const slug = /\/articles\/([^/]+)\/?$/.exec(new URL(url).pathname)?.[1];
  return slug === undefined ? undefined : decodeURIComponent(slug);
};

/** A sitemap entry's `lastmod`: the `updated` date of the article it is the page of, if any. */
export function sitemapLastmod(url: string, updates: Readonly<Record<string, string>>): string | undefined {
  const slug = articleSlugOfUrl(url);
  return slug === undefined || !Object.hasOwn(updates, slug) ? undefined : updates[slug];
}
