/** What a build wrote, measured the way a reader's browser and a host would see it. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface OutputFigures {
  files: number;
  /** HTML files: every page a reader can open. */
  pages: number;
  distBytes: number;
  /** The search index: Pagefind's folder without its bundled UI scripts and styles. */
  searchIndexBytes: number;
  articlePages: number;
  /** The median article page, as written and as gzip sends it. */
  articleHtmlBytes: number;
  articleHtmlGzipBytes: number;
  /** Stylesheets that median page links, gzip. */
  articleCssGzipBytes: number;
  /** Scripts the median page loads or inlines (JSON-LD is data, not script). */
  articleJsBytes: number;
  largestPage: { path: string; bytes: number };
  /** HTML pages larger than the budget. */
  pagesOverBudget: number;
}

/** The most HTML one page may hold at any digest size (issue 7). */
export const PAGE_BUDGET_BYTES = 200 * 1024;

async function listFiles(directory: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, bytes: (await stat(path)).size })));
}

/** Pagefind copies its UI bundles into the index folder; they are the same for one page or a million. */
const PAGEFIND_UI = /^pagefind(-[a-z-]+)?\.(js|css)$|^pagefind-entry\.json$/;

function isSearchIndexFile(path: string): boolean {
  return !PAGEFIND_UI.test(path.split('/').at(-1)!);
}

const gzipBytes = (content: Buffer | string) => gzipSync(content).length;

/** Local paths a page loads with `attribute` on tags matching `tag`, resolved inside dist. */
function linkedPaths(html: string, tag: RegExp, base: string): string[] {
  return [...html.matchAll(tag)]
    .map((match) => match[1]!)
    .filter((href) => href.startsWith(base))
    .map((href) => href.slice(base.length));
}

async function assetBytes(dist: string, paths: string[]): Promise<Buffer[]> {
  return Promise.all(paths.map((path) => readFile(join(dist, path))));
}

const STYLESHEET = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g;
const SCRIPT_SOURCE = /<script[^>]*\ssrc="([^"]+)"/g;
const INLINE_SCRIPT = /<script(?![^>]*(?:\ssrc=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** Measures `dist` after a build; `base` is the site's base path ("/" for the benchmark). */
export async function measureOutput(dist: string, base = '/'): Promise<OutputFigures> {
  const files = (await listFiles(dist)).map((file) => ({ ...file, path: relative(dist, file.path) }));
  const pages = files.filter((file) => file.path.endsWith('.html'));
  const articles = pages
    .filter((file) => /^articles\/[^/]+\/index\.html$/.test(file.path))
    .sort((a, b) => a.bytes - b.bytes);
  const medianArticle = articles[Math.floor((articles.length - 1) / 2)];
  const html = medianArticle ? await readFile(join(dist, medianArticle.path), 'utf8') : '';
  const css = await assetBytes(dist, linkedPaths(html, STYLESHEET, base));
  const inlineCss = [...html.matchAll(INLINE_STYLE)].map((match) => match[1]!).join('');
  const scripts = await assetBytes(dist, linkedPaths(html, SCRIPT_SOURCE, base));
  const inlineScripts = [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1]!).join('');
  const largest = pages.reduce((max, page) => (page.bytes > max.bytes ? page : max), { path: '', bytes: 0 });
  return {
    files: files.length,
    pages: pages.length,
    distBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    searchIndexBytes: files
      .filter((file) => file.path.startsWith('pagefind/') && isSearchIndexFile(file.path))
      .reduce((sum, file) => sum + file.bytes, 0),
    articlePages: articles.length,
    articleHtmlBytes: medianArticle?.bytes ?? 0,
    articleHtmlGzipBytes: gzipBytes(html),
    articleCssGzipBytes: css.reduce((sum, sheet) => sum + gzipBytes(sheet), 0) + (inlineCss ? gzipBytes(inlineCss) : 0),
    articleJsBytes: scripts.reduce((sum, script) => sum + script.length, 0) + Buffer.byteLength(inlineScripts),
    largestPage: largest,
    pagesOverBudget: pages.filter((page) => page.bytes > PAGE_BUDGET_BYTES).length,
  };
}
