import { describe, expect, it } from 'vitest';
import { findDateInText, readFeedDate } from '../../../src/import/newsDates.ts';

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
