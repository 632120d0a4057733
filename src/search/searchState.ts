/**
 * What a search is, as it lives in the page's URL (`/search/?q=huawei&source=Silicon+Republic&sort=oldest`),
 * so a search can be shared and the back button restores it.
 */
import type { UiString } from '../i18n/format.ts';
import type { UiKey } from '../i18n/translate.ts';

/** The interface strings the search panel shows from the browser, handed to it by the page. */
export const SEARCH_PANEL_STRINGS = [
  'search.prompt',
  'search.none',
  'search.matches',
  'search.matchesShown',
  'search.failed',
] as const satisfies readonly UiKey[];
export type SearchPanelStrings = Record<(typeof SEARCH_PANEL_STRINGS)[number], UiString>;

/** The filters a search offers, with the dictionary key of each one's name. */
export const SEARCH_FILTERS = [
  { name: 'source', label: 'search.filter.source' },
  { name: 'tag', label: 'search.filter.tag' },
  { name: 'year', label: 'search.filter.year' },
  { name: 'entity', label: 'search.filter.entity' },
] as const satisfies readonly { name: string; label: UiKey }[];

export type SearchFilterName = (typeof SEARCH_FILTERS)[number]['name'];
export type SearchSort = 'newest' | 'oldest' | 'relevance';

export interface SearchState {
  query: string;
  sort: SearchSort;
  filters: Record<SearchFilterName, string[]>;
}

const SORTS: readonly SearchSort[] = ['newest', 'oldest', 'relevance'];

export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') as SearchSort | null;
  return {
    query: (params.get('q') ?? '').trim(),
    sort: sort && SORTS.includes(sort) ? sort : 'newest',
    filters: Object.fromEntries(
      SEARCH_FILTERS.map(({ name }) => [name, params.getAll(name).filter(Boolean)]),
    ) as SearchState['filters'],
  };
}

/** The query string for a state; defaults are left out so shared links stay short. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { name } of SEARCH_FILTERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort !== 'newest') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || SEARCH_FILTERS.some(({ name }) => state.filters[name].length > 0);
}

/** Pagefind's search options for a state: only the filters in use, and the chosen order. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  // Ticking two sources means articles from either: values of one filter widen, filters narrow.
  const filters = Object.fromEntries(
    Object.entries(state.filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
  if (state.sort === 'relevance' && state.query) return { filters };
  return { filters, sort: { date: state.sort === 'oldest' ? 'asc' : 'desc' } };
}

/**
 * The language index Pagefind loads first for a page, by its own rule: the page's language, else
 * its base language, else the largest index. `indexes` maps each language to its number of pages.
 */
export function primaryLanguage(indexes: Record<string, number>, pageLanguage: string): string | undefined {
  const language = pageLanguage.toLowerCase();
  const base = language.split('-')[0]!;
  if (language in indexes) return language;
  if (base in indexes) return base;
  return Object.entries(indexes).sort(([, a], [, b]) => b - a)[0]?.[0];
}
