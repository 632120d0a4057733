// @ts-check
// The floor: the least an Astro site can do with the same articles (one page each, no
// listings, feeds or search of its own). `npm run bench` builds it next to Dossier to compare.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://floor.bench.example/',
  ...(process.env.DOSSIER_CACHE_DIR && { cacheDir: process.env.DOSSIER_CACHE_DIR }),
  build: { format: 'directory' },
});
