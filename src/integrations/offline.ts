import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';
import { parseMarkdownFile } from '../lib/frontmatter.ts';
import { topicSchema } from '../lib/topicSchema.ts';
import { OFFLINE_PAGE_PATH } from '../offline/cachePolicy.ts';

/** Pagefind's own UIs, which Dossier does not use, are not worth a reader's storage. */
const UNUSED_PAGEFIND_FILES = ['pagefind/pagefind-*ui.*', 'pagefind/*playground*/**'];

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
        const files = await glob(['_astro/**', 'pagefind/**', 'favicon.svg'], { cwd: outDir, ignore: UNUSED_PAGEFIND_FILES });
        const precache = [
          base,
          `${base}search/`,
          `${base}${OFFLINE_PAGE_PATH}`,
          // Pagefind asks for its entry file tagged with the build id (its `metaCacheTag`).
          `${base}pagefind/pagefind-entry.json?ts=${options.buildId}`,
          ...files.filter((file) => file !== 'pagefind/pagefind-entry.json').sort().map((file) => `${base}${file}`),
        ];
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
