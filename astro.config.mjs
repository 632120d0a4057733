// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { resolveSiteAddress } from './src/lib/siteAddress.ts';
import { pagefind } from './src/integrations/pagefind.ts';

const { site, base } = resolveSiteAddress(readFileSync('content/topic.md', 'utf8'), process.env.DOSSIER_SITE);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap(), pagefind()],
});
