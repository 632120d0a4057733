import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { makeTempFolder } from '../support/tempFolders.ts';
import { jsonFeedProblems, readFeedPair } from '../support/feeds.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { listHtmlFiles, readAllFiles, readPage } from '../support/siteFiles.ts';

const EDGE_CASES = join(projectRoot, 'tests/fixtures/sites/edge-cases');

describe('a digest published under a sub-path', () => {
  const base = '/digests/huawei/';
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ site: `https://example.org${base}` });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('links every page, asset and feed under the sub-path', async () => {
    const outside: string[] = [];
    for (const page of await listHtmlFiles(site)) {
      const $ = await readPage(site, page);
      $('[href], [src], [action], [data-pagefind-bundle]').each((_, element) => {
        for (const attribute of ['href', 'src', 'action', 'data-pagefind-bundle']) {
          const value = $(element).attr(attribute);
          if (value?.startsWith('/') && !value.startsWith(base)) outside.push(`${page}: ${attribute}="${value}"`);
          if (value?.startsWith('https://example.org/') && !value.startsWith(`https://example.org${base}`))
            outside.push(`${page}: ${attribute}="${value}"`);
        }
      });
    }
    expect(outside).toEqual([]);
    const feed = parseRssFeed(await readFile(join(site, 'rss.xml'), 'utf8'));
    // The default content's two articles, newest first.
    expect(feed.items?.map((item) => item.link)).toEqual([
      `https://example.org${base}articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/`,
      `https://example.org${base}articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/`,
    ]);
    expect(feed.link).toBe(`https://example.org${base}`);
  });

  it('gives every feed its own address under the sub-path as atom:link rel="self", and its JSON Feed as feed_url', async () => {
    const feeds = [
      'rss.xml',
      ...(await listHtmlFiles(site))
        .filter((page) => /^tags\/[^/]+\/index\.html$/.test(page))
        .map((page) => page.replace(/index\.html$/, 'rss.xml')),
    ];
    expect(feeds).toContain('tags/brussels/rss.xml');
    for (const path of feeds) {
      const { rss, json, raw } = await readFeedPair(site, path);
      expect(
        rss.atom?.links?.filter((link) => link.rel === 'self').map((link) => link.href),
        path,
      ).toEqual([`https://example.org${base}${path}`]);
      expect(jsonFeedProblems(raw), path).toEqual([]);
      expect([json.feed_url, json.home_page_url], path).toEqual([
        `https://example.org${base}${path.replace(/rss\.xml$/, 'feed.json')}`,
        `https://example.org${base}`,
      ]);
      expect(
        json.items.map((item) => item.url),
        path,
      ).toEqual(rss.items?.map((item) => item.link));
    }
  });

  it('passes the W3C Nu Html Checker on every page, served under the sub-path', async () => {
    expect((await checkWithNu(site, base)).problems).toEqual([]);
  });
});

