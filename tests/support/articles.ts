import { articleSchema } from '../../src/content/articleSchema.ts';
import type { ArticleEntry } from '../../src/content/articles.ts';

/** An article entry as the content layer would hand it over, from frontmatter written as an editor would. */
export function makeArticle(id: string, frontmatter: Record<string, unknown>, body = 'Some text.'): ArticleEntry {
  return { id, data: articleSchema.parse({ source: { name: 'Example News' }, ...frontmatter }), body };
}
