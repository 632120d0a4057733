import { describe, expect, it } from 'vitest';
import { LISTING_SUMMARY_LENGTH } from '../../../src/content/articles.ts';
import {
  DEFAULT_EXCERPT_LENGTH,
  excerptWords,
  listingSummary,
  textShown,
  type TextSettings,
} from '../../../src/content/articleText.ts';
import { ContentErrors } from '../../../src/content/contentErrors.ts';
import { parseTopic } from '../../../src/content/topic.ts';
import { makeArticle } from '../../support/articles.ts';

const TOPIC = ['title: T', 'description: D.', 'site: https://example.org/'];

const topicWith = (lines: string[]) =>
  parseTopic(`---\n${[...TOPIC, ...lines].join('\n')}\n---\n\nAbout.\n`, 'content/topic.md');

function topicProblems(lines: string[]): string[] {
  try {
    topicWith(lines);
    return [];
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map((problem) => problem.message);
    throw error;
  }
}

const LONG_PARAGRAPH =
  'Huawei opened a lab in Brussels on Monday, and its chairman said the lab would answer every question regulators ask. ' +
  'The rest of this paragraph goes on about the weather in Brussels for a good while longer than any excerpt.';

describe('the topic’s text settings', () => {
  it('publish every article whole by default, with an excerpt as long as a listing’s summary', () => {
    const topic = topicWith([]);
    expect(topic).toMatchObject({ text: 'full', textBySource: {}, excerptLength: DEFAULT_EXCERPT_LENGTH });
    expect(DEFAULT_EXCERPT_LENGTH).toBe(LISTING_SUMMARY_LENGTH);
  });

  it('name outlets by their name, whatever its case and accents', () => {
    const topic = topicWith([
      'text: excerpt',
      'textBySource:',
      '  The Conversation: full',
      '  Le Monde Diplomatique: excerpt',
    ]);
    expect(topic.textBySource).toEqual({ 'the-conversation': 'full', 'le-monde-diplomatique': 'excerpt' });
    expect(textShown({ source: { name: 'the conversation' } }, topic)).toBe('full');
    expect(textShown({ source: { name: 'Le Mondé Diplomatique' } }, topic)).toBe('excerpt');
    expect(textShown({ source: { name: 'Reuters' } }, topic)).toBe('excerpt');
  });

  it('stop the build on a mode that does not exist, a length out of bounds or one outlet named twice', () => {
    expect(topicProblems(['text: summary'])).toEqual(['content/topic.md: field "text" is not "full" or "excerpt"']);
    expect(topicProblems(['excerptLength: 10'])).toEqual([
      expect.stringMatching(/^content\/topic\.md: field "excerptLength" /),
    ]);
    expect(topicProblems(['textBySource:', '  Reuters: full', '  REUTERS: excerpt'])).toEqual([
      'content/topic.md: field "textBySource.REUTERS" names the same source as "Reuters" (list each source once)',
    ]);
    expect(topicProblems(['textBySource:', '  "???": full'])).toEqual([
      'content/topic.md: field "textBySource.???" has no letters or digits to match a source by',
    ]);
  });
});

describe('what is published of an article', () => {
  const settings: TextSettings = { text: 'excerpt', textBySource: { 'open-wire': 'full' }, excerptLength: 120 };

  it('is its own text field, else its outlet’s in the topic, else the topic’s', () => {
    expect(textShown({ source: { name: 'Daily' } }, settings)).toBe('excerpt');
    expect(textShown({ source: { name: 'Open Wire' } }, settings)).toBe('full');
    expect(textShown({ source: { name: 'Open Wire' }, text: 'excerpt' }, settings)).toBe('excerpt');
    expect(textShown({ source: { name: 'Daily' }, text: 'full' }, settings)).toBe('full');
    expect(textShown({ source: { name: 'Daily' } }, { ...settings, text: 'full' })).toBe('full');
  });

  it('is, for an excerpt, the standfirst alone, or else the first paragraph cut at a word near the length', () => {
    const withSummary = makeArticle(
      'a',
      { title: 'A', date: '2019-07-01', summary: 'The standfirst.' },
      LONG_PARAGRAPH,
    );
    expect(excerptWords(withSummary, settings)).toBe('');
    const plain = makeArticle(
      'b',
      { title: 'B', date: '2019-07-01' },
      `## A heading first\n\n${LONG_PARAGRAPH}\n\nMore.`,
    );
    const words = excerptWords(plain, settings);
    expect(words).toBe(
      'Huawei opened a lab in Brussels on Monday, and its chairman said the lab would answer every question regulators ask. The…',
    );
    expect(words.length).toBeLessThanOrEqual(settings.excerptLength + 1);
  });

  it('never says more in listings and feeds than the excerpt its page shows', () => {
    const plain = makeArticle('b', { title: 'B', date: '2019-07-01' }, LONG_PARAGRAPH);
    for (const excerptLength of [60, 120, 280, 400]) {
      const shown = excerptWords(plain, { excerptLength });
      const listed = listingSummary(plain, 'excerpt', { excerptLength });
      expect(shown.startsWith(listed.replace(/…$/, '')), `${excerptLength}`).toBe(true);
    }
    expect(listingSummary(plain, 'full', { excerptLength: 60 }).length).toBeGreaterThan(200);
  });
});
