import { describe, expect, it } from 'vitest';
import { collectTimelineEntries, groupByYearAndMonth, latestEvents } from '../../src/lib/timeline.ts';
import { makeArticle } from '../support/articles.ts';

const articles = [
  makeArticle('centre', {
    title: 'Centre opens',
    date: '2019-03-06',
    events: [
      { date: '2019-03-05', text: 'The centre opened.' },
      { date: '2019-01', text: 'Charges were brought.' },
      { date: 2018, text: 'A campaign began.' },
    ],
  }),
  makeArticle('plans', { title: 'Plans announced', date: '2018-12-03', events: [{ date: '2018-12', text: 'Plans were announced.' }] }),
];

describe('the timeline', () => {
  const entries = collectTimelineEntries(articles);

  it('puts events and publications in one chronology, less precise dates first', () => {
    expect(entries.map((entry) => `${entry.kind}:${entry.text}`)).toEqual([
      'event:A campaign began.',
      'event:Plans were announced.',
      'publication:Plans announced',
      'event:Charges were brought.',
      'event:The centre opened.',
      'publication:Centre opens',
    ]);
  });

  it('gives every entry a stable anchor that starts with a letter', () => {
    expect(entries.map((entry) => entry.id)).toEqual([
      'event-2018-a-campaign-began',
      'event-2018-12-plans-were-announced',
      'published-plans',
      'event-2019-01-charges-were-brought',
      'event-2019-03-05-the-centre-opened',
      'published-centre',
    ]);
    expect(collectTimelineEntries([...articles].reverse()).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });

  it('keeps anchors unique when two entries would share one', () => {
    const twice = collectTimelineEntries([
      makeArticle('one', { title: 'One', date: '2019-01-02', events: [{ date: '2019-01', text: 'Same words.' }] }),
      makeArticle('two', { title: 'Two', date: '2019-01-03', events: [{ date: '2019-01', text: 'Same words.' }] }),
    ]);
    expect(twice.filter((entry) => entry.kind === 'event').map((entry) => entry.id)).toEqual(['event-2019-01-same-words', 'event-2019-01-same-words-2']);
  });

  it('groups by year, then month, with year-only entries first', () => {
    const years = groupByYearAndMonth(entries);
    expect(years.map((year) => [year.id, year.months.map((month) => month.id)])).toEqual([
      ['y2018', ['y2018-year', 'y2018-12']],
      ['y2019', ['y2019-01', 'y2019-03']],
    ]);
  });

  it('lists the latest events newest first', () => {
    expect(latestEvents(entries, 2).map((entry) => entry.text)).toEqual(['The centre opened.', 'Charges were brought.']);
  });
});
