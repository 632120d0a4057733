import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/import/importError.ts';
import { readRawArticle } from '../../../../src/import/pasted/rawText.ts';
import { articleFromRawText } from '../../../../src/import/pasted/textArticle.ts';

/** Texts made up for these tests, in the shapes outlets lay their pages out. */
const read = (text: string, dayFirst = false) => readRawArticle(text, { dayFirst, language: 'en' });
const story = (...blocks: string[]) => blocks.join('\n\n');
const options = { source: 'Valdria Courier', authors: [], tags: [] };

const prose =
  'The council of Valdria approved the river bridge on Tuesday night by 31 votes to 9, ending a dispute that has outlasted four mayors and two ferry operators.';
const more =
  'Construction is due to start next spring, and the ferry will keep running until the bridge opens, its operator said in a statement.';
const body = `${prose}\n\n${more}\n`;

describe('bylines as pages lay them out', () => {
  it.each([
    [
      '"By" alone, the name on the next line, a job title after it',
      'By\nMara Quill\nSenior Transport Reporter',
      'April 14, 2021',
    ],
    [
      'a byline carrying a biography',
      'By Mara Quill, a deputy editor and author of the Valdria Letter newsletter. She has covered the council since 2009 and wrote a book about its ferries.',
      'April 14, 2021',
    ],
    [
      'a biography wrapped over lines',
      'By Mara Quill, a senior editor and the author of a book about\nferries. She has covered Valdria since 2009.',
      'April 14, 2021',
    ],
    [
      'a degree, and the reviewer on the next line',
      'By Mara Quill, MA\nMedically reviewed by Tomas Reyes, MD, MPH',
      'April 14, 2021',
    ],
    ['a degree and the date on one line', 'By Mara Quill, MA on April 14, 2021\nFact checked by Tomas Reyes', ''],
    [
      'the author, a job title and the provider on separate lines',
      'Mara Quill\nTransport Correspondent\nMeridian Wire\nApril 14, 2021',
      '',
    ],
    ['a name alone above the date', 'Mara Quill\nApril 14, 2021', ''],
    ['a name and its place above the date', 'Mara Quill in Valdria\nWed 14 Apr 2021 10.15 BST', ''],
    ['a handle beside the name', 'Mara Quill, @maraquill\nApril 14, 2021', ''],
    ['a column name above the byline', 'City Hall Notebook\nBy Mara Quill April 14, 2021', ''],
    ['byline, handle, date and time zone on one line', 'by Mara Quill @maraquill April 14, 2021: 11:41 PM ET', ''],
    ['byline, date and a follow link on one line', 'By Mara Quill April 14, 2021 at 3:57 PM Follow @maraquill', ''],
    [
      'a date first, then the name and a job title',
      'posted on April 14, 2021, at 11:29 a.m.\nMara Quill\nCourier Staff Writer',
      '',
    ],
  ])('reads %s', (_shape, byline, date) => {
    const article = read(story('Valdria approves its bridge', byline, ...(date ? [date] : []), prose, more));
    expect(article).toMatchObject({ day: '2021-04-14', authors: ['Mara Quill'] });
    expect(article.body).toBe(body);
  });

  it('reads a name alone in its block above the date in the next, and not a section’s name', () => {
    expect(
      read(story('Valdria approves its bridge', 'Mara Quill', 'Follow', '5 min read\n·\nApr 14, 2021', prose)),
    ).toMatchObject({ day: '2021-04-14', authors: ['Mara Quill'], body: `${prose}\n` });
    const climate =
      'The council said the bridge would help the city adapt to climate change, which has already flooded the ferry landing twice.';
    const article = read(story('Valdria approves its bridge', 'Climate Change\nApril 14, 2021', climate));
    expect(article.authors).toEqual([]);
  });

  it('reads a line naming three writers and the outlet, and leaves the outlet out', () => {
    for (const byline of [
      'By Mara Quill, Tomas Reyes and Ines Barros | Valdria Courier',
      'Mara Quill, Tomas Reyes and Ines Barros, The Valdria Times',
    ]) {
      const raw = read(story('Valdria approves its bridge', `${byline}\nApril 14, 2021`, prose, more));
      expect(raw.authors).toEqual(['Mara Quill', 'Tomas Reyes', 'Ines Barros']);
      expect(raw.body).toBe(body);
    }
    const glued = read(story('Valdria approves its bridge', 'Mara Quill and Valdria Courier\nApril 14, 2021', prose));
    expect(articleFromRawText(glued, options).article.authors).toEqual(['Mara Quill']);
  });

  it('takes a staff byline as the author', () => {
    expect(read(story('Valdria approves its bridge', 'BY COURIER STAFF', 'April 14, 2021', prose)).authors).toEqual([
      'COURIER STAFF',
    ]);
  });

  it('does not take a kicker, a section or a provider for a writer', () => {
    const article = read(
      story('Valdria approves its bridge', 'Meridian Wire\nApril 14, 2021', 'Better Bridges', prose),
    );
    expect(article.authors).toEqual([]);
    expect(article.body).toMatch(/^Better Bridges\n\nThe council/);
    expect(read(story('Brücke', 'Exemplo中文站\n2021年4月14日07:17', prose)).authors).toEqual([]);
  });

  it('does not take a sentence opening with "By" for a byline', () => {
    const opening = 'By Tuesday, the council had voted to approve the bridge after a debate of eleven hours.';
    expect(read(story('Valdria approves its bridge', 'April 14, 2021', opening, prose)).body).toMatch(/^By Tuesday/);
  });

  it('asks for --author when two bylines name different people, and takes it', () => {
    const raw = read(story('Valdria approves its bridge', 'By Mara Quill', 'April 14, 2021', 'By Tomas Reyes', prose));
    expect(raw.bylines).toEqual([
      { authors: ['Mara Quill'], line: 3 },
      { authors: ['Tomas Reyes'], line: 7 },
    ]);
    expect(() => articleFromRawText(raw, options)).toThrow(
      new ImportError(
        "names different writers at the top, Mara Quill (line 3) and Tomas Reyes (line 7) (pass --author for each of the article's authors)",
      ),
    );
    expect(articleFromRawText(raw, { ...options, authors: ['Mara Quill'] }).article.authors).toEqual(['Mara Quill']);
  });
});

