import { beforeAll, describe, expect, it } from 'vitest';
import { eventDateToString } from '../../../src/events/eventDates.ts';
import { suggestEvents } from '../../../src/events/eventExtraction.ts';
import { proseBlocks } from '../../../src/events/eventSentences.ts';
import {
  evaluate,
  normalizeSentence,
  readLabelledSet,
  sumScores,
  type ArticleScore,
  type LabelledArticle,
} from '../../../scripts/eventScores.ts';

/** The quality targets of event extraction in English, on dates (date and precision agreeing). */
const TARGET_PRECISION = 0.9;
const TARGET_RECALL = 0.8;
/** The targets for each other language, read with fewer rules and measured on four articles each. */
const LANGUAGE_TARGET = 0.8;
const OTHER_LANGUAGES = ['de', 'fr', 'es', 'pt', 'nl', 'ja', 'zh', 'ru'];

let articles: LabelledArticle[];
let scores: ArticleScore[];

beforeAll(async () => {
  articles = await readLabelledSet('tests/fixtures/events');
  scores = evaluate(articles);
});

describe('the labelled set', () => {
  it('has the two seed articles and at least eight more', () => {
    expect(articles.map((article) => article.name)).toEqual(
      expect.arrayContaining(['seed-huawei-brussels-investments', 'seed-huawei-transparency-centre']),
    );
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.filter((article) => article.events.length === 0).length).toBeGreaterThan(0);
  });

  it('labels each event with a date written at its precision and a sentence of its article', () => {
    const forms = {
      year: /^\d{4}$/,
      month: /^\d{4}-\d{2}$/,
      day: /^\d{4}-\d{2}-\d{2}$/,
      season: /^\d{4}-(?:spring|summer|autumn|winter)$/,
    };
    for (const article of articles) {
      const prose = normalizeSentence(proseBlocks(article.body).join(' '));
      for (const event of article.events) {
        expect(event.date, `${article.name}: ${event.date}`).toMatch(forms[event.precision]);
        expect(prose, `${article.name}: ${event.evidence}`).toContain(normalizeSentence(event.evidence));
      }
    }
  });
});

const inLanguage = (language: string) => scores.filter((score) => score.language === language);

describe('extraction on the labelled set', () => {
  it(`finds dates in English with precision ≥ ${TARGET_PRECISION} and recall ≥ ${TARGET_RECALL}`, () => {
    const dates = sumScores(inLanguage('en').map((score) => score.dates));
    expect(dates.precision).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(dates.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  });

  it('points to the right sentences as often', () => {
    const sentences = sumScores(inLanguage('en').map((score) => score.sentences));
    expect(sentences.precision).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(sentences.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  });

  it.each(OTHER_LANGUAGES)(
    `finds dates in %s articles with precision and recall ≥ ${LANGUAGE_TARGET}, in the right sentences`,
    (language) => {
      const subset = inLanguage(language);
      expect(subset.length).toBeGreaterThanOrEqual(4);
      for (const key of ['dates', 'sentences'] as const) {
        const total = sumScores(subset.map((score) => score[key]));
        expect(total.precision, `${language} ${key} precision`).toBeGreaterThanOrEqual(LANGUAGE_TARGET);
        expect(total.recall, `${language} ${key} recall`).toBeGreaterThanOrEqual(LANGUAGE_TARGET);
      }
    },
  );

  it.each(['seed-huawei-brussels-investments', 'seed-huawei-transparency-centre'])(
    'finds exactly the dated events of %s, at their precision',
    (name) => {
      const article = articles.find((each) => each.name === name)!;
      const found = suggestEvents(article.body, article.published).map((candidate) => [
        eventDateToString(candidate.date),
        candidate.date.precision,
      ]);
      expect(found).toEqual(article.events.map((event) => [event.date, event.precision]));
    },
  );
});
