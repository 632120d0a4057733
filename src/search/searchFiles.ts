/**
 * The files the search build writes and the reader's browser reads: their names and formats, in
 * one module with no Node imports, so both sides (`build/` and `browser/`) import the same
 * definitions. What the content sync hands the search build is the build contract's
 * (`src/build/articleCache.ts`).
 */
import { articlePath } from '../lib/urls.ts';

const SHARD_NAME_DIGITS = 16;
const SHARD_FOLDER = new RegExp(`^[0-9a-f]{${SHARD_NAME_DIGITS}}/`);

/**
 * A shard's folder name: the start of a digest of what it holds (see `build/shardPlan.ts`), so in
 * every build the same name holds the same files.
 */
export const shardFolderName = (hexDigest: string) => hexDigest.slice(0, SHARD_NAME_DIGITS);

/** Whether a path below the search bundle is in a shard's folder. */
export const isInShardFolder = (pathInBundle: string) => SHARD_FOLDER.test(pathInBundle);

/**
 * Pagefind's scripts that are the same in every shard, which pages load from a copy at the top of
 * the search bundle: its search API, which a page loads while it asks for the shard list and then
 * points at the newest shard, and the script that highlights the searched words on an article
 * opened from a result. The rest of Pagefind's code (its worker and WebAssembly) is loaded from
 * the newest shard's folder, where Pagefind looks for it.
 */
export const PAGEFIND_SCRIPT = 'pagefind.js';
export const HIGHLIGHT_SCRIPT = 'pagefind-highlight.js';
export const TOP_LEVEL_SCRIPTS = [PAGEFIND_SCRIPT, HIGHLIGHT_SCRIPT];

/** The file in the search bundle that lists the shards for the reader's browser. */
export const SHARDS_FILE = 'shards.json';

export interface SearchShardsFile {
  /** Oldest first. */
  shards: {
    /** Its folder below the search bundle. */
    path: string;
    from: string;
    to: string;
    /** Its language indexes, with the number of articles in each. */
    languages: Record<string, number>;
  }[];
}

/** The address Pagefind gives an article's page, below the site's base path (as it derives it from a built file). */
export const searchDocumentUrl = articlePath;
