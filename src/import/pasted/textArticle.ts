import { ImportError } from '../importError.ts';
import type { ImportedArticle } from '../importedArticle.ts';
import type { ImportOptions } from '../importOptions.ts';
import type { RawArticle } from './rawText.ts';
import { expandOutletInitials } from './rawTextLines.ts';

export type TextArticleOptions = Pick<
  ImportOptions,
  'source' | 'sourceUrl' | 'url' | 'authors' | 'tags' | 'date' | 'lang'
>;

/**
 * A pasted article completed by the options, which describe this one article and so override
 * what the text seemed to say. Stops, naming the option to pass, when the date or the outlet is
 * still unknown. `notes` tells what the importer read but could not record.
 */
export function articleFromRawText(
  raw: RawArticle,
  options: TextArticleOptions,
): { article: ImportedArticle; notes: string[] } {
  const date = options.date ?? raw.day;
  if (!date && raw.yearlessDate) {
    throw new ImportError(
      `gives its date as "${raw.yearlessDate.text}", without a year (pass --date YYYY-MM-DD with the full date)`,
      `line ${raw.yearlessDate.line}`,
    );
  }
  if (!date) throw new ImportError('has no date near the top of the text (pass --date YYYY-MM-DD)');
  const source = options.source ?? raw.outlet;
  if (!source) throw new ImportError('does not say which outlet published it (pass --source "Outlet name")');
  const notes: string[] = [];
  const credit = raw.image?.credit && expandOutletInitials(raw.image.credit, source);
  if (credit && !raw.image?.alt) {
    notes.push(
      `photo credit "${credit}" found but no caption describing the photo, so no image is recorded (add image.alt and image.credit by hand)`,
    );
  }
  const article: ImportedArticle = {
    title: raw.title,
    date,
    source: { name: source, url: options.sourceUrl },
    authors: options.authors.length > 0 ? options.authors : raw.authors,
    tags: options.tags,
    image: raw.image?.alt ? { alt: raw.image.alt, credit } : undefined,
    lang: options.lang,
    canonical: options.url,
    body: raw.body,
  };
  return { article, notes };
}
