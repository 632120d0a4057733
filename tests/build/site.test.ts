import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { check, LinkState } from 'linkinator';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { listHtmlFiles, readPage, urlPathOf } from '../support/siteFiles.ts';

const site = inject('defaultSite');
const BRUSSELS = '/articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/';
const CENTRE = '/articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';

describe('the default digest, as built', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = await listHtmlFiles(site);
  });

  it('has every page type', () => {
    for (const page of [
      'index.html',
      '404.html',
      'about/index.html',
      'search/index.html',
      'timeline/index.html',
      'archive/index.html',
      'tags/index.html',
      'tags/huawei/index.html',
      'sources/index.html',
      'sources/silicon-republic/index.html',
      'sources/android-headlines/index.html',
      'who/index.html',
      'who/ken-hu/index.html',
      `${BRUSSELS.slice(1)}index.html`,
      `${CENTRE.slice(1)}index.html`,
    ]) {
      expect(pages).toContain(page);
    }
  });

  it('is valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off' },
    });
    const failures: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readFile(join(site, page), 'utf8'), page);
      for (const result of report.results)
        for (const message of result.messages)
          failures.push(`${page}:${message.line}: ${message.ruleId} ${message.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('passes the W3C Nu Html Checker on every page', async () => {
    const report = await checkWithNu(site);
    expect(report.problems).toEqual([]);
    expect(report.pages).toHaveLength(pages.length);
  });

  it('gives every page with an address of its own that address as canonical and og:url, and the 404 and offline pages none', async () => {
    const withoutAddress = ['404.html', 'offline/index.html'];
    expect(pages).toEqual(expect.arrayContaining(withoutAddress));
    for (const page of pages) {
      const $ = await readPage(site, page);
      const canonical = $('link[rel="canonical"]')
        .map((_, link) => $(link).attr('href'))
        .get();
      const ogUrl = $('meta[property="og:url"]')
        .map((_, meta) => $(meta).attr('content'))
        .get();
      const own = withoutAddress.includes(page) ? [] : [`https://dossier.example.org${urlPathOf(site, page)}`];
      expect(canonical, page).toEqual(own);
      expect(ogUrl, page).toEqual(own);
    }
  });

  it('has no broken internal link, anchor or asset', async () => {
    const result = await check({
      path: site,
      recurse: true,
      checkFragments: true,
      linksToSkip: async (link) =>
        !link.startsWith('http://localhost') && !link.startsWith('http://127.0.0.1') && /^https?:/.test(link),
    });
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.url} (from ${link.parent}, ${link.status})`);
    expect(broken).toEqual([]);
    expect(result.links.length).toBeGreaterThan(50);
  });

  it('renders an article with its source, dates, byline, body, events and neighbours', async () => {
    const $ = await readPage(site, CENTRE.slice(1));
    expect($('h1').text()).toBe('Huawei opens a new EU cybersecurity transparency centre');
    expect($('.article-facts').text()).toContain('Silicon Republic');
    expect($('.article-facts').text()).toContain('Jenny Darmody');
    expect($('.article-facts time').attr('datetime')).toBe('2019-03-06');
    expect($('.article-facts').text()).toContain('6 March 2019');
    expect($('.article-facts').text()).toMatch(/Reading time\s*\d+ min/);
    expect(
      $('.prose h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Trust in cybersecurity a major challenge', 'Battle lines drawn']);
    expect($('.prose p')).toHaveLength(14);
    expect($('.prose').text()).not.toContain('Image:');
    expect($('.article-image figcaption').text()).toBe('Photo: alexeynovikov/Depositphotos');
    expect($('#events-heading + ol li').first().text()).toContain('2018');
    expect($('.event-list time[datetime="2019-03-05"]').length).toBe(1);
    expect($('a[rel="prev"]').attr('href')).toBe(BRUSSELS);
    expect($('a[rel="next"]')).toHaveLength(0);
    expect($('#related-heading').next('ul').find('a').attr('href')).toBe(BRUSSELS);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://dossier.example.org${CENTRE}`);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2019-03-06',
      author: [{ name: 'Jenny Darmody' }],
      publisher: { name: 'Silicon Republic' },
    });
  });

  // Budgets a reader on a slow phone connection feels, gzipped as hosts serve them: an article's
  // HTML+CSS+JS, the one small script every page carries, and the search code it loads on demand.
  const ARTICLE_PAGE_BUDGET_GZIP = 25_000;
  // Search, offline reading and the marks of what is new since the reader's last visit.
  const PAGE_SCRIPT_BUDGET_GZIP = 3_500;
  const SEARCH_SCRIPT_BUDGET_GZIP = 4_000;

  it('keeps pages within their weight budget, with one small script and search loaded on demand', async () => {
    const gzipSize = async (path: string) => gzipSync(await readFile(join(site, path))).length;
    const pageScripts = new Set<string>();
    for (const page of pages) {
      const $ = await readPage(site, page);
      const scripts = $('script[src]')
        .map((_, script) => $(script).attr('src')!)
        .get();
      // Before the shared script: the offline page lists what the browser kept, and it and the
      // search page offer to keep the whole digest, each with a script of its own.
      const ownScripts = { 'offline/index.html': 2, 'search/index.html': 1 }[page] ?? 0;
      expect(scripts, page).toHaveLength(1 + ownScripts);
      pageScripts.add(scripts.at(-1)!);
      if (!page.startsWith('articles/')) continue;
      const styles = $('link[rel="stylesheet"]')
        .map((_, link) => $(link).attr('href')!)
        .get();
      let total = await gzipSize(page);
      for (const asset of [...styles, ...scripts]) total += await gzipSize(asset);
      expect(total, page).toBeLessThanOrEqual(ARTICLE_PAGE_BUDGET_GZIP);
    }
    expect(pageScripts.size).toBe(1);
    const [pageScript] = pageScripts;
    expect(await gzipSize(pageScript!)).toBeLessThanOrEqual(PAGE_SCRIPT_BUDGET_GZIP);
    const pageScriptSource = await readFile(join(site, pageScript!), 'utf8');
    // Nothing the page script shares with another page's script may become a chunk that every page then loads too.
    expect(pageScriptSource).not.toMatch(/(\bfrom|\bimport)\s*["'`]\.\//);
    const onDemand = pageScriptSource.match(/searchPanel\.[\w-]+\.js/)?.[0];
    expect(onDemand).toBeTruthy();
    expect(await gzipSize(`_astro/${onDemand}`)).toBeLessThanOrEqual(SEARCH_SCRIPT_BUDGET_GZIP);
  });

  it('gives every feed its own address as atom:link rel="self", and every item a guid, a date and an absolute link', async () => {
    const feeds = [
      'rss.xml',
      ...pages
        .filter((page) => /^(tags|who)\/[^/]+\/index\.html$/.test(page))
        .map((page) => page.replace(/index\.html$/, 'rss.xml')),
    ];
    expect(feeds.length).toBeGreaterThan(1);
    for (const path of feeds) {
      const feed = parseRssFeed(await readFile(join(site, path), 'utf8'));
      expect(
        feed.atom?.links?.filter((link) => link.rel === 'self'),
        path,
      ).toEqual([{ href: `https://dossier.example.org/${path}`, rel: 'self', type: 'application/rss+xml' }]);
      expect(feed.items?.length, path).toBeGreaterThan(0);
      for (const item of feed.items ?? []) {
        expect(item.guid?.value, path).toBeTruthy();
        expect(Number.isNaN(Date.parse(item.pubDate!)), path).toBe(false);
        expect(item.link, path).toMatch(/^https:\/\//);
      }
    }
  });

  it('announces the feed on every page', async () => {
    for (const page of pages.filter((page) => page !== '404.html')) {
      const $ = await readPage(site, page);
      expect($('link[rel="alternate"][type="application/rss+xml"]').first().attr('href'), page).toBe(
        'https://dossier.example.org/rss.xml',
      );
    }
  });

  it('lays out the timeline in order, grouped by year and month, each entry linked and anchored', async () => {
    const $ = await readPage(site, 'timeline/index.html');
    const years = $('.timeline-year > h2')
      .map((_, h) => $(h).text())
      .get();
    expect(years).toEqual(['2017', '2018', '2019']);
    const dates = $('.timeline-entry time')
      .map((_, t) => $(t).attr('datetime')!)
      .get();
    expect(dates).toEqual([...dates].sort((a, b) => a.localeCompare(b)));
    const ids = $('.timeline-entry')
      .map((_, li) => $(li).attr('id')!)
      .get();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('published-huawei-opens-a-new-eu-cybersecurity-transparency-centre');
    const statement = $('.timeline-entry').filter((_, li) => $(li).find('time').attr('datetime') === '2019-03-05');
    expect(statement.text()).toContain('Ken Hu');
    expect(statement.find(`a[href="${CENTRE}"]`)).toHaveLength(1);
    expect($('#y2019-01 + ol').text()).toContain('criminal charges');
  });

  it('publishes an RSS 2.0 feed that a feed parser reads, with both articles and their dates', async () => {
    const feed = parseRssFeed(await readFile(join(site, 'rss.xml'), 'utf8'));
    expect(feed.title).toBe('Huawei in Brussels');
    const items = feed.items ?? [];
    expect(items.map((item) => item.link)).toEqual([
      `https://dossier.example.org${CENTRE}`,
      `https://dossier.example.org${BRUSSELS}`,
    ]);
    expect(items.map((item) => new Date(item.pubDate!).toISOString().slice(0, 10))).toEqual([
      '2019-03-06',
      '2018-12-03',
    ]);
    for (const item of items) {
      expect(item.guid?.value).toBe(item.link);
      expect(item.description).toBeTruthy();
      expect(item.content?.encoded).toContain('<p>');
      expect(item.categories?.map((category) => category.name)).toContain('huawei');
    }
  });

  it('publishes a feed per tag', async () => {
    const feed = parseRssFeed(await readFile(join(site, 'tags/brussels/rss.xml'), 'utf8'));
    expect(feed.items).toHaveLength(2);
    const $ = await readPage(site, 'tags/brussels/index.html');
    expect($('link[rel="alternate"][href$="/tags/brussels/rss.xml"]')).toHaveLength(1);
  });

  it('lists every page in the sitemap, and robots.txt points to it', async () => {
    const sitemap = await readFile(join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`https://dossier.example.org${BRUSSELS}`);
    expect(sitemap).toContain('https://dossier.example.org/timeline/');
    expect(await readFile(join(site, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://dossier.example.org/sitemap-index.xml',
    );
  });

  it('has a search index that finds the Brussels article and filters by source', async () => {
    const pagefind = await loadPagefind(site);
    try {
      expect((await pagefind.search('Brussels')).map((result) => result.url)).toContain(BRUSSELS);
      const both = await pagefind.search('transparency centre');
      expect(both.map((result) => result.url).sort()).toEqual([BRUSSELS, CENTRE]);
      expect(both.find((result) => result.url === CENTRE)?.meta).toMatchObject({
        title: 'Huawei opens a new EU cybersecurity transparency centre',
        source: 'Silicon Republic',
        date: '2019-03-06',
      });
      const filtered = await pagefind.search('transparency centre', {
        filters: { source: { any: ['Silicon Republic'] } },
      });
      expect(filtered.map((result) => result.url)).toEqual([CENTRE]);
      expect(await pagefind.filters()).toMatchObject({ year: { 2018: 1, 2019: 1 }, tag: { huawei: 2 } });
      const oldestFirst = await pagefind.search(null, { sort: { date: 'asc' }, filters: { tag: { any: ['huawei'] } } });
      expect(oldestFirst.map((result) => result.url)).toEqual([BRUSSELS, CENTRE]);
      expect((await pagefind.search('Sponsored')).length).toBe(0);
    } finally {
      pagefind.restore();
    }
  });
});
