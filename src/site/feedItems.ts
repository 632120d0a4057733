import type { RSSFeedItem } from '@astrojs/rss';
import type { ArticleEntry } from '../content/articles.ts';
import { absolutizeHtml } from '../content/articleHtml.ts';
import { publicationInstant } from '../lib/dates.ts';

/** The RSS item for an article: its excerpt as description and its full HTML as `content:encoded`. */
export function articleFeedItem(
  article: ArticleEntry,
  articleUrl: string,
  text: { excerpt: string; html: string },
): RSSFeedItem {
  const { data } = article;
  return {
    title: data.title,
    link: articleUrl,
    pubDate: publicationInstant(data.date),
    description: text.excerpt,
    content: absolutizeHtml(text.html, articleUrl),
    categories: data.tags,
    ...(data.authors.length > 0 && {
      customData: `<dc:creator><![CDATA[${data.authors.join(', ').replace(/]]>/g, ']]&gt;')}]]></dc:creator>`,
    }),
    source: { title: data.source.name, url: data.canonical ?? data.source.url ?? articleUrl },
  };
}
