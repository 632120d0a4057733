/**
 * A returning reader of the default digest (articles of 3 December 2018 and 6 March 2019): a
 * first visit marks nothing; a visit after one on 15 January 2019 marks only what came out since,
 * on the home page, in its line and on the timeline, without a request and without moving
 * anything; and "Mark all as seen" clears the marks for good. The previous visit is kept in the
 * browser as the site's own script keeps it: a fake clock (`page.clock`) would also stop the
 * page from painting, which the layout-shift check needs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAxeViolations, launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import { serveSite, type StaticSite } from '../support/staticServer.ts';
import {
  parseVisitState,
  recordPageView,
  VISIT_GAP_MS,
  visitsStorageKey,
  type VisitState,
} from '../../src/site/readerVisits.ts';

const CENTRE_TITLE = 'Huawei opens a new EU cybersecurity transparency centre';
const BRUSSELS_TITLE = 'Huawei Combating EU Security Concerns With Investments In Brussels';
/** The events the March article reports: new to a reader whose last visit was in January. */
const CENTRE_EVENTS = 4;

declare global {
  interface Window {
    /** Layout shifts since the page started, as a PerformanceObserver saw them. */
    layoutShifts: { total: number; observer: PerformanceObserver };
  }
}

let server: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** Paths the pages asked for since a test last emptied the list. */
let requested: string[] = [];

beforeAll(async () => {
  server = await serveSite(inject('defaultSite'));
  browser = await launchChromium();
  // No service worker: every request the pages make reaches the test, none is answered from its cache.
  context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const layoutShifts = { total: 0, observer: undefined as unknown as PerformanceObserver };
    const add = (entries: PerformanceEntryList) => {
      for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) layoutShifts.total += entry.value;
    };
    layoutShifts.observer = new PerformanceObserver((list) => add(list.getEntries()));
    layoutShifts.observer.observe({ type: 'layout-shift', buffered: true });
    window.layoutShifts = layoutShifts;
  });
  page = await openPage(context);
  errors = watchForErrors(page);
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const storageKey = visitsStorageKey('/');
/** What this browser keeps of the reader's visits: the only place the feature writes to. */
const storedVisits = () => page.evaluate((key) => localStorage.getItem(key), storageKey);

/** A previous visit, as the site's script would have kept it, for the next page view to find. */
async function keepVisit(state: VisitState): Promise<void> {
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: storageKey,
    value: JSON.stringify(state),
  });
}

/**
 * Opens a page of the digest and waits for its script to record the page view. With
 * `scriptsAfterPaint`, the page's scripts arrive only once it has painted, as on a slow network:
 * what they change after that is what a reader would see move (on this small, fast site they
 * would otherwise run before the first paint, and no change could count as a shift).
 */
async function visit(path = '', { scriptsAfterPaint = false } = {}): Promise<void> {
  const before = page.url().startsWith(server.url) ? await storedVisits() : null;
  if (scriptsAfterPaint) {
    let release = () => {};
    const painted = new Promise<void>((resolve) => (release = resolve));
    const scripts = /\/_astro\/.*\.js$/;
    await page.route(scripts, async (route) => {
      await painted;
      await route.continue();
    });
    // The load event waits for the held scripts, so the navigation is awaited only once they go.
    const navigation = page.goto(`${server.url}${path}`);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
    release();
    await navigation;
    await page.unroute(scripts);
  } else await page.goto(`${server.url}${path}`);
  await expect.poll(storedVisits).not.toBe(before);
}

/** The layout shift the page has had so far, measured after the next frame is drawn. */
function layoutShift(): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            for (const entry of window.layoutShifts.observer.takeRecords() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[])
              if (!entry.hadRecentInput) window.layoutShifts.total += entry.value;
            resolve(window.layoutShifts.total);
          }),
        ),
      ),
  );
}

