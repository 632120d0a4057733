import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildOptions } from '../support/buildSite.ts';
import { launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import type { KeepDigestState } from '../../src/offline/cachePolicy.ts';
import { searchBundlePath } from '../../src/lib/urls.ts';
import { SHARDS_FILE } from '../../src/search/searchFiles.ts';
import { resultTitles } from '../support/searchPanel.ts';
import { serveSite, type StaticSite } from '../support/staticServer.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const BRUSSELS = 'articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/';
const CENTRE = 'articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';
const BRUSSELS_TITLE = 'Huawei Combating EU Security Concerns With Investments In Brussels';
const CENTRE_TITLE = 'Huawei opens a new EU cybersecurity transparency centre';
/** The Brussels article's title in the builds a test deploys after the first. */
const NEW_TITLE = 'Huawei bets on a Brussels laboratory';
/** What a reader's first visit may cost at any digest size, the worker's precache included. */
const FIRST_VISIT_BUDGET_BYTES = 2_000_000;
const kept: KeepDigestState = 'kept';

/** The titles search finds in the page's dialog, once it says it is done. */
async function searchInDialog(page: Page, words: string): Promise<string[]> {
  await page.keyboard.press('/');
  const dialog = page.locator('dialog.search-dialog[open]');
  await dialog.getByRole('searchbox', { name: 'Words to find' }).fill(words);
  return resultTitles(dialog.locator('.search'));
}

/** The search index files a browser has kept (not Pagefind's code). */
const keptIndexFiles = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const keys = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
    return keys.map((request) => request.url).filter((url) => /\.pf_(index|fragment|filter|meta)$/.test(url));
  });

