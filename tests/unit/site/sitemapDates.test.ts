import { describe, expect, it } from 'vitest';
import { sitemapLastmod } from '../../../src/site/sitemapDates.ts';

describe('sitemapLastmod', () => {
  const updates = { 'operators-test-5g': '2019-09-04', 'zürich-talks': '2019-09-05T10:00:00+02:00' };

  it('is the updated date of the article a page shows, under any base path', () => {
    expect(sitemapLastmod('https://x.example/articles/operators-test-5g/', updates)).toBe('2019-09-04');
    expect(sitemapLastmod('https://x.example/story/articles/z%C3%BCrich-talks/', updates)).toBe(
      '2019-09-05T10:00:00+02:00',
    );
  });

  it('is undefined for other pages and articles never updated', () => {
    expect(sitemapLastmod('https://x.example/articles/other/', updates)).toBeUndefined();
    expect(sitemapLastmod('https://x.example/tags/5g/', updates)).toBeUndefined();
    expect(sitemapLastmod('https://x.example/articles/constructor/', updates)).toBeUndefined();
  });
});
