import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInput } from '../../../src/import/fetchInput.ts';
import { importArticles } from '../../../src/import/importInputs.ts';
import { articleFiles, fixtures, importOptions, temporaryContent } from './support.ts';

/** A publisher's web server on 127.0.0.1, serving the fixture feeds. */
let server: Server;
let origin: string;

beforeAll(async () => {
  const rss = await readFile(join(fixtures, 'rss2.xml'));
  const latin1 = await readFile(join(fixtures, 'latin1.xml'));
  const atom = (await readFile(join(fixtures, 'atom.xml'), 'utf8')).replace(/ xml:base="[^"]*"/g, '');
  server = createServer((request, response) => {
    switch (request.url) {
      case '/feed.xml':
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        return response.end(rss);
      case '/moved':
        response.writeHead(301, { location: '/feed.xml' });
        return response.end();
      case '/latin1':
        // The server's charset outranks the declaration (which says the same here).
        response.writeHead(200, { 'content-type': 'text/xml; charset="ISO-8859-1"' });
        return response.end(latin1);
      case '/blog/atom':
        response.writeHead(200, { 'content-type': 'application/atom+xml' });
        return response.end(
          atom.replace('<link rel="alternate" type="text/html" href="https://www.androidheadlines.com/"/>', ''),
        );
      case '/page':
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<!DOCTYPE html><html><body>A page</body></html>');
      case '/text':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('Just some text\n\nNot a feed.');
      case '/slow':
        return setTimeout(() => response.end(), 5000);
      default:
        response.writeHead(404, 'Not Found');
        return response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('importing a feed from its URL', () => {
  it('imports the feed like a file, following redirects', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}/moved`], content));
    expect(report.failed).toEqual([]);
    expect(report.imported.map((file) => file.label)).toEqual([
      `${origin}/moved item 1 "Huawei opens a new EU cybersecurity transparency centre"`,
      `${origin}/moved item 2 "US warns allies over Huawei 5G equipment"`,
      `${origin}/moved item 3 "Huawei sues the US government"`,
    ]);
    expect((await articleFiles(content)).size).toBe(3);
  });

  it('decodes with the charset the server sends', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}/latin1`], content));
    expect(report.imported[0]!.article.body).toContain('« Nous n’avons rien à cacher. » – déclare-t-il.');
  });

  it('resolves relative addresses against where the feed was fetched from', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}/blog/atom`], content));
    expect(report.imported[0]!.article.canonical).toBe(`${origin}/blog/huawei-brussels-security-centre.html`);
    expect(report.imported[0]!.article.body).toContain(`![Huawei logo](${origin}/blog/images/huawei-logo.jpg)`);
  });

  it.each([
    ['/missing', 'could not be fetched: the server answered 404 Not Found (check the address)'],
    ['/page', 'has no article text that could be found'],
    ['/text', 'is not a feed: RSS, Atom, RDF or JSON Feed expected'],
  ])('reports %s in words', async (path, message) => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([`${origin}${path}`], content));
    expect(report.failed).toEqual([
      { input: `${origin}${path}`, message: expect.stringContaining(`${origin}${path}: ${message}`) },
    ]);
    expect(await articleFiles(content)).toEqual(new Map());
  });

  it('gives up on a server that does not answer', async () => {
    await expect(fetchInput({ url: `${origin}/slow`, timeoutSeconds: 0.5 })).rejects.toThrow(
      'could not be fetched: no answer within 0.5 seconds',
    );
  });

  it('says so when nothing listens at the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchInput(`http://127.0.0.1:${port}/feed.xml`)).rejects.toThrow(
      'could not be fetched: the connection was refused (ECONNREFUSED; check the address and the connection)',
    );
  });
});
