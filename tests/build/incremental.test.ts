import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workFromLog } from '../../bench/buildLog.ts';
import { createCorpusPool, syntheticArticle, writeCorpus } from '../../bench/corpus.ts';
import { buildSite, type BuildResult } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { readAllFiles } from '../support/siteFiles.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const ARTICLES = 40;
/** Small shards, so forty articles make several and a rebuild can keep some. */
const SHARD_ARTICLES = 8;

describe('a rebuild after editing a digest of many search shards', () => {
  const pool = createCorpusPool(3);
  let content: string;
  let first: BuildResult;
  let rebuild: BuildResult;
  let clean: BuildResult;

  beforeAll(async () => {
    content = join(await makeTempFolder('incremental'), 'content');
    await writeCorpus(content, pool, 0, ARTICLES);
    first = await buildSite({ content, shardArticles: SHARD_ARTICLES });
    expect(first.exitCode, first.output).toBe(0);

    // One article added, one retitled, one deleted.
    const added = syntheticArticle(pool, ARTICLES);
    await writeFile(join(content, 'articles', added.fileName), added.text);
    const retitled = join(content, 'articles', syntheticArticle(pool, 5).fileName);
    await writeFile(
      retitled,
      (await readFile(retitled, 'utf8')).replace(/^title: .*$/m, 'title: A retitled article about zeppelins'),
    );
    await rm(join(content, 'articles', syntheticArticle(pool, 9).fileName));

    rebuild = await buildSite({
      content,
      shardArticles: SHARD_ARTICLES,
      cacheDir: first.cacheDir,
      outDir: first.outDir,
    });
    expect(rebuild.exitCode, rebuild.output).toBe(0);
    const fresh = join(await makeTempFolder('clean'), 'content');
    await cp(content, fresh, { recursive: true });
    clean = await buildSite({ content: fresh, shardArticles: SHARD_ARTICLES });
    expect(clean.exitCode, clean.output).toBe(0);
  });

  it('writes exactly what a clean build of the edited digest writes', async () => {
    const [rebuilt, cleanFiles] = await Promise.all([readAllFiles(rebuild.outDir), readAllFiles(clean.outDir)]);
    expect([...rebuilt.keys()]).toEqual([...cleanFiles.keys()]);
    const differing = [...rebuilt]
      .filter(([file, bytes]) => !bytes.equals(cleanFiles.get(file)!))
      .map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('passes the W3C Nu Html Checker on every page of the rebuilt digest', async () => {
    expect((await checkWithNu(rebuild.outDir)).problems).toEqual([]);
  });

  it('keeps most pages and search shards instead of making them again', () => {
    expect(workFromLog(first.output).pagesKept).toBe(0);
    const { pagesKept, pagesRendered } = workFromLog(rebuild.output);
    expect(pagesKept).toBeGreaterThan(pagesRendered);
    const indexed = /Indexed (\d+) pages for search in (\d+) shards, (\d+) of them in this build/.exec(rebuild.output);
    expect(indexed, rebuild.output).not.toBeNull();
    const [, total, shards, indexedNow] = indexed!.map(Number);
    expect(total).toBe(ARTICLES);
    expect(shards).toBeGreaterThanOrEqual(ARTICLES / SHARD_ARTICLES);
    // Only the shards holding the three edited articles are indexed again.
    expect(indexedNow).toBeGreaterThan(0);
    expect(indexedNow).toBeLessThanOrEqual(3 * SHARD_ARTICLES);
  });

  it('searches every shard as one index: by date across shards, by relevance, with filter counts', async () => {
    const pagefind = await loadPagefind(rebuild.outDir);
    try {
      expect(pagefind.shards.length).toBeGreaterThan(2);
      const years = (await pagefind.filters())['year']!;
      expect(Object.values(years).reduce((sum, count) => sum + count, 0)).toBe(ARTICLES);
      const everyArticle = { year: { any: Object.keys(years) } };
      const newestFirst = (await pagefind.search(null, { sort: { date: 'desc' }, filters: everyArticle })).map(
        (result) => result.meta['date']!,
      );
      expect(newestFirst).toHaveLength(ARTICLES);
      expect(newestFirst).toEqual([...newestFirst].sort().reverse());
      const oldestFirst = (await pagefind.search(null, { sort: { date: 'asc' }, filters: everyArticle })).map(
        (result) => result.meta['date']!,
      );
      expect(oldestFirst).toEqual([...newestFirst].reverse());
      // A page of results that ends inside a shard, as a reader's first twenty may.
      const cut = SHARD_ARTICLES + 3;
      for (const [sort, all] of [
        ['desc', newestFirst],
        ['asc', oldestFirst],
      ] as const) {
        const firstPage = await pagefind.search(null, { sort: { date: sort }, filters: everyArticle }, cut);
        expect(firstPage.map((result) => result.meta['date']!)).toEqual(all.slice(0, cut));
      }
      expect((await pagefind.search('zeppelins')).map((result) => result.meta['title'])).toEqual([
        'A retitled article about zeppelins',
      ]);
    } finally {
      pagefind.restore();
    }
  });
});
