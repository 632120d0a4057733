import { describe, expect, it } from 'vitest';
import { getPublishedArticles } from '../../../src/content/articles.ts';
import { findRelatedArticles } from '../../../src/site/related.ts';
import { makeArticle } from '../../support/articles.ts';

describe('related articles', () => {
  it('prefers articles sharing rarer tags and title words', () => {
    const articles = getPublishedArticles([
      makeArticle('centre', {
        title: 'Huawei opens transparency centre in Brussels',
        date: '2019-03-06',
        tags: ['huawei', 'brussels', 'transparency'],
      }),
      makeArticle('brussels', {
        title: 'Huawei invests in Brussels lab',
        date: '2018-12-03',
        tags: ['huawei', 'brussels'],
      }),
      makeArticle('phones', { title: 'Huawei sells more phones', date: '2019-02-01', tags: ['huawei', 'phones'] }),
      makeArticle('weather', { title: 'Rain in Lisbon', date: '2019-02-02', tags: ['weather'] }),
    ]);
    const related = findRelatedArticles(articles, 2);
    expect(related.get('centre')?.map((article) => article.id)).toEqual(['brussels', 'phones']);
    expect(related.get('weather')).toEqual([]);
  });

  it('compares each article with a bounded number of others, however many share a tag', () => {
    const many = getPublishedArticles(
      Array.from({ length: 3000 }, (_, index) =>
        makeArticle(`a${index}`, {
          title: `Story number ${index}`,
          date: `2019-01-${String((index % 28) + 1).padStart(2, '0')}`,
          tags: ['huawei'],
        }),
      ),
    );
    const related = findRelatedArticles(many, 3);
    expect(related.size).toBe(3000);
    for (const list of related.values()) expect(list).toHaveLength(3);
  });
});
