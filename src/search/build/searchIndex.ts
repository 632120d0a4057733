import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { copyFile, cp, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { readSearchManifest, searchDocumentFile, type SearchEntry } from '../../build/articleCache.ts';
import type { BuildPaths } from '../../build/buildPaths.ts';
import { formatCount } from '../../i18n/counts.ts';
import { SHARDS_FILE, TOP_LEVEL_SCRIPTS, type SearchShardsFile } from '../searchFiles.ts';
import { planSearchShards, SHARD_ARTICLES, type SearchShard } from './shardPlan.ts';

/** Files placed at once, to overlap the file system's waits without opening thousands of files. */
const FILES_AT_ONCE = 64;

/** Pagefind's own UIs, which Dossier does not use, are left out of the published bundle. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(component-|modular-)?ui\.(js|css)$/;

/** The Pagefind run that made a shard: part of its name, so a change here indexes every shard again. */
const INDEXER = 'pagefind-cli:2';

/**
 * Lays a shard's search documents out as a site (`articles/<slug>/index.html`), so Pagefind
 * derives the same URLs as from the built pages. Hard links cost no copying; the cache holds a
 * document under its digest and never rewrites it.
 */
export async function layOutSearchSite(
  cacheDirectory: string,
  site: string,
  entries: readonly SearchEntry[],
): Promise<void> {
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
function runPagefind(site: string, outputPath: string, chunkPostings: number): Promise<void> {
  const runner = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
  // Pagefind runs beside Astro's rendering, which needs a core of its own. On 2 cores, one thread
  // for Pagefind made clean builds of 10,000 articles take 77 s instead of 121 s (medians of 3),
  // though Pagefind alone then takes 4.8 s instead of 3.5 s for 1,250 pages.
  const env = {
    ...process.env,
    RAYON_NUM_THREADS: process.env['RAYON_NUM_THREADS'] ?? String(Math.max(1, availableParallelism() - 1)),
    // An unstable option of Pagefind's, hence its exact version in package.json.
    PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkPostings),
  };
  return new Promise((resolve, reject) => {
    // Run from the search site so that no pagefind.yml of the project changes what is indexed.
    const child = spawn(process.execPath, [runner, '--site', site, '--output-path', outputPath], {
      cwd: site,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Search index: Pagefind failed (exit code ${code}):\n${output.trim()}`));
    });
  });
}

/** The languages of a shard's index and how many articles each holds, from Pagefind's entry file. */
async function shardLanguages(shardDirectory: string): Promise<Record<string, number>> {
  const entry = JSON.parse(await readFile(`${shardDirectory}pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(
    Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]),
  );
}

/** A shard in the staging folder, with the languages of its index and their article counts. */
interface IndexedShard extends SearchShard {
  languages: Record<string, number>;
}

/**
 * Indexes a shard into `shards/<name>/` of the staging folder, unless an earlier build already
 * did: a shard's name is the digest of its documents, so a kept one is never stale.
 */
async function indexShard(
  cacheDirectory: string,
  staging: string,
  shard: SearchShard,
): Promise<{ indexed: number; languages: Record<string, number> }> {
  const output = `${staging}shards/${shard.name}/`;
  const exists = await readdir(output).then(
    () => true,
    () => false,
  );
  if (exists) return { indexed: 0, languages: await shardLanguages(output) };
  const site = `${staging}site/`;
  const partial = `${staging}partial/`;
  await rm(partial, { recursive: true, force: true });
  await layOutSearchSite(cacheDirectory, site, shard.entries);
  await runPagefind(site, partial, shard.chunkPostings);
  // What Pagefind's own entry file counts, rather than what its console output says.
  const languages = await shardLanguages(partial);
  const indexed = Object.values(languages).reduce((sum, count) => sum + count, 0);
  if (indexed !== shard.entries.length)
    throw new Error(`Search index: Pagefind indexed ${indexed} of ${shard.entries.length} articles`);
  // Only a finished index takes the shard's name.
  await mkdir(`${staging}shards/`, { recursive: true });
  await rename(partial, output);
  await rm(site, { recursive: true, force: true });
  return { indexed, languages };
}

export interface BuiltShards {
  shards: IndexedShard[];
  /** Articles indexed in this build; the rest came from earlier builds' shards. */
  indexed: number;
}

/** Plans the shards and indexes those no earlier build left, one at a time to bound the memory Pagefind needs. */
async function buildSearchShards(cacheDirectory: string, staging: string, maxArticles: number): Promise<BuiltShards> {
  const shards = planSearchShards(await readSearchManifest(cacheDirectory), { maxArticles, indexer: INDEXER });
  let indexed = 0;
  const built: IndexedShard[] = [];
  for (const shard of shards) {
    const result = await indexShard(cacheDirectory, staging, shard);
    indexed += result.indexed;
    built.push({ ...shard, languages: result.languages });
  }
  // Shards no article needs any more are removed, so the cache does not grow with every edit.
  const keep = new Set(shards.map((shard) => shard.name));
  const kept = await readdir(`${staging}shards/`).catch(() => [] as string[]);
  await Promise.all(
    kept
      .filter((name) => !keep.has(name))
      .map((name) => rm(`${staging}shards/${name}`, { recursive: true, force: true })),
  );
  return { shards: built, indexed };
}

/**
 * Puts the shards into the site's `pagefind/` folder with the file that lists them. A shard
 * already there from the previous build stays; others are copied from the cache (linked where
 * the file system allows) and those of older builds are removed.
 */
async function publishShards(
  staging: string,
  bundle: string,
  shards: readonly IndexedShard[],
): Promise<SearchShardsFile> {
  await mkdir(bundle, { recursive: true });
  const wanted = new Set(shards.map((shard) => shard.name));
  const present = await readdir(bundle);
  await Promise.all(
    present.filter((name) => !wanted.has(name)).map((name) => rm(`${bundle}${name}`, { recursive: true, force: true })),
  );
  const listed: SearchShardsFile['shards'] = [];
  for (const shard of shards) {
    const from = `${staging}shards/${shard.name}/`;
    const to = `${bundle}${shard.name}/`;
    if (!present.includes(shard.name)) {
      await cp(from, to, {
        recursive: true,
        filter: (source) => !UNUSED_PAGEFIND_FILES.test(source.split('/').at(-1)!),
      });
    }
    listed.push({ path: `${shard.name}/`, from: shard.from, to: shard.to, languages: shard.languages });
  }
  // A shard's own copies stay: a page that an earlier version of Dossier built, still open in a
  // tab, loads the newest shard's.
  const newest = shards.at(-1);
  if (newest)
    for (const script of TOP_LEVEL_SCRIPTS)
      await copyFile(`${staging}shards/${newest.name}/${script}`, `${bundle}${script}`);
  const file: SearchShardsFile = { shards: listed };
  await writeFile(`${bundle}${SHARDS_FILE}`, JSON.stringify(file));
  return file;
}

/** The label of the search build's lines in Astro's log, which the benchmark reads its phases from. */
export const SEARCH_LOG_LABEL = 'dossier-search';

/** The search index of one build, from its start beside the rendering to its place in the site. */
export interface SearchIndexBuild {
  /** Waits for the shards and puts them into the site; returns the shard list readers' browsers get. */
  publish: () => Promise<SearchShardsFile>;
}

/**
 * Starts indexing the articles for search, to run beside Astro's bundling and page rendering.
 * The index is made from the search documents the content sync wrote (see `../searchDocument.ts`)
 * rather than from the built pages, so it can start before the first page is rendered; and it is
 * made in shards (see `shardPlan.ts`), so its memory stays bounded and a rebuild indexes only
 * what changed.
 */
export function startSearchIndex(
  paths: BuildPaths,
  options: { maxArticles?: number | undefined },
  astroLogger: AstroIntegrationLogger,
): SearchIndexBuild {
  const logger = astroLogger.fork(SEARCH_LOG_LABEL);
  logger.info('Indexing the articles for search beside the build…');
  const started = performance.now();
  const indexing = buildSearchShards(paths.articleCache, paths.searchCache, options.maxArticles ?? SHARD_ARTICLES).then(
    (built) => ({ ...built, seconds: (performance.now() - started) / 1000 }),
  );
  // Awaited by `publish`; until then a failure must not count as unhandled.
  indexing.catch(() => {});
  return {
    async publish() {
      logger.info('Finishing the search index…');
      const { shards, indexed, seconds } = await indexing;
      const file = await publishShards(paths.searchCache, paths.searchBundle, shards);
      const total = shards.reduce((sum, shard) => sum + shard.entries.length, 0);
      logger.info(
        `Indexed ${total} pages for search in ${formatCount(shards.length, { one: 'shard', other: 'shards' })}, ${indexed} of them in this build (Pagefind ran ${seconds.toFixed(1)} s beside the build).`,
      );
      return file;
    },
  };
}
