// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentDirectory, resolveSiteAddress } from './src/lib/siteAddress.ts';
import { articleHtml } from './src/integrations/articleHtml.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { computeBuildId } from './src/integrations/buildId.ts';
import { offline, offlineEnabled } from './src/integrations/offline.ts';
import { securityHeaders } from './src/integrations/securityHeaders.ts';
import { incrementalOutput } from './src/integrations/incrementalOutput.ts';

const content = contentDirectory();
const { site, base } = resolveSiteAddress(readFileSync(`${content}/topic.md`, 'utf8'), process.env.DOSSIER_SITE);
const buildId = computeBuildId(content, site);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // A separate cache per build lets tests and benchmarks build other content side by side.
  ...(process.env.DOSSIER_CACHE_DIR && { cacheDir: process.env.DOSSIER_CACHE_DIR }),
  build: { format: 'directory', concurrency: 4 },
  integrations: [
    incrementalOutput(),
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    securityHeaders(),
    articleHtml(),
    // DOSSIER_SEARCH_SHARD_ARTICLES sets a smaller shard, so tests can search a site of many shards.
    pagefind({ maxArticles: Number(process.env.DOSSIER_SEARCH_SHARD_ARTICLES) || undefined }),
    offline({ buildId, enabled: offlineEnabled(`${content}/topic.md`) }),
  ],
  // Pages whose inputs are unchanged since the last build are kept, not rendered again: every
  // dynamic route gives each page a cache key made from everything it shows (see `src/lib/pageCacheKey.ts`).
  experimental: { incrementalBuild: true },
  vite: {
    // Never inline a script or asset: the Content-Security-Policy runs only the site's own files.
    build: { assetsInlineLimit: 0 },
  },
});
