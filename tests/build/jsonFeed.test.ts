/**
 * JSON Feed 1.1 beside every RSS feed of the default digest: valid by the specification's schema,
 * read by a real parser, carrying the same articles in the same order as its RSS twin, and
 * announced in every page's head next to it.
 */
import { describe, expect, inject, it } from 'vitest';
import { jsonFeedProblems, readFeedPair } from '../support/feeds.ts';
import { listHtmlFiles, readPage } from '../support/siteFiles.ts';

const site = inject('defaultSite');
const ORIGIN = 'https://dossier.example.org';
const CENTRE = `${ORIGIN}/articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/`;
const BRUSSELS = `${ORIGIN}/articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/`;

/** Every RSS feed of the site: its own, each tag's and each entity's. */
async function rssFeeds(): Promise<string[]> {
  return [
    'rss.xml',
    ...(await listHtmlFiles(site))
      .filter((page) => /^(tags|who)\/[^/]+\/index\.html$/.test(page))
      .map((page) => page.replace(/index\.html$/, 'rss.xml')),
  ];
}

describe('JSON Feed 1.1 beside each RSS feed of the default digest', () => {
  it('is valid by the JSON Feed 1.1 schema and names its own address, for the site, every tag and every entity', async () => {
    const feeds = await rssFeeds();
    expect(feeds).toEqual(expect.arrayContaining(['rss.xml', 'tags/brussels/rss.xml', 'who/ken-hu/rss.xml']));
    for (const path of feeds) {
      const { raw, json } = await readFeedPair(site, path);
      expect(jsonFeedProblems(raw), path).toEqual([]);
      expect(json.feed_url, path).toBe(`${ORIGIN}/${path.replace(/rss\.xml$/, 'feed.json')}`);
      expect(json.home_page_url, path).toBe(`${ORIGIN}/`);
      expect(json.language, path).toBe('en-GB');
    }
  });

  it('carries the same articles in the same order as the RSS feed, with the same titles, dates, summaries and text', async () => {
    for (const path of await rssFeeds()) {
      const { rss, json } = await readFeedPair(site, path);
      expect(json.title, path).toBe(rss.title);
      expect(json.description, path).toBe(rss.description);
      const rssItems = rss.items ?? [];
      expect(rssItems.length, path).toBeGreaterThan(0);
      expect(
        json.items.map((item) => ({
          url: item.url,
          title: item.title,
          date: item.date_published && new Date(item.date_published).getTime(),
          summary: item.summary,
          content: item.content_html,
          tags: item.tags ?? [],
          authors: (item.authors ?? []).map((author) => author.name).join(', ') || undefined,
        })),
        path,
      ).toEqual(
        rssItems.map((item) => ({
          url: item.link,
          title: item.title,
          date: new Date(item.pubDate!).getTime(),
          summary: item.description,
          content: item.content?.encoded,
          tags: item.categories?.map((category) => category.name) ?? [],
          authors: item.dc?.creators?.join(', '),
        })),
      );
    }
  });

  it('gives each item a stable id, its dates in RFC 3339 and the full article', async () => {
    const { json } = await readFeedPair(site, 'rss.xml');
    expect(json.items.map((item) => item.id)).toEqual([CENTRE, BRUSSELS]);
    const [centre] = json.items;
    expect(centre).toMatchObject({
      url: CENTRE,
      title: 'Huawei opens a new EU cybersecurity transparency centre',
      date_published: '2019-03-06T00:00:00.000Z',
      authors: [{ name: 'Jenny Darmody' }],
    });
    expect(centre!.content_html).toContain('Trust in cybersecurity a major challenge');
  });

  it('is announced beside the RSS feed on every page, and a listing’s own beside its RSS feed', async () => {
    for (const page of (await listHtmlFiles(site)).filter((file) => file !== '404.html')) {
      const $ = await readPage(site, page);
      const alternates = $('link[rel="alternate"]')
        .map((_, link) => `${$(link).attr('type')} ${$(link).attr('href')}`)
        .get();
      expect(alternates.slice(0, 2), page).toEqual([
        `application/rss+xml ${ORIGIN}/rss.xml`,
        `application/feed+json ${ORIGIN}/feed.json`,
      ]);
    }
    for (const listing of ['tags/brussels', 'who/ken-hu']) {
      const $ = await readPage(site, `${listing}/`);
      expect(
        $('link[rel="alternate"]')
          .slice(2)
          .map((_, link) => [[$(link).attr('type'), $(link).attr('href'), $(link).attr('title')]])
          .get(),
      ).toEqual([
        ['application/rss+xml', `${ORIGIN}/${listing}/rss.xml`, expect.stringMatching(/ \(RSS\)$/)],
        ['application/feed+json', `${ORIGIN}/${listing}/feed.json`, expect.stringMatching(/ \(JSON Feed\)$/)],
      ]);
    }
  });
});
