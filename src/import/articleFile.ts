import { Document, Scalar } from 'yaml';
import type { ImportedArticle } from './importedArticle.ts';

/** The frontmatter in the order editors read it, leaving out what the importer could not determine. */
function frontmatterOf(article: ImportedArticle): Record<string, unknown> {
  const { title, date, updated, source, authors, tags, summary, image, lang, canonical, events } = article;
  return {
    title,
    date,
    ...(updated && { updated }),
    source: { name: source.name, ...(source.url && { url: source.url }) },
    ...(authors.length > 0 && { authors }),
    ...(summary && { summary }),
    ...(tags.length > 0 && { tags }),
    ...(image && {
      image: { ...(image.src && { src: image.src }), alt: image.alt, ...(image.credit && { credit: image.credit }) },
    }),
    ...(lang && { lang }),
    ...(canonical && { canonical }),
    ...(events && events.length > 0 && { events }),
  };
}

/**
 * An article file: YAML frontmatter, then the Markdown body. The date is always quoted so that
 * no YAML reader turns it into a timestamp in its own time zone.
 */
export function articleFileText(article: ImportedArticle): string {
  const frontmatter = new Document(frontmatterOf(article));
  (frontmatter.get('date', true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  if (article.updated) (frontmatter.get('updated', true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  // Event dates are quoted for the same reason: `2019-03-05` must stay a calendar date.
  for (const index of article.events?.keys() ?? [])
    (frontmatter.getIn(['events', index, 'date'], true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  return `---\n${frontmatter.toString({ lineWidth: 0 })}---\n\n${article.body.trim()}\n`;
}
