/**
 * Writes `sw.js` once the search index is in the site: the service worker with the list of files
 * a first visit keeps (the shell, the search bundle and the whole index) and this build's id.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';
import type { BuildPaths } from '../integration/buildPaths.ts';
import type { SearchShardsFile } from '../search/searchFiles.ts';
import { OFFLINE_PAGE_PATH } from './cachePolicy.ts';

/**
 * Every shard folder carries Pagefind's scripts and WebAssembly, but a reader's browser loads
 * only the newest shard's (see `src/search/browser/shardedIndex.ts`): the others are not worth storage.
 */
function unusedSearchBundleFiles(searchBundleFolder: string, { shards }: SearchShardsFile): string[] {
  return shards
    .slice(0, -1)
    .flatMap((shard) => [
      `${searchBundleFolder}/${shard.path}pagefind*.js`,
      `${searchBundleFolder}/${shard.path}wasm.*`,
    ]);
}

/** Writes the service worker into the site; returns how many files a first visit keeps. */
export async function writeServiceWorker(
  paths: BuildPaths,
  options: { buildId: string; base: string; searchShards: SearchShardsFile },
): Promise<number> {
  const { base } = options;
  const files = await glob(['_astro/**', `${paths.searchBundleFolder}/**`, 'favicon.svg'], {
    cwd: paths.outDir,
    ignore: unusedSearchBundleFiles(paths.searchBundleFolder, options.searchShards),
  });
  const precache = [
    base,
    `${base}search/`,
    `${base}${OFFLINE_PAGE_PATH}`,
    ...files.sort().map((file) => `${base}${file}`),
  ];
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
      __DOSSIER_PRECACHE__: JSON.stringify(precache),
    },
  });
  await writeFile(`${paths.outDir}sw.js`, result.outputFiles[0]!.contents);
  return precache.length;
}
