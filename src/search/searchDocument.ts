/**
 * What the search index holds for an article, built from the article itself rather than from its
 * built page, so that Pagefind can index while Astro is still rendering the pages instead of
 * after the last one is written. It is the one place that says what search sees of an article
 * (the article page carries no Pagefind markup): headline, standfirst and text indexed, with
 * headings weighted and anchored as on the page (the same HTML); title, date, source and image as
 * metadata; tag, source, year and entity as filters; date to sort by.
 */
import type { ArticleData } from '../content/articleSchema.ts';
import { escapeHtml } from '../lib/escapeHtml.ts';
import { languageAttributes } from '../i18n/languageTags.ts';
import { imageAddress } from '../lib/urls.ts';
import { searchDocumentUrl } from './searchFiles.ts';

/** An HTML document in the shape Pagefind's `addHTMLFile` takes. */
export interface SearchDocument {
  /** The page's address below the site's base path, as Pagefind derives it from a built file. */
  url: string;
  content: string;
}

export interface SearchDocumentInput {
  slug: string;
  data: ArticleData;
  /** The article's published HTML (the page's `.prose`). */
  html: string;
  /** The names of the topic's entities the article is about or mentions. */
  entities: readonly string[];
  /** The language of articles that do not name their own: the topic's. */
  topicLanguage: string;
  /** The site's base path (`/` or `/digests/huawei/`). */
  base: string;
}

export function articleSearchDocument({
  slug,
  data,
  html,
  entities,
  topicLanguage,
  base,
}: SearchDocumentInput): SearchDocument {
  const day = data.date.day;
  const source = escapeHtml(data.source.name);
  // An article in another language than the digest's: results show its title and excerpt with its `lang` and `dir`.
  const languageMeta = Object.entries(languageAttributes(data.lang, topicLanguage)).map(
    ([name, value]) => `<span data-pagefind-meta="${name}:${escapeHtml(value)}"></span>`,
  );
  const markup = [
    `<!doctype html><html lang="${escapeHtml(data.lang ?? topicLanguage)}"><body><article data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(data.title)}</h1>`,
    data.summary ? `<p>${escapeHtml(data.summary)}</p>` : '',
    `<div data-pagefind-ignore><span data-pagefind-meta="source" data-pagefind-filter="source">${source}</span><span data-pagefind-meta="date:${day}"></span>${languageMeta.join('')}</div>`,
    `<span data-pagefind-filter="year:${day.slice(0, 4)}"></span><span data-pagefind-sort="date:${day}"></span>`,
    ...data.tags.map((tag) => `<span data-pagefind-filter="tag:${escapeHtml(tag)}"></span>`),
    ...entities.map((name) => `<span data-pagefind-filter="entity:${escapeHtml(name)}"></span>`),
    data.image?.src
      ? `<div data-pagefind-ignore><img src="${escapeHtml(imageAddress(data.image.src, base))}" alt="${escapeHtml(data.image.alt)}" data-pagefind-meta="image[src], image_alt[alt]"></div>`
      : '',
    `<div>${html}</div>`,
    '</article></body></html>',
  ];
  return { url: searchDocumentUrl(slug), content: markup.join('') };
}
