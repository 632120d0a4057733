import { describe, expect, it } from 'vitest';
import {
  articleFreshness,
  freshnessAttributes,
  newness,
  readFreshness,
  timelineEntryFreshness,
} from '../../../src/site/freshness.ts';
import type { PublicationDate } from '../../../src/lib/dates.ts';

const day = (value: string): PublicationDate => ({ day: value, time: Date.parse(value) });

describe('what is new to a returning reader', () => {
  it('dates an article by its publication and a later update', () => {
    expect(articleFreshness({ date: day('2019-03-06') })).toEqual({ published: '2019-03-06' });
    expect(articleFreshness({ date: day('2019-03-06'), updated: day('2019-04-01') })).toEqual({
      published: '2019-03-06',
      updated: '2019-04-01',
    });
    // An update on the day it came out, or (by mistake) before, changes nothing a reader could miss.
    expect(articleFreshness({ date: day('2019-03-06'), updated: day('2019-03-06') })).toEqual({
      published: '2019-03-06',
    });
  });

  it('dates a timeline entry by its first report, and changes it with a later report or update', () => {
    expect(timelineEntryFreshness({ kind: 'event', reports: [{ published: '2018-12-03' }] })).toEqual({
      published: '2018-12-03',
    });
    expect(
      timelineEntryFreshness({ kind: 'event', reports: [{ published: '2018-12-03' }, { published: '2019-03-06' }] }),
    ).toEqual({
      published: '2018-12-03',
      updated: '2019-03-06',
    });
    expect(
      timelineEntryFreshness({
        kind: 'event',
        reports: [{ published: '2018-12-03', updated: '2019-05-01' }, { published: '2019-03-06' }],
      }),
    ).toEqual({ published: '2018-12-03', updated: '2019-05-01' });
    expect(() => timelineEntryFreshness({ kind: 'event', reports: [] })).toThrow(/without reports/);
    // An article's update is an entry of its own: its publication stays as it was.
    const updatedArticle = { published: '2018-12-03', updated: '2019-05-01' };
    expect(timelineEntryFreshness({ kind: 'publication', reports: [updatedArticle] })).toEqual({
      published: '2018-12-03',
    });
    expect(timelineEntryFreshness({ kind: 'update', reports: [updatedArticle] })).toEqual(updatedArticle);
  });

  it('marks new what came out on or after the first unseen day, updated what only changed then', () => {
    const updated = { published: '2018-12-03', updated: '2019-03-06' };
    expect(newness({ published: '2019-03-06' }, '2019-01-15')).toBe('new');
    expect(newness({ published: '2019-01-15' }, '2019-01-15')).toBe('new');
    expect(newness(updated, '2019-01-15')).toBe('updated');
    expect(newness(updated, '2019-03-07')).toBeUndefined();
    expect(newness({ published: '2018-12-03' }, '2019-01-15')).toBeUndefined();
  });

  it('reads back the attributes a page carries, and nothing else', () => {
    const updated = { published: '2018-12-03', updated: '2019-03-06' };
    const attributes = freshnessAttributes(updated);
    expect(attributes).toEqual({ 'data-published': '2018-12-03', 'data-updated': '2019-03-06' });
    expect(readFreshness({ published: attributes['data-published'], updated: attributes['data-updated'] })).toEqual(
      updated,
    );
    expect(freshnessAttributes({ published: '2018-12-03' })).toEqual({ 'data-published': '2018-12-03' });
    expect(readFreshness({})).toBeUndefined();
    expect(readFreshness({ published: 'yesterday' })).toBeUndefined();
    expect(readFreshness({ published: '2018-12-03', updated: 'soon' })).toEqual({ published: '2018-12-03' });
  });
});
