import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { PAGEFIND_SCRIPT, SHARDS_FILE } from '../../src/search/searchFiles.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import { resultTitles } from '../support/searchPanel.ts';
import { serveSite, type StaticSite } from '../support/staticServer.ts';

const BRUSSELS_TITLE = 'Huawei Combating EU Security Concerns With Investments In Brussels';
const CENTRE_TITLE = 'Huawei opens a new EU cybersecurity transparency centre';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await openPage(browser);
  errors = watchForErrors(page);
  return async () => {
    await page.close();
  };
});

describe('searching the default digest', () => {
  let server: StaticSite;
  beforeAll(async () => {
    server = await serveSite(inject('defaultSite'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('opens from the keyboard, answers while the reader types, and closes with Escape', async () => {
    await page.goto(`${server.url}articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/`);
    const dialog = page.locator('dialog.search-dialog');
    expect(await page.locator('.search-button').getAttribute('aria-keyshortcuts')).toBe('/ Control+K Meta+K');
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog[open]').waitFor();
    const input = dialog.getByRole('searchbox', { name: 'Words to find' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);

    const typedAt = Date.now();
    await page.keyboard.type('transparency centre');
    const panel = dialog.locator('.search');
    expect(await resultTitles(panel)).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    const firstResultMs = Date.now() - typedAt;
    console.info(`search: typing "transparency centre" to two results took ${firstResultMs} ms (typing included)`);
    expect(await panel.locator('.search-results > li').first().locator('mark').count()).toBeGreaterThan(0);
    expect(await panel.locator('.search-results').getAttribute('aria-busy')).toBeNull();
    expect(await panel.locator('.search-status').textContent()).toBe('2 articles match.');

    await page.keyboard.press('Escape');
    await page.locator('dialog.search-dialog:not([open])').waitFor({ state: 'attached' });
    await page.keyboard.press('Control+k');
    await page.locator('dialog.search-dialog[open]').waitFor();
    expect(errors).toEqual([]);
  });

  it('keeps every key typed right after the shortcut, before the search code has arrived', async () => {
    let typed = () => {};
    const typing = new Promise<void>((resolve) => (typed = resolve));
    // The search code arrives only once the reader has typed: a slow network, made certain.
    await page.route('**/_astro/searchPanel.*.js', async (route) => {
      await typing;
      await route.continue();
    });
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('transparency centre');
    typed();
    const dialog = page.locator('dialog.search-dialog');
    expect(await dialog.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe('transparency centre');
    expect(await resultTitles(dialog.locator('.search'))).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    expect(errors).toEqual([]);
  });

  it('loads no search code until the reader asks', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.includes('pagefind') || path.includes('searchPanel'))).toEqual([]);
    const pagefindRequested = page.waitForRequest((request) =>
      new URL(request.url()).pathname.endsWith(`/pagefind/${PAGEFIND_SCRIPT}`),
    );
    await page.getByRole('button', { name: /Search articles/ }).click();
    await page.locator('dialog.search-dialog[open]').waitFor();
    await pagefindRequested;
  });

  it("asks for the search code, the shard list and Pagefind's code at once as search opens", async () => {
    const requested = (name: string) =>
      page.waitForRequest((request) => new URL(request.url()).pathname.endsWith(`/pagefind/${name}`));
    const pagefindRequested = requested(PAGEFIND_SCRIPT);
    const indexRequested = Promise.all([pagefindRequested, requested(SHARDS_FILE)]);
    // Each answer waits for the others to be asked: a page that asked one after another would never finish.
    await page.route('**/_astro/searchPanel.*.js', async (route) => {
      await indexRequested;
      await route.continue();
    });
    await page.route(`**/pagefind/${SHARDS_FILE}`, async (route) => {
      await pagefindRequested;
      await route.continue();
    });
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('transparency centre');
    expect(await resultTitles(page.locator('dialog .search'))).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    expect(errors).toEqual([]);
  });

  it('opens a result with the searched words highlighted, moving nothing on the page', async () => {
    await page.addInitScript(() => {
      const shifts = ((window as unknown as { layoutShift: number }).layoutShift = 0);
      void shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { layoutShift: number }).layoutShift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}search/?q=transparency+centre`);
    await page.locator('.search-results a', { hasText: BRUSSELS_TITLE }).click();
    await page.waitForURL(/highlight=/);
    const marks = page.locator('.prose mark.search-highlight');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).join(' ').toLowerCase()).toContain('transparency centre');
    // Only the article is marked: not the links around it, which name other articles.
    expect(
      await page.evaluate(
        () => [...document.querySelectorAll('mark.search-highlight')].filter((mark) => !mark.closest('article')).length,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('filters and orders results, keeping the search in the URL and in the history', async () => {
    await page.goto(`${server.url}search/?q=transparency+centre`);
    const panel = page.locator('.search[data-mode="page"]');
    expect(await resultTitles(panel)).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    await page.getByRole('checkbox', { name: /Silicon Republic/ }).check();
    expect(await resultTitles(panel)).toEqual([CENTRE_TITLE]);
    expect(new URL(page.url()).searchParams.getAll('source')).toEqual(['Silicon Republic']);
    expect(await page.getByRole('checkbox', { name: /Android Headlines/ }).count()).toBe(1);

    await page.getByRole('checkbox', { name: /Silicon Republic/ }).uncheck();
    expect(await resultTitles(panel)).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    await page.getByLabel('Order').selectOption('oldest');
    expect(await resultTitles(panel)).toEqual([BRUSSELS_TITLE, CENTRE_TITLE]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('oldest');

    await page.getByRole('checkbox', { name: /2019/ }).check();
    expect(await resultTitles(panel)).toEqual([CENTRE_TITLE]);

    // Going back and forth replays a search from the URL; it is shown once the panel says so.
    await page.goBack();
    await expect.poll(() => resultTitles(panel)).toEqual([BRUSSELS_TITLE, CENTRE_TITLE]);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => resultTitles(panel)).toEqual([CENTRE_TITLE]);
    expect(await page.getByRole('checkbox', { name: /Silicon Republic/ }).isChecked()).toBe(true);
    await page.goForward();
    await expect.poll(() => resultTitles(panel)).toEqual([CENTRE_TITLE, BRUSSELS_TITLE]);
    expect(errors).toEqual([]);
  });
});

describe('searching a digest in several languages', () => {
  let server: StaticSite;
  beforeAll(async () => {
    const build = await buildSite({ content: `${projectRoot}/tests/fixtures/sites/edge-cases` });
    expect(build.exitCode, build.output).toBe(0);
    server = await serveSite(build.outDir);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['an Arabic article from an English page', 'هواوي', 'هواوي تفتتح مركزا للأمن السيبراني في بروكسل'],
    ['Zürich, typed without its accent', 'Zurich', 'Operators meet in Zürich'],
    ['a word by its stem', 'gathering', 'Operators meet in Zürich'],
  ])('finds %s', async (_case, query, title) => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    expect(await resultTitles(page.locator('.search[data-mode="page"]'))).toContain(title);
    expect(errors).toEqual([]);
  });
});

describe('searching a digest published under a sub-path', () => {
  const base = '/digests/huawei/';
  let server: StaticSite;
  beforeAll(async () => {
    const build = await buildSite({ site: `https://example.org${base}` });
    expect(build.exitCode, build.output).toBe(0);
    server = await serveSite(build.outDir, base);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('finds articles and opens them under the sub-path', async () => {
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.locator('dialog[open]').getByRole('searchbox', { name: 'Words to find' }).fill('transparency centre');
    expect(await resultTitles(page.locator('dialog[open] .search'))).toContain(CENTRE_TITLE);
    const result = page.locator('dialog[open] .search-results a', { hasText: CENTRE_TITLE });
    const articlePath = `${base}articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/`;
    expect(new URL((await result.getAttribute('href'))!, server.url).pathname).toBe(articlePath);
    await result.click();
    await page.waitForURL((url) => url.pathname === articlePath);
    expect(await page.locator('h1').textContent()).toBe(CENTRE_TITLE);
    expect(errors).toEqual([]);
  });
});
