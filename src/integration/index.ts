/**
 * `dossier()`: the one Astro integration, which owns Dossier's build steps, their order and
 * (through `buildPaths`) every cache and output path. Each step is a function of its own module;
 * this file only says when each runs and what it hands the next.
 */
import { writeFile } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { Topic } from '../content/topic.ts';
import { computeBuildId } from '../offline/buildId.ts';
import { OFFLINE_PAGE_PATH } from '../offline/cachePolicy.ts';
import { writeServiceWorker } from '../offline/serviceWorkerFile.ts';
import { startSearchIndex, type SearchIndexBuild } from '../search/build/searchIndex.ts';
import { headersFile } from '../site/securityPolicy.ts';
import { resolveUiLanguage } from '../i18n/translate.ts';
import { buildPaths, type BuildPaths } from './buildPaths.ts';
import { keepOutput, type KeptOutput } from './keptOutput.ts';

export interface DossierOptions {
  topic: Topic;
  /** The content folder the topic came from: part of the build id. */
  contentDirectory: string;
  /** The most articles one search shard holds (smaller in tests, to search a site of many shards). */
  searchShardArticles?: number | undefined;
  /** The most a first visit keeps for offline reading (smaller in tests, to keep a small digest as a large one is kept). */
  precacheBytes?: number | undefined;
}

export function dossier(options: DossierOptions): AstroIntegration {
  let paths: BuildPaths;
  let cacheDir: URL;
  let base = '/';
  let buildId = '';
  let keptOutput: KeptOutput;
  let searchIndex: SearchIndexBuild;
  return {
    name: 'dossier',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        if (!resolveUiLanguage(options.topic.language)) {
          logger.warn(
            `The interface has no dictionary for "${options.topic.language}" (the topic's language) yet: its words stay in English.`,
          );
        }
        updateConfig({
          integrations: [sitemap({ filter: (page) => !page.endsWith(`/${OFFLINE_PAGE_PATH}`) })],
          vite: {
            // Pages read their HTML from the content sync's cache, whose folder only the resolved config knows.
            define: { 'import.meta.env.DOSSIER_ARTICLE_CACHE': JSON.stringify(buildPaths(config).articleCache) },
            // Never inline a script or asset: the Content-Security-Policy runs only the site's own files.
            // The output folder is kept between builds (see `keptOutput.ts`).
            build: { assetsInlineLimit: 0, emptyOutDir: false },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        paths = buildPaths(config);
        cacheDir = config.cacheDir;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        buildId = computeBuildId(options.contentDirectory, config.site ?? '');
      },
      // Astro has synced the content (and with it written the list of searchable articles) before this hook.
      'astro:build:start': async ({ logger }) => {
        // First, before Astro writes a page: clear the output folder of all but what this build can keep.
        keptOutput = await keepOutput({ cacheDir, outDir: paths.outDir, keptFolders: [paths.searchBundleFolder] });
        // Then index for search beside Astro's bundling and rendering, which follow this hook.
        searchIndex = startSearchIndex(paths, { maxArticles: options.searchShardArticles }, logger);
      },
      'astro:build:done': async ({ logger }) => {
        // The search index goes into the site first, and the last build's pages this one no longer
        // has go out: the service worker lists every file the site then holds.
        const searchShards = await searchIndex.publish();
        await keptOutput.finish();
        if (options.topic.offline) {
          const { precached, wholeIndex } = await writeServiceWorker(paths, {
            buildId,
            base,
            searchShards,
            precacheBytes: options.precacheBytes,
          });
          logger.info(
            `Offline reading: ${precached} files kept on a reader's first visit, ${wholeIndex ? 'the whole search index with them' : 'the search index when the reader chooses to keep the digest'}.`,
          );
        }
        // For hosts that read one, the security policy as real headers.
        await writeFile(`${paths.outDir}_headers`, headersFile(base));
      },
    },
  };
}
