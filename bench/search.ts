/**
 * `npm run bench:search -- [--articles N] [--seed S] [--query WORDS]`: what a reader's first search
 * costs, measured in Chromium against a built site served on 127.0.0.1: the bytes it downloads
 * (search code, Pagefind's bundle and index chunks, result fragments) and the time from the last
 * keystroke to the first result on screen. Without --articles it measures the default digest;
 * with it, a synthetic digest of N articles (built first, into a temporary folder).
 * Ends with one JSON line holding every figure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../tests/support/buildSite.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite } from '../tests/support/staticServer.ts';
import { TYPING_DELAY_MS } from '../src/search/browser/searchPanel.ts';
import { createCorpusPool, writeCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const articles = values.articles === undefined ? undefined : Number(values.articles);
const query = values.query ?? (articles === undefined ? 'transparency centre' : 'huawei network');
const runs = Number(values.runs);

async function builtSite(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  if (articles === undefined) {
    const build = await buildSite();
    if (build.exitCode !== 0) throw new Error(build.output);
    return { dir: build.outDir, cleanup: () => rm(join(build.outDir, '..'), { recursive: true, force: true }) };
  }
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-search-bench-'));
  const content = join(workspace, 'content');
  await writeCorpus(content, createCorpusPool(Number(values.seed)), 0, articles);
  console.log(`Building a synthetic digest of ${articles} articles…`);
  const build = await buildSite({ content, outDir: join(workspace, 'dist') });
  if (build.exitCode !== 0) throw new Error(build.output.slice(-4000));
  return { dir: build.outDir, cleanup: () => rm(workspace, { recursive: true, force: true }) };
}

interface FirstSearch {
  bytes: number;
  requests: number;
  firstResultMs: number;
  openToResultMs: number;
  results: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const site = await builtSite();
const server = await serveSite(site.dir);
const browser = await launchChromium();
const measured: FirstSearch[] = [];
try {
  for (let run = 0; run < runs; run++) {
    // A new context each time: an empty cache, as on a reader's first visit.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle' });
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
    });
    await page.evaluate(() => {
      const timing = { lastKey: 0, firstResult: 0 };
      (window as unknown as { searchTiming: typeof timing }).searchTiming = timing;
      document.addEventListener('input', () => (timing.lastKey = performance.now()), true);
      const results = document.querySelector('dialog .search-results')!;
      new MutationObserver(() => {
        if (results.childElementCount > 0 && !timing.firstResult) timing.firstResult = performance.now();
      }).observe(results, { childList: true });
    });
    const opened = await page.evaluate(() => performance.now());
    await page.keyboard.press('/');
    await page.keyboard.type(query);
    await page.locator('dialog .search-results > li').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(
      () => (window as unknown as { searchTiming: { lastKey: number; firstResult: number } }).searchTiming,
    );
    measured.push({
      bytes,
      requests,
      firstResultMs: Math.round(timing.firstResult - timing.lastKey),
      openToResultMs: Math.round(timing.firstResult - opened),
      results: await page.locator('dialog .search-results > li').count(),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await site.cleanup();
}

const figures = {
  digest: articles === undefined ? 'default' : `synthetic-${articles}`,
  query,
  runs,
  firstSearchBytes: median(measured.map((run) => run.bytes)),
  firstSearchRequests: median(measured.map((run) => run.requests)),
  lastKeystrokeToFirstResultMs: median(measured.map((run) => run.firstResultMs)),
  openingToFirstResultMs: median(measured.map((run) => run.openToResultMs)),
  resultsShown: measured[0]!.results,
};
console.log(`\nFirst search on the ${figures.digest} digest ("${query}", median of ${runs} cold runs)`);
console.log(
  `  downloaded                     ${(figures.firstSearchBytes / 1024).toFixed(1)} KiB in ${figures.firstSearchRequests} requests`,
);
console.log(
  `  last keystroke → first result  ${figures.lastKeystrokeToFirstResultMs} ms (includes the ${TYPING_DELAY_MS} ms pause search waits for typing to stop)`,
);
console.log(`  opening search → first result  ${figures.openingToFirstResultMs} ms (typing included)`);
console.log(JSON.stringify(figures));
