/**
 * An article's published HTML, as the article loader rendered it (see `articleCache.ts`). The
 * cache folder is handed to the built pages by the `articleHtml` integration.
 */
import { readArticleHtml } from './articleCache.ts';

const directory: string = import.meta.env.DOSSIER_ARTICLE_CACHE;

export function getArticleHtml(article: { id: string; digest?: string | number | undefined }): Promise<string> {
  if (article.digest === undefined) throw new Error(`Article ${article.id} has no digest: it was not stored by the article loader`);
  return readArticleHtml(directory, String(article.digest));
}
