import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readTopic } from '../../../src/content/topic.ts';
import { followStatePath, readFollowState } from '../../../src/follow/followState.ts';
import { followSources, type FollowRunOptions, type SourceOutcome } from '../../../src/follow/followSources.ts';
import {
  articleFiles,
  folderSnapshot,
  followingDigest,
  rssFeed,
  startPublisher,
  type FeedItem,
  type Publisher,
} from './support.ts';

let publisher: Publisher;
let origin: string;

beforeAll(async () => {
  publisher = await startPublisher();
  origin = publisher.origin;
});

afterAll(() => publisher.close());

beforeEach(() => {
  publisher.routes.clear();
  publisher.requests.length = 0;
});

/** Polls the digest's feeds once, as `npm run follow` does, with short limits for the faults. */
async function poll(
  content: string,
  options: Partial<Pick<FollowRunOptions, 'since' | 'now' | 'limits'>> = {},
): Promise<SourceOutcome[]> {
  const topic = readTopic(content);
  return followSources({
    content,
    topic: { ...topic, follow: topic.follow! },
    state: await readFollowState(content),
    ...options,
    limits: { connectTimeoutSeconds: 2, timeoutSeconds: 2, ...options.limits },
  });
}

const frontmatterOf = (text: string) => parse(text.slice(4, text.indexOf('\n---\n', 4))) as Record<string, unknown>;

const HUAWEI_ITEMS: FeedItem[] = [
  { title: 'Huawei opens a transparency centre', guid: 'a-1', link: 'https://outlet.example/a1', age: 1 },
  { title: 'Operators test 5G in Bern', guid: 'a-2', link: 'https://outlet.example/a2', age: 2 },
  { title: 'Weather: sunny', guid: 'a-3', link: 'https://outlet.example/a3', age: 2 },
  { title: 'Sponsored: the best 5G phones', guid: 'a-4', link: 'https://outlet.example/a4', age: 3 },
];

const RULES = `  keep: [5G]
  drop: [sponsored]
`;
const ENTITIES = `entities:
  - name: Huawei
    description: A maker of telecoms equipment.
`;

