/**
 * The review page's server (`npm run follow -- review`): the queue in the editor's browser, with
 * a button to accept or reject each draft. It is a local tool, never part of the built site, and
 * it can change the digest, so it trusts nothing but the page it served: it listens on
 * 127.0.0.1 alone; it answers only requests addressed to it by that name (a DNS-rebinding page
 * names its own host); and it changes files only for a POST that comes from its own origin and
 * carries the random token its address was printed with. Anything else gets 403 and changes
 * nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messagePage, reviewPage, STYLESHEET_PATH, type ReviewNotice } from './review/reviewPage.ts';
import { reviewStrings as strings } from './review/reviewStrings.ts';
import { acceptDrafts, listQueueWithText, rejectDrafts } from './reviewQueue.ts';

/** The one address the review page listens on: this machine's loopback, never a network another machine reaches. */
export const REVIEW_HOST = '127.0.0.1';

export interface ReviewServerOptions {
  /** The content folder whose queue it serves. */
  content: string;
  /** The port; 0 or none for a free one. */
  port?: number;
  /** Only `127.0.0.1` is accepted: the option exists so that asking for another address is refused, not ignored. */
  host?: string;
}

export interface ReviewServer {
  /** The address to open: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  close: () => Promise<void>;
}

/** A server that cannot start; the message says why and what to do. */
export class ReviewServerError extends Error {
  override name = 'ReviewServerError';
}

/**
 * What the page's answers forbid: no script at all, styles only from the server itself, forms
 * posted only back to it, and no framing (a page that framed it could trick a click).
 */
export const REVIEW_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': REVIEW_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The page's address holds its token: no other site may see it. (`no-referrer` would not do: with it,
  // a browser sends the page's own forms with `Origin: null`.)
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** A form of the page holds a token and a file name: anything much longer is not one. */
const FORM_LIMIT_BYTES = 16 * 1024;

/** How many accept or reject notices are kept for the page to show after its redirect. */
const NOTICES_KEPT = 20;

/** What each of the page's forms does, by the address it posts to. */
const ACTIONS: Record<string, (content: string, refs: string[]) => Promise<ReviewNotice>> = {
  '/accept': async (content, refs) => ({ rejected: [], ...(await acceptDrafts(content, refs)) }),
  '/reject': async (content, refs) => ({ accepted: [], ...(await rejectDrafts(content, refs)) }),
};

function send(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers });
  response.end(html);
}

/** Whether a request without an `Origin` still says it came from the page: its `Referer` and `Sec-Fetch-Site`. */
function comesFrom(headers: IncomingHttpHeaders, origins: ReadonlySet<string>): boolean {
  const { origin, referer } = headers;
  if (origin !== undefined) return origins.has(origin);
  const site = headers['sec-fetch-site'];
  if (referer === undefined && site === undefined) return false;
  if (referer !== undefined && !(URL.canParse(referer) && origins.has(new URL(referer).origin))) return false;
  return site === undefined || site === 'same-origin';
}

/** The request's body as text, or undefined once it passes `limit` bytes. */
async function readForm(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the review page on 127.0.0.1 and resolves once it listens. */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const { content, port = 0, host = REVIEW_HOST } = options;
  if (host !== REVIEW_HOST)
    throw new ReviewServerError(
      `the review page listens on ${REVIEW_HOST} only, not ${host}: it accepts and rejects drafts, so no other machine may reach it`,
    );
  const token = randomBytes(32).toString('base64url');
  const tokenMatches = (given: string | null) => {
    const expected = Buffer.from(token);
    const actual = Buffer.from(given ?? '');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  const stylesheet = await readFile(new URL('./review/review.css', import.meta.url));
  const notices = new Map<string, ReviewNotice>();
  // Accepts and rejects run one at a time: two at once would each write the state they read.
  let changes: Promise<unknown> = Promise.resolve();
  let hosts = new Set<string>();
  let origins = new Set<string>();

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const address = new URL(request.url ?? '/', 'http://review.invalid');
    if (!hosts.has(String(request.headers.host).toLowerCase()))
      return send(response, 403, messagePage(strings.refused));
    if (request.method === 'GET' && address.pathname === STYLESHEET_PATH) {
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' });
      return response.end(stylesheet);
    }
    if (request.method === 'GET' && address.pathname === '/') {
      if (!tokenMatches(address.searchParams.get('token'))) return send(response, 403, messagePage(strings.refused));
      const notice = notices.get(address.searchParams.get('notice') ?? '');
      return send(response, 200, reviewPage(await listQueueWithText(content), token, notice));
    }
    const action = request.method === 'POST' ? ACTIONS[address.pathname] : undefined;
    if (!action) {
      const known = address.pathname === '/' || address.pathname in ACTIONS || address.pathname === STYLESHEET_PATH;
      return known
        ? send(response, 405, messagePage(strings.notAllowed), { Allow: address.pathname === '/' ? 'GET' : 'POST' })
        : send(response, 404, messagePage(strings.notFound));
    }
    // Checked before the body is read: a request from elsewhere is answered without a look at what it sent.
    if (!comesFrom(request.headers, origins)) return send(response, 403, messagePage(strings.refused));
    const form = await readForm(request, FORM_LIMIT_BYTES);
    if (form === undefined) return send(response, 413, messagePage(strings.tooLarge), { Connection: 'close' });
    const fields = new URLSearchParams(form);
    if (!tokenMatches(fields.get('token'))) return send(response, 403, messagePage(strings.refused));
    const refs = fields.getAll('draft');
    const done = changes.then(() => action(content, refs));
    changes = done.catch(() => undefined);
    const notice = await done;
    const id = randomBytes(8).toString('hex');
    notices.set(id, notice);
    for (const old of [...notices.keys()].slice(0, -NOTICES_KEPT)) notices.delete(old);
    response.writeHead(303, { ...SECURITY_HEADERS, Location: `/?token=${token}&notice=${id}` });
    response.end();
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else send(response, 500, messagePage(strings.failed(error instanceof Error ? error.message : String(error))));
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} of ${REVIEW_HOST} is in use (choose another with --port, or leave it out for a free one)`
          : error.code === 'EACCES'
            ? `port ${port} needs privileges this user lacks (choose one above 1023 with --port)`
            : error.message;
      failed(new ReviewServerError(`the review page cannot start: ${reason}`));
    });
    server.listen(port, REVIEW_HOST, listening);
  });
  const listening = (server.address() as AddressInfo).port;
  hosts = new Set([`${REVIEW_HOST}:${listening}`, `localhost:${listening}`]);
  origins = new Set([...hosts].map((name) => `http://${name}`));
  const origin = `http://${REVIEW_HOST}:${listening}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port: listening,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
