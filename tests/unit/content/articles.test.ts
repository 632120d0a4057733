import { describe, expect, it } from 'vitest';
import {
  firstParagraph,
  getPublishedArticles,
  neighbours,
  readingMinutes,
  summarize,
  truncateAtWord,
} from '../../../src/content/articles.ts';
import { makeArticle } from '../../support/articles.ts';

describe('published articles', () => {
  const articles = [
    makeArticle('b', { title: 'B', date: '2019-03-06' }),
    makeArticle('draft', { title: 'Draft', date: '2020-01-01', draft: true }),
    makeArticle('a', { title: 'A', date: '2019-03-06' }),
    makeArticle('old', { title: 'Old', date: '2018-12-03' }),
    makeArticle('late', { title: 'Late', date: '2019-03-06T23:30:00-05:00' }),
  ];

  it('leaves drafts out and lists newest first, ties by slug', () => {
    expect(getPublishedArticles(articles).map((article) => article.id)).toEqual(['late', 'a', 'b', 'old']);
  });

  it('finds the articles before and after one in time', () => {
    const ordered = getPublishedArticles(articles);
    expect(neighbours(ordered, 'a')).toEqual({ older: ordered[2], newer: ordered[0] });
    expect(neighbours(ordered, 'late').newer).toBeUndefined();
    expect(neighbours(ordered, 'old').older).toBeUndefined();
  });
});

describe('summaries', () => {
  it('uses the editor’s summary when there is one', () => {
    expect(summarize(makeArticle('x', { title: 'X', date: '2019-01-01', summary: 'Mine.' }, 'First paragraph.'))).toBe(
      'Mine.',
    );
  });

  it('otherwise takes the first prose paragraph, as plain text', () => {
    const body =
      '## A heading\n\n> A quote\n\nThe **first** real [paragraph](https://example.org),\nwrapped.\n\nSecond.';
    expect(firstParagraph(body)).toBe('The first real paragraph, wrapped.');
  });

  it('cuts long text at a word', () => {
    expect(truncateAtWord('one two three four five', 12)).toBe('one two…');
    expect(truncateAtWord('short', 12)).toBe('short');
  });
});

describe('reading time', () => {
  it('counts words at about 230 a minute, at least one minute', () => {
    expect(readingMinutes('word '.repeat(10))).toBe(1);
    expect(readingMinutes('word '.repeat(230 * 4))).toBe(4);
  });
});
