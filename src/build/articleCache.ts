/**
 * What the content sync derives from each article file, kept on disk beside Astro's content
 * store rather than in it: Astro compiles its whole store into the build as one JavaScript
 * string, so every byte stored there is parsed again by every build (30 s at 10,000 articles
 * when it held the bodies and their HTML). Files here are named by the digest of the article
 * file they come from, so an unchanged article is never rendered twice and a changed one can
 * never be served stale. The folder is `BuildPaths.articleCache`.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { ArticleMentions } from '../entities/articleMentions.ts';

/** The file in which the content sync lists the searchable articles for the search build, oldest file first. */
const SEARCH_MANIFEST_FILE = 'search-manifest.json';

/** An article in the search index, as the content sync lists them for the search build. */
export interface SearchEntry {
  /** Its page's address below the base path, as Pagefind derives it from a built page. */
  url: string;
  /** The digest its search document is kept under. */
  digest: string;
  /** Its publication day, `YYYY-MM-DD`. */
  day: string;
}

/**
 * The digest an article is stored under in the content store: its file's, followed by its kept
 * photo's file when it has one, so that a photo kept by a later build (or lost) stores the article
 * again and renders the pages showing it, while its files here, named by the file's digest alone,
 * stay. `storyKey` names the same-report group it is in, for the same reason: pages showing it list
 * the group. Pages hand either digest to the readers below.
 */
export function storedDigest(fileDigest: string, photoFile: string | undefined, storyKey?: string): string {
  return [fileDigest, photoFile, storyKey].filter(Boolean).join('~');
}

/** The digest of an article's file, from the digest it is stored under. */
export function fileDigestOf(digest: string): string {
  return digest.split('~', 1)[0]!;
}

const htmlFile = (directory: string, digest: string) => `${directory}${fileDigestOf(digest)}.html`;
const mentionsFile = (directory: string, digest: string) => `${directory}${fileDigestOf(digest)}.mentions.json`;
const reportFile = (directory: string, digest: string) => `${directory}${fileDigestOf(digest)}.report.bin`;

/** What the content sync keeps for one article. */
export interface DerivedArticle {
  /** The body as published: rendered and sanitized. */
  html: string;
  /** The HTML page the search index holds for it, or nothing for a draft (which is never indexed). */
  searchDocument: string | undefined;
  /** The topic's entities it names, with the sentence of each one's first mention. */
  mentions: ArticleMentions;
  /** Its text's report fingerprint, as `src/stories/` encodes it: what same-report grouping reads. */
  report: Uint8Array;
}

export async function writeDerivedArticle(directory: string, digest: string, derived: DerivedArticle): Promise<void> {
  await writeFile(mentionsFile(directory, digest), JSON.stringify(derived.mentions));
  await writeFile(reportFile(directory, digest), derived.report);
  if (derived.searchDocument) await writeFile(searchDocumentFile(directory, digest), derived.searchDocument);
  // Written last: the HTML file is what marks the article as cached (see `cachedDigests`).
  await writeFile(htmlFile(directory, digest), derived.html);
}

export async function readArticleHtml(directory: string, digest: string): Promise<string> {
  return readFile(htmlFile(directory, digest), 'utf8');
}

export async function readArticleMentions(directory: string, digest: string): Promise<ArticleMentions> {
  return JSON.parse(await readFile(mentionsFile(directory, digest), 'utf8')) as ArticleMentions;
}

export async function readArticleReport(directory: string, digest: string): Promise<Uint8Array> {
  return readFile(reportFile(directory, digest));
}

/** The digests that have their HTML in the cache: one directory listing instead of a check per article. */
export async function cachedDigests(directory: string): Promise<Set<string>> {
  await mkdir(directory, { recursive: true });
  const names = await readdir(directory);
  return new Set(names.filter((name) => /^[^.]+\.html$/.test(name)).map((name) => name.slice(0, -'.html'.length)));
}

/** Removes what no current article needs any more, so the cache does not grow with every edit. */
export async function pruneDerivedArticles(directory: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(directory);
  const stale = names.filter((name) => name !== SEARCH_MANIFEST_FILE && !keep.has(name.slice(0, name.indexOf('.'))));
  await Promise.all(stale.map((name) => rm(`${directory}${name}`, { force: true })));
}

/** Records which articles the search index holds: the published ones, in the order of their files. */
export async function writeSearchManifest(directory: string, entries: readonly SearchEntry[]): Promise<void> {
  await writeFile(`${directory}${SEARCH_MANIFEST_FILE}`, JSON.stringify(entries));
}

/** The searchable articles of the last content sync; the search build runs after it. */
export async function readSearchManifest(directory: string): Promise<SearchEntry[]> {
  const text = await readFile(`${directory}${SEARCH_MANIFEST_FILE}`, 'utf8').catch(() => {
    throw new Error(
      `Search index: no list of articles in ${directory}: the content sync must run before the search build`,
    );
  });
  return JSON.parse(text) as SearchEntry[];
}

/** The file in which the content sync lists published articles' `updated` dates, for the sitemap. */
const UPDATES_FILE = 'article-updates.json';

/** Records each published article's `updated` date (RFC 3339, or a day) by slug: the sitemap's `<lastmod>`. */
export async function writeArticleUpdates(directory: string, updates: Record<string, string>): Promise<void> {
  await writeFile(`${directory}${UPDATES_FILE}`, JSON.stringify(updates));
}

/** The `updated` dates of the last content sync, by slug; none before a sync wrote them. */
export async function readArticleUpdates(directory: string): Promise<Record<string, string>> {
  const text = await readFile(`${directory}${UPDATES_FILE}`, 'utf8').catch(() => '{}');
  return JSON.parse(text) as Record<string, string>;
}

/** The file holding an article's search document. */
export function searchDocumentFile(directory: string, digest: string): string {
  return `${directory}${digest}.search.html`;
}
