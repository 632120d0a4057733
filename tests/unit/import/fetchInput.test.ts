import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { dossierUserAgent, fetchInput, type FetchRequest } from '../../../src/import/fetchInput.ts';

/** What a test server saw of one request. */
interface SeenRequest {
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

/** An outlet's web server on 127.0.0.1, answering with `handler` and noting every request. */
async function serve(handler: Handler): Promise<{ origin: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url!, headers: request.headers, at: Date.now() });
    handler(request, response);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Outlet</title>
${Array.from({ length: 60 }, (_, index) => `<item><title>Huawei story ${index}</title><guid>story-${index}</guid></item>`).join('\n')}
</channel></rss>
`;

const ETAG = '"v1-5f3a"';
const LAST_MODIFIED = 'Tue, 05 May 2026 08:00:00 GMT';

/** The text of a fetched answer. */
async function fetchedText(request: FetchRequest | string): Promise<string> {
  const answer = await fetchInput(request);
  if (answer.status !== 'fetched') throw new Error(`expected a body, got ${answer.status}`);
  return Buffer.from(answer.bytes).toString('utf8');
}

describe('conditional requests', () => {
  it('gives the validators of a 200 answer, sends them back, and counts what the 304 cost', async () => {
    const { origin, seen } = await serve((request, response) => {
      if (request.headers['if-none-match'] === ETAG) response.writeHead(304, { etag: ETAG }).end();
      else
        response
          .writeHead(200, {
            'content-type': 'Application/RSS+XML; charset="ISO-8859-1"',
            etag: ETAG,
            'last-modified': LAST_MODIFIED,
          })
          .end(FEED);
    });
    const first = await fetchInput({ url: `${origin}/feed.xml` });
    expect(first).toMatchObject({
      status: 'fetched',
      url: `${origin}/feed.xml`,
      contentType: 'application/rss+xml',
      charset: 'ISO-8859-1',
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      requests: 1,
    });
    expect(first.receivedBytes).toBeGreaterThan(FEED.length);
    expect(seen[0]!.headers['if-none-match']).toBeUndefined();

    const second = await fetchInput({ url: `${origin}/feed.xml`, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(second).toEqual({
      status: 'not-modified',
      url: `${origin}/feed.xml`,
      requests: 1,
      receivedBytes: expect.any(Number),
    });
    // Headers only: what a 304 costs is the status line and a few headers.
    expect(second.receivedBytes).toBeGreaterThan(0);
    expect(second.receivedBytes).toBeLessThan(300);
    expect(seen[1]!.headers).toMatchObject({ 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
  });

  it('sends If-Modified-Since alone when the feed gave no ETag', async () => {
    const { origin, seen } = await serve((request, response) => {
      response.writeHead(request.headers['if-modified-since'] === LAST_MODIFIED ? 304 : 200);
      response.end();
    });
    const answer = await fetchInput({ url: `${origin}/feed.xml`, lastModified: LAST_MODIFIED });
    expect(answer.status).toBe('not-modified');
    expect(seen[0]!.headers['if-none-match']).toBeUndefined();
  });

  it('refuses a 304 to a request that sent no validators', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(304);
      response.end();
    });
    await expect(fetchInput(`${origin}/feed.xml`)).rejects.toThrow(
      'could not be fetched: the server answered 304 Not Modified to a request for the whole answer (try again)',
    );
  });
});

describe('who asks, and in what encodings', () => {
  it('names Dossier and the digest in the User-Agent, and offers gzip, deflate and br', async () => {
    const { origin, seen } = await serve((_request, response) => response.end(FEED));
    await fetchInput({ url: origin, userAgent: dossierUserAgent('https://example.org/digest/') });
    await fetchInput(origin);
    expect(seen.map((request) => request.headers['user-agent'])).toEqual([
      'Dossier/0.1.0 (+https://example.org/digest/)',
      'Dossier/0.1.0',
    ]);
    expect(seen[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen[0]!.headers.accept).toMatch(/^application\/rss\+xml, /);
  });

  it.each([
    ['gzip', 'gzip', gzipSync],
    ['x-gzip', 'x-gzip', gzipSync],
    ['deflate (zlib)', 'deflate', deflateSync],
    ['deflate (raw)', 'deflate', deflateRawSync],
    ['br', 'br', brotliCompressSync],
  ])('decompresses a %s body', async (_name, encoding, compress) => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding });
      response.end(compress(FEED));
    });
    const answer = await fetchInput({ url: origin });
    expect(answer.status === 'fetched' && Buffer.from(answer.bytes).toString()).toBe(FEED);
    // The wire carried the compressed body: much less than the feed.
    expect(answer.receivedBytes).toBeLessThan(FEED.length / 2);
  });

  it('reads an empty gzip answer as empty', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end();
    });
    expect(await fetchedText(origin)).toBe('');
  });

  it('reports a corrupt compressed body', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end('<rss>not gzip at all</rss>');
    });
    await expect(fetchInput(origin)).rejects.toThrow(
      'could not be fetched: the gzip-compressed answer is corrupt (incorrect header check; try again later, or ask the outlet)',
    );
  });

  it('reports an encoding it did not offer', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'zstd' });
      response.end('(zstd)');
    });
    await expect(fetchInput(origin)).rejects.toThrow(
      'could not be fetched: the answer is compressed as "zstd", which cannot be read here (only gzip, deflate and br; ask the outlet)',
    );
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i and reports where the feed ended up', async (status) => {
    const { origin, seen } = await serve((request, response) => {
      if (request.url === '/old/feed') response.writeHead(status, { location: '../new/feed.xml' }).end('moved');
      else response.end(FEED);
    });
    const answer = await fetchInput({ url: `${origin}/old/feed`, etag: ETAG });
    expect(answer).toMatchObject({ status: 'fetched', url: `${origin}/new/feed.xml`, requests: 2 });
    expect(seen.map((request) => request.url)).toEqual(['/old/feed', '/new/feed.xml']);
    expect(seen[1]!.headers['if-none-match']).toBe(ETAG);
  });

  /** A server whose `/hop/n` redirects to `/hop/n+1` up to `/hop/last`, which is the feed. */
  const chain = (last: number) =>
    serve((request, response) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(request.url!)?.[1]);
      if (hop >= last) response.end(FEED);
      else response.writeHead(302, { location: `/hop/${hop + 1}` }).end();
    });

  it('follows 5 redirects', async () => {
    const { origin } = await chain(5);
    expect(await fetchInput({ url: `${origin}/hop/0` })).toMatchObject({ url: `${origin}/hop/5`, requests: 6 });
  });

  it('refuses a sixth, or more than the request allows', async () => {
    const { origin, seen } = await chain(6);
    await expect(fetchInput({ url: `${origin}/hop/0` })).rejects.toThrow(
      `could not be fetched: more than 5 redirects, the last to ${origin}/hop/6 (use the address where they lead)`,
    );
    expect(seen).toHaveLength(6);
    await expect(fetchInput({ url: `${origin}/hop/4`, maxRedirects: 1 })).rejects.toThrow('more than 1 redirects');
  });

  it('refuses a loop', async () => {
    const { origin } = await serve((request, response) => {
      response.writeHead(301, { location: request.url === '/a' ? `${origin}/b` : '/a' });
      response.end();
    });
    await expect(fetchInput({ url: `${origin}/a` })).rejects.toThrow(
      `could not be fetched: the redirects go round in a loop through ${origin}/a (check the address in a browser)`,
    );
  });

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/feed.xml'])('refuses a redirect to %s', async (location) => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(302, { location });
      response.end();
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      `could not be fetched: the server redirected to a ${new URL(location).protocol} address, ${location} (only http and https are followed: check the address)`,
    );
  });

  it('refuses a redirect that says nowhere', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(301);
      response.end();
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched: the server answered 301 Moved Permanently without saying where to (check the address)',
    );
  });

  it('asks only http and https addresses', async () => {
    await expect(fetchInput({ url: 'ftp://127.0.0.1/feed.xml' })).rejects.toThrow(
      'could not be fetched: only http and https addresses can be, not ftp: (use the http or https address)',
    );
  });
});

describe('error answers', () => {
  it.each([
    [404, 'the server answered 404 Not Found (check the address)'],
    [410, 'the server answered 410 Gone (it was removed for good: find its new address)'],
    [403, 'the server answered 403 Forbidden (the server refuses access: check the address, or ask the outlet)'],
    [500, "the server answered 500 Internal Server Error (a fault on the server's side: try again later)"],
    [503, "the server answered 503 Service Unavailable (a fault on the server's side: try again later)"],
    [429, 'the server answered 429 Too Many Requests (too many requests: try again later)'],
  ])('reports %i', async (status, message) => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(status);
      response.end('<html>error page</html>');
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(`could not be fetched: ${message}`);
  });
});

describe('Retry-After', () => {
  /** A server that answers `status` with `retryAfter` to the first `busy` requests, then the feed. */
  const busyServer = (status: number, retryAfter: () => string, busy = 1) =>
    serve((_request, response) => {
      if (busy-- > 0) response.writeHead(status, { 'retry-after': retryAfter() }).end();
      else response.end(FEED);
    });

  it('waits a short Retry-After in seconds and tries once more', async () => {
    const { origin, seen } = await busyServer(429, () => '1');
    expect(await fetchInput({ url: origin, maxRetryWaitSeconds: 2 })).toMatchObject({
      status: 'fetched',
      requests: 2,
    });
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('waits a short Retry-After given as a date', async () => {
    const { origin } = await busyServer(503, () => new Date(Date.now() + 1000).toUTCString());
    expect(await fetchInput({ url: origin, maxRetryWaitSeconds: 2 })).toMatchObject({ requests: 2 });
  });

  it('reports a long Retry-After with the time it names', async () => {
    const until = new Date(Date.now() + 2 * 3600 * 1000);
    until.setUTCMilliseconds(0);
    const { origin, seen } = await busyServer(503, () => until.toUTCString());
    const moment = until.toISOString().replace('T', ' ').replace('.000Z', ' UTC');
    await expect(fetchInput({ url: origin, maxRetryWaitSeconds: 60 })).rejects.toThrow(
      `could not be fetched: the server answered 503 Service Unavailable and asks to wait until ${moment} (try again after then)`,
    );
    expect(seen).toHaveLength(1);
  });

  it('reports a Retry-After in seconds as a time, and waits for none by default', async () => {
    const { origin, seen } = await busyServer(429, () => '1');
    const before = Date.now();
    const error = await fetchInput({ url: origin }).then(
      () => new Error('expected a refusal'),
      (caught: Error) => caught,
    );
    const [, moment] = /asks to wait until (\S+ \S+) UTC \(try again after then\)$/.exec(error.message) ?? [];
    expect(error.message).toMatch(/^could not be fetched: the server answered 429 Too Many Requests and asks/);
    const until = Date.parse(`${moment}Z`);
    expect(until).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 1000);
    expect(seen).toHaveLength(1);
  });

  it('tries once more only', async () => {
    const { origin, seen } = await busyServer(429, () => '0', 2);
    await expect(fetchInput({ url: origin, maxRetryWaitSeconds: 5 })).rejects.toThrow(
      /^could not be fetched: the server answered 429 Too Many Requests again and asks to wait until /,
    );
    expect(seen).toHaveLength(2);
  });
});

describe('slow servers', () => {
  it('gives up on a server that never answers', async () => {
    const { origin } = await serve(() => undefined);
    // A connection made in time stops the connect timeout: this one is the answer's.
    await expect(fetchInput({ url: origin, connectTimeoutSeconds: 0.25, timeoutSeconds: 0.5 })).rejects.toThrow(
      'could not be fetched: no answer within 0.5 seconds (the server is slow or down: try again later)',
    );
  });

  it('gives up on an answer that stops coming', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200);
      response.write(FEED.slice(0, 1000));
    });
    await expect(fetchInput({ url: origin, timeoutSeconds: 0.3 })).rejects.toThrow(
      'could not be fetched completely: the answer was not complete within 0.3 seconds, 1000 bytes received (the server is slow: try again later)',
    );
  });

  it('counts the time of every redirect in the whole answer', async () => {
    // Each hop answers in time; the six of them together do not.
    const { origin } = await serve((request, response) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(request.url!)?.[1]);
      setTimeout(() => response.writeHead(302, { location: `/hop/${hop + 1}` }).end(), 150);
    });
    await expect(fetchInput({ url: `${origin}/hop/0`, timeoutSeconds: 0.4 })).rejects.toThrow(
      'could not be fetched: no answer within 0.4 seconds (the server is slow or down: try again later)',
    );
  });

  it('gives up on a server that does not take the connection', async () => {
    // A server whose accept queue is full (backlog 1, and a thread that never accepts): the
    // kernel leaves further connections unanswered, as on an overloaded or firewalled host.
    const worker = new Worker(
      `const { createServer } = require('node:net');
       const { parentPort } = require('node:worker_threads');
       const server = createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         parentPort.postMessage(server.address().port);
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
       });`,
      { eval: true },
    );
    const sockets: Socket[] = [];
    try {
      const [port] = (await once(worker, 'message')) as [number];
      for (let filled = 0; filled < 2; filled++) {
        const socket = connect(port, '127.0.0.1');
        sockets.push(socket);
        await once(socket, 'connect');
      }
      await expect(
        fetchInput({ url: `http://127.0.0.1:${port}/feed.xml`, connectTimeoutSeconds: 0.3, timeoutSeconds: 5 }),
      ).rejects.toThrow(
        'could not be fetched: no connection within 0.3 seconds (check the address and the connection, or try again later)',
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await worker.terminate();
    }
  });

  it('says so when nothing listens at the address', async () => {
    const { origin } = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched: the connection was refused (ECONNREFUSED; check the address and the connection)',
    );
  });
});

