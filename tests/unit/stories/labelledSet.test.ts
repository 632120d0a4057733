import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateStorySet, readStorySet, type StoryScore, type StorySet } from '../../../scripts/storyScores.ts';

/** The targets of same-report grouping on pairs (issue 25). */
const TARGET_PRECISION = 0.95;
const TARGET_RECALL = 0.9;

let set: StorySet;
let score: StoryScore;

beforeAll(async () => {
  set = await readStorySet('tests/fixtures/stories');
  score = evaluateStorySet(set);
});

describe('the labelled set of same reports', () => {
  it('has forty articles or more, in several languages, one written without spaces and one right to left', () => {
    expect(set.articles.length).toBeGreaterThanOrEqual(40);
    const languages = new Set(set.articles.map(({ id }) => id.split('-')[0]));
    expect([...languages]).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'zh', 'ja', 'ar']));
    expect(set.hardNegatives.length).toBeGreaterThanOrEqual(15);
  });

  it('meets the precision and recall targets on pairs', () => {
    expect(score.precision, JSON.stringify(score.falsePairs)).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(score.recall, JSON.stringify(score.missedPairs)).toBeGreaterThanOrEqual(TARGET_RECALL);
  });

  it('groups none of the hard negatives', () => {
    expect(score.failedNegatives).toEqual([]);
  });
});
