import { findBrokenArticleLinks } from './articleLinks.ts';
import { ContentError } from './contentErrors.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { validateArticleFile, type ValidArticle } from './validateArticle.ts';
import { findEntity, namesOf, type EntityIndex } from '../entities/entities.ts';
import { closestSpelling } from '../lib/spelling.ts';

/** An article file as read from disk: its path as the editor knows it, and its bytes. */
export interface ArticleFile {
  path: string;
  /** The path below the articles folder, which gives the article its URL. */
  name: string;
  bytes: Uint8Array;
}

export interface CheckedArticle extends ValidArticle {
  path: string;
  slug: string;
}

/**
 * Checks a digest's articles, each on its own and against each other (two files wanting one URL,
 * links to articles that do not exist), and returns the good ones with every problem found.
 * The build and `npm run check` both go through here, so they agree on what is wrong.
 * `unchanged` gives what an earlier check of the very same file and code found, to skip reading
 * it again; links are checked across all files every time.
 */
export function checkArticles(
  files: readonly ArticleFile[],
  siteOrigin: string,
  entityIndex: EntityIndex,
  unchanged: (file: ArticleFile, slug: string) => ValidArticle | undefined = () => undefined,
): { articles: CheckedArticle[]; problems: ContentError[] } {
  const problems: ContentError[] = [];
  const articles: CheckedArticle[] = [];
  const pathBySlug = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { path, name, bytes } = file;
    const slug = articleSlugFromPath(name);
    if (!slug) {
      problems.push(
        new ContentError(path, 'has a file name with no letters or digits to make a URL from (rename the file)'),
      );
      continue;
    }
    const owner = pathBySlug.get(slug);
    if (owner) {
      problems.push(
        new ContentError(
          path,
          `wants the URL /articles/${slug}/, which ${owner} already has (rename one of the two files)`,
        ),
      );
      continue;
    }
    pathBySlug.set(slug, path);
    const article = unchanged(file, slug) ?? validateArticleFile(path, bytes);
    if (Array.isArray(article)) problems.push(...article);
    else {
      const unknown = unknownEntities(path, article, entityIndex);
      if (unknown.length > 0) problems.push(...unknown);
      else articles.push({ ...article, path, slug });
    }
  }
  const links = findBrokenArticleLinks(
    articles.map(({ path, body }) => ({ file: path, body })),
    new Set(pathBySlug.keys()),
    siteOrigin,
  );
  const stories = articles.flatMap((article) => unknownStoryArticles(article, pathBySlug));
  return { articles, problems: [...problems, ...links, ...stories] };
}

/** Slugs an article's `sameReportAs` or `notSameReportAs` names that are no article (a typo, a renamed file) or itself. */
function unknownStoryArticles(article: CheckedArticle, pathBySlug: ReadonlyMap<string, string>): ContentError[] {
  const { sameReportAs, notSameReportAs } = article.data;
  const fields = [
    ['sameReportAs', sameReportAs],
    ['notSameReportAs', notSameReportAs === true ? [] : (notSameReportAs ?? [])],
  ] as const;
  const slugs = [...pathBySlug.keys()];
  return fields.flatMap(([field, named]) =>
    named.flatMap((slug, position) => {
      const where = `field "${field}[${position}]" "${slug}"`;
      if (slug === article.slug)
        return [new ContentError(article.path, `${where} is this article itself (name other articles, or remove it)`)];
      if (pathBySlug.has(slug)) return [];
      const suggestion = closestSpelling(slug, slugs);
      const fix = suggestion ? `did you mean "${suggestion}"?` : 'use the file name of an article, without ".md"';
      return [new ContentError(article.path, `${where} names no article (${fix})`)];
    }),
  );
}

/** Entities an article adds or excludes by hand that the topic does not name: a typo would otherwise silently do nothing. */
function unknownEntities(path: string, article: ValidArticle, index: EntityIndex): ContentError[] {
  const { entities } = index;
  const names = entities.flatMap(namesOf);
  return (['add', 'exclude'] as const).flatMap((list) =>
    article.data.entities[list].flatMap((name, position) => {
      if (findEntity(index, name)) return [];
      const suggestion = closestSpelling(name, names);
      const fix = suggestion
        ? `did you mean "${suggestion}"?`
        : names.length > 0
          ? `the topic's entities are: ${entities.map((entity) => entity.name).join(', ')}`
          : 'the topic file lists no entities';
      return [
        new ContentError(
          path,
          `field "entities.${list}[${position}]" "${name}" is not an entity of the topic (${fix}; entities are listed in topic.md)`,
        ),
      ];
    }),
  );
}
