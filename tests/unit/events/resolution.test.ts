import { describe, expect, it } from 'vitest';
import { eventDateToString } from '../../../src/events/eventDates.ts';
import { suggestEvents, toFrontmatterEvent } from '../../../src/events/eventExtraction.ts';

/** The dates found in a text, as frontmatter writes them, with "~" for approximate ones. */
function dates(text: string, published: string): string[] {
  return suggestEvents(text, published).map(
    (candidate) => `${eventDateToString(candidate.date)}${candidate.approximate ? ' ~' : ''}`,
  );
}

describe('the resolution rules of the issue', () => {
  it('takes the day in brackets after a relative word: "yesterday (5 March)"', () => {
    const [candidate] = suggestEvents(
      'In a statement released by Huawei yesterday (5 March), the company said trust is a challenge.',
      '2019-03-06',
    );
    expect(candidate).toMatchObject({
      date: { year: 2019, month: 3, day: 5, precision: 'day' },
      approximate: false,
      phrase: 'yesterday (5 March)',
    });
  });

  it('trusts the bracketed day over the arithmetic when the two disagree', () => {
    expect(dates('The centre opened yesterday (4 March).', '2019-03-06')).toEqual(['2019-03-04']);
  });

  it('reads "last summer" in a December article as that year\'s summer, approximately', () => {
    const [candidate] = suggestEvents('Australia changed its wireless rulebook last summer.', '2018-12-03');
    expect(candidate).toMatchObject({ date: { year: 2018, season: 'summer', precision: 'season' }, approximate: true });
    expect(toFrontmatterEvent(candidate!)).toEqual({
      date: '2018-summer',
      text: 'Australia changed its wireless rulebook.',
      approximate: true,
    });
  });

  it.each([
    ['The centre opened on 5 March.', '2019-03-06', '2019-03-05'],
    ['Charges were filed in January 2019.', '2019-03-06', '2019-01'],
    ['Last month the secretary of state warned allies.', '2019-03-06', '2019-02'],
    ['The Department of Justice filed suit several weeks back.', '2018-12-03', '2018-11 ~'],
    ['A spying scandal broke in Poland earlier in the year.', '2018-12-03', '2018'],
    ['The US hit the company with criminal charges at the end of January 2019.', '2019-03-06', '2019-01'],
    ['The government has been lobbying against the company for over a year now.', '2018-12-03', '2017 ~'],
    ['Over the past year, the US has led an attack on the company.', '2019-03-06', '2018 ~'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(dates(text, published)).toEqual([expected]);
  });
});

describe('days', () => {
  it.each([
    ['The court rejected the request on Friday.', '2019-03-19', '2019-03-15'],
    ['Germany began the auction on Tuesday.', '2019-03-19', '2019-03-19'],
    ['The committee will question the minister on Wednesday.', '2019-06-07', '2019-06-12'],
    ['They met last Friday.', '2019-03-06', '2019-03-01'],
    ['It will publish an advisory next Tuesday.', '2019-04-25', '2019-04-30'],
    ['Prices rose three days ago.', '2019-03-06', '2019-03-03'],
    ['Polls opened at 7.30am this morning.', '2019-05-23', '2019-05-23'],
    ['Version 3.2.7 was released on 2019-04-23.', '2019-04-25', '2019-04-23'],
    ['The order was signed on 13/03/2019.', '2019-03-20', '2019-03-13'],
    ['He was arrested on Dec. 1 in New York.', '2019-01-29', '2018-12-01'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(dates(text, published)).toEqual([expected]);
  });

  it('reads a yearless day as past, unless the clause looks ahead or it is in the coming month', () => {
    expect(dates('The regulator fined the operator on 20 December.', '2019-03-06')).toEqual(['2018-12-20']);
    expect(dates('No results may be published until polls close at 11pm on 26 May.', '2019-05-23')).toEqual([
      '2019-05-26',
    ]);
    expect(dates('He is due to appear in court on Feb. 7.', '2019-01-29')).toEqual(['2019-02-07']);
  });

  it('gives "June 24 last year" the year that follows it', () => {
    expect(dates('The outage began on June 24 last year.', '2019-06-07')).toEqual(['2018-06-24']);
  });
});

describe('months and weeks', () => {
  it.each([
    ['The company said in September that it had paid compensation.', '2019-06-07', '2018-09'],
    ['The rules were published in December.', '2018-12-03', '2018-12'],
    ['The case was settled last April.', '2019-01-29', '2018-04'],
    ['The plant will open in June.', '2018-11-20', '2019-06'],
    ['Guidance was published earlier this month.', '2019-09-30', '2019-09'],
    ['Talks broke down in late January.', '2019-03-19', '2019-01'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(dates(text, published)).toEqual([expected]);
  });

  it('names the month of "last week" when the week lies in one month, else its middle, approximately', () => {
    expect(dates('The ambassador wrote last week.', '2019-03-19')).toEqual(['2019-03']);
    expect(dates('The ambassador wrote last week.', '2019-03-06')).toEqual(['2019-02 ~']);
  });

  it('names a year, not a guessed month, when the words leave several months open', () => {
    expect(dates('A few months ago the operator installed an antenna.', '2019-09-30')).toEqual(['2019 ~']);
  });
});

describe('seasons', () => {
  it.each([
    ['Operators struggled this winter.', '2019-01-15', '2018-winter ~'],
    ['The network opens next spring.', '2019-04-14', '2020-spring ~'],
    ['The break came in the spring of 1996.', '2019-04-14', '1996-spring ~'],
    ['The rest followed over the summer.', '2019-11-18', '2019-summer ~'],
    ['The operator lost again last winter.', '2019-09-30', '2018-winter ~'],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(dates(text, published)).toEqual([expected]);
  });

  it('needs a word that makes a season a date', () => {
    expect(dates('Demand rises in winter, and the Arab Spring changed politics.', '2019-01-15')).toEqual([]);
  });
});

describe('years', () => {
  it.each([
    ['The company was founded in 2004.', '2004'],
    ['Since 2016, governments have talked about resilience.', '2016'],
    ['Shipments peaked in mid-2018.', '2018'],
    ['Employees copied code between 2012 and 2016.', '2012'],
    ['The crisis began ten years ago.', '2009'],
    ['The firm was born about a decade ago.', '2009 ~'],
  ])('%s → %s', (text, expected) => {
    expect(dates(text, '2019-03-06')).toEqual([expected]);
  });

  it('leaves out forecasts, targets, ends of states and counterfactuals', () => {
    expect(dates('Operators will build 5G networks next year.', '2018-10-02')).toEqual([]);
    expect(dates('Europe wants to be carbon neutral by 2050.', '2019-03-06')).toEqual([]);
    expect(dates('The centre will employ 120 engineers by the end of the year.', '2019-02-20')).toEqual([]);
    expect(dates('He worked until 2014 on government communications.', '2019-01-12')).toEqual([]);
    expect(dates('Two years ago, such language would have been unthinkable.', '2019-11-18')).toEqual([]);
  });

  it('keeps a deadline that is a schedule', () => {
    expect(dates('A toolbox of common measures is due by 31 December.', '2019-11-18')).toEqual(['2019-12-31']);
  });
});

describe('dates counted from the story', () => {
  it('counts "three years later" from the date just before it', () => {
    expect(dates('It opened a laboratory in 2008 and another three years later.', '2019-04-14')).toEqual([
      '2008',
      '2011',
    ]);
  });

  it('counts "the following spring" and "that autumn" from the previous sentence', () => {
    expect(dates('She graduated in 1964. She joined the company the following spring.', '2019-08-26')).toEqual([
      '1964',
      '1965-spring ~',
    ]);
    expect(
      dates('The letter arrived in the spring of 2017. That autumn, parents began asking questions.', '2019-09-30'),
    ).toEqual(['2017-spring ~', '2017-autumn ~']);
  });

  it('finds nothing to count from at the start of a story, and skips comparisons', () => {
    expect(dates('The following year began with arrests.', '2019-11-18')).toEqual([]);
    expect(dates('Founded in 2004, it reported revenue up 12% on the previous year.', '2019-02-20')).toEqual(['2004']);
  });
});

describe('what is not a date', () => {
  it.each([
    "Theresa May's government confirmed the vote.",
    'The shop offers 24/7 support and marks 9/11 every year.',
    'The figures were released on 4/3/2019.',
    "Today's networks are slow.",
    'Good morning and welcome to our live coverage.',
    "Ballot papers for Friday's vote are being delivered.",
    'They are now discovering the same thing.',
    'Protesters march through the city.',
    'The auction is expected to last several weeks.',
  ])('%s', (text) => {
    expect(dates(text, '2019-05-23')).toEqual([]);
  });

  it("takes a dateline's date for when the story was filed, not an event", () => {
    expect(
      dates('THE HAGUE, June 7 (Lowlands Wire) - The regulator on Thursday fined the operator.', '2019-06-07'),
    ).toEqual(['2019-06-06']);
    expect(dates('BERLIN, March 19 (Continental Wire) - Germany began the auction on Tuesday.', '2019-03-19')).toEqual([
      '2019-03-19',
    ]);
  });

  it('gives one candidate when several phrases of a sentence name the same date', () => {
    const candidates = suggestEvents(
      'LISBON, 20 February 2019 — The company today announced a new centre.',
      '2019-02-20',
    );
    expect(candidates.map((candidate) => [eventDateToString(candidate.date), candidate.text])).toEqual([
      ['2019-02-20', 'The company announced a new centre.'],
    ]);
  });
});
