import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { Transform } from 'node:stream';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** `http://127.0.0.1:PORT/base/` */
  url: string;
  /** Serve another build from now on, as a deploy would. */
  deploy: (siteDir: string) => void;
  /** Drop every connection while down, as a reader's lost network would. */
  setReachable: (reachable: boolean) => void;
  close: () => Promise<void>;
  /** What the server has sent since it started or since the last `resetTraffic`: response bodies, as sent. */
  traffic: () => { bytes: number; requests: number };
  resetTraffic: () => void;
}

/** Counts the bytes that pass, on their way to the reader. */
function counter(count: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      count(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: under its base path, with
 * `dir/` answered by `dir/index.html` and anything missing by `404.html` with status 404. With
 * `gzip`, text goes out compressed to a browser that accepts it, as a static host sends it
 * (Pagefind's index files are compressed already, and hosts send them as they are).
 */
export async function serveSite(
  initialSiteDir: string,
  base = '/',
  options: { gzip?: boolean } = {},
): Promise<StaticSite> {
  let siteDir = initialSiteDir;
  let reachable = true;
  let sent = { bytes: 0, requests: 0 };
  const send = (file: string, status: number, response: ServerResponse, acceptsGzip: boolean) => {
    sent.requests++;
    const gzip = options.gzip && acceptsGzip && extname(file) in TYPES;
    response.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(gzip && { 'Content-Encoding': 'gzip' }),
    });
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(counter((bytes) => (sent.bytes += bytes))).pipe(response);
  };
  const server: Server = createServer(async (request, response) => {
    if (!reachable) {
      request.socket.destroy();
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(base) ? normalize(path.slice(base.length - 1)) : undefined;
    const candidates = inside === undefined ? [] : [join(siteDir, inside), join(siteDir, inside, 'index.html')];
    for (const file of candidates) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) {
        send(file, 200, response, acceptsGzip);
        return;
      }
    }
    send(join(siteDir, '404.html'), 404, response, acceptsGzip);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    deploy: (newSiteDir) => {
      siteDir = newSiteDir;
    },
    setReachable: (value) => {
      reachable = value;
      if (!value) server.closeAllConnections();
    },
    traffic: () => ({ ...sent }),
    resetTraffic: () => {
      sent = { bytes: 0, requests: 0 };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((closed) => server.close(() => closed()));
    },
  };
}
