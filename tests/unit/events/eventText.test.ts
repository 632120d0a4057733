import { describe, expect, it } from 'vitest';
import { suggestEvents } from '../../../src/events/eventExtraction.ts';
import { isNearIdenticalText } from '../../../src/events/eventText.ts';

function texts(body: string, published: string): string[] {
  return suggestEvents(body, published).map((candidate) => candidate.text);
}

describe('proposed event texts', () => {
  it('removes the words that date the statement, with their brackets and commas', () => {
    expect(
      texts(
        'In a statement released by Huawei yesterday (5 March), the company said trust is a challenge.',
        '2019-03-06',
      ),
    ).toEqual(['In a statement released by Huawei, the company said trust is a challenge.']);
    expect(texts('The last German spectrum auction, in 2015, ran for 16 days.', '2019-03-19')).toEqual([
      'The last German spectrum auction ran for 16 days.',
    ]);
  });

  it('drops a leading connective and starts with a capital', () => {
    expect(texts('Last month US secretary of state Mike Pompeo warned allies.', '2019-03-06')).toEqual([
      'US secretary of state Mike Pompeo warned allies.',
    ]);
    expect(texts('However, in 2015 the firm moved to Oslo.', '2019-03-06')).toEqual(['The firm moved to Oslo.']);
  });

  it('keeps to the clause of its date, and strips a dateline', () => {
    expect(texts('Those efforts yielded some success; Australia changed its rules last summer.', '2018-12-03')).toEqual(
      ['Australia changed its rules.'],
    );
    expect(texts('WARSAW — The agency arrested two men on 8 January.', '2019-01-12')).toEqual([
      'The agency arrested two men.',
    ]);
  });

  it('takes apart clauses joined by ", and" when they date different things', () => {
    expect(
      texts('In 2001 it cut a third of its staff, and its founder stepped down on 30 June 2002.', '2019-04-14'),
    ).toEqual(['It cut a third of its staff.', 'Its founder stepped down.']);
  });
});

describe('near-identical texts', () => {
  it('treats a small touch-up as the same text, and other words as another', () => {
    const proposed =
      'US secretary of state Mike Pompeo warned that the US would not work alongside countries or allies that used Huawei equipment.';
    expect(
      isNearIdenticalText(
        proposed,
        'US secretary of state Mike Pompeo warned that the US would not work alongside countries that used Huawei equipment.',
      ),
    ).toBe(true);
    expect(isNearIdenticalText(proposed, 'Huawei opened a cybersecurity transparency centre in Brussels.')).toBe(false);
  });
});
