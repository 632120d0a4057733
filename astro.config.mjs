// @ts-check
import { defineConfig } from 'astro/config';
import { cacheDirectory, DEFAULT_OUT_DIR } from './src/build/buildPaths.ts';
import { contentDirectory, readTopic, resolveSiteAddress } from './src/content/topic.ts';
import { dossier } from './src/integration/index.ts';

const content = contentDirectory();
const topic = readTopic(content);
const { site, base } = resolveSiteAddress(topic, process.env.DOSSIER_SITE);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Both set from one module, where `npm run build` finds them too (to tell it has nothing to do).
  cacheDir: cacheDirectory(),
  outDir: DEFAULT_OUT_DIR,
  build: { format: 'directory', concurrency: 4 },
  // DOSSIER_SEARCH_SHARD_ARTICLES sets a smaller search shard, so tests can search a site of many shards;
  // DOSSIER_PRECACHE_BYTES a smaller first visit, so they can keep a small digest as a large one is kept.
  integrations: [
    dossier({
      topic,
      contentDirectory: content,
      searchShardArticles: Number(process.env.DOSSIER_SEARCH_SHARD_ARTICLES) || undefined,
      precacheBytes: Number(process.env.DOSSIER_PRECACHE_BYTES) || undefined,
    }),
  ],
  // Pages whose inputs are unchanged since the last build are kept, not rendered again: every
  // dynamic route gives each page a cache key made from everything it shows (see `src/site/pageCacheKey.ts`).
  experimental: { incrementalBuild: true },
});
