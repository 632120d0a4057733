import { describe, expect, it } from 'vitest';
import { dateOfSpan, eventDateToString, seasonOf, seasonSpan } from '../../../src/events/eventDates.ts';

describe('event dates', () => {
  it('writes each precision as frontmatter does', () => {
    expect(eventDateToString({ year: 2019, precision: 'year' })).toBe('2019');
    expect(eventDateToString({ year: 2019, month: 3, precision: 'month' })).toBe('2019-03');
    expect(eventDateToString({ year: 2019, month: 3, day: 5, precision: 'day' })).toBe('2019-03-05');
    expect(eventDateToString({ year: 2018, season: 'summer', precision: 'season' })).toBe('2018-summer');
  });

  it('names a winter by the year it begins in', () => {
    expect(seasonSpan('winter', 2018)).toEqual({
      from: { year: 2018, month: 12, day: 1 },
      to: { year: 2019, month: 2, day: 28 },
    });
    expect(seasonOf({ year: 2019, month: 2, day: 10 })).toEqual({ season: 'winter', year: 2018 });
    expect(seasonOf({ year: 2019, month: 6, day: 1 })).toEqual({ season: 'summer', year: 2019 });
  });

  it('names a span by the unit holding it, or by its middle, approximately', () => {
    const inMarch = { from: { year: 2019, month: 3, day: 11 }, to: { year: 2019, month: 3, day: 17 } };
    const acrossMonths = { from: { year: 2019, month: 2, day: 25 }, to: { year: 2019, month: 3, day: 3 } };
    expect(dateOfSpan(inMarch, 'month')).toEqual({
      date: { year: 2019, month: 3, precision: 'month' },
      approximate: false,
    });
    expect(dateOfSpan(acrossMonths, 'month')).toEqual({
      date: { year: 2019, month: 2, precision: 'month' },
      approximate: true,
    });
    expect(dateOfSpan(inMarch, 'month', true).approximate).toBe(true);
  });
});
