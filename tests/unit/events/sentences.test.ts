import { describe, expect, it } from 'vitest';
import { articleSentences, proseBlocks } from '../../../src/events/eventSentences.ts';

describe('the prose of an article', () => {
  it('keeps paragraphs, list items and quotes, and leaves out headings, code, tables and HTML', () => {
    const body = [
      '## Battle lines drawn',
      '',
      'A *first* paragraph with a [link](https://example.org/) and `code`',
      'over two lines.',
      '',
      '- an item',
      '- another item',
      '',
      '> A quoted line.',
      '',
      '```',
      'on 5 March',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '',
      '<div>on 6 March</div>',
      '![A photo](photo.jpg)',
    ].join('\n');
    expect(proseBlocks(body)).toEqual([
      'A first paragraph with a link and code over two lines.',
      'an item',
      'another item',
      'A quoted line.',
    ]);
  });

  it('drops a lead-in label: a live blog time, an update stamp', () => {
    expect(
      proseBlocks('**21:40** Exit polls suggest Labour came first.\n\n*Update, 25 April 2019:* A warning was issued.'),
    ).toEqual(['Exit polls suggest Labour came first.', 'A warning was issued.']);
  });

  it('keeps a paragraph that is all emphasis', () => {
    expect(proseBlocks('**Were you surprised?**')).toEqual(['Were you surprised?']);
  });

  it('does not end a sentence at a title, an initial, a month or "U.S."', () => {
    expect(
      articleSentences(
        'Mr. Smith was arrested at John F. Kennedy International Airport. He appears before Judge Ann M. Donnelly on Feb. 7. The United States has pressed allies. U.S. Ambassador Richard Grenell wrote to Fr. Seán Ó Murchú.',
      ),
    ).toEqual([
      'Mr. Smith was arrested at John F. Kennedy International Airport.',
      'He appears before Judge Ann M. Donnelly on Feb. 7.',
      'The United States has pressed allies.',
      'U.S. Ambassador Richard Grenell wrote to Fr. Seán Ó Murchú.',
    ]);
  });

  it('keeps a quotation of several sentences together', () => {
    expect(articleSentences('Ken Hu said: “Trust needs facts. Facts must be verifiable.” Then he left.')).toEqual([
      'Ken Hu said: “Trust needs facts. Facts must be verifiable.”',
      'Then he left.',
    ]);
  });
});
