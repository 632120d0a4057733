/**
 * Every folder Dossier's build reads or writes besides `content/`, derived from Astro's resolved
 * config. The content loader, the search build, the service worker and the kept output folder
 * all take their paths from here, so none of them knows another's layout.
 */
import { fileURLToPath } from 'node:url';
import { searchBundlePath } from '../lib/urls.ts';

export interface BuildPaths {
  /** What the content sync derives from each article (HTML, search document) and the list of searchable articles. */
  articleCache: string;
  /** The search build's shards, kept from build to build. */
  searchCache: string;
  /** Social cards drawn by earlier builds, each named by what it shows and the code that drew it. */
  cardCache: string;
  /**
   * Articles' photos fetched from outlets' sites, decoded and stripped of their metadata: fetched once,
   * then kept from build to build. A cache, not content: what it holds can be fetched again.
   */
  photoCache: string;
  /** What the last successful build read and wrote, so `npm run build` can tell it has nothing to do (see `inputFingerprint.ts`). */
  buildStamp: string;
  /** Astro's output folder: the site. */
  outDir: string;
  /** The search index inside the site, relative to `outDir` and without slashes: `pagefind`. */
  searchBundleFolder: string;
  /** The same folder as an absolute path. */
  searchBundle: string;
}

/**
 * Astro's cache folder, relative to the project: its own default, unless `DOSSIER_CACHE_DIR` names
 * another (a separate cache per build lets tests and benchmarks build other content side by side).
 * The config sets it from here and `npm run build` finds the last build's stamp by it.
 */
export function cacheDirectory(env: Record<string, string | undefined> = process.env): string {
  return env['DOSSIER_CACHE_DIR'] || './node_modules/.astro/';
}

/** Astro's output folder when `--outDir` names none: its own default. */
export const DEFAULT_OUT_DIR = './dist/';

/** All paths end in `/`, but the stamp, a file. */
export function buildPaths(config: { cacheDir: URL; outDir: URL }): BuildPaths {
  const outDir = fileURLToPath(config.outDir);
  const searchBundleFolder = searchBundlePath.replace(/^\/|\/$/g, '');
  return {
    articleCache: fileURLToPath(new URL('dossier-articles/', config.cacheDir)),
    searchCache: fileURLToPath(new URL('dossier-search/', config.cacheDir)),
    cardCache: fileURLToPath(new URL('dossier-cards/', config.cacheDir)),
    photoCache: fileURLToPath(new URL('dossier-photos/', config.cacheDir)),
    buildStamp: fileURLToPath(new URL('dossier-build-stamp.json', config.cacheDir)),
    outDir,
    searchBundleFolder,
    searchBundle: `${outDir}${searchBundleFolder}/`,
  };
}
