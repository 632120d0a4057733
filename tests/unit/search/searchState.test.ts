import { describe, expect, it } from 'vitest';
import {
  hasCriteria,
  pagefindOptions,
  primaryLanguage,
  readSearchState,
  writeSearchState,
} from '../../../src/search/searchState.ts';

describe('search state in the URL', () => {
  it('reads a shared search and writes it back the same', () => {
    const query = '?q=transparency+centre&source=Silicon+Republic&tag=huawei&tag=5g&sort=oldest';
    const state = readSearchState(new URLSearchParams(query));
    expect(state).toEqual({
      query: 'transparency centre',
      sort: 'oldest',
      filters: { source: ['Silicon Republic'], tag: ['huawei', '5g'], year: [], entity: [] },
    });
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
  const indexes = { 'en-gb': 9, de: 2, ar: 1 };

  it('finds the index Pagefind loads first for the page, as Pagefind does', () => {
    expect(primaryLanguage(indexes, 'en-GB')).toBe('en-gb');
    expect(primaryLanguage(indexes, 'de-AT')).toBe('de');
    expect(primaryLanguage(indexes, 'fr')).toBe('en-gb');
    expect(primaryLanguage({}, 'en')).toBeUndefined();
  });
});
