import { spawn } from 'node:child_process';
import { copyFile, cp, link, mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindService from 'pagefind';
import { articleCacheDirectory, readSearchManifest, searchDocumentFile, type SearchEntry } from '../loaders/articleCache.ts';

/** Files placed at once, to overlap the file system's waits without opening thousands of files. */
const FILES_AT_ONCE = 64;

/**
 * Lays the articles' search documents out as a site (`articles/<slug>/index.html`), so Pagefind
 * derives the same URLs as from the built pages. Hard links cost no copying; the cache holds a
 * document under its digest and never rewrites it.
 */
async function layOutSearchSite(cacheDirectory: string, site: string, entries: readonly SearchEntry[]): Promise<void> {
  await rm(site, { recursive: true, force: true });
  for (let start = 0; start < entries.length; start += FILES_AT_ONCE) {
    await Promise.all(
      entries.slice(start, start + FILES_AT_ONCE).map(async ({ url, digest }) => {
        const folder = `${site}${url.slice(1)}`;
        await mkdir(folder, { recursive: true });
        const source = searchDocumentFile(cacheDirectory, digest);
        await link(source, `${folder}index.html`).catch(() => copyFile(source, `${folder}index.html`));
      }),
    );
  }
}

/**
 * Runs Pagefind's command-line indexer, which builds the same index as its Node API three times
 * faster (3 s against 10 s for 3,000 articles, measured): the Node API's service handles the
 * pages one message at a time. A failed run fails the build, since a site whose search is broken
 * must not be published.
 */
function runPagefind(site: string, outputPath: string): Promise<number> {
  const runner = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
  return new Promise((resolve, reject) => {
    // Run from the search site so that no pagefind.yml of the project changes what is indexed.
    const child = spawn(process.execPath, [runner, '--site', site, '--output-path', outputPath], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const indexed = /Indexed (\d+) pages?/.exec(output);
      if (code === 0 && indexed) resolve(Number(indexed[1]));
      else reject(new Error(`Search index: Pagefind failed (exit code ${code}):\n${output.trim()}`));
    });
  });
}

/** An index with no pages: Pagefind's command line refuses an empty site, but the search page still needs its bundle. */
async function writeEmptyIndex(outputPath: string): Promise<void> {
  try {
    const { errors, index } = await pagefindService.createIndex({});
    const written = errors.length > 0 ? { errors } : await index!.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Search index: writing an empty index failed:\n  ${written.errors.join('\n  ')}`);
  } finally {
    await pagefindService.close();
  }
}

/** Builds the whole index from the article loader's search documents into `outputPath`. */
async function buildSearchIndex(cacheDirectory: string, staging: string): Promise<number> {
  const entries = await readSearchManifest(cacheDirectory);
  const site = `${staging}site/`;
  const outputPath = `${staging}pagefind/`;
  await rm(outputPath, { recursive: true, force: true });
  if (entries.length === 0) {
    await writeEmptyIndex(outputPath);
    return 0;
  }
  await layOutSearchSite(cacheDirectory, site, entries);
  const indexed = await runPagefind(site, outputPath);
  if (indexed !== entries.length) throw new Error(`Search index: Pagefind indexed ${indexed} of ${entries.length} articles`);
  return indexed;
}

/** Moves the finished index into the site; a copy when the cache lives on another file system. */
async function moveInto(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}

/**
 * Builds the Pagefind index during `astro build`, so the build alone yields a searchable site.
 * The index is made from the articles' search documents (see `src/lib/searchDocument.ts`) rather
 * than from the built pages, so Pagefind starts as soon as the content is loaded and works beside
 * Astro's bundling and page rendering instead of after them.
 */
export function pagefind(): AstroIntegration {
  let cacheDirectory = '';
  let staging = '';
  let indexing: Promise<{ count: number; seconds: number }> | undefined;
  return {
    name: 'dossier-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDirectory = articleCacheDirectory(config.cacheDir);
        staging = fileURLToPath(new URL('dossier-search/', config.cacheDir));
      },
      'astro:build:start': ({ logger }) => {
        logger.info('Indexing the articles for search beside the build…');
        const started = performance.now();
        indexing = buildSearchIndex(cacheDirectory, staging).then((count) => ({ count, seconds: (performance.now() - started) / 1000 }));
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('Finishing the search index…');
        const { count, seconds } = await indexing!;
        await moveInto(`${staging}pagefind/`, `${fileURLToPath(dir)}pagefind`);
        logger.info(`Indexed ${count} pages for search (Pagefind ran ${seconds.toFixed(1)} s beside the build).`);
      },
    },
  };
}