const marked = () => page.locator('[data-new]').evaluateAll((elements) => elements.map((element) => element.tagName));
const markedCards = () =>
  page.locator('.article-card[data-new]').evaluateAll((cards) =>
    cards.map((card) => [
      card.querySelector('.article-card-title')!.textContent!.trim(),
      card.getAttribute('data-new'),
      // The visible word beside the mark: what the reader reads, not only a colour.
      [...card.querySelectorAll('.new-mark > span')]
        .filter((word) => getComputedStyle(word).visibility === 'visible')
        .map((word) => word.textContent),
    ]),
  );
const homeLine = () => page.locator('.new-since-line');

describe('what is new since a reader’s previous visit', () => {
  let firstVisitRequests: Set<string>;

  it('marks nothing on a first visit', async () => {
    requested = [];
    await visit();
    expect(await marked()).toEqual([]);
    expect(await homeLine().textContent()).toBe('');
    await visit('timeline/');
    expect(await marked()).toEqual([]);
    firstVisitRequests = new Set(requested);
  });

  it('marks, on a later visit, only what came out since, with the word beside it, and says how much', async () => {
    requested = [];
    // The reader's last page view was on 15 January 2019, between the two articles.
    await keepVisit(recordPageView(undefined, { time: Date.parse('2019-01-15T10:00:00Z'), day: '2019-01-15' }));
    await visit('', { scriptsAfterPaint: true });
    expect(await markedCards()).toEqual([[CENTRE_TITLE, 'new', ['New']]]);
    expect(await page.locator('.article-card', { hasText: BRUSSELS_TITLE }).getAttribute('data-new')).toBeNull();
    expect(await homeLine().textContent()).toBe(
      `New or updated since 15 January 2019: 1 article and ${CENTRE_EVENTS} events. Mark all as seen`,
    );
    expect(await layoutShift()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await findAxeViolations(page), colorScheme).toEqual([]);
    }
  });

  it('marks the timeline’s new events and publications within the same visit', async () => {
    await visit('timeline/', { scriptsAfterPaint: true });
    const entries = page.locator('.timeline-entry[data-new="new"]');
    expect(await page.locator('.timeline-event[data-new]').count()).toBe(CENTRE_EVENTS);
    expect(await page.locator('.timeline-publication[data-new]').allTextContents()).toEqual([
      expect.stringContaining(CENTRE_TITLE),
    ]);
    expect(await entries.locator('.new-mark-new').first().isVisible()).toBe(true);
    expect(await entries.locator('.new-mark-updated').first().isVisible()).toBe(false);
    expect(await layoutShift()).toBe(0);
    expect(await findAxeViolations(page)).toEqual([]);
    // The feature asked for nothing: the later visit's pages fetched nothing the first visit's did not.
    expect(requested.filter((path) => !firstVisitRequests.has(path))).toEqual([]);
  });

  it('clears every mark with a keyboard press of "Mark all as seen", for good, asking nothing', async () => {
    await visit();
    requested = [];
    const button = page.getByRole('button', { name: 'Mark all as seen' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => homeLine().textContent()).toBe('Everything is marked as seen.');
    expect(await marked()).toEqual([]);
    expect(await homeLine().evaluate((line) => line === document.activeElement)).toBe(true);
    // The browser asks for the page's icon on its own, whenever it likes: not the feature's doing.
    expect(requested.filter((path) => path !== '/favicon.svg')).toEqual([]);
    expect(await layoutShift()).toBe(0);

    // The next visit finds nothing new, and shows no button.
    const seen = parseVisitState(await storedVisits())!;
    await keepVisit({ ...seen, lastView: seen.lastView - 2 * VISIT_GAP_MS });
    await visit();
    expect(await marked()).toEqual([]);
    expect(await button.count()).toBe(0);
    await visit('timeline/');
    expect(await marked()).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('a page read without JavaScript', () => {
  it('marks nothing and shows nothing of it', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const reader = await openPage(noScript);
    await reader.goto(server.url);
    expect(await reader.locator('.new-mark-new, .new-mark-updated, .new-since-room').first().isVisible()).toBe(false);
    expect(await reader.locator('.new-since-line').textContent()).toBe('');
    expect(await reader.locator('[data-new]').count()).toBe(0);
    await noScript.close();
  });
});
