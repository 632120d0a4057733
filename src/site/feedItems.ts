/**
 * An article as every feed carries it, made once, then written as an RSS 2.0 item or a JSON Feed
 * 1.1 item: the two formats of one feed list the same articles with the same words.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { ArticleEntry } from '../content/articles.ts';
import type { ArticleData } from '../content/articleSchema.ts';
import { absolutizeHtml } from '../content/articleHtml.ts';
import { splitAround } from '../i18n/format.ts';
import type { Translator } from '../i18n/translate.ts';
import { publicationInstant } from '../lib/dates.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';

export interface ArticleFeedItem {
  title: string;
  /** The article's page on the site, absolute. */
  url: string;
  published: Date;
  updated: Date | undefined;
  /** The listing's summary (`excerpt`), as plain text. */
  summary: string;
  /** What the feed carries of the text, its links absolute: the whole article, or what an excerpt's page shows. */
  contentHtml: string;
  tags: string[];
  authors: string[];
  /** The article's language, when it is not the feed's. */
  language: string | undefined;
  source: { name: string; url: string };
  /** The original article, when the editor gave its address. */
  original: string | undefined;
}

/** An article's feed item. `html` is its published HTML, which for an excerpt is the excerpt's (see `articleText.ts`). */
export function articleFeedItem(
  article: ArticleEntry & { data: { excerpt: string; excerptOnly: boolean } },
  articleUrl: string,
  html: string,
  t: Translator['t'],
): ArticleFeedItem {
  const { data } = article;
  const content = data.excerptOnly ? excerptHtml(data, html, t) : html;
  return {
    title: data.title,
    url: articleUrl,
    published: publicationInstant(data.date),
    updated: data.updated && publicationInstant(data.updated),
    summary: data.excerpt,
    contentHtml: absolutizeHtml(content, articleUrl),
    tags: data.tags,
    authors: data.authors,
    language: data.lang,
    source: { name: data.source.name, url: data.canonical ?? data.source.url ?? articleUrl },
    original: data.canonical,
  };
}

/**
 * What a feed carries of an article published as an excerpt: what its page shows (the standfirst,
 * or the opening words), then the way to the full text at its outlet.
 */
function excerptHtml(data: ArticleData, html: string, t: Translator['t']): string {
  const standfirst = data.summary ? `<p>${escapeHtml(data.summary)}</p>` : '';
  const source = escapeHtml(data.source.name);
  const [before, after] = splitAround(t('article.excerptOf'), 'source');
  const onward = data.canonical
    ? `<a href="${escapeHtml(data.canonical)}">${escapeHtml(t('article.readFullAt', { source: data.source.name }))}</a>`
    : `${escapeHtml(before)}${data.source.url ? `<a href="${escapeHtml(data.source.url)}">${source}</a>` : source}${escapeHtml(after)}`;
  return `${standfirst}${html}<p>${onward}</p>`;
}

/** The RSS item: the summary as description and the text as `content:encoded`. */
export function rssItem(item: ArticleFeedItem): RSSFeedItem {
  return {
    title: item.title,
    link: item.url,
    pubDate: item.published,
    description: item.summary,
    content: item.contentHtml,
    categories: item.tags,
    ...((item.authors.length > 0 || item.updated) && {
      customData: [
        ...(item.authors.length > 0
          ? [`<dc:creator><![CDATA[${item.authors.join(', ').replace(/]]>/g, ']]&gt;')}]]></dc:creator>`]
          : []),
        // RSS 2.0 has no date of change; Atom's, in the namespace the feed already declares, is what readers take.
        ...(item.updated ? [`<atom:updated>${item.updated.toISOString()}</atom:updated>`] : []),
      ].join(''),
    }),
    source: { title: item.source.name, url: item.source.url },
  };
}

/** A JSON Feed 1.1 item. @see https://www.jsonfeed.org/version/1.1/#items-a-name-items-a */
export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  date_modified?: string;
  authors?: { name: string }[];
  tags?: string[];
  language?: string;
}

/**
 * The JSON Feed item: the page's address as its stable `id`, the original as `external_url`
 * (what JSON Feed has for a link to another site's article), dates in RFC 3339.
 */
export function jsonFeedItem(item: ArticleFeedItem): JsonFeedItem {
  return {
    id: item.url,
    url: item.url,
    ...(item.original && { external_url: item.original }),
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    date_published: item.published.toISOString(),
    ...(item.updated && { date_modified: item.updated.toISOString() }),
    ...(item.authors.length > 0 && { authors: item.authors.map((name) => ({ name })) }),
    ...(item.tags.length > 0 && { tags: item.tags }),
    ...(item.language && { language: item.language }),
  };
}

/** A JSON Feed 1.1 document. @see https://www.jsonfeed.org/version/1.1/#top-level-a-name-top-level-a */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

/** A feed as JSON Feed 1.1: the same articles, in the same order, as the RSS feed beside it. */
export function jsonFeed(feed: {
  title: string;
  description: string;
  language: string;
  homePageUrl: string;
  feedUrl: string;
  items: readonly ArticleFeedItem[];
}): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    description: feed.description,
    language: feed.language,
    items: feed.items.map(jsonFeedItem),
  };
}
