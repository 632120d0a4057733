import type { CalendarDate } from '../lib/dates.ts';
import type { FrontmatterEvent } from '../events/eventExtraction.ts';

/**
 * An article the importer has read and is about to write: the frontmatter fields it could
 * determine, and the body as Markdown. The schema checks the written file, not this.
 */
export interface ImportedArticle {
  title: string;
  /** `YYYY-MM-DD`, or a date-time at the publisher's offset as a feed gave it. */
  date: string;
  /** When the source last changed it, in the same forms as `date`. */
  updated?: string | undefined;
  source: { name: string; url?: string | undefined };
  authors: string[];
  tags: string[];
  summary?: string | undefined;
  image?: { src?: string | undefined; alt: string; credit?: string | undefined } | undefined;
  lang?: string | undefined;
  canonical?: string | undefined;
  /** Dated events found in the text, when the editor asked for them (`--events`). */
  events?: FrontmatterEvent[] | undefined;
  body: string;
}

/** The day an article was published, whichever form its date takes. */
export function publicationDay(article: Pick<ImportedArticle, 'date'>): CalendarDate {
  return article.date.slice(0, 10);
}
