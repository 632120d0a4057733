/**
 * The review page in Chromium: an editor accepts one draft and rejects another with the buttons
 * (without JavaScript, and from the keyboard), and a page from another origin that submits the
 * same forms, token and all, changes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFollowState } from '../../src/follow/followState.ts';
import { startReviewServer, type ReviewServer } from '../../src/follow/reviewServer.ts';
import { escapeHtml } from '../../src/lib/escapeHtml.ts';
import { findAxeViolations, launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import { draftText, FEED, makeContent } from '../support/reviewDrafts.ts';

const CENTRE = '2019-03-06-huawei-opens-a-centre.md';
const DEAL = '2019-03-08-a-5g-deal.md';
const DRAFTS = {
  [CENTRE]: draftText({ title: 'Huawei opens a centre', date: '2019-03-06', item: 'https://outlet.example/a/1' }),
  [DEAL]: draftText({
    title: 'A 5G deal',
    date: '2019-03-08',
    item: 'https://outlet.example/a/2',
    rule: 'entity "Huawei"',
    body: 'An operator signs a 5G deal.\n\n## What it covers\n\n- the radio network\n- the core network',
  }),
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A review page over a fresh content folder holding the two drafts. */
async function reviewTwoDrafts(): Promise<{ content: string; review: ReviewServer }> {
  const content = await makeContent(DRAFTS);
  return { content, review: await startReviewServer({ content }) };
}

