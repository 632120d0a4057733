import { ContentError } from './contentErrors.ts';

/** Markdown links and images: `[text](target)`, `[text](<target>)`, and `[id]: target` definitions. */
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm;
const ARTICLE_PATH = /^(?:[a-z]+:\/\/[^/]+)?(?:\/[^?#]*)?\/articles\/([^/?#]+)\/?(?:[?#].*)?$/i;

/** The slugs of the digest's articles that a Markdown body links to, as `/articles/<slug>/`. */
export function linkedArticleSlugs(body: string, siteOrigin: string): string[] {
  const slugs: string[] = [];
  for (const match of body.matchAll(LINK)) {
    const target = match[1] ?? match[2]!;
    if (/^[a-z]+:\/\//i.test(target) && !target.startsWith(siteOrigin)) continue;
    const slug = ARTICLE_PATH.exec(target)?.[1];
    if (slug) slugs.push(decodeURIComponent(slug));
  }
  return slugs;
}

/** One error for every link from an article to an article the digest does not have. */
export function findBrokenArticleLinks(
  articles: { file: string; body: string }[],
  knownSlugs: ReadonlySet<string>,
  siteOrigin: string,
): ContentError[] {
  return articles.flatMap(({ file, body }) =>
    linkedArticleSlugs(body, siteOrigin)
      .filter((slug) => !knownSlugs.has(slug))
      .map(
        (slug) =>
          new ContentError(
            file,
            `links to /articles/${slug}/, which no article has (fix the link, or add the article)`,
          ),
      ),
  );
}