describe('a first poll', () => {
  it('imports the items the rules keep as drafts that say where they came from', async () => {
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS), etag: '"v1"' });
    const content = await followingDigest(`  sources:\n    - ${origin}/a.xml\n${RULES}`, ENTITIES);
    const [outcome] = await poll(content);

    expect(outcome).toMatchObject({ status: 'read', name: 'Outlet A', unchanged: 0, older: 0 });
    expect(outcome?.status === 'read' && outcome.dropped).toEqual([
      { label: 'item 3 "Weather: sunny"', reason: 'names no keep phrase or entity' },
      { label: 'item 4 "Sponsored: the best 5G phones"', reason: 'drop "sponsored"' },
    ]);
    const files = await articleFiles(content);
    expect([...files.keys()].map((name) => name.slice(11))).toEqual([
      'operators-test-5g-in-bern.md',
      'huawei-opens-a-transparency-centre.md',
    ]);
    const [operators, huawei] = [...files.values()].map(frontmatterOf);
    const names = [...files.keys()];
    expect(huawei).toMatchObject({
      title: 'Huawei opens a transparency centre',
      source: { name: 'Outlet A', url: 'https://outlet.example/' },
      canonical: 'https://outlet.example/a1',
      lang: 'en',
      draft: true,
      followed: { feed: `${origin}/a.xml`, item: 'a-1', rule: 'entity "Huawei"' },
    });
    expect(operators).toMatchObject({ draft: true, followed: { item: 'a-2', rule: 'keep "5G"' } });

    expect(await readFollowState(content)).toEqual({
      sources: {
        [`${origin}/a.xml`]: {
          etag: '"v1"',
          since: expect.any(String),
          imported: ['a-1', 'a-2'],
          rejected: [],
          // What was written, to tell the outlet's later corrections from the editor's edits.
          versions: {
            'a-1': {
              file: `articles/${names[1]}`,
              outlet: expect.stringMatching(/^[\w-]{16}$/),
              written: expect.any(String),
            },
            'a-2': {
              file: `articles/${names[0]}`,
              outlet: expect.stringMatching(/^[\w-]{16}$/),
              written: expect.any(String),
            },
          },
        },
      },
    });
  });

  it('knows an item without an id by its link', async () => {
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', [{ title: 'Linked 5G news', link: 'https://outlet.example/l?utm_source=rss', age: 1 }]),
    });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`);
    await poll(content);
    const [article] = [...(await articleFiles(content)).values()].map(frontmatterOf);
    expect(article).toHaveProperty('followed.item', 'https://outlet.example/l');
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]?.imported).toEqual(['https://outlet.example/l']);
  });

  it('sends a User-Agent naming Dossier and the digest', async () => {
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', []) });
    await poll(await followingDigest(`  sources: [${origin}/a.xml]\n`));
    expect(publisher.requests[0]?.headers['user-agent']).toMatch(
      /^Dossier\/\d+\.\d+\.\d+ \(\+https:\/\/digest\.example\.org\/story\/\)$/,
    );
  });

  it('leaves out items older than 30 days, and records the day it counted from', async () => {
    const now = Date.parse('2024-05-31T12:00:00Z');
    publisher.routes.set('/a.xml', {
      body: rssFeed(
        'Outlet A',
        [
          { title: 'Recent news', guid: 'r', age: 29 },
          { title: 'Old news', guid: 'o', age: 31 },
          { title: 'Ancient news', guid: 'x', age: 400 },
        ],
        now,
      ),
    });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n`);
    const [outcome] = await poll(content, { now: new Date(now) });
    expect(outcome).toMatchObject({ status: 'read', older: 2, since: '2024-05-01' });
    expect([...(await articleFiles(content)).keys()]).toEqual(['2024-05-02-recent-news.md']);
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]?.since).toBe('2024-05-01');

    // A later poll counts from the same day, not from 30 days before it.
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', [{ title: 'Old news', guid: 'o', age: 31 }], now),
    });
    const [later] = await poll(content, { now: new Date(now + 20 * 86_400_000) });
    expect(later).toMatchObject({ status: 'read', older: 1, since: '2024-05-01' });
  });

  it('counts from the day --since gives, and fetches the whole feed again for it', async () => {
    const now = Date.parse('2024-05-31T12:00:00Z');
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', [{ title: 'Old news', guid: 'o', age: 31 }], now),
      etag: '"v1"',
    });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n`);
    await poll(content, { now: new Date(now) });
    expect(await articleFiles(content)).toEqual(new Map());

    const [outcome] = await poll(content, { now: new Date(now), since: '2024-04-01' });
    expect(publisher.requests.map((request) => [request.status, request.headers['if-none-match']])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    expect(outcome).toMatchObject({ status: 'read', older: 0, since: '2024-04-01' });
    expect([...(await articleFiles(content)).keys()]).toEqual(['2024-04-30-old-news.md']);
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]).toMatchObject({
      since: '2024-04-01',
      imported: ['o'],
    });
  });
});

describe('polling again', () => {
  it('asks with the validators; a 304 writes nothing at all', async () => {
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', HUAWEI_ITEMS),
      etag: '"v1"',
      lastModified: 'Tue, 07 May 2024 10:00:00 GMT',
    });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    await poll(content);
    const before = await folderSnapshot(content);

    const [outcome] = await poll(content);
    expect(outcome).toMatchObject({ status: 'not-modified', requests: 1 });
    expect(publisher.requests.at(-1)).toMatchObject({
      status: 304,
      headers: { 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 07 May 2024 10:00:00 GMT' },
    });
    expect(await folderSnapshot(content)).toEqual(before);
  });

  it('asks with Last-Modified alone when the server sends no ETag', async () => {
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', HUAWEI_ITEMS),
      lastModified: 'Tue, 07 May 2024 10:00:00 GMT',
    });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    await poll(content);
    const before = await folderSnapshot(content);
    expect(await poll(content)).toMatchObject([{ status: 'not-modified' }]);
    expect(publisher.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    expect(await folderSnapshot(content)).toEqual(before);
  });

  it('imports only what is new when the feed changes, then is unchanged again', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS), etag: '"v1"' });
    await poll(content);
    const first = await articleFiles(content);

    const added = { title: 'Huawei wins a 5G contract', guid: 'a-5', link: 'https://outlet.example/a5', age: 0 };
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [added, ...HUAWEI_ITEMS]), etag: '"v2"' });
    const [outcome] = await poll(content);
    expect(outcome).toMatchObject({ status: 'read', unchanged: 2 });
    expect(outcome?.status === 'read' && outcome.candidates.map((candidate) => candidate.rule)).toEqual(['keep "5G"']);
    const second = await articleFiles(content);
    expect(second.size).toBe(3);
    for (const [name, text] of first) expect(second.get(name)).toBe(text);
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]).toMatchObject({
      etag: '"v2"',
      imported: ['a-1', 'a-2', 'a-5'],
    });

    const before = await folderSnapshot(content);
    expect(await poll(content)).toMatchObject([{ status: 'not-modified' }]);
    expect(await folderSnapshot(content)).toEqual(before);
  });

  it('changes nothing when a changed feed brings nothing the rules keep', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS), etag: '"v1"' });
    await poll(content);
    const before = await folderSnapshot(content);
    const unrelated = { title: 'Weather: rain', guid: 'a-6', age: 0 };
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [unrelated, ...HUAWEI_ITEMS]), etag: '"v2"' });
    expect(await poll(content)).toMatchObject([{ status: 'read', candidates: [] }]);
    expect(await folderSnapshot(content)).toEqual(before);
  });

  it('deletes nothing when items imported before leave the feed', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS), etag: '"v1"' });
    await poll(content);
    const before = await folderSnapshot(content);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', []), etag: '"v2"' });
    expect(await poll(content)).toMatchObject([{ status: 'read', candidates: [], unchanged: 0 }]);
    expect(await folderSnapshot(content)).toEqual(before);
  });

  it('does not import again an item the feed repeats under a new id, and records the new id', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS.slice(0, 1)) });
    await poll(content);
    const repeated = [
      { ...HUAWEI_ITEMS[0]!, guid: 'a-1-republished' },
      // Without a link, the same title on the same day is the same story.
      { title: 'Huawei opens a transparency centre', guid: 'a-1-again', age: 1 },
    ];
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', repeated) });
    expect(await poll(content)).toMatchObject([{ status: 'read', candidates: [], unchanged: 2 }]);
    expect((await articleFiles(content)).size).toBe(1);
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]?.imported).toEqual([
      'a-1',
      'a-1-again',
      'a-1-republished',
    ]);
  });

  it('finds an item whose file was written but not recorded (a run killed in between), and records it', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS), etag: '"v1"' });
    await poll(content);
    const files = await articleFiles(content);
    await writeFile(followStatePath(content), 'sources: {}\n');
    expect(await poll(content)).toMatchObject([{ status: 'read', candidates: [], unchanged: 2 }]);
    expect(await articleFiles(content)).toEqual(files);
    expect((await readFollowState(content)).sources[`${origin}/a.xml`]?.imported).toEqual(['a-1', 'a-2']);
  });

  it('never brings back an item the editor rejected', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`, ENTITIES);
    await writeFile(
      followStatePath(content),
      `sources:\n  ${origin}/a.xml:\n    since: "2000-01-01"\n    rejected: [a-1]\n`,
    );
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS) });
    const [outcome] = await poll(content);
    expect(outcome).toMatchObject({ status: 'read', unchanged: 1 });
    expect([...(await articleFiles(content)).keys()].map((name) => name.slice(11))).toEqual([
      'operators-test-5g-in-bern.md',
    ]);
  });
});

