import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

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
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: under its base path, with
 * `dir/` answered by `dir/index.html` and anything missing by `404.html` with status 404.
 */
export async function serveSite(initialSiteDir: string, base = '/'): Promise<StaticSite> {
  let siteDir = initialSiteDir;
  let reachable = true;
  const server: Server = createServer(async (request, response) => {
    if (!reachable) {
      request.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(base) ? normalize(path.slice(base.length - 1)) : undefined;
    const candidates = inside === undefined ? [] : [join(siteDir, inside), join(siteDir, inside, 'index.html')];
    for (const file of candidates) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) {
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404, { 'Content-Type': TYPES['.html']! });
    createReadStream(join(siteDir, '404.html')).pipe(response);
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
    close: () => {
      server.closeAllConnections();
      return new Promise((closed) => server.close(() => closed()));
    },
  };
}
