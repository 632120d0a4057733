import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTopic } from '../../src/content/topic.ts';
import { entitySlug } from '../../src/entities/entities.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { listHtmlFiles, readPage } from '../support/siteFiles.ts';

const BRUSSELS = 'articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/';
const CENTRE = 'articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';

/** The articles an entity page lists, by their path, in its order. */
async function listed(site: string, page: string): Promise<string[]> {
  const $ = await readPage(site, page);
  return $('.article-card-title a')
    .map((_, link) => $(link).attr('href')!.replace(/^\//, ''))
    .get();
}

describe('Who’s who on the default digest', () => {
  const site = inject('defaultSite');
  const topic = readTopic(join(projectRoot, 'content'));

  it('has a page and a feed for every entity of the topic file, and an index in the sitemap', async () => {
    const pages = await listHtmlFiles(site);
    expect(topic.entities.length).toBeGreaterThanOrEqual(5);
    for (const entity of topic.entities) expect(pages).toContain(`who/${entitySlug(entity.name)}/index.html`);
    const sitemap = await readFile(join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://dossier.example.org/who/</loc>');
    expect(sitemap).toContain('<loc>https://dossier.example.org/who/ken-hu/</loc>');
  });

  it('lists on each entity’s page the articles that name it, newest first', async () => {
    expect(await listed(site, 'who/huawei/')).toEqual([CENTRE, BRUSSELS]);
    expect(await listed(site, 'who/european-union/')).toEqual([CENTRE, BRUSSELS]);
    expect(await listed(site, 'who/ken-hu/')).toEqual([CENTRE]);
  });

  it('shows who an entity is, the sentence naming it, the events naming it and who is named beside it', async () => {
    const $ = await readPage(site, 'who/ken-hu/');
    expect($('h1').text()).toBe('Who’s who: Ken Hu');
    expect($('.entity-profile').text()).toContain('rotating chairmen');
    expect($('.mention').text()).toContain('Deputy chair Ken Hu said');
    expect($('#events-heading + .event-list li').text()).toContain('deputy chair Ken Hu said trust');
    expect(
      $('#together-heading + .group-list a')
        .map((_, link) => $(link).text())
        .get(),
    ).toContain('Huawei');
    const huawei = await readPage(site, 'who/huawei/');
    expect(huawei('.entity-profile a[href="https://www.huawei.com/"]').text()).toBe('More about Huawei');
  });

  it('groups the index by kind, with how many articles name each entity', async () => {
    const $ = await readPage(site, 'who/');
    expect($('#kind-person + .group-list li a').text()).toBe('Ken Hu');
    expect($('#kind-person + .group-list .count').text()).toBe('1 article');
    expect($('#kind-organisation + .group-list li').first().text()).toMatch(/^Huawei 2 articles/);
  });

  it('links the header and the About page to the entities', async () => {
    const home = await readPage(site, '');
    expect(home('.site-nav a[href="/who/"]').text()).toBe('Who’s who');
    const about = await readPage(site, 'about/');
    expect(
      about('.entity-list a')
        .map((_, link) => about(link).attr('href'))
        .get(),
    ).toEqual(topic.entities.map((entity) => `/who/${entitySlug(entity.name)}/`));
  });

  it('lists an article’s entities and describes them in its structured data as about and mentions', async () => {
    const $ = await readPage(site, CENTRE);
    expect(
      $('.article-entities a')
        .map((_, link) => $(link).text())
        .get(),
    ).toEqual(expect.arrayContaining(['Huawei', 'European Union', 'Ken Hu']));
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as Record<
      string,
      { '@type': string; name: string; url: string; sameAs?: string }[]
    >;
    const about = data['about']!;
    const mentions = data['mentions']!;
    expect(about.map((thing) => thing.name)).toEqual(expect.arrayContaining(['Huawei', 'European Union']));
    expect(about.find((thing) => thing.name === 'Huawei')).toEqual({
      '@type': 'Organization',
      name: 'Huawei',
      url: 'https://dossier.example.org/who/huawei/',
      sameAs: 'https://www.huawei.com/',
    });
    expect(mentions.find((thing) => thing.name === 'Ken Hu')).toEqual({
      '@type': 'Person',
      name: 'Ken Hu',
      url: 'https://dossier.example.org/who/ken-hu/',
    });
    const names = [...about, ...mentions].map((thing) => thing.name);
    expect(new Set(names).size).toBe(names.length);
    for (const thing of [...about, ...mentions])
      expect(['Person', 'Organization', 'Place', 'Product', 'Event', 'Thing']).toContain(thing['@type']);
  });

  it('gives each entity a feed that a feed reader parses, naming its own address', async () => {
    const feed = parseRssFeed(await readFile(join(site, 'who/ken-hu/rss.xml'), 'utf8'));
    expect(feed.title).toBe('Huawei in Brussels: Ken Hu');
    expect(feed.items?.map((item) => item.link)).toEqual([`https://dossier.example.org/${CENTRE}`]);
    expect(feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(
      'https://dossier.example.org/who/ken-hu/rss.xml',
    );
  });

  it('filters search results by entity', async () => {
    const pagefind = await loadPagefind(site);
    try {
      expect(Object.keys((await pagefind.filters())['entity'] ?? {})).toEqual(
        expect.arrayContaining(['Huawei', 'Ken Hu']),
      );
      const results = await pagefind.search(null, { filters: { entity: { any: ['Ken Hu'] } } });
      expect(results.map((result) => result.url)).toEqual([`/${CENTRE}`]);
    } finally {
      pagefind.restore();
    }
  });
});

describe('finding the entities articles name', () => {
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ content: join(projectRoot, 'tests/fixtures/sites/entities') });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('does not count a name inside another word, a web address or an e-mail address', async () => {
    expect(await listed(site, 'who/huawei/')).toEqual(['articles/japanese/', 'articles/excluded/']);
    expect(await listed(site, 'who/zurich/')).toEqual(['articles/addresses/']);
  });

  it('respects an article’s own exclusions and additions', async () => {
    expect(await listed(site, 'who/european-union/')).toEqual(['articles/addresses/']);
    expect(await listed(site, 'who/ken-hu/')).toEqual(['articles/excluded/']);
  });

  it('finds names in Japanese, and shows the sentence in the article’s language', async () => {
    const $ = await readPage(site, 'who/huawei/');
    const mention = $('.mention[lang="ja"]');
    expect(mention.text()).toBe('“ファーウェイはブリュッセルにサイバーセキュリティ透明性センターを開設した。”');
    expect($('.entity-image').attr('alt')).toBe('A placeholder logo.');
  });

  it('passes the W3C Nu Html Checker on every page', async () => {
    expect((await checkWithNu(site)).problems).toEqual([]);
  });
});