describe('the source’s options', () => {
  it('names the outlet and its language as the topic says', async () => {
    publisher.routes.set('/de.xml', { body: rssFeed('Feed title', [{ title: 'Neues zu 5G', guid: 'd', age: 1 }]) });
    const content = await followingDigest(
      `  sources:\n    - url: ${origin}/de.xml\n      name: Die Zeitung\n      lang: de\n${RULES}`,
    );
    expect(await poll(content)).toMatchObject([{ status: 'read', name: 'Die Zeitung' }]);
    const [article] = [...(await articleFiles(content)).values()].map(frontmatterOf);
    expect(article).toMatchObject({ source: { name: 'Die Zeitung' }, lang: 'de' });
  });

  it('publishes without review a source marked publish: auto, and the others as drafts', async () => {
    publisher.routes.set('/trusted.xml', {
      body: rssFeed('Trusted', [{ title: 'Trusted 5G news', guid: 't', age: 1 }]),
    });
    publisher.routes.set('/other.xml', { body: rssFeed('Other', [{ title: 'Other 5G news', guid: 'o', age: 1 }]) });
    const content = await followingDigest(
      `  sources:\n    - url: ${origin}/trusted.xml\n      publish: auto\n    - ${origin}/other.xml\n${RULES}`,
    );
    await poll(content);
    const articles = new Map([...(await articleFiles(content))].map(([name, text]) => [name.slice(11), text]));
    expect(frontmatterOf(articles.get('trusted-5g-news.md')!)).not.toHaveProperty('draft');
    expect(frontmatterOf(articles.get('trusted-5g-news.md')!)).toHaveProperty('followed.item', 't');
    expect(frontmatterOf(articles.get('other-5g-news.md')!)).toHaveProperty('draft', true);
  });

  it('publishes every source without review under follow.publish: auto', async () => {
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', HUAWEI_ITEMS) });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n  publish: auto\n${RULES}`, ENTITIES);
    await poll(content);
    const texts = [...(await articleFiles(content)).values()];
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).not.toMatch(/^draft:/m);
  });
});

