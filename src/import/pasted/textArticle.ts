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
 * still unknown, or the text names different writers in two bylines: what it cannot settle is
 * reported, never guessed. `notes` tells what the importer read but could not record.
 */
export function articleFromRawText(
  raw: RawArticle,
  options: TextArticleOptions,
): { article: ImportedArticle; notes: string[] } {
  const date = options.date ?? raw.day;
  if (!date) throw missingDate(raw);
  if (raw.bylines && options.authors.length === 0) {
    const named = raw.bylines.map((byline) => `${byline.authors.join(', ')} (line ${byline.line})`).join(' and ');
    throw new ImportError(
      `names different writers at the top, ${named} (pass --author for each of the article's authors)`,
    );
  }
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
    authors: options.authors.length > 0 ? options.authors : writersBesides(raw.authors, source),
    tags: options.tags,
    image: raw.image?.alt ? { alt: raw.image.alt, credit } : undefined,
    lang: options.lang ?? raw.language,
    canonical: options.url,
    body: raw.body,
  };
  return { article, notes };
}

/** Why a text has no date the importer can record, and the option that gives one. */
function missingDate(raw: RawArticle): ImportError {
  if (raw.ambiguousDate) {
    const { text, line, readings } = raw.ambiguousDate;
    return new ImportError(
      `gives its date as "${text}", which is ${readings['month-first']} read month first and ${readings['day-first']} read day first (pass --day-first, or --date YYYY-MM-DD)`,
      `line ${line}`,
    );
  }
  if (raw.relativeDate) {
    return new ImportError(
      `gives its date as "${raw.relativeDate.text}", counted from a day the text does not show (pass --date YYYY-MM-DD with the day it was published)`,
      `line ${raw.relativeDate.line}`,
    );
  }
  if (raw.yearlessDate) {
    return new ImportError(
      `gives its date as "${raw.yearlessDate.text}", without a year (pass --date YYYY-MM-DD with the full date)`,
      `line ${raw.yearlessDate.line}`,
    );
  }
  return new ImportError('has no date near the top of the text (pass --date YYYY-MM-DD)');
}

/** Compared as names are: case, spacing and a leading "The" set aside. */
const comparable = (name: string) =>
  name
    .toLocaleLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The writers a byline names, without the outlet it may name beside them ("Ann Example, Bob
 * Example and Cid Example, Example News"): an outlet credited as its own author is no author.
 */
function writersBesides(authors: readonly string[], outlet: string): string[] {
  const name = comparable(outlet);
  return authors.flatMap((author) => {
    const writer = comparable(author);
    if (writer === name) return [];
    if (writer.endsWith(` ${name}`)) {
      const rest = author.slice(0, author.length - outlet.replace(/^the\s+/i, '').length);
      return [rest.replace(/[\s,|]+(?:the\s*)?$/i, '').trim()];
    }
    return [author];
  });
}
