import { describe, expect, it } from 'vitest';
import { collectTimelineEntries, groupByYearAndMonth } from '../../../src/timeline/timeline.ts';
import { entryHomes, entryLocation, planTimelinePages } from '../../../src/timeline/timelinePages.ts';
import { makeArticle } from '../../support/articles.ts';

const entries = collectTimelineEntries([
  makeArticle('a', {
    title: 'A',
    date: '2018-12-03',
    events: [
      { date: '2018-11', text: 'Talks began in Geneva.' },
      { date: 2018, text: 'A campaign ran all year.' },
    ],
  }),
  makeArticle('b', {
    title: 'B',
    date: '2019-03-06',
    events: [{ date: '2019-03-05', text: 'A centre opened in Brussels.' }],
  }),
]);
const years = groupByYearAndMonth(entries);

describe('timeline pages', () => {
  it('shows a short timeline whole, in both orders, with a page per year', () => {
    const pages = planTimelinePages(years);
    expect(pages.map((page) => page.path)).toEqual(['', 'newest/', '2018/', '2018/newest/', '2019/', '2019/newest/']);
    expect(pages[0]!.years.map((year) => year.year)).toEqual([2018, 2019]);
    expect(pages[1]!.years.map((year) => year.year)).toEqual([2019, 2018]);
    expect(pages[1]!.years[0]!.months[0]!.entries.map((entry) => entry.text)).toEqual([
      'B',
      'A centre opened in Brussels.',
    ]);
    expect(pages[0]!.otherOrderPath).toBe('newest/');
  });

  it('splits a long timeline into an index of years, and a long year into months', () => {
    const pages = planTimelinePages(years, 2);
    const byPath = new Map(pages.map((page) => [page.path, page]));
    expect(byPath.get('')!.years).toEqual([]);
    expect(byPath.get('')!.index).toEqual([
      { year: 2018, path: '2018/', count: 3 },
      { year: 2019, path: '2019/', count: 2 },
    ]);
    expect(byPath.get('newest/')!.index!.map((link) => link.path)).toEqual(['2019/newest/', '2018/newest/']);
    expect(byPath.get('2018/')!.years[0]!.months.map((month) => month.id)).toEqual(['y2018-year']);
    expect(byPath.get('2018/')!.index!.map((link) => link.path)).toEqual(['2018/11/', '2018/12/']);
    expect(byPath.get('2018/12/newest/')!.otherOrderPath).toBe('2018/12/');
  });

  it('gives every entry one home, the most specific page that shows it', () => {
    const homes = entryHomes(planTimelinePages(years, 2));
    const home = (text: string) =>
      entryLocation(
        homes,
        entries.find((entry) => entry.text === text)!,
      );
    expect(home('Talks began in Geneva.')).toBe('2018/11/#event-2018-11-talks-began-in-geneva');
    expect(home('A campaign ran all year.')).toBe('2018/#event-2018-a-campaign-ran-all-year');
    expect(home('A centre opened in Brussels.')).toBe('2019/#event-2019-03-05-a-centre-opened-in-brussels');
    expect(homes.size).toBe(entries.length);
  });
});
