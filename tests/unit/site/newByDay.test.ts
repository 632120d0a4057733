import { describe, expect, it } from 'vitest';
import { createTranslator, DICTIONARIES } from '../../../src/i18n/translate.ts';
import { formatDay } from '../../../src/lib/dates.ts';
import { countNewByDay, countNewSince, lineSince, newSinceLines } from '../../../src/site/newByDay.ts';
import { newSinceText } from '../../../src/site/newSinceText.ts';

const published = (day: string) => ({ published: day });

describe('articles and events counted by day for the home line', () => {
  const articles = [
    published('2019-03-06'),
    published('2018-12-03'),
    { published: '2018-11-01', updated: '2019-03-06' },
  ];
  const events = [published('2019-03-06'), published('2019-03-06'), published('2018-12-03'), published('2018-10-01')];

  it('counts each item on the last day it changed, newest day first', () => {
    expect(countNewByDay(articles, events)).toEqual({
      days: [
        { day: '2019-03-06', articles: 2, events: 2 },
        { day: '2018-12-03', articles: 1, events: 1 },
        { day: '2018-10-01', articles: 0, events: 1 },
      ],
    });
  });

  it('keeps a bounded number of days, and says where it stopped', () => {
    const counts = countNewByDay(articles, events, 2);
    expect(counts.days.map((count) => count.day)).toEqual(['2019-03-06', '2018-12-03']);
    expect(counts.olderDay).toBe('2018-10-01');
  });

  it('adds up the days since a visit, as a lower bound when the visit is older than the days kept', () => {
    const counts = countNewByDay(articles, events, 2);
    expect(countNewSince(counts, '2019-01-15')).toEqual({ articles: 2, events: 2, complete: true });
    expect(countNewSince(counts, '2018-12-03')).toEqual({ articles: 3, events: 3, complete: true });
    expect(countNewSince(counts, '2018-10-01')).toEqual({ articles: 3, events: 3, complete: false });
    expect(countNewSince(counts, '2019-03-07')).toEqual({ articles: 0, events: 0, complete: true });
    // Everything kept: exact, however old the visit.
    expect(countNewSince(countNewByDay(articles, events), '2000-01-01')).toEqual({
      articles: 3,
      events: 4,
      complete: true,
    });
  });

  it('carries a line for every day kept, which the browser picks by the reader’s first unseen day', () => {
    const english = createTranslator('en');
    const lines = newSinceLines(countNewByDay(articles, events, 2), (since) => newSinceText(english, since));
    expect(lines).toEqual({
      days: [
        ['2019-03-06', 'New or updated since {day}: 2 articles and 2 events.'],
        ['2018-12-03', 'New or updated since {day}: 3 articles and 3 events.'],
      ],
      older: ['2018-10-01', 'New or updated since {day}: at least 3 articles and 3 events.'],
    });
    const inEnglish = (day: string) => formatDay(day, 'en-GB');
    expect(lineSince(lines, '2019-01-15', inEnglish)).toBe(
      'New or updated since 15 January 2019: 2 articles and 2 events.',
    );
    expect(lineSince(lines, '2018-11-01', inEnglish)).toBe(
      'New or updated since 1 November 2018: 3 articles and 3 events.',
    );
    expect(lineSince(lines, '2018-10-01', inEnglish)).toMatch(/since 1 October 2018: at least 3 articles/);
    expect(lineSince(lines, '2019-03-07', inEnglish)).toBeUndefined();
    expect(
      lineSince(
        newSinceLines(countNewByDay([], []), () => 'x'),
        '2019-03-07',
        inEnglish,
      ),
    ).toBeUndefined();
  });

  it.each(Object.keys(DICTIONARIES))('says it in %s, plural forms included, only the day left to fill', (language) => {
    const translator = createTranslator(language);
    for (const since of [
      { articles: 1, events: 0, complete: true },
      { articles: 2, events: 11, complete: false },
    ]) {
      const line = newSinceText(translator, since);
      expect([...line.matchAll(/\{(\w+)\}/g)].map((match) => match[1])).toEqual(['day']);
    }
    expect(translator.t('newSince.new')).not.toBe(translator.t('newSince.updated'));
  });
});
