// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentDirectory, resolveSiteAddress } from './src/lib/siteAddress.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/securityHeaders.ts';

const { site, base } = resolveSiteAddress(readFileSync(`${contentDirectory()}/topic.md`, 'utf8'), process.env.DOSSIER_SITE);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // A separate cache per build lets tests and benchmarks build other content side by side.
  ...(process.env.DOSSIER_CACHE_DIR && { cacheDir: process.env.DOSSIER_CACHE_DIR }),
  build: { format: 'directory' },
  integrations: [sitemap(), securityHeaders(), pagefind()],
});