describe('reading and searching offline', () => {
  let content: string;
  let server: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let firstCache = '';

  beforeAll(async () => {
    content = await copyOfContent();
    const build = await buildSite({ content });
    expect(build.exitCode, build.output).toBe(0);
    server = await serveSite(build.outDir, '/', { gzip: true });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await openPage(context);
    errors = watchForErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the site after one visit, and searches and reads it with the network gone', async () => {
    server.resetTraffic();
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The first visit, the worker's precache included, as a host sends it (gzip).
    expect(server.traffic().bytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
    await page.goto(`${server.url}${BRUSSELS}`);
    await page.goto(server.url);
    firstCache = (await page.evaluate(() => caches.keys())).join(' ');
    expect(firstCache).toMatch(/^dossier-\w+$/);
    // A digest this small keeps its whole search index on the first visit.
    expect((await keptIndexFiles(page)).length).toBeGreaterThan(0);

    server.setReachable(false);
    expect(await searchInDialog(page, 'transparency centre')).toHaveLength(2);

    await page.goto(`${server.url}${BRUSSELS}`);
    expect(await page.locator('h1').textContent()).toBe(BRUSSELS_TITLE);

    await page.goto(`${server.url}${CENTRE}`);
    expect(await page.locator('h1').textContent()).toBe('You are offline');
    await expect.poll(() => page.locator('.offline-articles a').allTextContents()).toEqual([BRUSSELS_TITLE]);
    expect(
      errors.filter((error) => !/ERR_(INTERNET_DISCONNECTED|CONNECTION|EMPTY_RESPONSE|FAILED)/.test(error)),
    ).toEqual([]);
  });

  it('shows a new build, and its index, after a reload once back online', async () => {
    await deployRetitled(content, server);

    await page.goto(`${server.url}${BRUSSELS}`);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(NEW_TITLE);
    // The new build's worker keeps its own cache and lets the old build's go.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.not.stringMatching(firstCache)]);
    expect(await searchInDialog(page, 'laboratory')).toEqual([NEW_TITLE]);
  });

  it('asks the network only for the shard list when a reader searches the index their first visit kept', async () => {
    const reader = await openPage(await browser.newContext());
    let searching = false;
    const fromNetwork: string[] = [];
    reader.context().on('request', (request) => {
      if (searching && request.serviceWorker()) fromNetwork.push(new URL(request.url()).pathname);
    });
    await reader.goto(server.url);
    await expect.poll(() => reader.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    searching = true;
    expect(await searchInDialog(reader, 'transparency centre')).toHaveLength(2);
    expect(fromNetwork).toEqual([`${searchBundlePath}${SHARDS_FILE}`]);
    await reader.context().close();
  });
});

/** The default digest's content in a folder of its own, which a test may edit and build again. */
async function copyOfContent(): Promise<string> {
  const content = join(await makeTempFolder('offline'), 'content');
  await cp(join(projectRoot, 'content'), content, { recursive: true });
  return content;
}

/** Gives the Brussels article a new title, builds the content again and deploys it, the network back. */
async function deployRetitled(content: string, server: StaticSite, options: BuildOptions = {}): Promise<void> {
  const article = join(
    content,
    'articles/2018-12-03-huawei-combating-eu-security-concerns-with-investments-in-brussels.md',
  );
  await writeFile(
    article,
    (await readFile(article, 'utf8')).replace(`title: ${BRUSSELS_TITLE}`, `title: ${NEW_TITLE}`),
  );
  const rebuild = await buildSite({ content, ...options });
  expect(rebuild.exitCode, rebuild.output).toBe(0);
  server.deploy(rebuild.outDir);
  server.setReachable(true);
}

describe('a digest whose search index is larger than a first visit may cost', () => {
  let content: string;
  let server: StaticSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The default digest, with a first visit too small for its index: kept as a large digest is.
    content = await copyOfContent();
    const build = await buildSite({ content, precacheBytes: 1 });
    expect(build.exitCode, build.output).toBe(0);
    server = await serveSite(build.outDir, '/', { gzip: true });
    browser = await launchChromium();
    page = await openPage(await browser.newContext());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("leaves the index on the server on a first visit, and keeps the whole digest at the reader's choice", async () => {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await keptIndexFiles(page)).toEqual([]);

    await page.goto(`${server.url}search/`);
    const control = page.locator('.keep-digest');
    await control.getByRole('button', { name: 'Keep this digest for offline reading' }).click();
    await control.and(page.locator(`[data-state="${kept}"]`)).waitFor();
    expect(await control.getByRole('status').textContent()).toBe(
      'This digest is kept: all of it reads and searches offline.',
    );
    expect((await keptIndexFiles(page)).length).toBeGreaterThan(0);

    server.setReachable(false);
    // An article the reader never opened, and search, with the network gone.
    await page.goto(`${server.url}${CENTRE}`);
    expect(await page.locator('h1').textContent()).toBe(CENTRE_TITLE);
    expect(await searchInDialog(page, 'transparency centre')).toHaveLength(2);
    await page.goto(`${server.url}search/`);
    await control.and(page.locator(`[data-state="${kept}"]`)).waitFor();
  });

  it('tells the reader, before they choose, how much keeping the digest takes', async () => {
    server.setReachable(true);
    const context = await browser.newContext();
    const fresh = await openPage(context);
    await fresh.goto(`${server.url}search/`);
    const size = fresh.locator('.keep-digest .keep-digest-size');
    await size.waitFor();
    expect(await size.textContent()).toMatch(
      /^About \d+(\.\d)? kB on this device: every article and the whole search\.$/,
    );
    await context.close();
  });

  it('keeps what the reader kept through a new build, and keeps the new build without asking again', async () => {
    const ownCaches = () =>
      page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('dossier-')));
    const keptBefore = await ownCaches();
    await deployRetitled(content, server, { precacheBytes: 1 });

    // Any page brings the new build's worker; the kept build's cache stays beside its own.
    await page.goto(`${server.url}${BRUSSELS}`);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(NEW_TITLE);
    // The browser looks for a new worker when it sees fit; here, at once, until the new one serves.
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      const next = registration.installing ?? registration.waiting;
      if (next && next.state !== 'activated')
        await new Promise((resolve) =>
          next.addEventListener('statechange', () => next.state === 'activated' && resolve(null)),
        );
    });
    const servingCache = await page.evaluate(
      async () => ((await (await fetch('/offline/digest.json')).json()) as { cache: string }).cache,
    );
    expect(servingCache).not.toBe(keptBefore[0]);
    expect(await ownCaches()).toEqual(expect.arrayContaining([...keptBefore, servingCache]));

    // Offline before the new build is kept: what the reader kept still reads and searches.
    server.setReachable(false);
    await page.goto(`${server.url}${CENTRE}`);
    expect(await page.locator('h1').textContent()).toBe(CENTRE_TITLE);
    expect(await searchInDialog(page, 'transparency centre')).toHaveLength(2);

    // Back online, the search page keeps the new build at once, and the earlier build's cache goes.
    server.setReachable(true);
    await page.goto(`${server.url}search/`);
    const control = page.locator('.keep-digest');
    await control.and(page.locator(`[data-state="${kept}"]`)).waitFor();
    expect(await ownCaches()).toEqual([expect.not.stringMatching(keptBefore[0]!)]);
    server.setReachable(false);
    await page.goto(server.url);
    expect(await searchInDialog(page, 'laboratory')).toEqual([NEW_TITLE]);
  });
});
