import { describe, expect, it } from 'vitest';
import {
  englishDateOrder,
  findDateInText,
  findRelativeDate,
  findTimeOfDay,
  numberOrderOf,
  numericDateReadings,
  readFeedDate,
} from '../../../src/import/newsDates.ts';

describe('dates in pasted text', () => {
  it('says where in the line the date is, so the rest of the line can be read', () => {
    expect(findDateInText('Huawei Logo Dec 3 2018 AH', { dayFirst: false })).toEqual({
      day: '2018-12-03',
      text: 'Dec 3 2018',
      index: 12,
    });
  });

  it('wants a full date: day, month and year', () => {
    expect(findDateInText('Mar 6', { dayFirst: false })).toBeUndefined();
    expect(findDateInText('March 2019', { dayFirst: false })).toBeUndefined();
  });

  it('ignores dates counted from today, which say nothing about the article', () => {
    expect(findDateInText('Updated 3 days ago', { dayFirst: false })).toBeUndefined();
    expect(findDateInText('yesterday', { dayFirst: false })).toBeUndefined();
  });

  it('refuses days that are not in the calendar', () => {
    expect(findDateInText('31 February 2019', { dayFirst: false })).toBeUndefined();
  });
});

describe('dates in numbers alone', () => {
  it.each([
    ['11.03.17', { 'month-first': '2017-11-03', 'day-first': '2017-03-11' }],
    ['06/03/2019 10:30', { 'month-first': '2019-06-03', 'day-first': '2019-03-06' }],
    ['2/26/2015', undefined],
    ['26/2/2015', undefined],
    ['05.05.2019', undefined],
    ['2019-03-06', undefined],
    ['March 6, 2019', undefined],
  ])('reads %j two ways only where both are days: %j', (text, readings) => {
    expect(numericDateReadings(text)).toEqual(readings);
  });

  it.each([
    ['de', 'day-first'],
    ['fr-CA', 'month-first'],
    ['en-GB', 'day-first'],
    ['en-AU', 'day-first'],
    ['en-US', 'month-first'],
    ['ja', 'month-first'],
    ['en', undefined],
    [undefined, undefined],
    ['not a tag!', undefined],
  ])('knows the order %s writes them in: %s', (language, order) => {
    expect(numberOrderOf(language)).toBe(order);
  });

  it('tells an English text’s order from its dates in words, then from its spelling', () => {
    expect(englishDateOrder('The ferry stops on June 30 and restarts on July 4.')).toBe('month-first');
    expect(englishDateOrder('The ferry stops on 30 June and restarts on 4th of July.')).toBe('day-first');
    expect(englishDateOrder('The theater reopened, its gray walls freshly painted.')).toBe('month-first');
    expect(englishDateOrder('The theatre reopened, its grey walls freshly painted by local organisations.')).toBe(
      'day-first',
    );
    // A capital is a name: the Labor Party, the Lincoln Center.
    expect(englishDateOrder('The Labor Party met at the Lincoln Center.')).toBeUndefined();
    expect(englishDateOrder('The ferry stops on June 30 and the tram on 1 July.')).toBeUndefined();
  });
});

describe('dates counted from the reading day, and times alone', () => {
  it.each([
    ['Mara Quill 1 day ago', '1 day ago'],
    ['Updated 3 hours ago', '3 hours ago'],
    ['Yesterday at 3:57 PM', 'Yesterday at 3:57 PM'],
    ['vor 2 Tagen', 'vor 2 Tagen'],
    ['il y a 2 jours', 'il y a 2 jours'],
    ['3小时前', '3小时前'],
  ])('finds %j counted back', (line, text) => {
    expect(findRelativeDate(line, line.startsWith('vor') ? 'de' : line.startsWith('il') ? 'fr' : 'en')?.text).toBe(
      text,
    );
  });

  it('does not count back from a date that names its day', () => {
    expect(findRelativeDate('March 6, 2019')).toBeUndefined();
    expect(findRelativeDate('Mar 17')).toBeUndefined();
  });

  it('finds a time without a day, and nothing in a date or a word', () => {
    expect(findTimeOfDay('1:39 PM ET')?.text).toBe('1:39 PM ET');
    expect(findTimeOfDay('Tuesday')).toBeUndefined();
    expect(findTimeOfDay('Valdria')).toBeUndefined();
  });
});

describe('dates in feeds', () => {
  it.each([
    ['Wed, 06 Mar 2019 09:30:00 GMT', '2019-03-06T09:30:00+00:00'],
    ['Wed, 06 Mar 2019 09:30:00 UT', '2019-03-06T09:30:00+00:00'],
    ['Mon, 25 Feb 2019 23:30:00 EST', '2019-02-25T23:30:00-05:00'],
    ['Mon, 01 Apr 2019 23:30:00 PDT', '2019-04-01T23:30:00-07:00'],
    ['Thu, 7 Mar 2019 10:15 +0100', '2019-03-07T10:15:00+01:00'],
    ['Wed, 06 Mar 2019 05:30:00 +0530', '2019-03-06T05:30:00+05:30'],
    ['2019-03-06T10:00:00+01:00', '2019-03-06T10:00:00+01:00'],
    ['2019-03-06T10:00:00.123Z', '2019-03-06T10:00:00.123Z'],
    ['  2019-03-06  ', '2019-03-06'],
    ['Wed, 06 Mar 2019', '2019-03-06'],
    ['2019-03-06T10:00:00', '2019-03-06'],
  ])('reads %j as %j, keeping the publisher’s own day', (input, expected) => {
    expect(readFeedDate(input)).toBe(expected);
  });

  it.each(['Sun, 31 Feb 2019 10:00:00 GMT', 'soon', '', '3 days ago'])('cannot read %j', (input) => {
    expect(readFeedDate(input)).toBeUndefined();
  });
});
