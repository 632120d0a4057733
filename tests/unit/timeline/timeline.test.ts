import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../../src/lib/dates.ts';
import {
  collectTimelineEntries,
  type TimelineEntry,
  datesAgree,
  entriesByGroup,
  groupByYearAndMonth,
  latestEvents,
} from '../../../src/timeline/timeline.ts';
import { makeArticle } from '../../support/articles.ts';

const articles = [
  makeArticle('centre', {
    title: 'Centre opens',
    date: '2019-03-06',
    events: [
      { date: '2019-03-05', text: 'The centre opened.' },
      { date: '2019-01', text: 'Charges were brought.' },
      { date: 2018, text: 'A campaign began.', approximate: true },
    ],
  }),
  makeArticle('plans', {
    title: 'Plans announced',
    date: '2018-12-03',
    events: [
      { date: '2018-12', text: 'Plans were announced.' },
      { date: '2018-summer', text: 'Rules changed.' },
    ],
  }),
];

describe('the timeline', () => {
  const entries = collectTimelineEntries(articles);

  it('puts events and publications in one chronology, less precise dates first', () => {
    expect(entries.map((entry) => `${entry.kind}:${entry.text}`)).toEqual([
      'event:A campaign began.',
      'event:Rules changed.',
      'event:Plans were announced.',
      'publication:Plans announced',
      'event:Charges were brought.',
      'event:The centre opened.',
      'publication:Centre opens',
    ]);
    expect(entries[0]!.approximate).toBe(true);
  });

  it('gives every entry a stable anchor that starts with a letter', () => {
    expect(entries.map((entry) => entry.id)).toEqual([
      'event-2018-a-campaign-began',
      'event-2018-summer-rules-changed',
      'event-2018-12-plans-were-announced',
      'published-plans',
      'event-2019-01-charges-were-brought',
      'event-2019-03-05-the-centre-opened',
      'published-centre',
    ]);
    expect(collectTimelineEntries([...articles].reverse()).map((entry) => entry.id)).toEqual(
      entries.map((entry) => entry.id),
    );
  });

  it('keeps anchors unique when two different happenings would share one', () => {
    const twice = collectTimelineEntries([
      makeArticle('one', {
        title: 'One',
        date: '2019-01-02',
        events: [{ date: '2019-01-01', text: 'Talks began in Geneva about trade and security.' }],
      }),
      makeArticle('two', {
        title: 'Two',
        date: '2019-01-03',
        events: [{ date: '2019-01-02', text: 'Talks began in Geneva after a long delay.' }],
      }),
    ]);
    expect(twice.filter((entry) => entry.kind === 'event').map((entry) => entry.id)).toEqual([
      'event-2019-01-01-talks-began-in-geneva-about-trade-and-security',
      'event-2019-01-02-talks-began-in-geneva-after-a-long-delay',
    ]);
  });

  it('groups by year, then season or month, with year-only entries first', () => {
    const years = groupByYearAndMonth(entries);
    expect(years.map((year) => [year.id, year.months.map((month) => month.id)])).toEqual([
      ['y2018', ['y2018-year', 'y2018-summer', 'y2018-12']],
      ['y2019', ['y2019-01', 'y2019-03']],
    ]);
  });

  it('lists the latest events newest first', () => {
    expect(latestEvents(entries, 2).map((entry) => entry.text)).toEqual([
      'The centre opened.',
      'Charges were brought.',
    ]);
  });
});

describe('the same happening reported by several articles', () => {
  const merged = collectTimelineEntries([
    makeArticle('wire', {
      title: 'Wire',
      date: '2019-03-05',
      source: { name: 'Wire' },
      events: [{ date: '2019-03', text: 'Huawei opened a cybersecurity transparency centre in Brussels.' }],
    }),
    makeArticle('daily', {
      title: 'Daily',
      date: '2019-03-06',
      source: { name: 'Daily' },
      events: [{ date: '2019-03-05', text: 'Huawei opens its cybersecurity transparency centre in Brussels.' }],
    }),
    makeArticle('weekly', {
      title: 'Weekly',
      date: '2019-03-09',
      source: { name: 'Weekly' },
      events: [
        { date: '2019-03-04', text: 'Huawei opened a transparency centre in Brussels.' },
        { date: '2019-03', text: 'Pompeo warned US allies.' },
      ],
    }),
  ]).filter((entry) => entry.kind === 'event');

  it('is one entry listing every source, dated as precisely as the best report', () => {
    const opening = merged.filter((entry) => entry.text.includes('transparency'));
    expect(opening.map((entry) => [entry.id, entry.reports.map((report) => report.slug)])).toEqual([
      ['event-2019-03-04-huawei-opened-a-transparency-centre-in-brussels', ['weekly']],
      ['event-2019-03-huawei-opened-a-cybersecurity-transparency-centre-in-brussels', ['wire', 'daily']],
    ]);
    expect(opening[1]!.date).toMatchObject({ month: 3, day: 5, precision: 'day' });
  });

  it('keeps different happenings of the same month apart', () => {
    expect(merged.map((entry) => entry.text)).toContain('Pompeo warned US allies.');
  });

  it('gives each tag its own timeline', () => {
    const reporters = (entries: TimelineEntry[] | undefined) =>
      entries?.map((entry) => entry.reports.map((report) => report.slug));
    const byTag = entriesByGroup(merged, [
      { slug: 'daily-only', articles: [{ id: 'daily' }] },
      { slug: 'every', articles: [{ id: 'weekly' }, { id: 'daily' }, { id: 'wire' }] },
      { slug: 'none', articles: [] },
    ]);
    expect(reporters(byTag.get('daily-only'))).toEqual([['wire', 'daily']]);
    expect(reporters(byTag.get('every'))).toEqual(reporters(merged));
    expect(byTag.get('none')).toEqual([]);
  });
});

describe('dates that agree at their shared precision', () => {
  const date = (text: string) => {
    const reading = parsePartialDate(text);
    if (!reading.ok) throw new Error(reading.message);
    return reading.value;
  };
  it.each([
    ['2019-03', '2019-03-05', true],
    ['2019', '2019-03-05', true],
    ['2018-summer', '2018-07', true],
    ['2018-summer', '2018-09-01', false],
    ['2019-03-04', '2019-03-05', false],
    ['2019-03', '2019-04', false],
  ])('%s and %s: %s', (a, b, agree) => {
    expect(datesAgree(date(a), date(b))).toBe(agree);
  });
});
