/**
 * Writes `sw.js` once the search index is in the site: the service worker with the list of files
 * a first visit keeps and this build's id; and beside it, what keeping the whole digest takes.
 */
import { stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';
import type { BuildPaths } from '../build/buildPaths.ts';
import { TOP_LEVEL_SCRIPTS, type SearchShardsFile } from '../search/searchFiles.ts';
import { ASSETS_FOLDER, cacheName, DIGEST_FILES_FILE, DIGEST_SUMMARY_FILE, OFFLINE_PAGE_PATH } from './cachePolicy.ts';
import { digestToKeep, planPrecache, type SiteFile } from './precachePlan.ts';

/**
 * Pagefind's code in a shard's folder that a page loads: only the newest shard's (see
 * `src/search/browser/shardedIndex.ts`). Its scripts come from the top of the bundle; a shard's own
 * copies are not for this build's pages, so neither a first visit nor a kept digest holds them.
 */
const PAGEFIND_CODE = ['pagefind-worker.js', 'wasm.*'];

async function siteFiles(outDir: string, base: string, files: readonly string[]): Promise<SiteFile[]> {
  return Promise.all(
    [...files].sort().map(async (file) => ({
      // A page is asked for by its folder's address, as readers link it.
      path: `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`,
      bytes: (await stat(`${outDir}${file}`)).size,
    })),
  );
}

/** Writes the service worker and the list of the whole digest into the site; returns how many files a first visit keeps. */
export async function writeServiceWorker(
  paths: BuildPaths,
  options: { buildId: string; base: string; searchShards: SearchShardsFile; precacheBytes?: number | undefined },
): Promise<{ precached: number; wholeIndex: boolean }> {
  const { base, searchShards } = options;
  const bundle = paths.searchBundleFolder;
  const newest = searchShards.shards.at(-1);
  const unusedCode = searchShards.shards.flatMap((shard) =>
    [...(shard === newest ? [] : PAGEFIND_CODE), ...TOP_LEVEL_SCRIPTS].map((name) => `${bundle}/${shard.path}${name}`),
  );
  const searchCode = [
    `${bundle}/*.*`,
    ...(newest ? PAGEFIND_CODE.map((name) => `${bundle}/${newest.path}${name}`) : []),
  ];
  const cwd = paths.outDir;
  const searchIndex = await siteFiles(
    cwd,
    base,
    await glob([`${bundle}/**`], { cwd, ignore: [...unusedCode, ...searchCode] }),
  );
  const pages = await siteFiles(cwd, base, await glob(['**/index.html'], { cwd, ignore: [`${bundle}/**`] }));
  const digest = digestToKeep(cacheName(options.buildId), [...searchIndex, ...pages]);
  // Written first: the shell lists the summary, and measures it.
  await writeFile(`${cwd}${DIGEST_SUMMARY_FILE}`, JSON.stringify(digest.summary));
  await writeFile(`${cwd}${DIGEST_FILES_FILE}`, JSON.stringify(digest.list));

  const shell = await siteFiles(cwd, base, [
    'index.html',
    'search/index.html',
    `${OFFLINE_PAGE_PATH}index.html`,
    DIGEST_SUMMARY_FILE,
    'favicon.svg',
    ...(await glob([`${ASSETS_FOLDER}**`, ...searchCode], { cwd })),
  ]);
  const plan = planPrecache(shell, searchIndex, options.precacheBytes);

  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/serviceWorker.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    define: {
      __DOSSIER_BUILD_ID__: JSON.stringify(options.buildId),
      __DOSSIER_BASE__: JSON.stringify(base),
      __DOSSIER_PRECACHE__: JSON.stringify(plan.precache),
      __DOSSIER_WHOLE_INDEX__: JSON.stringify(plan.wholeIndex),
    },
  });
  await writeFile(`${cwd}sw.js`, result.outputFiles[0]!.contents);
  return { precached: plan.precache.length, wholeIndex: plan.wholeIndex };
}