describe('dates as pages show them', () => {
  it('reads a date in numbers in the text’s own language, whatever the digest’s', () => {
    const french = story(
      'Le pont est approuvé',
      'Par Anne Exemple\nPublié le 03/04/2021 à 10h12, mis à jour le 04/04/2021 à 08h00',
      'Le conseil de Valdria a approuvé le pont sur la rivière mardi soir par 31 voix contre 9, mettant fin à un différend qui a duré plus de vingt ans.',
      'Les travaux doivent commencer au printemps prochain, et le bac continuera de circuler jusqu’à l’ouverture du pont, a indiqué son exploitant.',
    );
    expect(read(french)).toMatchObject({ day: '2021-04-03', authors: ['Anne Exemple'], language: 'fr' });
    expect(articleFromRawText(read(french), options).article.lang).toBe('fr');
  });

  it('reports a date in numbers that reads two ways, naming the flags that settle it', () => {
    const plain = 'The council approved the bridge on Tuesday by a large majority, ending a long dispute.';
    const raw = read(story('Bridge approved', 'Mara Quill\n04.03.21 in City Hall', plain));
    expect(raw).toMatchObject({ authors: ['Mara Quill'], ambiguousDate: { text: '04.03.21', line: 4 } });
    expect(() => articleFromRawText(raw, options)).toThrow(
      new ImportError(
        'gives its date as "04.03.21", which is 2021-04-03 read month first and 2021-03-04 read day first (pass --day-first, or --date YYYY-MM-DD)',
        'line 4',
      ),
    );
    expect(read(story('Bridge approved', 'Mara Quill\n04.03.21 in City Hall', plain), true).day).toBe('2021-03-04');
    expect(articleFromRawText(raw, { ...options, date: '2021-04-03' }).article.date).toBe('2021-04-03');
  });

  it('reads a date in numbers in the order the text writes its dates in words', () => {
    const american = `${prose} The ferry will stop on June 30, the operator said.`;
    const british = `${prose} The ferry will stop on 30 June, the operator said.`;
    expect(read(story('Bridge approved', '04/03/2021', american)).day).toBe('2021-04-03');
    expect(read(story('Bridge approved', '04/03/2021', british)).day).toBe('2021-03-04');
  });

  it('keeps the day the outlet states beside a time zone', () => {
    expect(read(story('Bridge approved', 'By Mara Quill April 14, 2021 11:30 PM PDT', prose)).day).toBe('2021-04-14');
  });

  it.each([
    ['Mara Quill 1 day ago', '1 day ago', 3],
    ['Mara Quill\n2 hours ago', '2 hours ago', 4],
    ['Mara Quill\nYesterday at 5:10 PM', 'Yesterday at 5:10 PM', 4],
  ])('asks for --date for a date counted from the reading day ("%s"), and takes it', (header, text, line) => {
    const raw = read(story('Bridge approved', header, prose, more));
    expect(raw).toMatchObject({ authors: ['Mara Quill'], relativeDate: { text, line } });
    expect(raw.body).toBe(body);
    expect(() => articleFromRawText(raw, options)).toThrow(
      new ImportError(
        `gives its date as "${text}", counted from a day the text does not show (pass --date YYYY-MM-DD with the day it was published)`,
        `line ${line}`,
      ),
    );
    expect(articleFromRawText(raw, { ...options, date: '2021-04-14' }).article).toMatchObject({
      date: '2021-04-14',
      authors: ['Mara Quill'],
    });
  });

  it('asks for --date when the text shows a time and no day, and drops the time', () => {
    const raw = read(story('Bridge approved', 'Mara Quill\n1:39 PM ET', prose, more));
    expect(raw).toMatchObject({ authors: ['Mara Quill'], body });
    expect(() => articleFromRawText(raw, options)).toThrow(
      'has no date near the top of the text (pass --date YYYY-MM-DD)',
    );
  });

  it('reads a standfirst above the byline as text, and the date below it', () => {
    const standfirst =
      'The vote ends twenty years of argument over how to cross the river, and the ferry keeps running.';
    const article = read(story('Bridge approved', standfirst, 'Mara Quill\n14 April 2021', prose));
    expect(article).toMatchObject({ day: '2021-04-14', authors: ['Mara Quill'] });
    expect(article.body).toBe(`${standfirst}\n\n${prose}\n`);
  });
});

