import type { ArticleEntry } from '../content/articles.ts';
import { foldedWords } from '../lib/slugs.ts';

/** How many neighbours in time each shared tag or title word contributes as candidates. */
const CANDIDATES_PER_KEY = 40;

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its new of on or over says the to with will after amid into its not no'.split(
    ' ',
  ),
);

function titleWords(title: string): string[] {
  return [...new Set(foldedWords(title).filter((word) => word.length > 2 && !STOP_WORDS.has(word)))];
}

function keysOf(article: ArticleEntry): string[] {
  return [
    ...article.data.tags.map((tag) => `tag:${tag}`),
    ...titleWords(article.data.title).map((word) => `word:${word}`),
  ];
}

/**
 * For every article, the others most like it: sharing rare tags counts most, sharing words of the
 * title counts too, and a closer date breaks ties. Each article only compares itself with the
 * few articles nearest in time under each of its tags and title words, so the cost grows with the
 * number of articles, not its square.
 */
export function findRelatedArticles<T extends ArticleEntry>(newestFirst: readonly T[], limit = 3): Map<string, T[]> {
  const postings = new Map<string, number[]>();
  const keys = newestFirst.map(keysOf);
  keys.forEach((articleKeys, position) => {
    for (const key of articleKeys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(position);
    }
  });
  const weight = (key: string) =>
    Math.log(1 + newestFirst.length / postings.get(key)!.length) * (key.startsWith('tag:') ? 1 : 0.5);

  const related = new Map<string, T[]>();
  newestFirst.forEach((article, position) => {
    const scores = new Map<number, number>();
    for (const key of keys[position]!) {
      const list = postings.get(key)!;
      if (list.length < 2) continue;
      const at = lowerBound(list, position);
      const from = Math.max(0, at - CANDIDATES_PER_KEY / 2);
      const keyWeight = weight(key);
      for (const other of list.slice(from, from + CANDIDATES_PER_KEY + 1)) {
        if (other !== position) scores.set(other, (scores.get(other) ?? 0) + keyWeight);
      }
    }
    const ranked = [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || Math.abs(a - position) - Math.abs(b - position) || a - b)
      .slice(0, limit)
      .map(([other]) => newestFirst[other]!);
    related.set(article.id, ranked);
  });
  return related;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
