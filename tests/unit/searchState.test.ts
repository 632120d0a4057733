import { describe, expect, it } from 'vitest';
import { hasCriteria, languagesToMerge, pagefindOptions, readSearchState, writeSearchState } from '../../src/lib/searchState.ts';

describe('search state in the URL', () => {
  it('reads a shared search and writes it back the same', () => {
    const query = '?q=transparency+centre&source=Silicon+Republic&tag=huawei&tag=5g&sort=oldest';
    const state = readSearchState(new URLSearchParams(query));
    expect(state).toEqual({ query: 'transparency centre', sort: 'oldest', filters: { source: ['Silicon Republic'], tag: ['huawei', '5g'], year: [] } });
    expect(writeSearchState(state)).toBe(query);
  });

  it('falls back to newest first, and leaves defaults out of the URL', () => {
    const state = readSearchState(new URLSearchParams('?sort=sideways'));
    expect(state.sort).toBe('newest');
    expect(writeSearchState(state)).toBe('');
    expect(hasCriteria(state)).toBe(false);
  });

  it('asks Pagefind for any of a filter’s values and the chosen order', () => {
    const state = readSearchState(new URLSearchParams('?q=x&year=2018&year=2019'));
    expect(pagefindOptions(state)).toEqual({ filters: { year: { any: ['2018', '2019'] } }, sort: { date: 'desc' } });
    expect(pagefindOptions({ ...state, sort: 'relevance' })).toEqual({ filters: { year: { any: ['2018', '2019'] } } });
  });
});

describe('search across languages', () => {
  const indexes = { 'en-gb': { page_count: 9 }, de: { page_count: 2 }, ar: { page_count: 1 } };

  it('merges every index but the one Pagefind loads for the page', () => {
    expect(languagesToMerge(indexes, 'en-GB')).toEqual(['de', 'ar']);
    expect(languagesToMerge(indexes, 'de-AT')).toEqual(['en-gb', 'ar']);
    expect(languagesToMerge(indexes, 'fr')).toEqual(['de', 'ar']);
  });
});
