/**
 * What the article loader derives from each article file, kept on disk beside Astro's content
 * store rather than in it: Astro compiles its whole store into the build as one JavaScript
 * string, so every byte stored there is parsed again by every build (30 s at 10,000 articles
 * when it held the bodies and their HTML). Files here are named by the digest of the article
 * file they come from, so an unchanged article is never rendered twice and a changed one can
 * never be served stale.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SearchDocument } from '../lib/searchDocument.ts';
import type { SearchEntry } from '../lib/searchShards.ts';

/** The folder inside Astro's cache directory. */
export function articleCacheDirectory(cacheDir: URL): string {
  return fileURLToPath(new URL('dossier-articles/', cacheDir));
}

const htmlFile = (directory: string, digest: string) => `${directory}${digest}.html`;
const MANIFEST = 'search-manifest.json';

/** What the loader keeps for one article. */
export interface DerivedArticle {
  /** The body as published: rendered and sanitized. */
  html: string;
  /** What the search index holds for it, or nothing for a draft (which is never indexed). */
  searchDocument: SearchDocument | undefined;
}

export async function writeDerivedArticle(directory: string, digest: string, derived: DerivedArticle): Promise<void> {
  await writeFile(htmlFile(directory, digest), derived.html);
  if (derived.searchDocument) await writeFile(searchDocumentFile(directory, digest), derived.searchDocument.content);
}

export async function readArticleHtml(directory: string, digest: string): Promise<string> {
  return readFile(htmlFile(directory, digest), 'utf8');
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
  const stale = names.filter((name) => name !== MANIFEST && !keep.has(name.slice(0, name.indexOf('.'))));
  await Promise.all(stale.map((name) => rm(`${directory}${name}`, { force: true })));
}

/** Records which articles the search index holds: the published ones, in the order of their files. */
export async function writeSearchManifest(directory: string, entries: readonly SearchEntry[]): Promise<void> {
  await writeFile(`${directory}${MANIFEST}`, JSON.stringify(entries));
}

export async function readSearchManifest(directory: string): Promise<SearchEntry[]> {
  return JSON.parse(await readFile(`${directory}${MANIFEST}`, 'utf8')) as SearchEntry[];
}

/** The file holding an article's search document, an HTML page (see `src/lib/searchDocument.ts`). */
export function searchDocumentFile(directory: string, digest: string): string {
  return `${directory}${digest}.search.html`;
}