describe('the same content, built twice in different time zones', () => {
  it('builds byte-identical sites in Kiritimati (UTC+14) and Los Angeles (UTC−8/−7)', async () => {
    const east = await buildSite({ timeZone: 'Pacific/Kiritimati' });
    const west = await buildSite({ timeZone: 'America/Los_Angeles' });
    expect(east.exitCode, east.output).toBe(0);
    expect(west.exitCode, west.output).toBe(0);
    const [eastFiles, westFiles] = await Promise.all([readAllFiles(east.outDir), readAllFiles(west.outDir)]);
    expect([...eastFiles.keys()]).toEqual([...westFiles.keys()]);
    const differing = [...eastFiles]
      .filter(([file, bytes]) => !bytes.equals(westFiles.get(file)!))
      .map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

describe('edge cases that must build', () => {
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ content: EDGE_CASES });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('renders emoji, right-to-left text, a very long title and forty tags', async () => {
    const emoji = await readPage(site, 'articles/emoji/');
    expect(emoji('h1').text()).toBe('Satellites 🚀 and 5G 📡: the race goes on');
    const arabic = await readPage(site, 'articles/arabic/');
    // The page speaks the digest's language; the article's own words carry theirs, right to left.
    expect(arabic('html').attr('lang')).not.toBe('ar');
    for (const selector of ['h1', '.prose'])
      expect([arabic(selector).attr('lang'), arabic(selector).attr('dir')], selector).toEqual(['ar', 'rtl']);
    expect(arabic('h1').text()).toBe('هواوي تفتتح مركزا للأمن السيبراني في بروكسل');
    const long = await readPage(site, 'articles/long/');
    expect(long('.article-tags li')).toHaveLength(40);
    expect(long('h1').text().length).toBeGreaterThan(300);
    expect((await listHtmlFiles(site)).filter((file) => /^tags\/tag-\d+\/index\.html$/.test(file))).toHaveLength(40);
    expect(await listHtmlFiles(site)).toContain('tags/هواوي/index.html');
  });

  it('passes the W3C Nu Html Checker on every page, in every language and script', async () => {
    expect((await checkWithNu(site)).problems).toEqual([]);
  });

  it('gives a feed whose tag is not ASCII its own address, percent-encoded, as atom:link rel="self" and feed_url', async () => {
    const { rss, json, raw } = await readFeedPair(site, 'tags/هواوي/rss.xml');
    expect(rss.atom?.links?.filter((link) => link.rel === 'self').map((link) => link.href)).toEqual([
      'https://edge.example.org/tags/%D9%87%D9%88%D8%A7%D9%88%D9%8A/rss.xml',
    ]);
    expect(jsonFeedProblems(raw)).toEqual([]);
    expect(json.feed_url).toBe('https://edge.example.org/tags/%D9%87%D9%88%D8%A7%D9%88%D9%8A/feed.json');
  });

  it('dates a date-time near midnight by its own offset', async () => {
    const $ = await readPage(site, 'articles/midnight/');
    expect($('.article-facts time').attr('datetime')).toBe('2019-05-04T23:50:00-04:00');
    expect($('.article-facts time').text()).toBe('4 May 2019');
    const feed = parseRssFeed(await readFile(join(site, 'rss.xml'), 'utf8'));
    const item = feed.items?.find((entry) => entry.title === 'Filed just before midnight in New York');
    expect(new Date(item!.pubDate!).toISOString()).toBe('2019-05-05T03:50:00.000Z');
  });

  it('leaves drafts out of every page, feed, the sitemap and the search index', async () => {
    const files = await readAllFiles(site);
    const mentioning = [...files]
      .filter(
        ([file, bytes]) =>
          !file.startsWith('pagefind/') && /zeppelin|drafts-only|Secret Source/i.test(bytes.toString('utf8')),
      )
      .map(([file]) => file);
    expect(mentioning).toEqual([]);
    const pagefind = await loadPagefind(site);
    try {
      expect(await pagefind.search('zeppelins')).toEqual([]);
      expect((await pagefind.search('Satellites')).length).toBe(1);
    } finally {
      pagefind.restore();
    }
  });
});

describe('content that must not build', () => {
  async function buildBroken(articles: Record<string, string>) {
    const content = join(await makeTempFolder('broken'), 'content');
    await mkdir(join(content, 'articles'), { recursive: true });
    await writeFile(join(content, 'topic.md'), await readFile(join(EDGE_CASES, 'topic.md')));
    for (const [name, text] of Object.entries(articles)) await writeFile(join(content, 'articles', name), text);
    const outDir = join(content, '..', 'dist');
    await mkdir(outDir);
    await writeFile(join(outDir, 'published.txt'), 'the site readers see now');
    return { ...(await buildSite({ content, outDir })), outDir };
  }

  it('stops with every problem named by file, field and fix, and leaves the published site alone', async () => {
    const build = await buildBroken({
      '2019-01-01-typo.md': '---\ntittle: Hello\ndate: 2019-02-30\nsource: {name: X}\n---\n\nText.\n',
      '2019-01-02-fine.md': '---\ntitle: Fine\ndate: 2019-01-02\nsource: {name: X}\n---\n\nText.\n',
      '2019-01-03-fine.md': '---\ntitle: Fine again\ndate: 2019-01-03\nsource: {name: X}\n---\n\nText.\n',
    });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('2019-01-01-typo.md: unknown field "tittle" (did you mean "title"?)');
    expect(build.output).toContain(
      '2019-01-01-typo.md: field "date" "2019-02-30" is not a calendar date (use YYYY-MM-DD)',
    );
    expect(build.output).toContain('2019-01-03-fine.md: wants the URL /articles/fine/, which');
    expect([...(await readAllFiles(build.outDir)).keys()]).toEqual(['published.txt']);
  });
});
