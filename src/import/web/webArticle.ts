import { ImportError } from '../importError.ts';
import type { ImportedArticle } from '../importedArticle.ts';
import type { ImportOptions } from '../importOptions.ts';
import type { WebPageArticle } from './webPage.ts';

export type WebArticleOptions = Pick<ImportOptions, 'source' | 'sourceUrl' | 'url' | 'authors' | 'tags' | 'date'>;

/**
 * A web page's article completed by the options: they describe this one article, so they
 * override what the page says (`--date` only dates a page that gives no date). Stops, naming
 * the option to pass, when the date or the outlet is still unknown, or the page shows bylines
 * that nothing chooses between.
 */
export function articleFromWebPage(page: WebPageArticle, options: WebArticleOptions): ImportedArticle {
  if (page.ambiguousAuthors && options.authors.length === 0) {
    const bylines = page.ambiguousAuthors.map((names) => `"${names.join(', ')}"`).join(' and ');
    throw new ImportError(
      `shows ${page.ambiguousAuthors.length} bylines, ${bylines} (pass --author "Name" for each author)`,
    );
  }
  if (page.ambiguousDate && !options.date)
    throw new ImportError(
      `shows its date as "${page.ambiguousDate}", which reads as two days, day or month first (pass --date YYYY-MM-DD)`,
    );
  const date = page.date ?? options.date;
  if (!date) throw new ImportError('gives no publication date in its metadata or its text (pass --date YYYY-MM-DD)');
  const canonical = options.url ?? page.canonical;
  const source = options.source ?? page.outlet;
  if (!source) throw new ImportError('does not say which outlet published it (pass --source "Outlet name")');
  if (!page.body)
    throw new ImportError(
      'has no article text that could be found (save the article page itself, or paste its text instead)',
    );
  return {
    title: page.title,
    date,
    ...(page.updated && page.updated.slice(0, 10) > date.slice(0, 10) && { updated: page.updated }),
    source: { name: source, url: options.sourceUrl ?? (canonical ? new URL('/', canonical).href : undefined) },
    authors: options.authors.length > 0 ? options.authors : page.authors,
    tags: options.tags,
    summary: page.summary,
    image: page.image,
    lang: page.lang,
    canonical,
    body: page.body,
  };
}
