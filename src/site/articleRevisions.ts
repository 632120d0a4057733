/**
 * What changed in an updated article since its previous published version, for its page: the
 * newest of its earlier versions kept in `content/revisions/<slug>/` (see `revisions/revisionFiles.ts`)
 * compared with the article file as it is. Read at render, for the few articles that have an
 * `updated` date and an earlier version; an update rewrites the article file, so the page's cache
 * key, made from the article's digest, changes with it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import build from 'virtual:dossier/build';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { revisionChanges, type RevisionChanges } from '../revisions/revisionDiff.ts';
import { newestRevision } from '../revisions/revisionFiles.ts';

let filesBySlug: Promise<Map<string, string>> | undefined;

/** Every article file by its slug: listed once per build, and only when an updated article asks. */
function articleFile(slug: string): Promise<string | undefined> {
  const folder = build.articlesDirectory;
  filesBySlug ??= readdir(folder, { recursive: true }).then(
    (names) =>
      new Map(
        names
          .filter((name) => name.endsWith('.md'))
          .map((name) => [articleSlugFromPath(name.replaceAll('\\', '/')), join(folder, name)]),
      ),
  );
  return filesBySlug.then((files) => files.get(slug));
}

/** What changed since the article's previous published version; `undefined` when it has none or nothing shows. */
export async function getArticleChanges(article: {
  id: string;
  data: { title: string; lang?: string | undefined; updated?: unknown };
}): Promise<RevisionChanges | undefined> {
  if (!article.data.updated) return undefined;
  const previous = await newestRevision(dirname(build.articlesDirectory), article.id);
  const file = previous && (await articleFile(article.id));
  if (!previous || !file) return undefined;
  const before = parseMarkdownFile(previous.text);
  const now = parseMarkdownFile(await readFile(file, 'utf8'));
  const title = typeof before.frontmatter['title'] === 'string' ? before.frontmatter['title'] : article.data.title;
  return revisionChanges(
    { title, body: before.body },
    { title: article.data.title, body: now.body },
    article.data.lang ?? build.topic.language,
  );
}
