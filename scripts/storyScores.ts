/**
 * How well same-report grouping does against a labelled set (`tests/fixtures/stories/`: the articles in
 * `articles/`, the truth in `groups.json`), scored on pairs; and synthetic digests to time the index on.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMarkdownFile } from '../src/content/frontmatter.ts';
import { parsePublicationDate } from '../src/lib/dates.ts';
import { createStoryIndex, type ReportText } from '../src/stories/sameReport.ts';

/** A set of articles that belong together, or a pair that must not, with the shape it stands for. */
export interface LabelledShape {
  shape: string;
  articles: string[];
}

export interface StorySet {
  articles: ReportText[];
  /** Every group of the same report, two articles or more; any pair not inside one group is not the same report. */
  groups: LabelledShape[];
  /** Pairs that look alike and are not the same report, each checked by name. */
  hardNegatives: LabelledShape[];
}

export async function readStorySet(directory: string): Promise<StorySet> {
  const folder = join(directory, 'articles');
  const files = (await readdir(folder)).filter((file) => file.endsWith('.md')).sort();
  const articles = await Promise.all(
    files.map(async (file): Promise<ReportText> => {
      const path = join(folder, file);
      const { frontmatter, body } = parseMarkdownFile(await readFile(path, 'utf8'));
      const date = parsePublicationDate(frontmatter['date']);
      if (!date.ok) throw new Error(`${path}: date ${date.message}`);
      return { id: file.replace(/\.md$/, ''), published: date.value.time, text: body };
    }),
  );
  const truth = JSON.parse(await readFile(join(directory, 'groups.json'), 'utf8')) as Omit<StorySet, 'articles'>;
  const ids = new Set(articles.map((article) => article.id));
  for (const { articles: members } of [...truth.groups, ...truth.hardNegatives]) {
    const unknown = members.find((id) => !ids.has(id));
    if (unknown) throw new Error(`${directory}/groups.json: "${unknown}" is not an article of ${folder}`);
  }
  return { articles, ...truth };
}

/** A pair of articles, the smaller id first, with the measure the check computed for it. */
export interface ScoredPair {
  first: string;
  second: string;
  containment: number;
}

export interface StoryScore {
  precision: number;
  recall: number;
  /** Pairs put in one group that the truth keeps apart. */
  falsePairs: ScoredPair[];
  /** Pairs of one true group that were not put in one group. */
  missedPairs: ScoredPair[];
  /** Hard negatives that ended in one group. */
  failedNegatives: LabelledShape[];
  detected: number;
  labelled: number;
}

function pairsOf(groups: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const ids = [...group].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(`${ids[i]} ${ids[j]}`);
  }
  return pairs;
}

/** Precision and recall of the pairs the grouping puts together (every pair inside a group, transitively). */
export function evaluateStorySet({ articles, groups, hardNegatives }: StorySet): StoryScore {
  const index = createStoryIndex();
  for (const article of articles) index.addArticle(article);
  const detected = pairsOf(index.groups().map((group) => group.map((article) => article.id)));
  const labelled = pairsOf(groups.map((group) => group.articles));
  const scored = (pair: string): ScoredPair => {
    const [first, second] = pair.split(' ') as [string, string];
    return { first, second, containment: index.containment(first, second) };
  };
  const matched = [...detected].filter((pair) => labelled.has(pair)).length;
  return {
    precision: detected.size === 0 ? 1 : matched / detected.size,
    recall: labelled.size === 0 ? 1 : matched / labelled.size,
    falsePairs: [...detected].filter((pair) => !labelled.has(pair)).map(scored),
    missedPairs: [...labelled].filter((pair) => !detected.has(pair)).map(scored),
    failedNegatives: hardNegatives.filter(({ articles: [first, second] }) =>
      detected.has([first, second].sort().join(' ')),
    ),
    detected: detected.size,
    labelled: labelled.size,
  };
}

/** A pseudo-random generator with a seed (mulberry32), so a synthetic digest is the same on every run. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A digest of `count` synthetic articles for timing: texts of 250 to 750 words drawn from a 30,000-word
 * vocabulary with a Zipf-like skew (so common words recur as in news), one article in ten a trimmed copy
 * of an earlier one with an intro, and one in three ending with one of 40 outlets' newsletter boxes.
 */
export function syntheticDigest(count: number, seed = 1): ReportText[] {
  const random = randomFrom(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocabulary = Array.from({ length: 30_000 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * 26)]).join(''),
  );
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const words = (length: number) => Array.from({ length }, word).join(' ');
  const boxes = Array.from({ length: 40 }, () => words(40));
  const articles: ReportText[] = [];
  for (let index = 0; index < count; index++) {
    const id = `synthetic-${String(index).padStart(6, '0')}`;
    const published = Date.UTC(2020, 0, 1) + index * 3_600_000;
    const original =
      articles.length > 0 && random() < 0.1 ? articles[Math.floor(random() * articles.length)] : undefined;
    let text = original
      ? `${words(30)}\n\n${original.text.slice(0, Math.floor(original.text.length * (0.6 + 0.4 * random())))}`
      : Array.from({ length: 5 + Math.floor(random() * 10) }, () => words(50)).join('\n\n');
    if (random() < 1 / 3) text += `\n\n${boxes[Math.floor(random() * boxes.length)]}`;
    articles.push({ id, published, text });
  }
  return articles;
}
