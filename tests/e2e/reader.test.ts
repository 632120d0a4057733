import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { findAxeViolations, launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import { resultTitles } from '../support/searchPanel.ts';
import { serveSite, type StaticSite } from '../support/staticServer.ts';

const CENTRE_TITLE = 'Huawei opens a new EU cybersecurity transparency centre';
const CENTRE = '/articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';

let server: StaticSite;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await serveSite(inject('defaultSite'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await openPage(browser);
  errors = watchForErrors(page);
  return async () => {
    await page.close();
  };
});

describe('a reader browsing the digest', () => {
  it('goes from the home page to an article, the timeline and a tag', async () => {
    // A click starts a navigation; each step waits until the page has arrived at its address.
    const arrivedAt = (path: string) => page.waitForURL((url) => url.pathname === path);
    await page.goto(server.url);
    await page.getByRole('link', { name: CENTRE_TITLE }).click();
    await arrivedAt(CENTRE);
    expect(await page.locator('h1').textContent()).toBe(CENTRE_TITLE);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await arrivedAt('/timeline/');
    expect(await page.locator('h1').textContent()).toBe('Timeline');
    const entry = page.locator('.timeline-entry', { hasText: 'Ken Hu' });
    await entry.getByRole('link', { name: CENTRE_TITLE }).click();
    await arrivedAt(CENTRE);
    await page.locator('.article-tags').getByRole('link', { name: 'brussels' }).click();
    await arrivedAt('/tags/brussels/');
    expect(await page.locator('h1').textContent()).toBe('Tag: brussels');
    expect(await page.locator('.article-list > li').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('skips to the content with the keyboard', async () => {
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('says how to browse when search cannot run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await openPage(context);
    await noScript.goto(`${server.url}search/?q=huawei`);
    expect(await noScript.locator('.notice').textContent()).toContain('needs JavaScript');
    await context.close();
  });

  // Every URL the sitemap lists, plus the pages it does not: search results and the 404 page.
  const sitemapPaths = [
    ...readFileSync(join(inject('defaultSite'), 'sitemap-0.xml'), 'utf8').matchAll(
      /<loc>https:\/\/dossier\.example\.org\/([^<]*)<\/loc>/g,
    ),
  ].map((match) => match[1]!);
  it.each([...sitemapPaths, 'search/?q=huawei', 'no-such-page/'])(
    'has no accessibility violations at /%s, in light and dark',
    async (path) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${server.url}${path}`);
        if (path.includes('?q=')) expect(await resultTitles(page.locator('.search[data-mode="page"]'))).not.toEqual([]);
        expect(await findAxeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    },
  );
});

describe('a deep link to a timeline entry', () => {
  it('scrolls to the entry and moves focus to it', async () => {
    await page.goto(
      `${server.url}timeline/2019/#event-2019-03-05-huawei-opened-a-cybersecurity-transparency-centre-in-brussels`,
    );
    const entry = page.locator('#event-2019-03-05-huawei-opened-a-cybersecurity-transparency-centre-in-brussels');
    await expect.poll(() => entry.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = await entry.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    expect(await entry.textContent()).toContain('Ken Hu');
  });
});

describe('the timeline at a glance', () => {
  it('takes a reader from the home page to when it happened in one click', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'March 2019: 1 event, 1 article' }).click();
    await page.waitForURL((url) => url.pathname === '/timeline/2019/');
    const entry = page.locator(decodeURIComponent(new URL(page.url()).hash));
    expect(await entry.textContent()).toContain('Ken Hu');
    await expect.poll(() => entry.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each(['', 'timeline/', 'timeline/newest/'])(
    'fits 320 px at /%s with its table open, with no accessibility violations in light and dark',
    async (path) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${server.url}${path}`);
        await page.locator('.overview-table summary').click();
        await page.locator('.overview-table table').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        const chart = (await page.locator('.overview-chart').boundingBox())!;
        expect(chart.x + chart.width).toBeLessThanOrEqual(320);
        expect(chart.height).toBeGreaterThan(50);
        expect(await findAxeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
    },
  );

  it('prints in ink, whatever the screen’s colour scheme', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto(server.url);
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => ({ fill: getComputedStyle(element).fill, stroke: getComputedStyle(element).stroke }));
    expect(await style('.overview-chart .overview-events:not(.overview-vague)')).toMatchObject({
      fill: 'rgb(0, 0, 0)',
    });
    expect(await style('.overview-chart .overview-publications')).toEqual({
      fill: 'rgb(255, 255, 255)',
      stroke: 'rgb(0, 0, 0)',
    });
    expect(await style('.overview-hatch-line')).toMatchObject({ stroke: 'rgb(0, 0, 0)' });
  });
});
