import { describe, expect, it } from 'vitest';
import { planSearchShards } from '../../../src/search/build/shardPlan.ts';
import type { SearchEntry } from '../../../src/search/searchFiles.ts';

const entry = (day: string, slug = day): SearchEntry => ({ url: `/articles/${slug}/`, digest: `d-${slug}`, day });
/** `count` articles, one a day from `first`. */
function daily(first: string, count: number): SearchEntry[] {
  return Array.from({ length: count }, (_, index) =>
    entry(new Date(Date.parse(first) + index * 86_400_000).toISOString().slice(0, 10)),
  );
}
const spans = (shards: ReturnType<typeof planSearchShards>) =>
  shards.map((shard) => `${shard.from}..${shard.to} (${shard.entries.length})`);

describe('search shards', () => {
  it('keeps a small digest in one shard, whatever its years', () => {
    const shards = planSearchShards([entry('2019-03-06'), entry('2018-12-03')]);
    expect(spans(shards)).toEqual(['2018-12-03..2019-03-06 (2)']);
  });

  it('splits a decade into years, a year into quarters and a quarter into months, as far as needed', () => {
    const entries = [...daily('2018-06-01', 3), ...daily('2019-01-01', 40), ...daily('2021-05-01', 2)];
    expect(spans(planSearchShards(entries, { maxArticles: 10 }))).toEqual([
      '2018-06-01..2018-06-03 (3)',
      '2019-01-01..2019-01-31 (31)',
      '2019-02-01..2019-02-09 (9)',
      '2021-05-01..2021-05-02 (2)',
    ]);
  });

  it('changes only the shard whose span holds an edit', () => {
    const entries = [...daily('2017-01-01', 8), ...daily('2018-01-01', 8), ...daily('2019-01-01', 8)];
    const before = planSearchShards(entries, { maxArticles: 10 });
    const edited = entries.map((item) => (item.day === '2018-01-05' ? { ...item, digest: 'changed' } : item));
    const after = planSearchShards(
      [...edited, entry('2018-03-01', 'added')].filter((item) => item.day !== '2018-01-02'),
      { maxArticles: 10 },
    );
    expect(before.map((shard) => shard.name)).toHaveLength(3);
    expect(after.map((shard) => shard.name)).toEqual([
      before[0]!.name,
      expect.not.stringMatching(before[1]!.name),
      before[2]!.name,
    ]);
  });

  it('names a shard by its articles and how it was indexed, whatever order they come in', () => {
    const entries = daily('2020-01-01', 5);
    const [shard] = planSearchShards(entries);
    expect(planSearchShards([...entries].reverse())[0]!.name).toBe(shard!.name);
    expect(planSearchShards(entries, { indexer: 'another' })[0]!.name).not.toBe(shard!.name);
  });
});
