import { describe, expect, it } from 'vitest';
import { digestToKeep, planPrecache } from '../../../src/offline/precachePlan.ts';

const shell = [
  { path: '/', bytes: 6_000 },
  { path: '/_astro/site.css', bytes: 10_000 },
  { path: '/pagefind/x/wasm.en.pagefind', bytes: 60_000 },
];
const index = (count: number, bytes: number) =>
  Array.from({ length: count }, (_, n) => ({ path: `/pagefind/x/index/${n}.pf_index`, bytes }));

describe("what a reader's first visit keeps", () => {
  it('keeps the shell and the whole search index while both fit the budget, so search works offline after one visit', () => {
    const plan = planPrecache(shell, index(40, 20_000), 1_000_000);
    expect(plan.wholeIndex).toBe(true);
    expect(plan.precache).toHaveLength(43);
  });

  it('keeps only the shell of a digest whose index is larger, whatever its size', () => {
    for (const files of [100, 10_000]) {
      const plan = planPrecache(shell, index(files, 20_000), 1_000_000);
      expect(plan.wholeIndex).toBe(false);
      expect(plan.precache).toEqual(['/', '/_astro/site.css', '/pagefind/x/wasm.en.pagefind']);
    }
  });

  it('tells what keeping the whole digest takes, each file counted once', () => {
    const { summary, list } = digestToKeep('dossier-abc', [
      ...index(2, 1_000),
      { path: '/', bytes: 6_000 },
      { path: '/', bytes: 6_000 },
    ]);
    expect(summary).toEqual({ cache: 'dossier-abc', files: 3, bytes: 8_000 });
    expect(list).toEqual(['/pagefind/x/index/0.pf_index', '/pagefind/x/index/1.pf_index', '/']);
  });
});
