import { describe, expect, it } from 'vitest';
import { paginateFromOldest } from '../../../src/site/pagination.ts';
import { pageCacheKey } from '../../../src/site/pageCacheKey.ts';

/** Articles numbered by age: 1 is the oldest; listings hold them newest first. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe('listing pages numbered from the oldest article', () => {
  it('fills every page but the newest, which holds the rest, and shows the newest at the root', () => {
    const pages = paginateFromOldest(newestFirst(60), 25);
    expect(pages.map((page) => [page.number, page.path, page.items.length])).toEqual([
      [1, '1/', 25],
      [2, '', 35],
    ]);
    expect(pages[0]!.items).toEqual(newestFirst(25));
    expect(pages[1]!.items[0]).toBe(60);
    expect(pages[1]!.newest).toEqual({ total: 60, pages: 2 });
    expect(pages[0]!.newest).toBeUndefined();
  });

  it('links each page to the newer and the older one', () => {
    const pages = paginateFromOldest(newestFirst(80), 25);
    expect(pages.map((page) => [page.path, page.newer, page.older])).toEqual([
      ['1/', '2/', undefined],
      ['2/', '', '1/'],
      ['', undefined, '2/'],
    ]);
  });

  it('puts a short listing on one page', () => {
    expect(paginateFromOldest([], 25).map((page) => [page.path, page.items])).toEqual([['', []]]);
    expect(paginateFromOldest(newestFirst(49), 25)).toHaveLength(1);
  });

  it('changes only the newest page when an article is added, and the two before it when that adds a page', () => {
    const keys = (count: number) =>
      paginateFromOldest(newestFirst(count), 25).map((page) => `${page.path} ${pageCacheKey(page, '')}`);
    for (const count of [30, 60, 74, 249, 1000]) {
      const before = keys(count);
      const after = keys(count + 1);
      const changed = after.filter((key) => !before.includes(key)).map((key) => key.split(' ')[0]);
      const pages = Math.floor((count + 1) / 25);
      const splits = pages > Math.max(1, Math.floor(count / 25));
      expect(changed, `${count} → ${count + 1}`).toEqual(splits ? [`${pages - 2}/`, `${pages - 1}/`, ''] : ['']);
    }
  });
});
