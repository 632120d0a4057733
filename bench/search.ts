/**
 * `npm run bench:search -- [--articles N] [--seed S] [--query WORDS] [--next WORDS] [--runs R] [--keystroke-ms K] [--latency-ms L] [--skip-single]`:
 * what a reader's first visit and first search cost, measured in Chromium against a built site
 * served on 127.0.0.1 by a server that compresses as a static host does and counts what it sends.
 * Without --articles it measures the default digest; with it, a synthetic digest of N articles
 * (built first, into a temporary folder).
 *
 * - First visit: the home page with the service worker allowed, until the worker is ready (its
 *   precache included); then the first search on that page, which the worker's cache serves in part.
 * - First search: from the search dialog opening with an empty cache to the results on screen:
 *   bytes and requests, the time from the last keystroke to its words' results, and the time of the
 *   next query, past the pause search waits for typing to stop. Words are typed as fast as the
 *   browser takes keys, or one key every K ms with `--keystroke-ms` (a reader's pace: search then
 *   also runs in pauses between keys, as it would for them). `--latency-ms L` adds L ms to every
 *   request, as a phone's network does (Chromium's network emulation): on 127.0.0.1 a round trip
 *   costs nothing, so only then do requests made one after another show their cost.
 * - The same search on one Pagefind index built by its command-line indexer over the same
 *   articles, searched with Pagefind's JavaScript API the way the search panel searches (same
 *   typing pause, same order, as many results), in the same run; `--skip-single` leaves it out
 *   (one index of 50,000 articles needs about 15 GB to build).
 *
 * Ends with one JSON line holding every figure.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSearchManifest } from '../src/build/articleCache.ts';
import { buildPaths } from '../src/build/buildPaths.ts';
import { formatCount } from '../src/i18n/counts.ts';
import { layOutSearchSite } from '../src/search/build/searchIndex.ts';
import { TYPING_DELAY_MS } from '../src/search/browser/searchPanel.ts';
import { buildSite } from '../tests/support/buildSite.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { serveSite, type StaticSite } from '../tests/support/staticServer.ts';
import { createCorpusPool, writeCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string' },
    next: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'keystroke-ms': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'skip-single': { type: 'boolean', default: false },
  },
});
const articles = values.articles === undefined ? undefined : Number(values.articles);
const query = values.query ?? (articles === undefined ? 'transparency centre' : 'huawei network');
const nextQuery = values.next ?? (articles === undefined ? 'brussels' : 'security');
const runs = Number(values.runs);
const keystrokeMs = Number(values['keystroke-ms']);
const latencyMs = Number(values['latency-ms']);
const RESULTS_SHOWN = 20;

interface BuiltDigest {
  outDir: string;
  cacheDir: string;
  workspace: string;
}

async function buildDigest(): Promise<BuiltDigest> {
  const workspace = await mkdtemp(join(tmpdir(), 'dossier-search-bench-'));
  let content: string | undefined;
  if (articles !== undefined) {
    content = join(workspace, 'content');
    await writeCorpus(content, createCorpusPool(Number(values.seed)), 0, articles);
    console.log(`Building a synthetic digest of ${articles} articles…`);
  }
  const build = await buildSite({
    ...(content && { content }),
    outDir: join(workspace, 'dist'),
    cacheDir: join(workspace, 'cache'),
  });
  if (build.exitCode !== 0) throw new Error(build.output.slice(-4000));
  return { outDir: build.outDir, cacheDir: build.cacheDir, workspace };
}

/** A page that searches one Pagefind index with its JavaScript API, as the search panel does. */
const SINGLE_INDEX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One index</title></head>
<body><input type="search" aria-label="Search"><ol class="results"></ol><script type="module">
const input = document.querySelector('input');
const list = document.querySelector('ol');
let pagefind;
input.addEventListener('focus', () => {
  pagefind ??= import('./pagefind/pagefind.js').then(async (api) => { await api.options({ baseUrl: '/' }); await api.init(); return api; });
}, { once: true });
let timer;
let latest = 0;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const request = ++latest;
    const words = input.value;
    const api = await pagefind;
    const found = await api.search(words, { sort: { date: 'desc' } });
    const shown = await Promise.all(found.results.slice(0, ${RESULTS_SHOWN}).map((result) => result.data()));
    // An earlier search that ends later is not shown over this one, as in Dossier's panel.
    if (request !== latest) return;
    list.replaceChildren(...shown.map((data) => Object.assign(document.createElement('li'), { textContent: data.meta.title + ' ' + data.excerpt })));
    list.dataset.words = words;
  }, ${TYPING_DELAY_MS});
});
</script></body></html>`;

/** One Pagefind index over the digest's search documents, by Pagefind's CLI with its defaults. */
async function buildSingleIndex(digest: BuiltDigest): Promise<string> {
  const articleCache = buildPaths({
    cacheDir: new URL(`file://${digest.cacheDir}/`),
    outDir: new URL(`file://${digest.outDir}/`),
  }).articleCache;
  const site = join(digest.workspace, 'single-site/');
  const served = join(digest.workspace, 'single/');
  await layOutSearchSite(articleCache, site, await readSearchManifest(articleCache));
  const runner = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [runner, '--site', site, '--output-path', join(served, 'pagefind')], {
      cwd: site,
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind failed (${code})`))));
  });
  console.log(`One Pagefind index over the same articles: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await mkdir(served, { recursive: true });
  await writeFile(join(served, 'index.html'), SINGLE_INDEX_PAGE);
  await writeFile(join(served, '404.html'), '<!doctype html><title>Not found</title>');
  await rm(site, { recursive: true, force: true });
  return served;
}

