/**
 * What the "Who's who" pages show of each entity, from what the content sync found in each
 * article: one pass over the articles, never a scan of their text.
 */
import { findMentions, type MentionMatcher } from './mentionMatcher.ts';

/** What an article carries about the entities it names (see `articleMentions`). */
interface NamingArticle {
  data: { about: readonly string[]; mentions: readonly string[] };
}

/** The articles naming one entity, and the entities named most often beside it. */
export interface EntityArticles<T> {
  /** In the order given (newest first, as every listing). */
  articles: T[];
  /** The other entities named in the same articles, most often first, with the number of those articles. */
  together: { slug: string; count: number }[];
}

/** How many companions an entity page shows. */
export const TOGETHER_COUNT = 5;

/** Every entity's articles and companions, by slug; an entity no article names has none. */
export function groupByEntity<T extends NamingArticle>(
  articles: readonly T[],
  slugs: readonly string[],
): Map<string, EntityArticles<T>> {
  const groups = new Map(slugs.map((slug) => [slug, { articles: [] as T[], pairs: new Map<string, number>() }]));
  for (const article of articles) {
    const named = [...new Set([...article.data.about, ...article.data.mentions])].filter((slug) => groups.has(slug));
    for (const slug of named) {
      const group = groups.get(slug)!;
      group.articles.push(article);
      for (const other of named) if (other !== slug) group.pairs.set(other, (group.pairs.get(other) ?? 0) + 1);
    }
  }
  return new Map(
    [...groups].map(([slug, { articles: named, pairs }]) => [
      slug,
      {
        articles: named,
        together: [...pairs]
          .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
          .slice(0, TOGETHER_COUNT)
          .map(([other, count]) => ({ slug: other, count })),
      },
    ]),
  );
}

/** Timeline entries whose text names each entity, by slug, in the order given. */
export function entriesNaming<E extends { text: string; lang?: string | undefined }>(
  entries: readonly E[],
  matcher: MentionMatcher,
): Map<string, E[]> {
  const bySlug = new Map<string, E[]>();
  for (const entry of entries) {
    for (const slug of findMentions(matcher, entry.text, entry.lang).keys()) {
      const named = bySlug.get(slug) ?? [];
      named.push(entry);
      bySlug.set(slug, named);
    }
  }
  return bySlug;
}
