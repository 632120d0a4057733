import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatCalendarDate,
  parsePartialDate,
  parsePublicationDate,
} from '../../../src/lib/dates.ts';

function publication(input: unknown) {
  const reading = parsePublicationDate(input);
  if (!reading.ok) throw new Error(reading.message);
  return reading.value;
}

describe('publication dates', () => {
  it('reads a calendar date as that day, at UTC midnight for sorting', () => {
    expect(publication('2019-03-06')).toEqual({ day: '2019-03-06', time: Date.UTC(2019, 2, 6) });
  });

  it('keeps the day a date-time has at its own offset, even near midnight', () => {
    const late = publication('2019-03-06T23:30:00-05:00');
    expect(late.day).toBe('2019-03-06');
    expect(new Date(late.time).toISOString()).toBe('2019-03-07T04:30:00.000Z');
    expect(publication('2019-03-07T00:15:00+14:00').day).toBe('2019-03-07');
  });

  it.each([
    ['2019-02-30', 'is not a calendar date'],
    ['2019-13-01', 'is not a calendar date'],
    ['6 March 2019', 'is not a date Dossier reads'],
    ['2019-03-06T10:00:00', 'has a time but no offset'],
  ])('refuses %s', (input, message) => {
    const reading = parsePublicationDate(input);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toContain(message);
  });
});

describe('partial dates', () => {
  it('reads a year, a month or a day', () => {
    expect(parsePartialDate(2019)).toEqual({
      ok: true,
      value: { year: 2019, month: undefined, day: undefined, precision: 'year' },
    });
    expect(parsePartialDate('2019-03')).toMatchObject({
      ok: true,
      value: { year: 2019, month: 3, precision: 'month' },
    });
    expect(parsePartialDate('2019-03-05')).toMatchObject({ ok: true, value: { day: 5, precision: 'day' } });
    expect(parsePartialDate('2019-02-29').ok).toBe(false);
  });

  it('orders a less precise date before the dates inside it', () => {
    const dates = ['2019-03-05', '2019-04', '2019', '2019-03', '2018-12-31'].map((text) => {
      const reading = parsePartialDate(text);
      if (!reading.ok) throw new Error(reading.message);
      return reading.value;
    });
    const sorted = [...dates]
      .sort(comparePartialDates)
      .map((date) => [date.year, date.month, date.day].filter(Boolean).join('-'));
    expect(sorted).toEqual(['2018-12-31', '2019', '2019-3', '2019-3-5', '2019-4']);
  });

  it('formats at its precision, the same in every time zone', () => {
    const day = parsePartialDate('2019-03-05');
    const month = parsePartialDate('2019-03');
    if (!day.ok || !month.ok) throw new Error('unreadable');
    expect(formatCalendarDate(day.value, 'en-GB')).toBe('5 March 2019');
    expect(formatCalendarDate(day.value, 'de')).toBe('5. März 2019');
    expect(formatCalendarDate(month.value, 'en-GB')).toBe('March 2019');
    expect(formatCalendarDate(month.value, 'ja')).toBe('2019年3月');
  });
});

describe('seasons', () => {
  const read = (text: string) => {
    const reading = parsePartialDate(text);
    if (!reading.ok) throw new Error(reading.message);
    return reading.value;
  };

  it('reads and writes a season, and sorts it before the months it holds', () => {
    expect(read('2018-summer')).toEqual({ year: 2018, season: 'summer', precision: 'season' });
    const sorted = ['2018-07', '2018-summer', '2018', '2018-05-31', '2018-winter', '2018-12-01']
      .map(read)
      .sort(comparePartialDates);
    expect(
      sorted.map((date) =>
        [date.year, date.season ?? date.month, date.day].filter((part) => part !== undefined).join('-'),
      ),
    ).toEqual(['2018', '2018-5-31', '2018-summer', '2018-7', '2018-winter', '2018-12-1']);
  });
});
