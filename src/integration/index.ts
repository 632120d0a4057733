/**
 * `dossier()`: the one Astro integration, which owns Dossier's build steps, their order and
 * the build contract (the checked topic and every cache and output path), which it serves to the
 * content config and pages as `virtual:dossier/build`. Each step is a function of its own module;
 * this file only says when each runs and what it hands the next.
 */
import { writeFile } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { startCardDrawing, type CardDrawing } from '../cards/cardDrawing.ts';
import { cardCodeFingerprint } from '../cards/socialCardImage.ts';
import { readArticleUpdates } from '../build/articleCache.ts';
import { BUILD_CONTRACT_MODULE, createBuildContract, type BuildContract } from '../build/buildContract.ts';
import { topicFilePath, type Topic } from '../content/topic.ts';
import { computeBuildId } from '../offline/buildId.ts';
import { OFFLINE_PAGE_PATH } from '../offline/cachePolicy.ts';
import { writeServiceWorker } from '../offline/serviceWorkerFile.ts';
import { startSearchIndex, type SearchIndexBuild } from '../search/build/searchIndex.ts';
import { headersFile } from '../site/securityPolicy.ts';
import { sitemapLastmod } from '../site/sitemapDates.ts';
import { keepOutput, type KeptOutput } from './keptOutput.ts';

export interface DossierOptions {
  /** The topic as `readTopic` checked it: the one reading of the topic file in a build. */
  topic: Topic;
  /** The content folder the topic came from, holding `articles/`: part of the build id. */
  contentDirectory: string;
  /** The most articles one search shard holds (smaller in tests, to search a site of many shards). */
  searchShardArticles?: number | undefined;
  /** The most a first visit keeps for offline reading (smaller in tests, to keep a small digest as a large one is kept). */
  precacheBytes?: number | undefined;
}

/** Renders the topic's About text with the site's own Markdown processor, as the content layer renders an article. */
async function renderAbout(markdown: string, config: AstroConfig): Promise<string> {
  const { processor, syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  // The same options the content layer gives the processor (its config and the processor's types differ in optional fields).
  const options = { image: config.image, syntaxHighlight, shikiConfig, gfm, smartypants };
  const renderer = await processor.createRenderer(options as Parameters<typeof processor.createRenderer>[0]);
  return (await renderer.render(markdown, { frontmatter: {} })).code;
}

/** Serves the build contract, once `astro:config:done` has worked it out, as `virtual:dossier/build`. */
function buildContractPlugin(contract: () => BuildContract): VitePlugin {
  const resolvedId = `\0${BUILD_CONTRACT_MODULE}`;
  return {
    name: 'dossier:build-contract',
    resolveId: (id) => (id === BUILD_CONTRACT_MODULE ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? `export default ${JSON.stringify(contract())};` : undefined),
  };
}

export function dossier(options: DossierOptions): AstroIntegration {
  let contract: BuildContract | undefined;
  let cacheDir: URL;
  let buildId = '';
  let keptOutput: KeptOutput;
  let searchIndex: SearchIndexBuild;
  let cardDrawing: CardDrawing;
  let articleUpdates: Promise<Record<string, string>> | undefined;
  return {
    name: 'dossier',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, addWatchFile }) => {
        // The topic is read with the config, so in development an edit to it restarts the server as a config edit does.
        addWatchFile(new URL(topicFilePath(options.contentDirectory), config.root));
        updateConfig({
          integrations: [
            sitemap({
              filter: (page) => !page.endsWith(`/${OFFLINE_PAGE_PATH}`),
              // An updated article's `<lastmod>`, as the content sync listed them, read once when the sitemap is written.
              serialize: async (item) => {
                articleUpdates ??= readArticleUpdates(contract!.paths.articleCache);
                const lastmod = sitemapLastmod(item.url, await articleUpdates);
                return lastmod ? { ...item, lastmod } : item;
              },
            }),
          ],
          vite: {
            plugins: [
              buildContractPlugin(() => {
                if (!contract) throw new Error(`${BUILD_CONTRACT_MODULE} was imported before astro:config:done`);
                return contract;
              }),
            ],
            // Never inline a script or asset: the Content-Security-Policy runs only the site's own files.
            // The output folder is kept between builds (see `keptOutput.ts`).
            build: { assetsInlineLimit: 0, emptyOutDir: false },
          },
          // Articles' photos are encoded in several widths as AVIF, WebP and JPEG (see `src/sync/photos.ts`).
          // AVIF at sharp's default effort (4) took 90 % of that, 4.6 s a photo for four widths on two
          // cores; effort 2 took 0.5 s, as long as WebP, for files about as small.
          image: { service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 } } } },
        });
      },
      'astro:config:done': async ({ config, logger }) => {
        contract = createBuildContract({
          topic: options.topic,
          aboutHtml: await renderAbout(options.topic.about, config),
          contentDirectory: options.contentDirectory,
          config,
          cardCode: await cardCodeFingerprint(config.root),
        });
        if (!contract.uiLanguage) {
          logger.warn(
            `The interface has no dictionary for "${options.topic.language}" (the topic's language) yet: its words stay in English.`,
          );
        }
        cacheDir = config.cacheDir;
        buildId = await computeBuildId(options.contentDirectory, config.site ?? '');
      },
      // Astro has synced the content (and with it written the list of searchable articles) before this hook.
      'astro:build:start': async ({ logger }) => {
        // First, before Astro writes a page: clear the output folder of all but what this build can keep.
        const { paths } = contract!;
        keptOutput = await keepOutput({ cacheDir, outDir: paths.outDir, keptFolders: [paths.searchBundleFolder] });
        // Then index for search beside Astro's bundling and rendering, which follow this hook.
        searchIndex = startSearchIndex(paths, { maxArticles: options.searchShardArticles }, logger);
        // And draw the social cards the content sync found missing, on worker threads, before their routes ask.
        cardDrawing = await startCardDrawing({ folder: paths.cardCache, code: contract!.cardCode }, logger);
      },
      'astro:build:done': async ({ logger }) => {
        // The search index goes into the site first, and the last build's pages this one no longer
        // has go out: the service worker lists every file the site then holds.
        const { paths, base } = contract!;
        const searchShards = await searchIndex.publish();
        await cardDrawing.finished();
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
