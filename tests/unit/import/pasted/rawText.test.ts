import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/import/importError.ts';
import { readRawArticle } from '../../../../src/import/pasted/rawText.ts';
import {
  expandOutletInitials,
  isBoilerplate,
  looksLikeSubheading,
  readAuthorNote,
  readPhotoCredit,
  sentenceCaseCaption,
  tidyLine,
} from '../../../../src/import/pasted/rawTextLines.ts';

const read = (text: string, dayFirst = false) => readRawArticle(text, { dayFirst });

const story = (...blocks: string[]) => blocks.join('\n\n');

const prose =
  'Huawei opened a cybersecurity centre in Brussels on Tuesday, in a bid to win back the trust of European governments and operators.';
const more =
  'The centre will be open to customers and to independent testers, the company said in a statement released on Wednesday.';

describe('reading a pasted article', () => {
  it('takes the first non-empty line as the title', () => {
    expect(read(story('', '  Huawei opens Brussels centre  ', '6 Mar 2019', prose)).title).toBe(
      'Huawei opens Brussels centre',
    );
  });

  it.each([
    ['6 Mar 2019', '2019-03-06'],
    ['Dec 3 2018', '2018-12-03'],
    ['March 6, 2019', '2019-03-06'],
    ['2019-03-06', '2019-03-06'],
    ['Wednesday 6 March 2019 10.15am', '2019-03-06'],
    ['Published: 06 Mar 2019, 14:05 GMT', '2019-03-06'],
    ['Updated on March 6th, 2019', '2019-03-06'],
    ['6 mars 2019', '2019-03-06'],
    ['2019年3月6日', '2019-03-06'],
  ])('reads the date line "%s" as %s and drops it from the text', (line, day) => {
    const article = read(story('Title', line, prose));
    expect(article.day).toBe(day);
    expect(article.body).toBe(`${prose}\n`);
  });

  it('reads 06/03/2019 in the order the text’s country writes, and reports it when nothing tells', () => {
    const plain = 'The council approved the bridge on Tuesday by a large majority, ending a long dispute.';
    expect(read(story('Title', '06/03/2019', plain))).toMatchObject({
      ambiguousDate: {
        text: '06/03/2019',
        line: 3,
        readings: { 'month-first': '2019-06-03', 'day-first': '2019-03-06' },
      },
    });
    expect(read(story('Title', '06/03/2019', plain)).day).toBeUndefined();
    expect(read(story('Title', '06/03/2019', plain), true).day).toBe('2019-03-06');
    // "centre" is British spelling; "theater" and "June 1" American.
    expect(read(story('Title', '06/03/2019', prose)).day).toBe('2019-03-06');
    const american = 'The theater on Main Street reopened on June 1 after a year of repairs, its owner said.';
    expect(read(story('Title', '06/03/2019', american)).day).toBe('2019-06-03');
    expect(read(story('Title', '06/13/2019', plain)).day).toBe('2019-06-13');
  });

  it('finds a date inside a caption and keeps the caption and its credit as the image', () => {
    const article = read(story('Title', 'Huawei Logo Dec 3 2018 AH', prose));
    expect(article.day).toBe('2018-12-03');
    expect(article.image).toEqual({ alt: 'Huawei logo', credit: 'AH' });
    expect(article.body).toBe(`${prose}\n`);
  });

  it('does not take a date from the article text, nor a relative one', () => {
    expect(read(story('Title', 'Updated 3 days ago', `On 5 March 2019, ${prose}`)).day).toBeUndefined();
    expect(
      read(story('Title', prose, 'Huawei said on 6 March 2019 that it would open the centre.')).day,
    ).toBeUndefined();
  });

  it('turns a credit line and a closing caption into image metadata, not body text', () => {
    const article = read(
      story(
        'Title',
        '6 Mar 2019',
        'Image: alexeynovikov/Depositphotos',
        prose,
        more,
        'Huawei logo on the wall of the server room. Image: alexeynovikov/Depositphotos',
      ),
    );
    expect(article.image).toEqual({
      alt: 'Huawei logo on the wall of the server room.',
      credit: 'alexeynovikov/Depositphotos',
    });
    expect(article.body).toBe(`${prose}\n\n${more}\n`);
  });

  it('drops advertising and share or subscribe prompts', () => {
    const article = read(
      story(
        'Title',
        '6 Mar 2019',
        'Advertisement',
        prose,
        'Sponsored Video',
        more,
        'Read more: Huawei sues the US',
        'Share this article',
        'Subscribe to our newsletter',
        'Facebook Twitter LinkedIn',
      ),
    );
    expect(article.body).toBe(`${prose}\n\n${more}\n`);
  });

  it('makes short title-like lines between paragraphs ## subheadings, and nothing else', () => {
    const article = read(
      story(
        'Title',
        '6 Mar 2019',
        'Short opening line',
        prose,
        'Battle lines drawn',
        more,
        'What happens next?',
        prose,
        'A closing line',
      ),
    );
    expect(article.body).toBe(
      `Short opening line\n\n${prose}\n\n## Battle lines drawn\n\n${more}\n\n## What happens next?\n\n${prose}\n\nA closing line\n`,
    );
  });

  it('does not make a short sentence a subheading', () => {
    expect(read(story('Title', '6 Mar 2019', prose, 'Huawei declined to comment.', more)).body).not.toContain('##');
  });

  it('reads a closing author note as the author and the outlet', () => {
    const article = read(story('Title', '6 Mar 2019', prose, more, 'Jenny Darmody is the editor of Silicon Republic'));
    expect(article).toMatchObject({ authors: ['Jenny Darmody'], outlet: 'Silicon Republic' });
    expect(article.body).toBe(`${prose}\n\n${more}\n`);
  });

  it('reads bylines at the top and at the end', () => {
    expect(read(story('Title', 'By Marie Dupont and Jan de Vries', '6 Mar 2019', prose)).authors).toEqual([
      'Marie Dupont',
      'Jan de Vries',
    ]);
    expect(read(story('Title', 'By Marie Dupont | 6 March 2019', prose)).authors).toEqual(['Marie Dupont']);
    expect(read(story('Title', '6 Mar 2019', prose, more, 'By Marie Dupont')).authors).toEqual(['Marie Dupont']);
  });

  it('joins hard-wrapped paragraphs and keeps line breaks between paragraphs only', () => {
    const article = read(
      'Title\n\n6 Mar 2019\n\nHuawei opened a centre\nin Brussels on Tuesday,\r\nsaid the company.\n\n\n\nIt will be open to testers.',
    );
    expect(article.body).toBe(
      'Huawei opened a centre in Brussels on Tuesday, said the company.\n\nIt will be open to testers.\n',
    );
  });

  it('keeps Unicode as written: curly quotes, dashes, accents, other scripts', () => {
    const text = '“Trust needs to be based on facts” – Ken Hu’s words, in Zürich and 布鲁塞尔 — 10\u00A0km away.';
    expect(read(story('Title', '6 Mar 2019', text)).body).toBe(`${text}\n`);
  });

  it('escapes what Markdown would read as markup, and nothing else', () => {
    const article = read(story('Title', '6 Mar 2019', '1. Not a list, but R&D at *scale* <script>alert(1)</script>'));
    expect(article.body).toBe('1\\. Not a list, but R&D at \\*scale\\* \\<script>alert(1)\\</script>\n');
  });

  it('keeps a bulleted run of lines as a list', () => {
    expect(read(story('Title', '6 Mar 2019', prose, '• 5G\n• cloud\n• internet of things')).body).toBe(
      `${prose}\n\n- 5G\n- cloud\n- internet of things\n`,
    );
  });

  it.each([
    ['', 'has no text'],
    ['\n \n\t\n', 'has no text'],
    ['Just a title', 'has a title but no article text'],
    [`${'A very long first line that goes on. '.repeat(10)}\n\nText.`, 'too long for a title'],
  ])('refuses %j with a message for the editor', (text, message) => {
    expect(() => read(text)).toThrow(ImportError);
    expect(() => read(text)).toThrow(message);
  });
});

