/**
 * A digest whose topic publishes excerpts (`text: excerpt`): what it withholds of an article must
 * reach no file of the built site, its search index included, while what the page shows is
 * everywhere the article is: its page, its feeds, the search index and the entity pages.
 */
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/dictionaries/en.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { jsonFeedProblems, readFeedPair } from '../support/feeds.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { listHtmlFiles, readAllFiles, readPage } from '../support/siteFiles.ts';

const EXCERPTS = join(projectRoot, 'tests/fixtures/sites/excerpts');
const ORIGIN = 'https://excerpts.example.org';

/**
 * Sentences of the fixture's withheld text, and the one word every withheld passage has and no
 * published one does: none may be found in any file of the site.
 */
const WITHHELD = [
  'marmot',
  'The first paragraph of the standfirst article is withheld',
  'What Ken Hu said',
  'Ken Hu told the',
  'the lab would open every weekday',
  'property of the outlet',
  'climbed onto the podium',
  'escorted out by',
  'second appearance in an Open Wire report',
];

/** The opening words an excerpt shows, cut at the topic's `excerptLength` (120 characters). */
const OPENING_WORDS =
  'Ken Hu visited the new lab in Brussels on Tuesday and said it would answer every question that regulators ask of it…';

/** A file's bytes as text, decompressed first when Pagefind stored it compressed (its index, fragments and metadata). */
function fileText(bytes: Buffer): string {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (isGzip ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('a digest that publishes excerpts', () => {
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ content: EXCERPTS });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('leaves no sentence of the withheld text in any file of the site, its search index decompressed', async () => {
    const files = [...(await readAllFiles(site))].map(([file, bytes]) => [file, fileText(bytes)] as const);
    const fragments = files.filter(([file]) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBe(5);
    // The check can see into the index: the fragments hold the shown text, and the openly licensed article whole.
    expect(fragments.some(([, text]) => text.includes(OPENING_WORDS))).toBe(true);
    expect(fragments.some(([, text]) => text.includes('the osprey over Brussels'))).toBe(true);
    const found = files.flatMap(([file, text]) =>
      WITHHELD.filter((sentence) => text.toLowerCase().includes(sentence.toLowerCase())).map(
        (sentence) => `${file}: ${sentence}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('shows the headline, the standfirst, the facts and a prominent link to the full article, and no reading time', async () => {
    const $ = await readPage(site, 'articles/standfirst/');
    expect($('h1').text()).toBe('Huawei opens a lab in Brussels');
    expect($('.standfirst').text()).toBe('Huawei opened a security lab in Brussels on Monday, its standfirst says.');
    expect($('.prose')).toHaveLength(0);
    const link = $('.notice.full-text a');
    expect([link.text(), link.attr('href')]).toEqual([
      'Read the full article at Daily Fixture',
      'https://daily.example.org/2019/huawei-lab-brussels',
    ]);
    expect(
      $('.article-facts dt')
        .map((_, dt) => $(dt).text())
        .get(),
    ).toEqual(['Source', 'Author', 'Published']);
    expect(
      $('.article-entities a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Brussels', 'Huawei', 'Ken Hu']);
    expect($('#events-heading + .event-list').text()).toContain('Huawei opened a security lab in Brussels.');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(jsonLd['description']).toBe('Huawei opened a security lab in Brussels on Monday, its standfirst says.');
    expect(jsonLd).not.toHaveProperty('articleBody');
  });

  it('shows the opening words up to the set length where there is no standfirst, and names the outlet when there is no original to link', async () => {
    const $ = await readPage(site, 'articles/opening-words/');
    expect($('.prose').text()).toBe(OPENING_WORDS);
    expect($('.notice.full-text').text()).toBe('This is an excerpt: the full article is published by Evening Fixture.');
    expect($('.notice.full-text a').attr('href')).toBe('https://evening.example.org/');
    expect($('meta[name="description"]').attr('content')).toBe(OPENING_WORDS);
    const excerpted = await readPage(site, 'articles/open-but-excerpted/');
    expect(excerpted('.prose').text()).toBe(
      "The article's own text field beats its outlet's setting, so only these opening words are shown.",
    );
  });

  it('publishes whole the articles its outlet’s setting or their own text field allow', async () => {
    for (const [page, words] of [
      ['articles/open-licence/', 'Its second paragraph, about the osprey over Brussels, is published in full too.'],
      ['articles/own-words/', 'It names Huawei in its second paragraph, which is published too.'],
    ] as const) {
      const $ = await readPage(site, page);
      expect($('.prose').text(), page).toContain(words);
      expect($('.notice.full-text'), page).toHaveLength(0);
      expect($('.article-facts dt').last().text(), page).toBe('Reading time');
    }
  });

  it('states the policy in every page’s footer', async () => {
    const policy = en['footer.aboutExcerpts'].replace('{digest}', 'Excerpts');
    for (const page of await listHtmlFiles(site)) {
      const $ = await readPage(site, page);
      expect($('.site-footer p').first().text(), page).toBe(policy);
    }
  });

  it('carries in both formats of every feed what the page shows, then the way to the full text', async () => {
    for (const path of ['rss.xml', 'tags/labs/rss.xml', 'who/ken-hu/rss.xml']) {
      const { rss, json, raw } = await readFeedPair(site, path);
      expect(jsonFeedProblems(raw), path).toEqual([]);
      expect(
        json.items.map((item) => item.url),
        path,
      ).toEqual(rss.items?.map((item) => item.link));
      expect(
        json.items.map((item) => item.content_html),
        path,
      ).toEqual(rss.items?.map((item) => item.content?.encoded));
    }
    const { rss, json } = await readFeedPair(site, 'rss.xml');
    const byUrl = (slug: string) => json.items.find((item) => item.url === `${ORIGIN}/articles/${slug}/`)!;
    expect(byUrl('standfirst')).toMatchObject({
      summary: 'Huawei opened a security lab in Brussels on Monday, its standfirst says.',
      content_html:
        '<p>Huawei opened a security lab in Brussels on Monday, its standfirst says.</p><p><a href="https://daily.example.org/2019/huawei-lab-brussels">Read the full article at Daily Fixture</a></p>',
      external_url: 'https://daily.example.org/2019/huawei-lab-brussels',
    });
    expect(byUrl('opening-words')).toMatchObject({
      summary: OPENING_WORDS,
      content_html: `<p>${OPENING_WORDS}</p><p>This is an excerpt: the full article is published by <a href="https://evening.example.org/">Evening Fixture</a>.</p>`,
    });
    expect(byUrl('open-licence').content_html).toContain('the osprey over Brussels');
    expect(rss.items?.find((item) => item.link === `${ORIGIN}/articles/opening-words/`)?.description).toBe(
      OPENING_WORDS,
    );
  });

  it('searches only what the pages show', async () => {
    const pagefind = await loadPagefind(site, 'en-GB');
    try {
      expect(await pagefind.search('marmot')).toEqual([]);
      expect(await pagefind.search('weekday')).toEqual([]);
      expect((await pagefind.search('Tuesday')).map((result) => result.url)).toEqual(['/articles/opening-words/']);
      expect((await pagefind.search('standfirst')).map((result) => result.url)).toEqual(['/articles/standfirst/']);
      expect((await pagefind.search('osprey')).map((result) => result.url)).toEqual(['/articles/open-licence/']);
    } finally {
      pagefind.restore();
    }
  });

  it('lists an article on the page of an entity only its withheld text names, quoting nothing of it', async () => {
    const $ = await readPage(site, 'who/ken-hu/');
    expect(
      $('.article-card-title a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/articles/opening-words/', '/articles/standfirst/']);
    expect($('.mention')).toHaveLength(0);
    const huawei = await readPage(site, 'who/huawei/');
    expect(huawei('.mention').text()).toBe('“It names Huawei in its second paragraph, which is published too.”');
  });

  it('passes the W3C Nu Html Checker on every page', async () => {
    expect((await checkWithNu(site)).problems).toEqual([]);
  });
});
