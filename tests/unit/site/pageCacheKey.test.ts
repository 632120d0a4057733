import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../../../src/site/pageCacheKey.ts';

const entry = (digest: string, title: string) => ({
  id: 'brussels-centre',
  collection: 'articles',
  digest,
  data: { title },
});

describe('pageCacheKey', () => {
  it('is the same for the same props and topic, and changes with either', () => {
    const props = { page: 2, articles: [entry('d1', 'A')] };
    expect(pageCacheKey(props, 'topic')).toBe(pageCacheKey(structuredClone(props), 'topic'));
    expect(pageCacheKey(props, 'topic')).not.toBe(pageCacheKey({ ...props, page: 3 }, 'topic'));
    expect(pageCacheKey(props, 'topic')).not.toBe(pageCacheKey(props, 'other topic'));
  });

  it('keys a content entry by its digest, which covers its file', () => {
    expect(pageCacheKey({ article: entry('d1', 'A') }, '')).not.toBe(pageCacheKey({ article: entry('d2', 'A') }, ''));
    expect(pageCacheKey({ article: entry('d1', 'A') }, '')).toBe(pageCacheKey({ article: entry('d1', 'B') }, ''));
  });

  it('keys values taken out of an entry by the values themselves', () => {
    expect(pageCacheKey({ newer: { id: 'x', title: 'A' } }, '')).not.toBe(
      pageCacheKey({ newer: { id: 'x', title: 'B' } }, ''),
    );
  });
});
