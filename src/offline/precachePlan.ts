/**
 * What a reader's first visit keeps for offline reading, and what keeping the whole digest takes.
 * A first visit must stay light at any digest size (the budget: 2 MB, precache
 * included), so the search index is kept on the first visit only while it fits; beyond that,
 * keeping the whole digest is the reader's choice (see `browser/keepDigest.ts`), and what they
 * open or search is kept as they go.
 */

/** A file of the built site, with its address below the base path and its size on disk. */
export interface SiteFile {
  path: string;
  bytes: number;
}

/**
 * What a first visit may keep beyond the page itself. Sizes on disk: scripts and pages shrink
 * further on the way (gzip), Pagefind's files are compressed already, so this stays under the
 * 2 MB a first visit may cost with the page and its assets.
 */
export const FIRST_VISIT_PRECACHE_BYTES = 1_500_000;

export interface PrecachePlan {
  /** Kept on a first visit. */
  precache: string[];
  /** Whether that includes the whole search index (offline search works after one visit). */
  wholeIndex: boolean;
}

const total = (files: readonly SiteFile[]) => files.reduce((sum, file) => sum + file.bytes, 0);

/**
 * The shell (pages every visit needs, styles, scripts, Pagefind's code) is always kept; the
 * search index with it when both fit the budget.
 */
export function planPrecache(
  shell: readonly SiteFile[],
  searchIndex: readonly SiteFile[],
  budget: number = FIRST_VISIT_PRECACHE_BYTES,
): PrecachePlan {
  const wholeIndex = total(shell) + total(searchIndex) <= budget;
  return {
    precache: [...shell, ...(wholeIndex ? searchIndex : [])].map((file) => file.path),
    wholeIndex,
  };
}

/** What the control offering to keep the whole digest shows before the reader chooses. */
export interface DigestToKeep {
  /** The service worker's cache this build's files go in. */
  cache: string;
  files: number;
  bytes: number;
}

/** The whole digest for offline reading: every page and the whole search index, each file once. */
export function digestToKeep(cache: string, files: readonly SiteFile[]): { summary: DigestToKeep; list: string[] } {
  const unique = [...new Map(files.map((file) => [file.path, file])).values()];
  return { summary: { cache, files: unique.length, bytes: total(unique) }, list: unique.map((file) => file.path) };
}
