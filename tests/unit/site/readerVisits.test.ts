import { describe, expect, it } from 'vitest';
import {
  dayAfter,
  markAllSeen,
  parseVisitState,
  recordPageView,
  VISIT_GAP_MS,
  visitsStorageKey,
  type VisitState,
} from '../../../src/site/readerVisits.ts';

const MINUTE = 60_000;
const at = (iso: string) => ({ time: Date.parse(iso), day: iso.slice(0, 10) });

describe('a reader’s visits', () => {
  it('marks nothing on a first visit, nor on its later pages', () => {
    const first = recordPageView(undefined, at('2019-01-15T10:00:00Z'));
    expect(first).toEqual({ lastView: Date.parse('2019-01-15T10:00:00Z'), lastViewDay: '2019-01-15' });
    const sameVisit = recordPageView(first, at('2019-01-15T10:20:00Z'));
    expect(sameVisit.newFrom).toBeUndefined();
  });

  it('starts a new visit after half an hour without a page view, new from the previous view’s day', () => {
    let state = recordPageView(undefined, at('2019-01-15T10:00:00Z'));
    state = recordPageView(state, at('2019-01-15T10:29:00Z'));
    // 29 minutes after the last view: still the same visit, however long since the first.
    state = recordPageView(state, at('2019-01-15T10:58:00Z'));
    expect(state.newFrom).toBeUndefined();
    state = recordPageView(state, { time: state.lastView + VISIT_GAP_MS + MINUTE, day: '2019-01-15' });
    expect(state.newFrom).toBe('2019-01-15');
    const weeksLater = recordPageView(state, at('2019-03-10T08:00:00Z'));
    expect(weeksLater.newFrom).toBe('2019-01-15');
    // Within that visit, newFrom stays: pages keep marking what the visit found new.
    expect(recordPageView(weeksLater, at('2019-03-10T08:10:00Z')).newFrom).toBe('2019-01-15');
    // The next visit moves it to the day of the one before.
    expect(recordPageView(weeksLater, at('2019-03-12T08:00:00Z')).newFrom).toBe('2019-03-10');
  });

  it('marks nothing dated up to today once all is marked as seen, and never moves back', () => {
    const visiting: VisitState = {
      lastView: Date.parse('2019-03-10T08:00:00Z'),
      lastViewDay: '2019-03-10',
      newFrom: '2019-01-15',
    };
    const seen = markAllSeen(visiting, at('2019-03-10T08:05:00Z'));
    expect(seen.newFrom).toBe('2019-03-11');
    // The next visit, later that day, would start from the 10th: it keeps the 11th.
    expect(recordPageView(seen, at('2019-03-10T20:00:00Z')).newFrom).toBe('2019-03-11');
    expect(recordPageView(seen, at('2019-03-13T20:00:00Z')).newFrom).toBe('2019-03-11');
    expect(markAllSeen(undefined, at('2019-12-31T23:00:00Z')).newFrom).toBe('2020-01-01');
  });

  it('reads back only what it wrote; anything else is a first visit', () => {
    const state = recordPageView(recordPageView(undefined, at('2019-01-15T10:00:00Z')), at('2019-02-01T10:00:00Z'));
    expect(parseVisitState(JSON.stringify(state))).toEqual(state);
    for (const stored of [
      null,
      '',
      'not json',
      '42',
      '{"lastView":"x","lastViewDay":"2019-01-15"}',
      '{"lastView":1,"lastViewDay":"15/01/2019"}',
      '{"lastView":1,"lastViewDay":"2019-01-15","newFrom":3}',
    ])
      expect(parseVisitState(stored), String(stored)).toBeUndefined();
  });

  it('counts days across months and years, and keeps each site’s visits apart', () => {
    expect(dayAfter('2019-02-28')).toBe('2019-03-01');
    expect(dayAfter('2020-02-28')).toBe('2020-02-29');
    expect(visitsStorageKey('/')).not.toBe(visitsStorageKey('/digest/'));
  });
});
