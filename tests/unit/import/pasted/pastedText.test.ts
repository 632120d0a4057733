import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/import/importError.ts';
import { readRawArticle } from '../../../../src/import/pasted/rawText.ts';
import { readByline } from '../../../../src/import/pasted/rawTextLines.ts';
import { articleFromRawText } from '../../../../src/import/pasted/textArticle.ts';

const read = (text: string) => readRawArticle(text, { dayFirst: false });
const story = (...blocks: string[]) => blocks.join('\n\n');

const prose =
  'The council of Valdria approved the river bridge on Tuesday night by 31 votes to 9, ending a dispute that has outlasted four mayors and two ferry operators.';
const more =
  'Construction is due to start next spring, and the ferry will keep running until the bridge opens, its operator said in a statement.';

describe('dates and bylines as pages show them', () => {
  it('reads the date and the agency of a wire dateline, the agency writing in a byline’s place, not in the text', () => {
    const article = read(
      story('Valdria approves its bridge', `VALDRIA, April 14, 2021 (Meridian Wire) - ${prose}`, more),
    );
    expect(article).toMatchObject({ day: '2021-04-14', outlet: 'Meridian Wire', authors: ['Meridian Wire'] });
    expect(article.body).toMatch(/^The council/);
  });

  it('keeps a dateline that names no agency in the text, as the writer’s own', () => {
    const article = read(story('Valdria approves its bridge', `VALDRIA, April 14, 2021 - ${prose}`, more));
    expect(article).toMatchObject({ day: '2021-04-14', authors: [] });
    expect(article.body).toMatch(/^VALDRIA, April 14, 2021 - The council/);
  });

  it('reads "Posted on … by …" as the date and the author', () => {
    expect(
      read(story('Ferry crews offered tram jobs', 'Posted on March 6, 2019 by Priya Natarajan', prose, more)),
    ).toMatchObject({ day: '2019-03-06', authors: ['Priya Natarajan'] });
  });

  it('reads a byline with a job, and the date on the line after it', () => {
    const article = read(
      story(
        'Tram company to hire ferry staff',
        'By Priya Natarajan and Tomas Reyes, Senior Transport and Infrastructure Correspondents\nJun 7, 2023, 8:54 PM UTC',
        prose,
        more,
      ),
    );
    expect(article).toMatchObject({ day: '2023-06-07', authors: ['Priya Natarajan', 'Tomas Reyes'] });
    expect(article.body).not.toMatch(/Correspondents|8:54/);
  });

  it.each([
    ['By Mara Quill and Tomas Reyes', ['Mara Quill', 'Tomas Reyes']],
    ['By Priya Natarajan, Health Correspondent', ['Priya Natarajan']],
    ['Mara Quill, transport reporter', ['Mara Quill']],
    ['By the end of the day, nothing had changed', undefined],
    ['Mara Quill, Tomas Reyes', undefined],
  ])('reads the byline %j', (line, names) => {
    expect(readByline(line)).toEqual(names);
  });

  it('takes a name or agency before the date as the author, and leaves an update note out', () => {
    const article = read(
      story(
        'Un troisième Français mort au Népal',
        'AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)',
        prose,
        more,
      ),
    );
    expect(article).toMatchObject({ day: '2015-04-30', authors: ['AFP'] });
    expect(article.image).toBeUndefined();
  });

  it('asks for --date when the date gives no year, naming the line, and takes --date', () => {
    const raw = read(
      story('Ferry timetable changes', 'Mara Quill, transport reporter\nMarch 18 at 3:57 PM', prose, more),
    );
    expect(raw).toMatchObject({ authors: ['Mara Quill'], yearlessDate: { text: 'March 18 at 3:57 PM', line: 4 } });
    expect(raw.body).not.toContain('3:57');
    const options = { source: 'Courier', authors: [], tags: [] };
    expect(() => articleFromRawText(raw, options)).toThrow(
      new ImportError(
        'gives its date as "March 18 at 3:57 PM", without a year (pass --date YYYY-MM-DD with the full date)',
        'line 4',
      ),
    );
    expect(articleFromRawText(raw, { ...options, date: '2024-03-18' }).article.date).toBe('2024-03-18');
  });
});

describe('captions, credits and the standfirst', () => {
  it('takes "Photo: …" as the credit of the caption before it', () => {
    expect(
      read(story('Bridge approved', 'The old ferry landing at dusk.\nPhoto: Council press office', prose, more)).image,
    ).toEqual({ alt: 'The old ferry landing at dusk.', credit: 'Council press office' });
  });

  it('keeps a standfirst next to a publication time as text, not as a photo caption and credit', () => {
    const article = read(
      story(
        'Council backs the bridge',
        'The vote ends twenty years of argument over how to cross the river. 14 April 2021 09:30',
        prose,
        more,
      ),
    );
    expect(article).toMatchObject({ day: '2021-04-14' });
    expect(article.image).toBeUndefined();
    expect(article.body).toMatch(
      /^The vote ends twenty years of argument over how to cross the river\.\n\nThe council/,
    );
  });
});

describe('lists and clutter', () => {
  it('keeps bulleted and numbered lists as lists, one item per block or per line', () => {
    const article = read(
      story(
        'Bridge approved',
        prose,
        'The plan has three stages:',
        '- Foundations\n- The deck',
        '- Opening to traffic',
        more,
        '1. Training as drivers',
        '2. The same pay',
      ),
    );
    expect(article.body).toContain('The plan has three stages:\n\n- Foundations\n- The deck\n- Opening to traffic\n\n');
    expect(article.body).toContain('1. Training as drivers\n2. The same pay');
  });

  it('makes the unmarked short lines after a lead-in ending in a colon a list, not subheadings', () => {
    const article = read(
      story(
        'Bridge approved',
        prose,
        'The mayor also said:',
        'The tram will run every ten minutes',
        'Ferry staff will keep their jobs',
        'Tolls are ruled out',
        more,
      ),
    );
    expect(article.body).toContain(
      'The mayor also said:\n\n- The tram will run every ten minutes\n- Ferry staff will keep their jobs\n- Tolls are ruled out\n\n',
    );
    expect(article.body).not.toContain('##');
  });

  it('does not make a caption with reported speech a subheading', () => {
    expect(
      read(story('Bridge approved', prose, 'The mayor said the bridge would open in 2024', more)).body,
    ).not.toContain('##');
  });

  it.each([
    '941 comments',
    'From the section US & Canada',
    'Follow @valdriacourier',
    'Follow Mara on Twitter @maraquill',
  ])('drops the clutter line %j', (line) => {
    expect(read(story('Bridge approved', '14 April 2021', line, prose, more)).body).not.toContain(line);
  });
});
