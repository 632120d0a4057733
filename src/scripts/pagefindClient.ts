import { languagesToMerge } from '../lib/searchState.ts';
import { HIGHLIGHT_PARAM } from './highlightParam.ts';

/**
 * Loads Pagefind's own search bundle (built with the site) once per page, with every language
 * of the digest merged in, so an article in German is found from an English page.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindSearch {
  results: { data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string, options: { language: string }) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string | null, options: object) => Promise<PagefindSearch | null>;
}


let loading: Promise<Pagefind> | undefined;

export function loadPagefind(bundle: string): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // A build id tag lets an offline cache keep the index of exactly this build.
    const buildId = document.documentElement.dataset['build'];
    await pagefind.options({ highlightParam: HIGHLIGHT_PARAM, ...(buildId && { metaCacheTag: buildId }) });
    await pagefind.init();
    const entryUrl = `${bundle}pagefind-entry.json${buildId ? `?ts=${buildId}` : ''}`;
    const entry = (await (await fetch(entryUrl)).json()) as { languages: Record<string, { page_count: number }> };
    // Pagefind skips an index whose address matches the primary one, so other languages are merged by their absolute address.
    const absoluteBundle = new URL(bundle, location.href).href;
    for (const language of languagesToMerge(entry.languages, document.documentElement.lang || 'unknown')) {
      await pagefind.mergeIndex(absoluteBundle, { language });
    }
    return pagefind;
  })();
  return loading;
}
