import rss from '@astrojs/rss';
import type { Article } from '../siteData.ts';
import { articleFeedItem } from '../lib/feedItems.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

/** An RSS 2.0 response listing the newest `count` of `articles`. */
export function feedResponse(options: { title: string; description: string; language: string; site: URL; articles: Article[]; count: number }) {
  return rss({
    title: options.title,
    description: options.description,
    site: absoluteUrl('/', options.site),
    items: options.articles.slice(0, options.count).map((article) => articleFeedItem(article, absoluteUrl(articlePath(article.id), options.site))),
    customData: `<language>${options.language}</language>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
  });
}