interface SearchFigures {
  bytes: number;
  requests: number;
  lastKeystrokeToResultMs: number;
  nextQueryMs: number;
  results: number;
}

/** Times the results list's changes against the last keystroke. */
async function watchResults(page: Page, resultsSelector: string): Promise<void> {
  await page.evaluate((selector) => {
    const timing = { lastKey: 0, result: 0 };
    (window as unknown as { searchTiming: typeof timing }).searchTiming = timing;
    document.addEventListener('input', () => (timing.lastKey = performance.now()), true);
    const results = document.querySelector(selector)!;
    // The last change wins: a pause in typing may show results for the words typed so far.
    new MutationObserver(() => {
      if (results.childElementCount > 0) timing.result = performance.now();
    }).observe(results, { childList: true });
  }, resultsSelector);
}

const readTiming = (page: Page) =>
  page.evaluate(() => {
    const timing = (window as unknown as { searchTiming: { lastKey: number; result: number } }).searchTiming;
    return timing.result - timing.lastKey;
  });

/** Types the words, then waits until the page says their results are shown (`done`: a selector for it, given the words). */
async function typeAndWait(
  page: Page,
  words: string,
  target: { input: string; done: (words: string) => string },
): Promise<number> {
  await page.evaluate(() => ((window as unknown as { searchTiming: { result: number } }).searchTiming.result = 0));
  await page.keyboard.type(words, { delay: keystrokeMs });
  // Keys typed before the field had focus would be lost, and another search measured.
  const typed = await page.inputValue(target.input);
  if (typed !== words) throw new Error(`The search field holds "${typed}" after typing "${words}".`);
  await page.locator(target.done(words)).waitFor({ state: 'attached', timeout: 300_000 });
  return Math.round(await readTiming(page));
}

/** A page, with `--latency-ms` added to each of its requests. */
async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  if (latencyMs > 0) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  return page;
}

interface SearchTarget {
  url: string;
  open: (page: Page) => Promise<void>;
  input: string;
  results: string;
  /** A selector for the page saying the words' results are shown. */
  done: (words: string) => string;
}

/** A first search with an empty cache, then the next one. */
async function measureSearch(browser: Browser, server: StaticSite, target: SearchTarget): Promise<SearchFigures> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await openPage(context);
  await page.goto(target.url, { waitUntil: 'networkidle' });
  await watchResults(page, target.results);
  server.resetTraffic();
  await target.open(page);
  const lastKeystrokeToResultMs = await typeAndWait(page, query, target);
  await page.waitForLoadState('networkidle');
  const { bytes, requests } = server.traffic();
  const results = await page.locator(`${target.results} > li`).count();
  await page.locator(target.input).fill('');
  const nextQueryMs = (await typeAndWait(page, nextQuery, target)) - TYPING_DELAY_MS;
  await context.close();
  return { bytes, requests, lastKeystrokeToResultMs, nextQueryMs, results };
}

/** What the server sent: response bodies, as sent, and their number. */
type Traffic = ReturnType<StaticSite['traffic']>;

/**
 * The home page with the service worker allowed, until the worker has kept what it keeps; then,
 * on that page, the same first search: what a reader who arrived on one page pays to search.
 */