describe('faults, each reported by its source while the others are still read', () => {
  const GOOD = () => rssFeed('Good outlet', [{ title: 'Good 5G news', guid: 'g', age: 1 }]);
  const LATIN1 = Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Z</title><item><title>Zürich 5G</title><guid>z</guid><pubDate>${new Date().toUTCString()}</pubDate><description>Zürich</description></item></channel></rss>`,
    'latin1',
  );

  it.each<[string, (response: import('node:http').ServerResponse) => void, RegExp]>([
    ['a 404', (response) => response.writeHead(404, 'Not Found').end(), /the server answered 404 Not Found/],
    ['a 500', (response) => response.writeHead(500, 'Internal Server Error').end(), /the server answered 500/],
    [
      'a 429 asking to wait an hour',
      (response) => response.writeHead(429, { 'retry-after': '3600' }).end(),
      /429.*asks to wait until/,
    ],
    ['a redirect loop', (response) => response.writeHead(302, { location: '/fault.xml' }).end(), /loop/],
    [
      'a web page instead of a feed',
      (response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Hi</body></html>'),
      /is a web page, not a feed/,
    ],
    [
      'invalid XML',
      (response) => response.writeHead(200).end('<?xml version="1.0"?><rss><channel><title>A</titel></channel></rss>'),
      /is not well-formed XML/,
    ],
    [
      'invalid JSON',
      (response) =>
        response
          .writeHead(200, { 'content-type': 'application/feed+json' })
          .end('{"version": "https://jsonfeed.org/version/1.1",'),
      /is not valid JSON/,
    ],
    [
      'an encoding other than the one declared',
      (response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(LATIN1),
      /is not valid UTF-8, the encoding declared by the feed/,
    ],
    [
      '50 MB',
      (response) => {
        response.writeHead(200);
        const chunk = Buffer.alloc(1024 * 1024, ' ');
        let sent = 0;
        const more = (): void => {
          while (sent < 50 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) {
              response.once('drain', more);
              return;
            }
          }
          response.end();
        };
        response.write('<rss>');
        more();
      },
      /larger than 10 MB/,
    ],
    ['no answer in time', () => undefined, /within 1 second/],
  ])('%s', async (_, fault, message) => {
    publisher.routes.set('/good.xml', { body: GOOD() });
    publisher.routes.set('/fault.xml', (_request, response) => fault(response));
    const content = await followingDigest(`  sources: [${origin}/fault.xml, ${origin}/good.xml]\n${RULES}`);
    // The faulty source was read before: its entry must stay as it was.
    const earlier = `sources:\n  ${origin}/fault.xml:\n    etag: '"old"'\n    since: "2024-01-01"\n    imported: [earlier]\n`;
    await writeFile(followStatePath(content), earlier);

    const outcomes = await poll(content, { limits: { connectTimeoutSeconds: 1, timeoutSeconds: 1 } });
    expect(outcomes[0]).toEqual({
      url: `${origin}/fault.xml`,
      status: 'failed',
      message: expect.stringMatching(message),
    });
    expect(outcomes[1]).toMatchObject({ status: 'read', candidates: [{ rule: 'keep "5G"' }] });
    const state = await readFile(followStatePath(content), 'utf8');
    expect(parse(state).sources[`${origin}/fault.xml`]).toEqual({
      etag: '"old"',
      since: '2024-01-01',
      imported: ['earlier'],
      rejected: [],
    });
    expect([...(await articleFiles(content)).keys()].map((name) => name.slice(11))).toEqual(['good-5g-news.md']);
    expect(state).not.toMatch(/error|fail/i);
  });

  it('reads a feed with the importer’s rules: a JSON Feed, and its sanitized text', async () => {
    publisher.routes.set('/feed.json', {
      type: 'application/feed+json',
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON outlet',
        items: [
          {
            id: 'j-1',
            url: 'https://json.example/j1?utm_source=rss',
            title: '5G in Zürich',
            date_published: new Date().toISOString(),
            content_html: '<p>Text<script>alert(1)</script> here.</p>',
          },
        ],
      }),
    });
    const content = await followingDigest(`  sources: [${origin}/feed.json]\n${RULES}`);
    await poll(content);
    const [text] = [...(await articleFiles(content)).values()];
    expect(frontmatterOf(text!)).toMatchObject({
      canonical: 'https://json.example/j1',
      followed: { item: 'j-1', rule: 'keep "5G"' },
    });
    expect(text).not.toContain('script');
  });
});

describe('the folder it writes to', () => {
  it('writes nothing over an existing file', async () => {
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [{ title: 'Other 5G news', guid: 'o', age: 0 }]) });
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n${RULES}`);
    const day = new Date().toISOString().slice(0, 10);
    await poll(content, { since: '2000-01-01' });
    const [name] = (await articleFiles(content)).keys();
    expect(name).toBe(`${day}-other-5g-news.md`);
    // An editor's own article with the same title on another day keeps its URL name.
    await writeFile(join(content, 'articles', '2000-01-02-fresh-5g-news.md'), '---\ntitle: Fresh 5G news\n---\n');
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [{ title: 'Fresh 5G news', guid: 'f', age: 0 }]) });
    await poll(content, { since: '2000-01-01' });
    expect(await readFile(join(content, 'articles', '2000-01-02-fresh-5g-news.md'), 'utf8')).toBe(
      '---\ntitle: Fresh 5G news\n---\n',
    );
    expect([...(await articleFiles(content)).keys()]).toContain(`${day}-fresh-5g-news-2.md`);
  });
});
