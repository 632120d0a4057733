import { describe, expect, it } from 'vitest';
import { phasesFromLog, workFromLog } from '../../bench/buildLog.ts';
import { createCorpusPool, syntheticArticle, syntheticTopic } from '../../bench/corpus.ts';
import { parseTopic } from '../../src/content/topic.ts';
import { validateArticleFile } from '../../src/content/validateArticle.ts';
import { SEARCH_LOG_LABEL } from '../../src/search/build/searchIndex.ts';

describe('the benchmark corpus', () => {
  const pool = createCorpusPool(1);

  it('writes articles that the article schema accepts', () => {
    for (let index = 0; index < 60; index++) {
      const article = syntheticArticle(pool, index);
      expect(validateArticleFile(article.fileName, Buffer.from(article.text)), article.fileName).not.toBeInstanceOf(
        Array,
      );
    }
  });

  it('is the same on every run, and article i does not depend on the corpus size', () => {
    expect(syntheticArticle(createCorpusPool(1), 7)).toEqual(syntheticArticle(pool, 7));
    expect(syntheticArticle(createCorpusPool(2), 7).text).not.toBe(syntheticArticle(pool, 7).text);
  });

  it('writes bodies of 400 to 1,200 words with headings, links and quotes', () => {
    const articles = Array.from({ length: 40 }, (_, index) => syntheticArticle(pool, index));
    for (const article of articles) expect(article.words).toBeGreaterThanOrEqual(400);
    for (const article of articles) expect(article.words).toBeLessThan(1300);
    const bodies = articles.map((article) => article.text).join('\n');
    expect(bodies).toMatch(/^## /m);
    expect(bodies).toMatch(/\]\(https:\/\//);
    expect(bodies).toMatch(/^> /m);
  });

  it('names 50 entities in its topic, with aliases, and the articles name them', () => {
    const topic = parseTopic(syntheticTopic(pool), 'topic.md');
    expect(topic.entities).toHaveLength(50);
    expect(topic.entities.filter((entity) => entity.aliases.length > 0).length).toBeGreaterThanOrEqual(30);
    const bodies = Array.from({ length: 20 }, (_, index) => syntheticArticle(pool, index).text).join('\n');
    expect(bodies).toContain(topic.entities[0]!.aliases[0]!.split(' ')[0]!);
  });

  it('gives every article its own file name', () => {
    const names = new Set(Array.from({ length: 500 }, (_, index) => syntheticArticle(pool, index).fileName));
    expect(names.size).toBe(500);
  });
});

describe('build phases read from the log', () => {
  const line = (at: number, text: string) => ({ at, text });

  it('splits the wall time at the lines that start and end each phase', () => {
    const phases = phasesFromLog(
      [
        line(1, '12:00:00 [content] Syncing content'),
        line(3, '12:00:02 [content] Synced content'),
        line(5, ' generating static routes '),
        line(9, '12:00:08 ✓ Completed in 4.00s.'),
        line(9.5, `12:00:08 [${SEARCH_LOG_LABEL}] Finishing the search index…`),
        line(11, `12:00:10 [${SEARCH_LOG_LABEL}] Indexed 10 pages for search.`),
      ],
      12,
    );
    expect(phases).toEqual({
      startup: 1,
      contentSync: 2,
      bundling: 2,
      pageRendering: 4,
      searchIndexing: 1.5,
      other: 1.5,
      total: 12,
    });
  });

  it('counts a phase the log does not show as taking no time', () => {
    expect(
      phasesFromLog([line(1, '[content] Syncing content'), line(2, '[content] Synced content')], 3).searchIndexing,
    ).toBe(0);
  });

  it('counts the pages a rebuild rendered and kept, even when Astro writes several on one line', () => {
    const work = workFromLog(
      [
        '12:00:04   ├─ /404.html12:00:04   ├─ /archive/index.html (+12ms) ',
        '12:00:04   ├─ /articles/a/index.html (cached)',
        '12:00:04   ├─ /articles/b/index.html (restored)',
        '12:00:04   ├─ /articles/c/index.html (+3ms) ',
        ' (+1.2s) ',
        '12:00:01 [dossier-articles] Found the entities of 3 articles in 42 ms',
        '12:00:05   ├─ /who/huawei/index.html (+5ms) ',
        '12:00:05   ├─ /who/huawei/rss.xml (+1.5s) ',
        `12:00:10 [${SEARCH_LOG_LABEL}] Indexed 3 pages for search in 2 shards, 1 of them in this build (Pagefind ran 0.4 s beside the build).`,
      ].join('\n'),
    );
    expect(work).toEqual({
      pagesRendered: 5,
      pagesKept: 2,
      articlesIndexed: 1,
      mentionMilliseconds: 42,
      whoPagesRendered: 2,
      whoRenderMilliseconds: 1505,
    });
  });
});
