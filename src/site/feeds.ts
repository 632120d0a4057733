import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { UiKey } from '../i18n/translate.ts';
import { cachedPaths, getArticleHtml, getDigest, getTopic, getTranslator, type Article } from './digest.ts';
import { articleFeedItem, jsonFeed, rssItem, type ArticleFeedItem } from './feedItems.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

/** The formats every feed is published in, side by side, with their media types: RSS 2.0 (`rss.xml`) and JSON Feed 1.1 (`feed.json`). */
export const FEED_TYPES = { rss: 'application/rss+xml', json: 'application/feed+json' } as const;
export type FeedFormat = keyof typeof FEED_TYPES;

const itemsByUrl = new Map<string, Promise<ArticleFeedItem>>();

/**
 * An article's feed item, made once per build: the newest articles appear in both formats of the
 * main feed and of the feed of each of their tags and entities, and making an item parses the article's HTML.
 */
function feedItem(article: Article, site: URL): Promise<ArticleFeedItem> {
  const url = absoluteUrl(articlePath(article.id), site);
  let item = itemsByUrl.get(url);
  if (!item)
    itemsByUrl.set(
      url,
      (item = Promise.all([getArticleHtml(article), getTranslator()]).then(([html, { t }]) =>
        articleFeedItem(article, url, html, t),
      )),
    );
  return item;
}

/** How many articles a feed carries: twice what the home page lists. */
export const feedLength = (topic: { latestCount: number }) => topic.latestCount * 2;

/**
 * A feed listing the newest `count` of `articles`, as RSS 2.0 or JSON Feed 1.1. `url` is the
 * feed's own request URL: its absolute address (`atom:link rel="self"`, `feed_url`) lets feed
 * readers find a feed that moved.
 */
export async function feedResponse(
  format: FeedFormat,
  options: {
    title: string;
    description: string;
    language: string;
    site: URL;
    url: URL;
    articles: Article[];
    count: number;
  },
): Promise<Response> {
  const items = await Promise.all(
    options.articles.slice(0, options.count).map((article) => feedItem(article, options.site)),
  );
  const self = new URL(options.url.pathname, options.site).href;
  const home = absoluteUrl('/', options.site);
  if (format === 'json')
    return new Response(
      JSON.stringify(jsonFeed({ ...options, homePageUrl: home, feedUrl: self, items })),
      // The type JSON Feed registers; a host serving the file as application/json serves it just as well.
      { headers: { 'Content-Type': `${FEED_TYPES.json}; charset=utf-8` } },
    );
  return rss({
    title: options.title,
    description: options.description,
    site: home,
    items: items.map(rssItem),
    customData: `<language>${options.language}</language><atom:link href="${escapeHtml(self)}" rel="self" type="${FEED_TYPES.rss}"/>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
  });
}

/** The route answering the site's own feed, newest articles first, in one format. */
export function siteFeedRoute(format: FeedFormat): APIRoute {
  return async ({ site, url }) => {
    const topic = await getTopic();
    // A group of the same report is one item: its earliest report.
    const { listed: articles } = await getDigest();
    return feedResponse(format, {
      title: topic.title,
      description: topic.description,
      language: topic.language,
      site: site!,
      url,
      articles,
      count: feedLength(topic),
    });
  };
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

/** The route answering a named listing's feed in one format, titled and described by these interface strings. */
export function listingFeedRoute(format: FeedFormat, title: UiKey, description: UiKey): APIRoute<ListingFeedProps> {
  return async ({ site, url, props }) => {
    const topic = await getTopic();
    const { t } = await getTranslator();
    const params = { digest: topic.title, name: props.name };
    return feedResponse(format, {
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