describe('clutter around the text', () => {
  it('drops a newsletter box with its prices, in one block or several', () => {
    const boxes = [
      'The Valdria Briefing\nThe stories that matter, delivered to your inbox every morning.\nSign up\n$1 a week for the first year',
      story(
        'Sign up for the Valdria Briefing newsletter',
        'The stories that matter, every morning.',
        '$4.99 per month',
      ),
    ];
    for (const box of boxes) {
      expect(
        read(story('Bridge approved', 'April 14, 2021', prose, box, more, 'Already a subscriber? Log in')).body,
      ).toBe(body);
    }
  });

  it.each(['Comments (12)', '12 Comments', 'Share on Facebook', 'Copy link', '5 min read', '·', 'Follow'])(
    'drops the furniture line %j near the byline',
    (line) => {
      expect(read(story('Bridge approved', `Mara Quill\nApril 14, 2021\n${line}`, prose, more)).body).toBe(body);
    },
  );
});

describe('credits closing the text', () => {
  it('reads a wire sign-off as the writers, not the editors, and drops it', () => {
    for (const ending of [
      [more, 'Reporting by Mara Quill in Valdria; Additional reporting by Ines Barros; Editing by Tomas Reyes'],
      [`${more} (Reporting by Mara Quill; Editing by Tomas Reyes)`],
    ]) {
      const article = read(story('Bridge approved', 'April 14, 2021', prose, ...ending));
      expect(article).toMatchObject({ authors: ['Mara Quill'], body });
    }
  });

  it('takes an agency’s opening or closing credit as the author when no byline names one, and drops it', () => {
    const opening = read(story('Bridge approved', 'April 14, 2021', `VALDRIA (Meridian Wire) - ${prose}`, more));
    expect(opening).toMatchObject({ authors: ['Meridian Wire'], outlet: 'Meridian Wire', body });
    for (const ending of [[more, '— MW'], [`${more} — Meridian Wire`]]) {
      const closing = read(story('Bridge approved', 'April 14, 2021', prose, ...ending));
      expect(closing.body).toBe(body);
      expect(closing.authors).toHaveLength(1);
    }
    const bylined = read(story('Bridge approved', 'By Mara Quill\nApril 14, 2021', `VALDRIA (MW) — ${prose}`, more));
    expect(bylined).toMatchObject({ authors: ['Mara Quill'], body });
  });

  it('drops a closing biography of the writer with its follow link and its heading', () => {
    const biography =
      'Mara Quill is a reporter for the Valdria Courier covering transport and the city council. Follow her on Twitter @maraquill or email her at mara@courier.example.';
    const article = read(
      story(
        'Bridge approved',
        'By Mara Quill\nApril 14, 2021',
        prose,
        more,
        'About the author',
        'Mara Quill',
        biography,
      ),
    );
    expect(article).toMatchObject({ authors: ['Mara Quill'], body });
  });

  it('keeps a note on where the article first ran, and reads the credits above it', () => {
    const note = 'This article originally appeared in the Valdria Courier.';
    const article = read(
      story('Bridge approved', 'April 14, 2021', prose, more, 'Mara Quill is the Courier’s transport editor.', note),
    );
    expect(article).toMatchObject({ authors: ['Mara Quill'], body: `${body}\n${note}\n` });
  });

  it('reads the author’s credit closing a Chinese article, and drops the editor’s', () => {
    const article = read(
      story(
        '瓦尔德里亚批准建桥',
        '2021-04-14 09:58 来源：示例新闻',
        '瓦尔德里亚市议会周二晚上以31票对9票批准了河上的大桥，结束了一场持续了二十多年的争论。',
        '作者︱马拉',
        '[责任编辑:托马斯]',
      ),
    );
    expect(article).toMatchObject({ day: '2021-04-14', authors: ['马拉'], language: 'zh' });
    expect(article.body).toBe(
      '瓦尔德里亚市议会周二晚上以31票对9票批准了河上的大桥，结束了一场持续了二十多年的争论。\n',
    );
  });
});
