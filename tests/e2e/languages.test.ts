/**
 * A digest in another language: the default digest built with `language: de`, and a small Arabic
 * digest holding one English article. Every page speaks the digest's language, right to left
 * where it runs so, and content in another language keeps its own `lang` and `dir`.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/dictionaries/en.ts';
import { createTranslator, type Translator } from '../../src/i18n/translate.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { findAxeViolations, launchChromium, openPage, watchForErrors } from '../support/browser.ts';
import { resultTitles } from '../support/searchPanel.ts';
import { listHtmlFiles, readPage } from '../support/siteFiles.ts';
import { serveSite, type StaticSite } from '../support/staticServer.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const CENTRE = 'articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';
const ENGLISH_ARTICLE = 'articles/huawei-eu-english/';

/** Every piece of English interface text: the dictionary's strings split at their placeholders. */
const englishFragments = [
  ...new Set(
    Object.values(en)
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((fragment) => fragment.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
      .filter((fragment) => /\p{L}{3}/u.test(fragment)),
  ),
];

const asWord = (fragment: string) =>
  new RegExp(`(?<!\\p{L})${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');

/**
 * The English fragments a page in `translator`'s language must not show: all of them, except
 * those its own dictionary shares (`RSS`) and those the articles' own text uses, which a page may
 * quote (an English article says "Source" too).
 */
async function forbiddenFragments(translator: Translator, contentFolder: string): Promise<string[]> {
  const ownWords = Object.keys(en)
    .map((key) => translator.raw(key as keyof typeof en))
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))
    .join('\n');
  const files = await listTextFiles(contentFolder);
  const contentText = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
  return englishFragments.filter((fragment) => !asWord(fragment).test(ownWords) && !asWord(fragment).test(contentText));
}

async function listTextFiles(folder: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return (await glob('**/*.md', { cwd: folder, absolute: true })).sort();
}

/** What a page says to a reader: its text, its title and the words in its attributes. */
function interfaceText($: CheerioAPI): string {
  $('script, style').remove();
  const attributes = $(
    '[aria-label], [title], [placeholder], [alt], [data-ui], meta[name="description"], meta[property$=":title"], meta[property$=":description"]',
  )
    .toArray()
    .flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt', 'data-ui', 'content'].map((name) => $(element).attr(name) ?? ''),
    );
  return [$('title').text(), $('body').text(), ...attributes].join('\n');
}

async function englishLeftOn(siteDir: string, forbidden: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listHtmlFiles(siteDir)) {
    const text = interfaceText(await readPage(siteDir, file));
    for (const fragment of forbidden) if (asWord(fragment).test(text)) found.push(`${file}: "${fragment}"`);
  }
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every kind of page, for axe. */
const PAGE_TYPES = ['', 'timeline/', 'archive/', 'tags/', 'sources/', 'about/', 'search/?q=huawei', 'offline/'];

async function expectNoAxeViolations(page: Page, url: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(url);
    if (url.includes('?q=')) expect(await resultTitles(page.locator('.search[data-mode="page"]'))).not.toEqual([]);
    expect(await findAxeViolations(page), `${url} (${colorScheme})`).toEqual([]);
  }
}

describe('the default digest in German', () => {
  const de = createTranslator('de');
  let content: string;
  let siteDir: string;
  let server: StaticSite;

  beforeAll(async () => {
    content = join(await makeTempFolder('german'), 'content');
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    const topicFile = join(content, 'topic.md');
    await writeFile(topicFile, (await readFile(topicFile, 'utf8')).replace(/^language: .*$/m, 'language: de'));
    const build = await buildSite({ content });
    expect(build.exitCode, build.output).toBe(0);
    siteDir = build.outDir;
    server = await serveSite(siteDir);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows no English interface string on any page', async () => {
    const forbidden = await forbiddenFragments(de, content);
    expect(forbidden.length).toBeGreaterThan(100);
    expect(await englishLeftOn(siteDir, forbidden)).toEqual([]);
  });

  it('writes the German words, dates and language into pages and feeds', async () => {
    const home = await readPage(siteDir, '');
    expect(home('html').attr('lang')).toBe('de');
    expect(home('html').attr('dir')).toBe('ltr');
    expect(home('meta[property="og:locale"]').attr('content')).toBe('de_DE');
    expect(JSON.parse(home('script[type="application/ld+json"]').text())).toMatchObject({
      '@type': 'WebSite',
      inLanguage: 'de',
    });
    expect(home('nav.site-nav a').first().text()).toBe(de.t('nav.home'));
    const article = await readPage(siteDir, CENTRE);
    expect(article('.article-facts time').first().text()).toBe('6. März 2019');
    expect(article('title').text()).toBe(
      de.t('page.title', { page: article('h1').text().trim(), digest: 'Huawei in Brussels' }),
    );
    const feed = await readFile(join(siteDir, 'tags/brussels/rss.xml'), 'utf8');
    expect(feed).toContain(
      `<description>${de.t('tag.feedDescription', { name: 'brussels', digest: 'Huawei in Brussels' })}`,
    );
    expect(feed).toContain('<language>de</language>');
  });

  it('searches, filters and reads offline in German', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const errors = watchForErrors(page);
    await page.goto(`${server.url}search/`);
    const panel = page.locator('.search[data-mode="page"]');
    await panel.getByRole('searchbox', { name: de.t('search.query') }).fill('transparency');
    const titles = await resultTitles(panel);
    expect(titles.length).toBeGreaterThan(0);
    expect(await panel.locator('[role="status"]').textContent()).toBe(de.t('search.matches', { count: titles.length }));
    const sources = panel.getByRole('group', { name: de.t('search.filter.source') });
    await sources.getByRole('checkbox').first().check();
    expect((await resultTitles(panel)).length).toBeLessThanOrEqual(titles.length);

    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    server.setReachable(false);
    await page.goto(`${server.url}${CENTRE}`);
    expect(await page.locator('h1').textContent()).toBe(de.t('offline.title'));
    server.setReachable(true);
    expect(
      errors.filter((error) => !/ERR_(INTERNET_DISCONNECTED|CONNECTION|EMPTY_RESPONSE|FAILED)/.test(error)),
    ).toEqual([]);
    await context.close();
  });

  it.each(PAGE_TYPES)('has no accessibility violations on /%s', async (path) => {
    const page = await openPage(browser);
    await expectNoAxeViolations(page, `${server.url}${path}`);
    await page.close();
  });
});

describe('an Arabic digest with an English article', () => {
  const ar = createTranslator('ar');
  const content = join(projectRoot, 'tests/fixtures/sites/arabic');
  let siteDir: string;
  let server: StaticSite;

  beforeAll(async () => {
    const build = await buildSite({ content });
    expect(build.exitCode, build.output).toBe(0);
    siteDir = build.outDir;
    server = await serveSite(siteDir, '/ar/');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows no English interface string on any page', async () => {
    const forbidden = await forbiddenFragments(ar, content);
    expect(forbidden.length).toBeGreaterThan(100);
    expect(await englishLeftOn(siteDir, forbidden)).toEqual([]);
  });

  it('runs right to left, with the English article left to right in its own language', async () => {
    const home = await readPage(siteDir, '');
    expect(home('html').attr('lang')).toBe('ar');
    expect(home('html').attr('dir')).toBe('rtl');
    const card = home('.article-card-title').filter((_, element) => home(element).text().includes('Huawei opens'));
    expect([card.attr('lang'), card.attr('dir')]).toEqual(['en', 'ltr']);
    expect(home('.article-card-title[lang]')).toHaveLength(1);

    const article = await readPage(siteDir, ENGLISH_ARTICLE);
    expect(article('html').attr('dir')).toBe('rtl');
    for (const selector of ['h1', '.standfirst', '.prose'])
      expect([article(selector).attr('lang'), article(selector).attr('dir')], selector).toEqual(['en', 'ltr']);
    expect(article('.article-facts time').first().text()).toBe(
      ar.partialDate({ year: 2019, month: 3, day: 7, precision: 'day' }),
    );
    expect(article('.article-facts time').first().text()).toContain('مارس');

    const timeline = await readPage(siteDir, 'timeline/');
    const englishEvent = timeline('.timeline-text').filter((_, element) =>
      timeline(element).text().includes('Huawei opened'),
    );
    expect(englishEvent.attr('lang')).toBe('en');
  });

  it('joins a byline as Arabic lists do', async () => {
    const article = await readPage(siteDir, 'articles/huawei-opens-centre/');
    expect(article('.article-facts dd').eq(1).text()).toBe('سارة خليل وعمر حداد وليلى منصور');
  });

  it('gives a search result in English its own language and direction', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}search/?q=cybersecurity`);
    await resultTitles(page.locator('.search[data-mode="page"]'));
    const heading = page.locator('.search-results h2[lang="en"]');
    expect(await heading.getAttribute('dir')).toBe('ltr');
    await page.close();
  });

  it.each(PAGE_TYPES.map((path) => path.replace('huawei', 'هواوي')))(
    'has no accessibility violations on /%s, right to left',
    async (path) => {
      const page = await openPage(browser);
      await expectNoAxeViolations(page, `${server.url}${path}`);
      await page.close();
    },
  );
});
