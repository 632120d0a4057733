/** The article file of an item a followed feed brought: the importer's file, with where it came from. */
import { Document } from 'yaml';
import { articleFileText } from '../import/articleFile.ts';
import type { ImportedArticle } from '../import/importedArticle.ts';

/** The article's `followed` field: the feed as the topic lists it, the item's id in it, and the rule that kept it. */
export interface FollowedOrigin {
  feed: string;
  item: string;
  rule: string;
}

/**
 * The importer's article file with `draft: true` (unless the source is published without review)
 * and `followed` added at the end of its frontmatter, where the review queue reads them.
 */
export function followedArticleText(article: ImportedArticle, followed: FollowedOrigin, draft: boolean): string {
  const text = articleFileText(article);
  // The frontmatter's closing fence: YAML never writes `---` at the start of a line inside a document.
  const fence = text.indexOf('\n---\n', 3) + 1;
  const fields = new Document({ ...(draft && { draft: true }), followed }).toString({ lineWidth: 0 });
  return `${text.slice(0, fence)}${fields}${text.slice(fence)}`;
}
