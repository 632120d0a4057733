import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFollowState } from '../../../src/follow/followState.ts';
import { REVIEW_SECURITY_POLICY, startReviewServer, type ReviewServer } from '../../../src/follow/reviewServer.ts';
import { draftText, FEED, makeContent } from '../../support/reviewDrafts.ts';

const CENTRE = '2019-03-06-huawei-opens-a-centre.md';
const centre = draftText({ title: 'Huawei opens a centre', date: '2019-03-06', item: 'https://outlet.example/a/1' });
const HOSTILE = draftText({
  title: 'A <script>alert("title")</script> deal',
  date: '2019-03-08',
  item: 'https://outlet.example/a/2',
  body: 'Read <img src=x onerror="alert(1)"> this.\n\n<script>alert("body")</script>\n\n[a link](javascript:alert(2))',
}).replace('canonical: https://outlet.example/a/2', 'canonical: "javascript:alert(3)"');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to 127.0.0.1, with exactly the headers given (Host included), as no browser would send it. */
function send(
  server: ReviewServer,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((answered, failed) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => answered({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    outgoing.on('error', failed);
    outgoing.end(options.body);
  });
}

const tokenOf = (server: ReviewServer) => new URL(server.url).searchParams.get('token')!;

/** A POST as the page's own form sends it, with `change` applied to its headers and fields. */
function post(
  server: ReviewServer,
  path: string,
  file: string,
  change: { headers?: Record<string, string | undefined>; token?: string } = {},
): Promise<Answer> {
  const headers = Object.fromEntries(
    Object.entries({
      Origin: server.origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...change.headers,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const body = new URLSearchParams({ token: change.token ?? tokenOf(server), draft: file }).toString();
  return send(server, { method: 'POST', path, headers, body });
}

let server: ReviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(files: Record<string, string>): Promise<{ content: string; server: ReviewServer }> {
  const content = await makeContent(files);
  server = await startReviewServer({ content });
  return { content, server };
}

describe('the review page', () => {
  it('listens on 127.0.0.1 alone, at an address with a random token', async () => {
    await expect(startReviewServer({ content: 'content', host: '0.0.0.0' })).rejects.toThrow(
      'the review page listens on 127.0.0.1 only, not 0.0.0.0',
    );
    const first = await serve({});
    expect(first.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const second = await startReviewServer({ content: first.content });
    expect(tokenOf(second)).not.toBe(tokenOf(first.server));
    await expect(startReviewServer({ content: first.content, port: second.port })).rejects.toThrow(
      `port ${second.port} of 127.0.0.1 is in use`,
    );
    await second.close();
  });

  it('shows the queue to its own address only, with a strict policy', async () => {
    const { server } = await serve({ [CENTRE]: centre });
    const page = await send(server, { path: `/?token=${tokenOf(server)}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(REVIEW_SECURITY_POLICY);
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.body).toContain('<h2 id="draft-1">Huawei opens a centre</h2>');
    expect(page.body).toContain('It shows its 5G source code there.');
    expect(page.body).not.toMatch(/<script|style=/);
    expect((await send(server, { path: '/' })).status).toBe(403);
    expect((await send(server, { path: '/?token=guess' })).status).toBe(403);
    const rebound = await send(server, {
      path: `/?token=${tokenOf(server)}`,
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('Huawei');
    expect((await send(server, { path: '/review.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(server, { path: '/elsewhere' })).status).toBe(404);
    expect((await send(server, { path: '/accept' })).status).toBe(405);
  });

  it('shows what a feed smuggled in as text, never as markup', async () => {
    const { server } = await serve({ '2019-03-08-a-deal.md': HOSTILE });
    const { body } = await send(server, { path: `/?token=${tokenOf(server)}` });
    expect(body).toContain('A &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; deal');
    expect(body).not.toMatch(/<script|<img|onerror=|href="javascript:/);
  });
});

describe('a change', () => {
  it('is made for a POST from the page itself, then the queue says what happened', async () => {
    const { content, server } = await serve({ [CENTRE]: centre });
    const file = join(content, 'articles', CENTRE);
    const answer = await post(server, '/accept', file);
    expect(answer.status).toBe(303);
    const location = String(answer.headers['location']);
    expect(location).toMatch(new RegExp(`^/\\?token=${tokenOf(server)}&notice=\\w+$`));
    expect(await readFile(file, 'utf8')).toBe(centre.replace('draft: true\n', ''));
    const page = await send(server, { path: location });
    expect(page.body).toContain(`Accepted “Huawei opens a centre” (${file}): the next build publishes it.`);
    expect(page.body).toContain('Nothing waits for review.');
  });

  it('rejects a draft: its file goes, its item is remembered', async () => {
    const { content, server } = await serve({ [CENTRE]: centre });
    const answer = await post(server, '/reject', 'huawei-opens-a-centre', {
      headers: { Origin: undefined, Referer: `${server.url}`, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(answer.status).toBe(303);
    expect((await readFollowState(content)).sources[FEED]?.rejected).toEqual(['https://outlet.example/a/1']);
    const page = await send(server, { path: String(answer.headers['location']) });
    expect(page.body).toContain('Rejected “Huawei opens a centre”');
  });

  it.each([
    ['another origin', { headers: { Origin: 'http://127.0.0.1:1' } }],
    ['an opaque origin', { headers: { Origin: 'null' } }],
    ['no origin, no referrer', { headers: { Origin: undefined } }],
    ['no origin, a cross-site fetch', { headers: { Origin: undefined, 'Sec-Fetch-Site': 'cross-site' } }],
    ['no origin, a referrer elsewhere', { headers: { Origin: undefined, Referer: 'http://evil.example/' } }],
    ['no token', { token: '' }],
    ['a wrong token', { token: 'a'.repeat(43) }],
    ['another host name (DNS rebinding)', { headers: { Host: 'evil.example:80', Origin: 'http://evil.example:80' } }],
    ['another host name alone', { headers: { Host: 'evil.example:80' } }],
  ])('is refused from %s, and nothing changes', async (_case, change) => {
    const { content, server } = await serve({ [CENTRE]: centre });
    for (const path of ['/accept', '/reject']) {
      const answer = await post(server, path, join(content, 'articles', CENTRE), change);
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('nothing was changed');
    }
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(centre);
  });

  it('is refused when its form is too large', async () => {
    const { content, server } = await serve({ [CENTRE]: centre });
    const answer = await post(server, '/accept', `${join(content, 'articles', CENTRE)}${' '.repeat(20_000)}`);
    expect(answer.status).toBe(413);
    expect(await readFile(join(content, 'articles', CENTRE), 'utf8')).toBe(centre);
  });
});
