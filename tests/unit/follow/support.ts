/**
 * What the follow tests share: a publisher's web server on 127.0.0.1 whose feeds the tests change
 * between polls, feeds written from a few fields, and digests in temporary folders.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { escapeHtml } from '../../../src/lib/escapeHtml.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

/** A feed as a publisher serves it; `etag` and `lastModified` make the server answer conditional requests. */
export interface Served {
  body: string | Uint8Array;
  type?: string;
  etag?: string;
  lastModified?: string;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface Publisher {
  origin: string;
  /** What each path serves: a feed, or a handler of the test's own. */
  routes: Map<string, Served | Handler>;
  /** The requests received, in order: path, status answered and headers sent. */
  requests: Array<{ path: string; status: number; headers: IncomingHttpHeaders }>;
  close: () => Promise<void>;
}

/** A web server on 127.0.0.1 that answers 304 when the request's validators match the feed's. */
export async function startPublisher(): Promise<Publisher> {
  const routes = new Map<string, Served | Handler>();
  const requests: Publisher['requests'] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const route = routes.get(path);
    response.on('finish', () => requests.push({ path, status: response.statusCode, headers: request.headers }));
    if (typeof route === 'function') return route(request, response);
    if (!route) {
      response.writeHead(404, 'Not Found');
      return response.end();
    }
    const validators = {
      ...(route.etag && { etag: route.etag }),
      ...(route.lastModified && { 'last-modified': route.lastModified }),
    };
    const unchanged =
      (route.etag !== undefined && request.headers['if-none-match'] === route.etag) ||
      (route.etag === undefined &&
        route.lastModified !== undefined &&
        request.headers['if-modified-since'] === route.lastModified);
    if (unchanged) {
      response.writeHead(304, validators);
      return response.end();
    }
    response.writeHead(200, { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8', ...validators });
    response.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface FeedItem {
  title: string;
  /** Days before now. */
  age: number;
  text?: string;
  guid?: string;
  link?: string;
}

const DAY_MS = 86_400_000;

/** An RSS 2.0 feed of the items, dated `age` days before `now`. */
export function rssFeed(title: string, items: readonly FeedItem[], now = Date.now()): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeHtml(item.title)}</title>
      ${item.link ? `<link>${escapeHtml(item.link)}</link>` : ''}
      ${item.guid ? `<guid isPermaLink="false">${escapeHtml(item.guid)}</guid>` : ''}
      <pubDate>${new Date(now - item.age * DAY_MS).toUTCString()}</pubDate>
      <description>${escapeHtml(`<p>${item.text ?? `${item.title}. More to follow.`}</p>`)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeHtml(title)}</title>
    <link>https://outlet.example/</link>
    <language>en</language>
${entries.join('\n')}
  </channel>
</rss>
`;
}

/** A digest in a temporary folder whose topic has the given `follow` block (YAML, indented under `follow:`). */
export async function followingDigest(follow: string, extraTopic = ''): Promise<string> {
  const content = await makeTempFolder('follow');
  await writeFile(
    join(content, 'topic.md'),
    `---
title: Test digest
description: A digest following feeds.
site: https://digest.example.org/story/
${extraTopic}follow:
${follow}
---

About.
`,
  );
  return content;
}

/** Every file of a folder, by path, with its bytes: two snapshots are equal when nothing was written. */
export async function folderSnapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), (await readFile(path)).toString('base64'));
  }
  return files;
}

/** The article files of a digest, by name, with their text. */
export async function articleFiles(content: string): Promise<Map<string, string>> {
  const folder = join(content, 'articles');
  const files = new Map<string, string>();
  for (const name of (await readdir(folder).catch(() => [])).sort())
    files.set(name, await readFile(join(folder, name), 'utf8'));
  return files;
}
