import { describe, expect, it } from 'vitest';
import { indexChunkPostings, planSearchShards } from '../../../src/search/build/shardPlan.ts';
import type { SearchEntry } from '../../../src/build/articleCache.ts';

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

  it('packs whole months into frozen shards from the oldest, and keeps the newest months in a small fresh one', () => {
    // 100 articles over 100 days (Jan 1 – Apr 10); at most 40 a shard, the fresh one growing by 5.
    const shards = planSearchShards(daily('2019-01-01', 100), { maxArticles: 40 });
    expect(spans(shards)).toEqual([
      '2019-01-01..2019-01-31 (31)',
      '2019-02-01..2019-02-28 (28)',
      '2019-03-01..2019-03-31 (31)',
      '2019-04-01..2019-04-10 (10)',
    ]);
    const large = planSearchShards(daily('2019-01-01', 400), { maxArticles: 200 });
    expect(spans(large)).toEqual([
      '2019-01-01..2019-06-30 (181)',
      '2019-07-01..2019-12-31 (184)',
      '2020-01-01..2020-02-04 (35)',
    ]);
    expect(spans(planSearchShards(daily('2019-01-01', 440), { maxArticles: 200 })).slice(2)).toEqual([
      '2020-01-01..2020-01-31 (31)',
      '2020-02-01..2020-03-15 (44)',
    ]);
  });

  it('changes only the fresh shard when an article is added, until the fresh shard has grown enough to settle', () => {
    const entries = daily('2019-01-01', 420);
    const before = planSearchShards(entries, { maxArticles: 200 });
    const after = planSearchShards([...entries, entry('2020-02-24', 'added')], { maxArticles: 200 });
    expect(after.slice(0, -1).map((shard) => shard.name)).toEqual(before.slice(0, -1).map((shard) => shard.name));
    expect(after.at(-1)!.name).not.toBe(before.at(-1)!.name);
    expect(after.at(-1)!.entries.length).toBeLessThanOrEqual(200 / 8 + 31);
  });

  it('changes only the shard that holds an edit', () => {
    const entries = daily('2019-01-01', 400);
    const before = planSearchShards(entries, { maxArticles: 200 });
    const edited = entries.map((item) => (item.day === '2019-08-05' ? { ...item, digest: 'changed' } : item));
    const after = planSearchShards(edited, { maxArticles: 200 });
    expect(after.map((shard) => shard.name)).toEqual([
      before[0]!.name,
      expect.not.stringMatching(before[1]!.name),
      before[2]!.name,
    ]);
  });

  it('sizes index chunks by the part of the digest a shard holds, so a word costs about what it costs in one index', () => {
    expect(indexChunkPostings(4000, 10_000)).toBe(Math.round((20_000 * 4000) / 16_384));
    expect(indexChunkPostings(10_000, 10_000)).toBeLessThanOrEqual(20_000);
    // Frozen shards keep their chunks, and names, until the digest doubles.
    expect(indexChunkPostings(4000, 10_000)).toBe(indexChunkPostings(4000, 16_000));
    // A digest in one shard gets Pagefind's default; a tiny shard no chunk smaller than a useful one.
    expect(indexChunkPostings(2, 2)).toBe(20_000);
    expect(indexChunkPostings(1, 1000)).toBe(500);
  });

  it('names a shard by its articles and how it was indexed, whatever order they come in', () => {
    const entries = daily('2020-01-01', 5);
    const [shard] = planSearchShards(entries);
    expect(planSearchShards([...entries].reverse())[0]!.name).toBe(shard!.name);
    expect(planSearchShards(entries, { indexer: 'another' })[0]!.name).not.toBe(shard!.name);
  });
});
