import { searchBundlePath } from '../lib/urls.ts';
import { isInShardFolder } from '../search/searchFiles.ts';
import { ASSETS_FOLDER } from './cachePolicy.ts';

/**
 * Whether an address below the base path holds the same bytes in every build that has it:
 * Astro's assets and the search shards' files, both named by their content. Only these may be
 * served from an earlier build's cache. Only the service worker asks, so it lives apart from
 * `cachePolicy.ts`: the offline pages' scripts import that, and would otherwise share the search
 * files' names with every page's script, which the bundler then splits into a chunk of their own.
 */
export function isContentNamed(pathBelowBase: string): boolean {
  const bundle = searchBundlePath.slice(1);
  return (
    pathBelowBase.startsWith(ASSETS_FOLDER) ||
    (pathBelowBase.startsWith(bundle) && isInShardFolder(pathBelowBase.slice(bundle.length)))
  );
}
