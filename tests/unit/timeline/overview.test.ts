import { describe, expect, it } from 'vitest';
import { collectTimelineEntries, groupByYearAndMonth, type TimelineEntry } from '../../../src/timeline/timeline.ts';
import { entryHomes, entryLocation, planTimelinePages } from '../../../src/timeline/timelinePages.ts';
import {
  busiestBin,
  layoutOverview,
  MONTHS_ON_ONE_OVERVIEW,
  OVERVIEW_PLOT_HEIGHT,
  OVERVIEW_WIDTH,
} from '../../../src/timeline/overview.ts';
import { makeArticle } from '../../support/articles.ts';

const entries = collectTimelineEntries([
  makeArticle('a', {
    title: 'A',
    date: '2018-12-03',
    events: [
      { date: 2018, text: 'A campaign ran all year.' },
      { date: '2018-summer', text: 'Rules changed in Australia.' },
      { date: '2018-11', text: 'Talks began in Geneva.' },
    ],
  }),
  makeArticle('b', {
    title: 'B',
    date: '2019-03-06',
    events: [
      { date: '2019-03-05', text: 'A centre opened in Brussels.' },
      { date: '2019-03-01', text: 'Ministers met in Bonn.' },
    ],
  }),
]);
const homes = entryHomes(planTimelinePages(groupByYearAndMonth(entries), 2));
const locate = (entry: TimelineEntry) => entryLocation(homes, entry);

/** A digest whose articles and events spread over `years`, one event a month. */
function spanning(years: number) {
  const articles = Array.from({ length: years * 12 }, (_, index) => {
    const year = 2000 + Math.floor(index / 12);
    const month = String((index % 12) + 1).padStart(2, '0');
    return makeArticle(`a${index}`, {
      title: `Report ${index}`,
      date: `${year}-${month}-15`,
      events: [{ date: `${year}-${month}-01`, text: `Happening number ${index} took place.` }],
    });
  });
  return collectTimelineEntries(articles);
}

describe('the timeline overview', () => {
  it('bins a short story by month, with its vague entries where the timeline lists them', () => {
    const overview = layoutOverview(entries, locate)!;
    expect(overview.unit).toBe('month');
    expect(overview.bins.map((bin) => [bin.period, bin.events, bin.publications])).toEqual([
      [{ year: 2018, precision: 'year' }, 1, 0],
      [{ year: 2018, season: 'summer', precision: 'season' }, 1, 0],
      [{ year: 2018, month: 11, precision: 'month' }, 1, 0],
      [{ year: 2018, month: 12, precision: 'month' }, 0, 1],
      [{ year: 2019, month: 3, precision: 'month' }, 2, 1],
    ]);
    expect(busiestBin(overview).period).toEqual({ year: 2019, month: 3, precision: 'month' });
  });

  it('links each bin to its first entry, where the timeline’s pages show it', () => {
    const overview = layoutOverview(entries, locate)!;
    expect(overview.bins.map((bin) => bin.path)).toEqual([
      '2018/#event-2018-a-campaign-ran-all-year',
      '2018/#event-2018-summer-rules-changed-in-australia',
      '2018/11/#event-2018-11-talks-began-in-geneva',
      '2018/12/#published-a',
      '2019/03/#event-2019-03-01-ministers-met-in-bonn',
    ]);
  });

  it('counts every entry of the timeline once', () => {
    for (const timeline of [entries, spanning(2), spanning(6)]) {
      const overview = layoutOverview(timeline, locate)!;
      const counted = overview.bins.reduce((sum, bin) => sum + bin.events + bin.publications, 0);
      expect(counted).toBe(timeline.length);
      expect(overview.events).toBe(timeline.filter((entry) => entry.kind === 'event').length);
      expect(overview.publications).toBe(timeline.filter((entry) => entry.kind === 'publication').length);
    }
  });

  it('bins by year when the months are too many for a narrow screen', () => {
    expect(layoutOverview(spanning(MONTHS_ON_ONE_OVERVIEW / 12), locate)!.unit).toBe('month');
    const overview = layoutOverview(spanning(MONTHS_ON_ONE_OVERVIEW / 12 + 1), locate)!;
    expect(overview.unit).toBe('year');
    expect(overview.bins.map((bin) => [bin.period.year, bin.events, bin.publications])).toEqual(
      [2000, 2001, 2002, 2003, 2004].map((year) => [year, 12, 12]),
    );
    const vague = collectTimelineEntries([
      makeArticle('recent', {
        title: 'Recent',
        date: '2019-03-06',
        events: Array.from({ length: MONTHS_ON_ONE_OVERVIEW }, (_, index) => ({
          date: 1950 + index,
          text: `Something happened during year ${index}.`,
        })),
      }),
    ]);
    expect(layoutOverview(vague, locate)!.unit).toBe('year');
  });

  it('makes bars proportional to their counts, the tallest filling the plot, all within the drawing', () => {
    const overview = layoutOverview(entries, locate)!;
    const perEntry = OVERVIEW_PLOT_HEIGHT / 3;
    for (const bin of overview.bins) {
      expect(bin.eventsHeight).toBeCloseTo(bin.events * perEntry, 1);
      expect(bin.publicationsHeight).toBeCloseTo(bin.publications * perEntry, 1);
      expect(bin.x).toBeGreaterThanOrEqual(0);
      expect(bin.x + bin.width).toBeLessThanOrEqual(OVERVIEW_WIDTH);
    }
    expect(Math.max(...overview.bins.map((bin) => bin.eventsHeight + bin.publicationsHeight))).toBe(
      OVERVIEW_PLOT_HEIGHT,
    );
  });

  it('keeps empty months as gaps, so the axis runs at the pace of the calendar', () => {
    const overview = layoutOverview(entries, locate)!;
    // Slots: 2018, summer 2018, November 2018 to March 2019.
    const slot = OVERVIEW_WIDTH / 7;
    expect(overview.bins.map((bin) => Math.round((bin.x - slot * 0.15) / slot))).toEqual([0, 1, 2, 3, 6]);
    expect(overview.years.map(({ year, start, label }) => [year, start, label])).toEqual([
      [2018, 0, expect.closeTo(2 * slot, 1)],
      [2019, expect.closeTo(4 * slot, 1), expect.closeTo(5.5 * slot, 1)],
    ]);
  });

  it('lays out right to left as a mirror, the oldest period on the right', () => {
    const ltr = layoutOverview(entries, locate)!;
    const rtl = layoutOverview(entries, locate, 'rtl')!;
    rtl.bins.forEach((bin, index) => {
      const mirrored = ltr.bins[index]!;
      expect(bin.period).toEqual(mirrored.period);
      expect(bin.x + bin.width).toBeCloseTo(OVERVIEW_WIDTH - mirrored.x, 1);
    });
    expect(rtl.years.map((year) => year.label)).toEqual(ltr.years.map((year) => OVERVIEW_WIDTH - year.label));
  });

  it('names as many years as fit without overlapping, the first always', () => {
    const overview = layoutOverview(spanning(30), locate)!;
    const labelled = overview.years.filter((year) => year.labelled);
    expect(labelled[0]!.year).toBe(2000);
    expect(labelled.length).toBeGreaterThan(3);
    for (let index = 1; index < labelled.length; index++)
      expect(labelled[index]!.label - labelled[index - 1]!.label).toBeGreaterThanOrEqual(44);
  });

  it('draws nothing for an empty timeline', () => {
    expect(layoutOverview([], locate)).toBeUndefined();
  });
});