async function measureFirstVisit(
  browser: Browser,
  server: StaticSite,
  target: SearchTarget,
): Promise<{ firstVisit: Traffic; searchAfterVisit: Traffic & { lastKeystrokeToResultMs: number } }> {
  const context = await browser.newContext();
  const page = await openPage(context);
  server.resetTraffic();
  await page.goto(target.url, { waitUntil: 'load' });
  // A worker whose precache fails never becomes ready: better a failed benchmark than one that waits for ever.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 600_000 });
  await page.waitForLoadState('networkidle');
  const firstVisit = server.traffic();
  await watchResults(page, target.results);
  server.resetTraffic();
  await target.open(page);
  const lastKeystrokeToResultMs = await typeAndWait(page, query, target);
  await page.waitForLoadState('networkidle');
  const searchAfterVisit = { ...server.traffic(), lastKeystrokeToResultMs };
  await context.close();
  return { firstVisit, searchAfterVisit };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const medians = (measured: SearchFigures[]): SearchFigures => ({
  bytes: median(measured.map((run) => run.bytes)),
  requests: median(measured.map((run) => run.requests)),
  lastKeystrokeToResultMs: median(measured.map((run) => run.lastKeystrokeToResultMs)),
  nextQueryMs: median(measured.map((run) => run.nextQueryMs)),
  results: measured[0]!.results,
});

const digest = await buildDigest();
const singleFolder = values['skip-single'] ? undefined : await buildSingleIndex(digest);
const server = await serveSite(digest.outDir, '/', { gzip: true });
const singleServer = singleFolder === undefined ? undefined : await serveSite(singleFolder, '/', { gzip: true });
const browser = await launchChromium();
const dossier: SearchFigures[] = [];
const single: SearchFigures[] = [];
const dossierSearch: SearchTarget = {
  url: server.url,
  open: (page) => page.keyboard.press('/'),
  input: 'dialog .search-query',
  results: 'dialog .search-results',
  // The panel is `searching` from every keystroke until the last words' results are shown.
  done: () => 'dialog .search[data-state="done"]',
};
let visit: Awaited<ReturnType<typeof measureFirstVisit>>;
try {
  visit = await measureFirstVisit(browser, server, dossierSearch);
  // Alternating, so that the machine's load weighs on both alike.
  for (let run = 0; run < runs; run++) {
    dossier.push(await measureSearch(browser, server, dossierSearch));
    if (singleServer)
      single.push(
        await measureSearch(browser, singleServer, {
          url: singleServer.url,
          open: (page) => page.focus('input'),
          input: 'input',
          results: 'ol.results',
          done: (words) => `ol.results[data-words="${words}"]`,
        }),
      );
  }
} finally {
  await browser.close();
  await server.close();
  await singleServer?.close();
  await rm(digest.workspace, { recursive: true, force: true });
}

const ours = medians(dossier);
const one = single.length > 0 ? medians(single) : undefined;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const sent = ({ bytes, requests }: Traffic) =>
  `${kb(bytes)} in ${formatCount(requests, { one: 'request', other: 'requests' })}`;
const figures = {
  digest: articles === undefined ? 'default' : `synthetic-${articles}`,
  query,
  nextQuery,
  runs,
  keystrokeMs,
  latencyMs,
  firstVisitBytes: visit.firstVisit.bytes,
  firstVisitRequests: visit.firstVisit.requests,
  searchAfterVisit: visit.searchAfterVisit,
  firstSearchBytes: ours.bytes,
  firstSearchRequests: ours.requests,
  lastKeystrokeToResultsMs: ours.lastKeystrokeToResultMs,
  nextQueryMs: ours.nextQueryMs,
  resultsShown: ours.results,
  singleIndex: one ?? null,
};
console.log(`\nOn the ${figures.digest} digest (gzip as sent; medians of ${runs} cold runs, alternating)`);
const { firstVisit, searchAfterVisit } = visit;
console.log(`  first visit, precache included   ${sent(firstVisit)}`);
console.log(
  `  then a search on that page       ${sent(searchAfterVisit)}, results ${searchAfterVisit.lastKeystrokeToResultMs} ms after the last keystroke (one run)`,
);
console.log(`                                    Dossier                     one Pagefind index`);
const row = (label: string, dossierValue: string, singleValue: string | undefined) =>
  console.log(`  ${label}`.padEnd(36) + dossierValue.padEnd(28) + (singleValue ?? '–'));
row(`first search ("${query}")`, sent(ours), one && sent(one));
row('last keystroke → results', `${ours.lastKeystrokeToResultMs} ms`, one && `${one.lastKeystrokeToResultMs} ms`);
row(`next query ("${nextQuery}")`, `${ours.nextQueryMs} ms`, one && `${one.nextQueryMs} ms`);
row('results shown', `${ours.results}`, one && `${one.results}`);
console.log(
  `  (typed ${keystrokeMs > 0 ? `one key every ${keystrokeMs} ms` : 'as fast as the browser takes keys'}${latencyMs > 0 ? `, ${latencyMs} ms added to every request` : ''}; times from the last keystroke include the ${TYPING_DELAY_MS} ms search waits for typing to stop; the next query's do not)`,
);
console.log(JSON.stringify(figures));
