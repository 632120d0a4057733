import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { UiKey } from '../i18n/translate.ts';
import { cachedPaths, getArticleHtml, getTopic, getTranslator, type Article } from './digest.ts';
import { articleFeedItem } from './feedItems.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

const itemsByUrl = new Map<string, Promise<RSSFeedItem>>();

/**
 * An article's feed item, made once per build: the newest articles appear in the main feed and
 * in the feed of each of their tags, and making an item parses the article's HTML.
 */
function feedItem(article: Article, site: URL): Promise<RSSFeedItem> {
  const url = absoluteUrl(articlePath(article.id), site);
  let item = itemsByUrl.get(url);
  if (!item)
    itemsByUrl.set(
      url,
      (item = getArticleHtml(article).then((html) =>
        articleFeedItem(article, url, { excerpt: article.data.excerpt, html }),
      )),
    );
  return item;
}

/** How many articles a feed carries: twice what the home page lists. */
export const feedLength = (topic: { latestCount: number }) => topic.latestCount * 2;

/**
 * An RSS 2.0 response listing the newest `count` of `articles`. `url` is the feed's own request
 * URL: its absolute address, in `atom:link rel="self"`, lets feed readers find a feed that moved.
 */
export async function feedResponse(options: {
  title: string;
  description: string;
  language: string;
  site: URL;
  url: URL;
  articles: Article[];
  count: number;
}) {
  const items = await Promise.all(
    options.articles.slice(0, options.count).map((article) => feedItem(article, options.site)),
  );
  const self = new URL(options.url.pathname, options.site).href;
  return rss({
    title: options.title,
    description: options.description,
    site: absoluteUrl('/', options.site),
    items,
    customData: `<language>${options.language}</language><atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
  });
}

/** What the feed of one named listing (a tag, an entity) is given: its name and the articles it carries. */
interface ListingFeedProps {
  name: string;
  articles: Article[];
}

/**
 * The feeds of named listings, one under each listing's slug (the route parameter `param`). Each
 * is given only the articles it carries, so an article outside them leaves the feed as it is.
 */
export async function listingFeedPaths<Param extends string>(
  param: Param,
  listings: readonly { slug: string; name: string; articles: Article[] }[],
) {
  const count = feedLength(await getTopic());
  return cachedPaths(
    listings.map((listing) => ({
      params: { [param]: listing.slug } as Record<Param, string>,
      props: { name: listing.name, articles: listing.articles.slice(0, count) } satisfies ListingFeedProps,
    })),
  );
}

/** The route answering a named listing's feed, titled and described by these interface strings. */
export function listingFeedRoute(title: UiKey, description: UiKey): APIRoute<ListingFeedProps> {
  return async ({ site, url, props }) => {
    const topic = await getTopic();
    const { t } = await getTranslator();
    const params = { digest: topic.title, name: props.name };
    return feedResponse({
      title: t(title, params),
      description: t(description, params),
      language: topic.language,
      site: site!,
      url,
      articles: props.articles,
      count: feedLength(topic),
    });
  };
}