describe('answers cut short', () => {
  it('reports a server that closes the connection without answering', async () => {
    const { origin } = await serve((request) => request.socket.destroy());
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched: the server closed the connection without answering (ECONNRESET; check the address and the connection)',
    );
  });

  it('reports a server that closes the connection halfway through the body', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200);
      response.write(FEED.slice(0, 1000), () => response.socket!.destroy());
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched completely: the connection closed after 1000 bytes, before the answer ended (try again later)',
    );
  });

  it('reports a connection reset halfway through the body', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200);
      response.write(FEED.slice(0, 1000), () => response.socket!.resetAndDestroy());
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      /^could not be fetched completely: the connection was reset after \d+ bytes of the answer \(try again later\)$/,
    );
  });

  it('reports a Content-Length longer than what was sent', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '5000' });
      response.write(FEED.slice(0, 1000), () => response.socket!.end());
    });
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched completely: the connection closed after 1000 of the 5000 bytes the server announced (try again later)',
    );
  });
});

describe('the size cap', () => {
  const MB = 1024 * 1024;

  /** A server streaming `total` bytes as fast as the client reads, saying how many it wrote before the connection closed. */
  const streamingServer = (
    total: number,
    headers: Record<string, string> = {},
    chunk = Buffer.alloc(64 * 1024, 'x'),
  ) => {
    let written = 0;
    let closed: (bytes: number) => void;
    const done = new Promise<number>((resolve) => (closed = resolve));
    const served = serve((_request, response) => {
      response.writeHead(200, headers);
      response.on('close', () => closed(written));
      const write = () => {
        while (written < total && !response.destroyed) {
          written += chunk.byteLength;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        response.end();
      };
      write();
    });
    return { served, done, total };
  };

  it('stops reading a streamed 50 MB answer at 10 MB', async () => {
    const { served, done, total } = streamingServer(50 * MB);
    const { origin } = await served;
    await expect(fetchInput({ url: origin })).rejects.toThrow(
      'could not be fetched: the answer is larger than 10 MB, more than a news feed or page holds (download it and check what it is)',
    );
    // The client closed the connection: the server wrote the cap and what socket buffers hold, not 50 MB.
    expect(await done).toBeLessThan(total / 2);
  });

  it('refuses a 50 MB Content-Length before reading the body', async () => {
    const { served, done } = streamingServer(50 * MB, { 'content-length': String(50 * MB) });
    const { origin } = await served;
    await expect(fetchInput({ url: origin })).rejects.toThrow('the answer is larger than 10 MB, more than');
    expect(await done).toBeLessThan(10 * MB);
  });

  it('refuses a gzip bomb at the cap once decompressed, without reading it all', async () => {
    // 16 GB of zeros in 16 MB of gzip: members of 16 MB each, which a gzip reader reads as one stream.
    const member = gzipSync(Buffer.alloc(16 * MB), { level: 9 });
    const { served, done, total } = streamingServer(1024 * member.byteLength, { 'content-encoding': 'gzip' }, member);
    const { origin } = await served;
    await expect(fetchInput({ url: origin, maxBytes: 2 * MB })).rejects.toThrow(
      'could not be fetched: the answer is larger than 2 MB once decompressed, more than a news feed or page holds (download it and check what it is)',
    );
    expect(await done).toBeLessThan(total / 2);
  });
});