describe('lines of page furniture', () => {
  it('collapses runs of spaces and turns a web page’s no-break space between words into a space', () => {
    expect(tidyLine('  proposing\u00A0commitments,  the\u00A0 Cyber\tCentre ')).toBe(
      'proposing commitments, the Cyber Centre',
    );
    expect(tidyLine('10\u00A0km « Nous\u00A0»')).toBe('10\u00A0km « Nous\u00A0»');
  });

  it('tells boilerplate from article text', () => {
    expect(isBoilerplate('Sponsored Video')).toBe(true);
    expect(isBoilerplate('ADVERTISEMENT')).toBe(true);
    expect(isBoilerplate('Read more »')).toBe(true);
    expect(isBoilerplate('Subscribers to the service will pay more.')).toBe(false);
    expect(isBoilerplate(prose)).toBe(false);
  });

  it('reads photo credits only where a caption or credit line is', () => {
    expect(readPhotoCredit('Photo by Jane Doe on Unsplash')).toEqual({ credit: 'Jane Doe on Unsplash' });
    expect(readPhotoCredit('(Photo: Reuters)')).toEqual({ credit: 'Reuters' });
    expect(readPhotoCredit('The picture: a grim one for Huawei.')).toBeUndefined();
  });

  it('reads author notes, with or without an outlet', () => {
    expect(readAuthorNote('John Kennedy is a reporter at Silicon Republic, covering telecoms.')).toEqual({
      authors: ['John Kennedy'],
      outlet: 'Silicon Republic',
    });
    expect(readAuthorNote('Ada Byron is a freelance writer')).toEqual({ authors: ['Ada Byron'] });
    expect(readAuthorNote('The company is the largest maker of telecoms equipment in the world.')).toBeUndefined();
  });

  it('knows a subheading by its shape', () => {
    expect(looksLikeSubheading('Trust in cybersecurity a major challenge')).toBe(true);
    expect(looksLikeSubheading('it said')).toBe(false);
    expect(looksLikeSubheading('Huawei declined to comment.')).toBe(false);
  });

  it('puts Title Case captions in sentence case, keeping names the article uses', () => {
    const names = new Set(['Huawei', 'Brussels']);
    expect(sentenceCaseCaption('Huawei Logo In Brussels', names)).toBe('Huawei logo in Brussels');
    expect(sentenceCaseCaption('Huawei Logo At EU HQ', names)).toBe('Huawei logo at EU HQ');
    expect(sentenceCaseCaption('Huawei logo on the wall.', names)).toBe('Huawei logo on the wall.');
  });

  it('expands a credit given as the outlet’s initials', () => {
    expect(expandOutletInitials('AH', 'Android Headlines')).toBe('Android Headlines');
    expect(expandOutletInitials('Reuters', 'Android Headlines')).toBe('Reuters');
    expect(expandOutletInitials('AH', undefined)).toBe('AH');
  });
});
