import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';
import { parseMarkdownFile } from '../lib/frontmatter.ts';
import { SHARDS_FILE, type SearchShardsFile } from '../lib/shardedSearch.ts';
import { topicSchema } from '../lib/topicSchema.ts';
import { OFFLINE_PAGE_PATH } from '../offline/cachePolicy.ts';

/**
 * Every shard folder carries Pagefind's scripts and WebAssembly, but a reader's browser loads
 * only the newest shard's (see `src/lib/shardedSearch.ts`): the others are not worth storage.
 */
async function unusedSearchBundleFiles(outDir: string): Promise<string[]> {
  const { shards } = JSON.parse(await readFile(`${outDir}pagefind/${SHARDS_FILE}`, 'utf8')) as SearchShardsFile;
  return shards.slice(0, -1).flatMap((shard) => [`pagefind/${shard.path}pagefind*.js`, `pagefind/${shard.path}wasm.*`]);
}

/** The topic's `offline` switch (on unless the topic file says `offline: false`). */
export function offlineEnabled(topicFile: string): boolean {
  const { frontmatter } = parseMarkdownFile(readFileSync(topicFile, 'utf8'));
  return topicSchema.shape.offline.parse(frontmatter['offline']);
}

/**
 * Writes `sw.js` after the search index exists: the service worker with the list of files a
 * first visit keeps (the shell, the search bundle and the whole index) and this build's id.
 */
export function offline(options: { buildId: string; enabled: boolean }): AstroIntegration {
  let base = '/';
  return {
    name: 'dossier-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!options.enabled) return;
        const outDir = fileURLToPath(dir);
        const files = await glob(['_astro/**', 'pagefind/**', 'favicon.svg'], { cwd: outDir, ignore: await unusedSearchBundleFiles(outDir) });
        const precache = [base, `${base}search/`, `${base}${OFFLINE_PAGE_PATH}`, ...files.sort().map((file) => `${base}${file}`)];
        const result = await build({
          entryPoints: [fileURLToPath(new URL('../offline/serviceWorker.ts', import.meta.url))],
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
        await writeFile(new URL('sw.js', dir), result.outputFiles[0]!.contents);
        logger.info(`Offline reading: ${precache.length} files kept on a reader's first visit.`);
      },
    },
  };
}