describe('the editor on the review page', () => {
  let content: string;
  let review: ReviewServer;
  beforeAll(async () => {
    ({ content, review } = await reviewTwoDrafts());
  });
  afterAll(() => review?.close());

  it('has no accessibility violations, in light and dark', async () => {
    const page = await openPage(browser);
    const errors = watchForErrors(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(review.url);
      await page.locator('.draft-text').first().locator('summary').click();
      expect(await findAxeViolations(page), colorScheme).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('accepts one draft and rejects the other with the buttons, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await openPage(context);
    const errors = watchForErrors(page);
    await page.goto(review.url);
    expect(await page.locator('h2').allTextContents()).toEqual(['A 5G deal', 'Huawei opens a centre']);
    const deal = page.getByRole('article', { name: 'A 5G deal' });
    await deal.getByText('Its text').click();
    await expect.poll(() => deal.getByRole('heading', { name: 'What it covers' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Accept “Huawei opens a centre”' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toBe(
      `Accepted “Huawei opens a centre” (${join(content, 'articles', CENTRE)}): the next build publishes it.`,
    );
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(DRAFTS[CENTRE].replace('draft: true\n', ''));
    expect(await page.locator('h2').allTextContents()).toEqual(['A 5G deal']);

    // The remaining draft's Reject button, reached with the Tab key alone.
    const reject = page.getByRole('button', { name: 'Reject “A 5G deal”' });
    const focused = () => reject.evaluate((button) => button === document.activeElement);
    for (let presses = 0; presses < 20 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      `Rejected “A 5G deal”: ${join(content, 'articles', DEAL)} is removed, and no later poll brings it back.`,
    );
    expect(existsSync(join(content, 'articles', DEAL))).toBe(false);
    expect((await readFollowState(content)).sources[FEED]?.rejected).toEqual(['https://outlet.example/a/2']);
    expect(await page.locator('main').textContent()).toContain('Nothing waits for review.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('an outlet’s update of an article the editor has edited', () => {
  const PUBLISHED = DRAFTS[DEAL].replace('draft: true\n', '');
  const EDITED = PUBLISHED.replace('An operator signs', 'A Swiss operator signs');
  const UPDATE = PUBLISHED.replace('title: "A 5G deal"', 'title: "A 5G deal is signed"')
    .replace('date: "2019-03-08"', 'date: "2019-03-08"\nupdated: "2019-03-09"')
    .replace('An operator signs a 5G deal.', 'Two operators sign a 5G deal.');
  let content: string;
  let review: ReviewServer;
  beforeAll(async () => {
    content = await makeContent({ [DEAL]: EDITED });
    await mkdir(join(content, 'updates'));
    await writeFile(join(content, 'updates', DEAL), UPDATE);
    review = await startReviewServer({ content });
  });
  afterAll(() => review?.close());

  it('shows what the update changes, marked for screen readers, and applies it with Accept', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await openPage(context);
    const errors = watchForErrors(page);
    await page.goto(review.url);
    const update = page.getByRole('article', { name: 'A 5G deal is signed' });
    await expect.poll(() => update.textContent()).toContain(`An update of ${join(content, 'articles', DEAL)}`);
    expect(await update.locator('.draft-changes del').allTextContents()).toEqual(['removed: A Swiss operator signs']);
    expect(await update.locator('.draft-changes ins').allTextContents()).toEqual([
      'added:  is signed',
      'added: Two operators sign',
    ]);
    // axe runs a script: in a page of its own, with JavaScript.
    const checked = await openPage(browser);
    await checked.goto(review.url);
    expect(await findAxeViolations(checked)).toEqual([]);
    await checked.close();

    await update.getByRole('button', { name: 'Accept “A 5G deal is signed”' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      `Applied the update of “A 5G deal is signed” to ${join(content, 'articles', DEAL)}: your version is kept in content/revisions/.`,
    );
    expect(await readFile(join(content, 'articles', DEAL), 'utf8')).toBe(UPDATE);
    const [revision] = await readdir(join(content, 'revisions', 'a-5g-deal'));
    expect(await readFile(join(content, 'revisions', 'a-5g-deal', revision!), 'utf8')).toBe(EDITED);
    expect(existsSync(join(content, 'updates', DEAL))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A page on another origin that posts the review page's accept form as soon as it loads. */
function attackerPage(review: ReviewServer, file: string, token: string): string {
  return `<!doctype html><html lang="en"><title>Cheap flights</title>
<form method="post" action="${review.origin}/accept">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="draft" value="${escapeHtml(file)}">
</form>
<script>document.forms[0].submit()</script>`;
}

describe('a page from another origin', () => {
  let content: string;
  let review: ReviewServer;
  let attacker: Server;
  let attackerOrigin: string;
  let html = '';
  beforeAll(async () => {
    ({ content, review } = await reviewTwoDrafts());
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    await new Promise<void>((listening) => attacker.listen(0, '127.0.0.1', listening));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await review?.close();
    attacker?.closeAllConnections();
    await new Promise((closed) => attacker?.close(closed));
  });

  it.each([
    ['with the token', () => new URL(review.url).searchParams.get('token')!],
    ['without the token', () => ''],
  ])('cannot accept a draft, %s', async (_case, token) => {
    const file = join(content, 'articles', CENTRE);
    html = attackerPage(review, file, token());
    const page: Page = await openPage(browser);
    const answer = page.waitForResponse((response) => response.url() === `${review.origin}/accept`);
    await page.goto(attackerOrigin);
    expect((await answer).status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Refused');
    expect(await readFile(file, 'utf8')).toBe(DRAFTS[CENTRE]);
    await page.close();
  });

  // Everything as the page itself sends it but the Host, so that the Host alone is what gets it refused.
  it('cannot reach it under another host name (DNS rebinding)', async () => {
    const token = new URL(review.url).searchParams.get('token')!;
    const rebound = `evil.example:${review.port}`;
    const status = await new Promise<number>((answered, failed) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: review.port,
          method: 'POST',
          path: '/accept',
          headers: {
            Host: rebound,
            Origin: review.origin,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
        (response) => {
          response.resume();
          answered(response.statusCode!);
        },
      );
      outgoing.on('error', failed);
      outgoing.end(new URLSearchParams({ token, draft: join(content, 'articles', CENTRE) }).toString());
    });
    expect(status).toBe(403);
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(DRAFTS[CENTRE]);
  });
});
