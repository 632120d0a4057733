import type { ArticleEntry } from '../content/articles.ts';
import { slugify } from '../lib/slugs.ts';

/** A tag or a source, with the articles filed under it (in the order given). */
export interface ArticleGroup<T extends ArticleEntry> {
  slug: string;
  name: string;
  articles: T[];
}

function groupBy<T extends ArticleEntry>(
  articles: readonly T[],
  keysOf: (article: T) => { slug: string; name: string }[],
): ArticleGroup<T>[] {
  const groups = new Map<string, ArticleGroup<T>>();
  for (const article of articles) {
    for (const { slug, name } of keysOf(article)) {
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { slug, name, articles: [] }));
      group.articles.push(article);
    }
  }
  return [...groups.values()].sort((a, b) => b.articles.length - a.articles.length || a.slug.localeCompare(b.slug));
}

/** Tags are stored as slugs; their display name spells the words out again. */
export function tagName(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/** Every tag with its articles, most used first. */
export function groupByTag<T extends ArticleEntry>(articles: readonly T[]): ArticleGroup<T>[] {
  return groupBy(articles, (article) => article.data.tags.map((slug) => ({ slug, name: tagName(slug) })));
}

export function sourceSlug(name: string): string {
  return slugify(name) || 'source';
}

/** Every source with its articles, most prolific first. */
export function groupBySource<T extends ArticleEntry>(articles: readonly T[]): ArticleGroup<T>[] {
  return groupBy(articles, (article) => [
    { slug: sourceSlug(article.data.source.name), name: article.data.source.name },
  ]);
}
