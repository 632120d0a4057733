import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../../src/import/feedHtml.ts';
import { importArticles } from '../../../src/import/importInputs.ts';
import { mojibakeCount, sameByline, sameTitle, trackerCount, wordScore } from '../../../src/import/importQuality.ts';
import { importOptions, temporaryContent } from './support.ts';

/** The shared practice material from real outlets; never copied into the project, so absent on other machines. */
const material = fileURLToPath(new URL('../../../../shared/real-world/', import.meta.url));
const present = existsSync(join(material, 'feeds')) && existsSync(join(material, 'pages'));

/** The Libération page's reader-view byline names a writer the page never credits; its visible credit is AFP (see the material's README). */
const BYLINE_CORRECTIONS: Record<string, string> = { 'liberation-1': 'AFP' };

interface Expected {
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
}

describe.skipIf(!present)('the real-world practice set in ../shared/real-world/', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const name = decodeURIComponent(request.url ?? '').slice(1);
      if (!/^[\w-]+\/source\.html$/.test(name)) return response.writeHead(404).end();
      readFile(join(material, 'pages', name)).then(
        (bytes) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bytes),
        () => response.writeHead(404).end(),
      );
      return undefined;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it(
    'imports every feed whole, with no mojibake and no tracker, and a second import changes nothing',
    { timeout: 120_000 },
    async () => {
      for (const name of await readdir(join(material, 'feeds'))) {
        const content = await temporaryContent();
        const file = join(material, 'feeds', name);
        const report = await importArticles(importOptions([file], content));
        expect(report.failed, name).toEqual([]);
        expect(report.imported.length, name).toBeGreaterThan(0);
        for (const { label, text } of report.imported) {
          expect(mojibakeCount(text), label).toBe(0);
          expect(trackerCount(text), label).toBe(0);
        }
        expect((await importArticles(importOptions([file], content))).imported, name).toEqual([]);
      }
    },
  );

  it('imports each page from its URL with the right metadata and its text', { timeout: 120_000 }, async () => {
    for (const page of await readdir(join(material, 'pages'))) {
      const folder = join(material, 'pages', page);
      const expected = JSON.parse(await readFile(join(folder, 'expected-metadata.json'), 'utf8')) as Expected;
      const byline = BYLINE_CORRECTIONS[page] ?? expected.byline;
      const text = htmlToPlainText(await readFile(join(folder, 'expected.html'), 'utf8'));
      const check = (article: (typeof report.imported)[number]['article'] | undefined) => {
        expect(article, page).toBeDefined();
        expect(sameTitle(expected.title, article!.title), `${page} title "${article!.title}"`).toBe(true);
        expect(article!.date.slice(0, 10), page).toBe(expected.publishedTime.slice(0, 10));
        // An outlet credited as its own author is as right named as left out.
        expect(
          sameByline(byline, article!.authors) || (article!.authors.length === 0 && byline === expected.siteName),
          `${page} byline ${JSON.stringify(article!.authors)}`,
        ).toBe(true);
        expect(article!.source.name.toLowerCase(), page).toBe(expected.siteName.toLowerCase());
      };
      const report = await importArticles(importOptions([`${origin}/${page}/source.html`], await temporaryContent()));
      expect(report.failed, page).toEqual([]);
      check(report.imported[0]?.article);
      const score = wordScore(text, report.imported[0]!.article.body);
      expect(score.recall, `${page} recall`).toBeGreaterThanOrEqual(0.95);
      expect(score.precision, `${page} precision`).toBeGreaterThanOrEqual(0.9);
      if (existsSync(join(folder, 'pasted.txt'))) {
        const pasted = await importArticles(
          importOptions([join(folder, 'pasted.txt')], await temporaryContent(), { source: expected.siteName }),
        );
        expect(pasted.failed, `${page} pasted`).toEqual([]);
        check(pasted.imported[0]?.article);
      }
    }
  });
});
