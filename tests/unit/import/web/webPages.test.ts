import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../../../src/import/inputEncoding.ts';
import { importArticles } from '../../../../src/import/importInputs.ts';
import { readWebPage } from '../../../../src/import/web/webPage.ts';
import { articleFiles, fixtures, importOptions, temporaryContent } from '../support.ts';

const pages = join(fixtures, 'pages');
const page = async (name: string, url?: string) =>
  readWebPage(decodeInput(await readFile(join(pages, name)), 'html'), url);

/** An outlet's web server on 127.0.0.1, serving the fixture pages and a feed. */
let server: Server;
let origin: string;

beforeAll(async () => {
  const feed = await readFile(join(fixtures, 'rss2.xml'));
  server = createServer((request, response) => {
    const name = request.url?.slice(1) ?? '';
    if (name === 'feed') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      return response.end(feed);
    }
    if (!/^[\w-]+\.html$/.test(name)) {
      response.writeHead(404, 'Not Found');
      return response.end();
    }
    readFile(join(pages, name)).then(
      (bytes) => response.writeHead(200, { 'content-type': 'text/html' }).end(bytes),
      () => response.writeHead(404, 'Not Found').end(),
    );
    return undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('metadata in order of trust', () => {
  it('takes JSON-LD before Open Graph and meta tags', async () => {
    const story = await page('jsonld-story.html');
    expect(story).toMatchObject({
      title: 'Valdria council approves the river bridge',
      date: '2021-04-14T09:30:00+02:00',
      updated: '2021-04-15T10:00:00+02:00',
      authors: ['Mara Quill', 'Tomas Reyes'],
      outlet: 'Valdria Courier',
      lang: 'en-GB',
      canonical: 'https://courier.example/news/2021/04/bridge-approved',
      summary: 'Councillors voted 31 to 9 for a crossing that has been argued over for twenty years.',
    });
  });

  it('falls back on Open Graph, article:* and meta tags, the headline without the outlet appended to it', async () => {
    const story = await page('og-story.html');
    expect(story).toMatchObject({
      title: 'Le pont de Valdria sera payé par la région',
      date: '2021-04-15',
      authors: ['Claire Dumas'],
      outlet: 'Le Matin de Valdria',
      lang: 'fr',
      canonical: 'https://matin.example/region/pont-paye',
    });
  });

  it('reads the visible byline and dateline when the page has no metadata for them', async () => {
    const story = await page('visible-byline.html', 'https://city.example/ferry');
    expect(story).toMatchObject({
      title: 'Ferry crews offered tram jobs',
      date: '2021-04-16T11:00:00+02:00',
      authors: ['Priya Natarajan'],
      canonical: 'https://city.example/ferry',
    });
    expect(story.body).not.toMatch(/Priya Natarajan|16 April 2021/);
  });
});

describe('the lead image', () => {
  it('takes its alt text from the page, its credit from the metadata or the caption, and leaves it out of the body', async () => {
    const story = await page('jsonld-story.html');
    expect(story.image).toEqual({
      src: 'https://cdn.courier.example/photos/bridge.jpg',
      alt: 'A wooden ferry landing on a wide river at dusk',
      credit: 'Ines Vogel/Courier',
    });
    expect(story.body).not.toContain('bridge.jpg');
  });

  it('takes og:image:alt', async () => {
    expect((await page('og-story.html')).image).toEqual({
      src: 'https://matin.example/img/pont.jpg',
      alt: 'Maquette du pont posée sur une table',
    });
  });

  it('never invents an alt text: an undescribed lead image is left out, with a note', async () => {
    const html = (await readFile(join(pages, 'visible-byline.html'), 'utf8')).replace(
      '<head>',
      '<head><meta property="og:image" content="https://city.example/img/lead.jpg">',
    );
    const story = readWebPage(html, 'https://city.example/ferry');
    expect(story.image).toBeUndefined();
    expect(story.notes).toEqual([
      'lead image https://city.example/img/lead.jpg has no description on the page, so it is not recorded (add image.alt and image.src by hand to show it)',
    ]);
  });
});

describe('the article text', () => {
  it('keeps paragraphs, subheadings, lists, quotes and links made absolute, without the headline and byline', async () => {
    const { body } = await page('jsonld-story.html');
    expect(body).toMatch(/^Valdria's council approved the river bridge on Tuesday night/);
    expect(body).toContain('[protected cycle path](https://courier.example/topics/cycling)');
    expect(body).toContain('### What the opposition said');
    expect(body).toContain('> This bridge will join two halves of a city that have lived apart for too long.');
    expect(body).toContain('1. Foundations in the riverbed, in 2022\n2. The deck and the tram tracks, in 2023');
    expect(body).not.toMatch(/By Mara Quill/);
  });

  it('drops navigation, share bars, newsletter boxes, related stories, comments and scripts', async () => {
    const { body } = await page('jsonld-story.html');
    for (const clutter of [
      'Home',
      'Share on Facebook',
      'Tweet',
      'newsletter',
      'Subscribe',
      'Related stories',
      'Ferry fares',
      'Comments',
      'First!',
      'tracker',
      '© Valdria Courier',
    ]) {
      expect(body).not.toContain(clutter);
    }
  });

  it('reads a page in the encoding its <meta charset> declares', async () => {
    expect((await page('og-story.html')).body).toContain(
      '«Ce pont est une affaire régionale autant que municipale», a-t-elle déclaré',
    );
  });

  it('sanitizes what the page holds', () => {
    const html = `<!DOCTYPE html><html><head><title>Hostile page</title><meta property="article:published_time" content="2021-04-14"></head><body><article><h1>Hostile page</h1>
      <p onclick="steal()">${'A paragraph long enough to be the article text of this small page. '.repeat(6)}</p>
      <p><a href="javascript:alert(1)">a link</a> and <img src="x.png" onerror="alert(1)" alt="x"><iframe src="https://evil.example"></iframe></p>
      <p>${'More article text follows here so that the extractor sees a story. '.repeat(6)}</p></article></body></html>`;
    expect(readWebPage(html, 'https://hostile.example/a').body).not.toMatch(
      /javascript:|onclick|onerror|iframe|<script/,
    );
  });
});

describe('importing a web page', () => {
  it('imports a URL that answers HTML, and a second import skips it as a duplicate', async () => {
    const content = await temporaryContent();
    const url = `${origin}/jsonld-story.html`;
    const first = await importArticles(importOptions([url], content));
    expect(first.failed).toEqual([]);
    const files = await articleFiles(content);
    expect([...files.keys()]).toEqual(['2021-04-14-valdria-council-approves-the-river-bridge.md']);
    const text = files.get('2021-04-14-valdria-council-approves-the-river-bridge.md')!;
    expect(text).toMatch(
      /^---\ntitle: Valdria council approves the river bridge\ndate: "2021-04-14T09:30:00\+02:00"\nupdated: "2021-04-15T10:00:00\+02:00"\nsource:\n {2}name: Valdria Courier\n {2}url: https:\/\/courier\.example\/\nauthors:\n {2}- Mara Quill\n {2}- Tomas Reyes\n/,
    );
    expect(text).toContain(
      'image:\n  src: https://cdn.courier.example/photos/bridge.jpg\n  alt: A wooden ferry landing on a wide river at dusk\n  credit: Ines Vogel/Courier\n',
    );
    const second = await importArticles(importOptions([url], content));
    expect(second.imported).toEqual([]);
    expect(second.skipped).toEqual([
      {
        label: url,
        reason:
          'already in ' +
          join(content, 'articles', '2021-04-14-valdria-council-approves-the-river-bridge.md') +
          ' (same canonical URL)',
      },
    ]);
    expect(await articleFiles(content)).toEqual(files);
  });

  it('imports a saved page, its original address from --url, and asks for what the page does not say', async () => {
    const content = await temporaryContent();
    const saved = join(pages, 'visible-byline.html');
    // No site name and no address: nothing names the outlet.
    const withoutOutlet = await importArticles(importOptions([saved], content));
    expect(withoutOutlet.failed).toEqual([
      { input: saved, message: `${saved}: does not say which outlet published it (pass --source "Outlet name")` },
    ]);
    const report = await importArticles(
      importOptions([saved], content, { url: 'https://city.example/ferry', source: 'City Post' }),
    );
    expect(report.imported.map((file) => file.article)).toMatchObject([
      {
        title: 'Ferry crews offered tram jobs',
        canonical: 'https://city.example/ferry',
        source: { name: 'City Post', url: 'https://city.example/' },
      },
    ]);
  });

  it('shows what it would write on --dry-run, and writes nothing', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}/og-story.html`], content, { dryRun: true }));
    expect(report.imported.map((file) => file.file)).toEqual([
      join(content, 'articles', '2021-04-15-le-pont-de-valdria-sera-paye-par-la-region.md'),
    ]);
    expect(await articleFiles(content)).toEqual(new Map());
  });

  it('still imports a feed from a URL that answers one', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}/feed`], content));
    expect(report.failed).toEqual([]);
    expect(report.imported.length).toBeGreaterThan(0);
  });
});
