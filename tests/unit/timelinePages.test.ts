import { describe, expect, it } from 'vitest';
import { collectTimelineEntries, groupByYearAndMonth } from '../../src/lib/timeline.ts';
import { planTimelinePages } from '../../src/lib/timelinePages.ts';
import { makeArticle } from '../support/articles.ts';

const years = groupByYearAndMonth(
  collectTimelineEntries([
    makeArticle('a', { title: 'A', date: '2018-12-03', events: [{ date: '2018-11', text: 'One.' }] }),
    makeArticle('b', { title: 'B', date: '2019-03-06', events: [{ date: '2019-03-05', text: 'Two.' }] }),
  ]),
);

describe('timeline pages', () => {
  it('shows a short timeline whole, in both orders, with a page per year', () => {
    const pages = planTimelinePages(years);
    expect(pages.map((page) => page.path)).toEqual(['', 'newest/', '2018/', '2018/newest/', '2019/', '2019/newest/']);
    expect(pages[0]!.years.map((year) => year.year)).toEqual([2018, 2019]);
    expect(pages[1]!.years.map((year) => year.year)).toEqual([2019, 2018]);
    expect(pages[1]!.years[0]!.months[0]!.entries.map((entry) => entry.text)).toEqual(['B', 'Two.']);
    expect(pages[0]!.otherOrderPath).toBe('newest/');
  });

  it('turns a long timeline’s first page into a year index', () => {
    const [oldest, newest] = planTimelinePages(years, 3);
    expect(oldest!.years).toEqual([]);
    expect(oldest!.yearIndex).toEqual([{ year: 2018, count: 2 }, { year: 2019, count: 2 }]);
    expect(newest!.yearIndex?.map((entry) => entry.year)).toEqual([2019, 2018]);
  });
});
