/**
 * The importer's HTTP client, shared by `npm run import <url>` and by `npm run follow`, which polls
 * outlets' feeds unattended and so must be a good citizen: conditional requests, a User-Agent that
 * says who asks, Retry-After honoured, bounded time, size and redirects.
 *
 * Built on `node:http`/`node:https` and `node:zlib` rather than the global `fetch`, because fetch
 * has one signal for the whole exchange (a connect timeout needs undici's Agent, a package), and it
 * decompresses out of sight: no count of the bytes on the wire (a 304's cost, which a poll reports)
 * and a Content-Length that no longer matches what is read. Redirects are followed by hand either
 * way, to refuse other schemes and loops in words.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import packageJson from '../../package.json' with { type: 'json' };
import { LocalAddressError, publicLookup, refuseLocalHost } from '../lib/publicAddresses.ts';
import { ImportError } from './importError.ts';

export interface FetchRequest {
  url: string;
  /** Validators of the last answer: sent as If-None-Match / If-Modified-Since. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Seconds to connect (name lookup and TLS included), and for the whole answer, redirects included. */
  connectTimeoutSeconds?: number | undefined;
  timeoutSeconds?: number | undefined;
  /** The most bytes read, after decompression; a larger Content-Length is refused before reading. */
  maxBytes?: number | undefined;
  /** At most this many redirects, to http and https addresses only. */
  maxRedirects?: number | undefined;
  /** The User-Agent: Dossier's name and the digest's address (see `dossierUserAgent`). */
  userAgent?: string | undefined;
  /** How long a 429/503 answer's Retry-After may make the client wait and try once more (0: report it instead). */
  maxRetryWaitSeconds?: number | undefined;
  /**
   * Connect to public addresses only, at every redirect: never this machine nor its private or
   * link-local networks (see `publicAddresses.ts`). For addresses no editor chose, such as a photo's.
   */
  publicOnly?: boolean | undefined;
  /** The media types asked for (the `Accept` header); feeds and web pages unless told otherwise. */
  accept?: string | undefined;
}

/** What a request costs: requests sent (redirects and a retry each count) and bytes received, headers included. */
export interface FetchCost {
  requests: number;
  receivedBytes: number;
}

/** A feed or a web page as the web server sent it, decompressed. */
export interface FetchedInput extends FetchCost {
  status: 'fetched';
  /** Where the document ended up after redirects: the base of its relative addresses. */
  url: string;
  bytes: Uint8Array;
  /** The charset of the `Content-Type` header, which outranks the document's own declaration. */
  charset?: string | undefined;
  /** The media type of the `Content-Type` header, lower-cased, without its parameters. */
  contentType?: string | undefined;
  /** Validators to send with the next request for the same address. */
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** The server's 304: nothing changed since the validators the request sent. */
export interface UnchangedInput extends FetchCost {
  status: 'not-modified';
  url: string;
}

export type FetchAnswer = FetchedInput | UnchangedInput;

/** What following a feed allows a server unless the source says otherwise: 20 s, 10 MB, 5 redirects. */
export const FOLLOW_LIMITS = {
  connectTimeoutSeconds: 20,
  timeoutSeconds: 20,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  maxRetryWaitSeconds: 0,
} as const satisfies FetchRequestLimits;

/**
 * What `npm run import <url>` allows: an editor waits at the terminal for a web page, which may
 * carry much more than a feed. Anything larger is a mistake or an attack, and is not read into memory.
 */
const IMPORT_LIMITS = {
  connectTimeoutSeconds: 30,
  timeoutSeconds: 30,
  maxBytes: 100 * 1024 * 1024,
  maxRedirects: 5,
  maxRetryWaitSeconds: 0,
} as const satisfies FetchRequestLimits;

type FetchRequestLimits = Required<
  Pick<FetchRequest, 'connectTimeoutSeconds' | 'timeoutSeconds' | 'maxBytes' | 'maxRedirects' | 'maxRetryWaitSeconds'>
>;

/** `Dossier/0.1.0 (+https://example.org/digest/)`: who asks, and where a publisher can see what for. */
export function dossierUserAgent(digestAddress?: string): string {
  const name = `Dossier/${packageJson.version}`;
  return digestAddress ? `${name} (+${digestAddress})` : name;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, application/xhtml+xml;q=0.7, */*;q=0.1';

/** The encodings this client decompresses, the ones it offers (gzip, deflate, br) and an old alias. */
const DECOMPRESSORS: Record<string, (first: Buffer) => Transform> = {
  // Servers that cut a stream's trailer are read as browsers read them (undici does the same).
  gzip: () => createGunzip({ finishFlush: constants.Z_SYNC_FLUSH }),
  'x-gzip': () => createGunzip({ finishFlush: constants.Z_SYNC_FLUSH }),
  // "deflate" is meant with its zlib header, but some servers send raw deflate: the header's first byte tells.
  deflate: (first) =>
    (first[0]! & 0x0f) === 0x08
      ? createInflate({ finishFlush: constants.Z_SYNC_FLUSH })
      : createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH }),
  br: () => createBrotliDecompress(),
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The answers whose Retry-After says when to come back. */
const BUSY = new Set([429, 503]);

const MB = 1024 * 1024;

function sizeInWords(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function secondsInWords(seconds: number): string {
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function moment(time: number): string {
  return new Date(time)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

const unreachable = (what: string) => new ImportError(`could not be fetched: ${what}`);
const cutShort = (what: string) => new ImportError(`could not be fetched completely: ${what}`);

/** System errors in words; the code stays in the message for whoever searches it. */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name is not known',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  EPIPE: 'the connection was closed',
};

function networkFault(error: NodeJS.ErrnoException): ImportError {
  if (error instanceof LocalAddressError) return unreachable(error.message);
  const code = error.code ?? error.message;
  // Node's "socket hang up": the server closed the connection, no system call failed.
  const words =
    code === 'ECONNRESET' && !error.syscall
      ? 'the server closed the connection without answering'
      : (NETWORK_ERRORS[code] ?? (/CERT|TLS|SSL/.test(code) ? 'its certificate is not valid' : 'the request failed'));
  return unreachable(`${words} (${code}; check the address and the connection)`);
}

function statusLine(status: number, statusText: string | undefined): string {
  return `${status} ${statusText || STATUS_CODES[status] || ''}`.trim();
}

function httpFault(status: number, statusText: string | undefined): ImportError {
  const advice =
    status === 410
      ? 'it was removed for good: find its new address'
      : status === 401 || status === 403
        ? 'the server refuses access: check the address, or ask the outlet'
        : status === 429
          ? 'too many requests: try again later'
          : status >= 500
            ? "a fault on the server's side: try again later"
            : 'check the address';
  return unreachable(`the server answered ${statusLine(status, statusText)} (${advice})`);
}

/** When a 429 or 503 answer asks to come back: `Retry-After` in seconds or as an HTTP date. */
function retryTime(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return now + Number(value) * 1000;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.max(time, now);
}

function webAddress(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw unreachable(`"${address}" is not a web address (write it as https://…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw unreachable(
      base
        ? `the server redirected to a ${url.protocol} address, ${url.href} (only http and https are followed: check the address)`
        : `only http and https addresses can be, not ${url.protocol} (use the http or https address)`,
    );
  }
  url.hash = '';
  return url;
}

/** One request and its answer; the body is read only for a 2xx answer, which is the only one used. */
interface Exchange {
  status: number;
  statusText: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
}

interface ExchangeLimits {
  connectTimeoutSeconds: number;
  timeoutSeconds: number;
  /** When the whole answer must be in, for every hop of the redirects. */
  deadline: number;
  maxBytes: number;
}

function exchange(
  url: URL,
  headers: Record<string, string>,
  limits: ExchangeLimits,
  cost: FetchCost,
  publicOnly: boolean,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    // One connection per request: a hop to another host, a timeout or a refusal closes it, and its
    // bytesRead is this request's alone. A public-only request connects to the addresses its lookup checked.
    const outgoing = (https ? httpsRequest : httpRequest)(url, {
      headers,
      agent: false,
      ...(publicOnly && { lookup: publicLookup }),
    });
    cost.requests += 1;
    let socket: Socket | undefined;
    let response: IncomingMessage | undefined;
    let decompressor: Transform | undefined;
    let reset = false;
    let settled = false;
    /** Body bytes as sent, and as read once decompressed. */
    let sent = 0;
    let read = 0;
    const chunks: Buffer[] = [];

    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      decompressor?.destroy();
      outgoing.destroy();
      cost.receivedBytes += socket?.bytesRead ?? 0;
      outcome();
    };
    const fail = (error: ImportError) => settle(() => reject(error));

    const connectTimer = setTimeout(
      () =>
        fail(
          unreachable(
            `no connection within ${secondsInWords(limits.connectTimeoutSeconds)} (check the address and the connection, or try again later)`,
          ),
        ),
      limits.connectTimeoutSeconds * 1000,
    );
    const answerTimer = setTimeout(
      () =>
        fail(
          response
            ? cutShort(
                `the answer was not complete within ${secondsInWords(limits.timeoutSeconds)}, ${sizeInWords(sent)} received (the server is slow: try again later)`,
              )
            : unreachable(
                `no answer within ${secondsInWords(limits.timeoutSeconds)} (the server is slow or down: try again later)`,
              ),
        ),
      Math.max(0, limits.deadline - Date.now()),
    );

    const tooLarge = (afterDecompression: boolean) =>
      fail(
        unreachable(
          `the answer is larger than ${sizeInWords(limits.maxBytes)}${afterDecompression ? ' once decompressed' : ''}, more than a news feed or page holds (download it and check what it is)`,
        ),
      );

    // A reset comes from the socket (its read failed); the answer's own "aborted" error also says ECONNRESET.
    const noteReset = (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' && error.syscall) reset = true;
    };
    /** The connection ended before the answer did. */
    const lost = () => {
      const declared = Number(response?.headers['content-length']);
      fail(
        cutShort(
          reset
            ? `the connection was reset after ${sizeInWords(sent)} of the answer (try again later)`
            : Number.isSafeInteger(declared) && declared > sent
              ? `the connection closed after ${sent} of the ${declared} bytes the server announced (try again later)`
              : `the connection closed after ${sizeInWords(sent)}, before the answer ended (try again later)`,
        ),
      );
    };

    const keep = (chunk: Buffer) => {
      read += chunk.byteLength;
      if (read > limits.maxBytes) return tooLarge(decompressor !== undefined);
      chunks.push(chunk);
    };
    const finish = () =>
      settle(() =>
        resolve({
          status: response!.statusCode!,
          statusText: response!.statusMessage,
          headers: response!.headers,
          body: Buffer.concat(chunks, read),
        }),
      );

    outgoing.on('socket', (opened: Socket) => {
      socket = opened;
      opened.on('error', noteReset);
      if (opened.connecting) opened.once(https ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      else clearTimeout(connectTimer);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!response) return fail(networkFault(error));
      noteReset(error);
      lost();
    });

    outgoing.on('response', (answer: IncomingMessage) => {
      response = answer;
      const status = answer.statusCode!;
      answer.on('error', lost);
      answer.on('close', () => answer.complete || lost());
      if (status < 200 || status > 299) {
        settle(() => resolve({ status, statusText: answer.statusMessage, headers: answer.headers, body: undefined }));
        return;
      }
      if (Number(answer.headers['content-length']) > limits.maxBytes) return tooLarge(false);
      const encoding = answer.headers['content-encoding']?.trim().toLowerCase() || 'identity';
      const decompress = DECOMPRESSORS[encoding];
      if (encoding !== 'identity' && !decompress) {
        return fail(
          unreachable(
            `the answer is compressed as "${encoding}", which cannot be read here (only gzip, deflate and br; ask the outlet)`,
          ),
        );
      }
      answer.on('data', (chunk: Buffer) => {
        if (settled) return;
        sent += chunk.byteLength;
        if (!decompress) return keep(chunk);
        if (!decompressor) {
          decompressor = decompress(chunk);
          decompressor.on('data', keep);
          decompressor.on('end', finish);
          decompressor.on('error', (error) =>
            fail(
              unreachable(
                `the ${encoding}-compressed answer is corrupt (${error.message}; try again later, or ask the outlet)`,
              ),
            ),
          );
        }
        if (!decompressor.write(chunk)) {
          answer.pause();
          decompressor.once('drain', () => answer.resume());
        }
      });
      answer.on('end', () => (decompressor ? decompressor.end() : finish()));
    });
    outgoing.end();
  });
}

/**
 * Downloads a feed or a web page and says in words why when it cannot. A string is the importer's
 * request (30 s, 100 MB, no validators, so never "not modified"); a `FetchRequest` defaults to
 * `FOLLOW_LIMITS`. Redirects are followed by hand: at most `maxRedirects`, to http and https only,
 * never in a loop. A 429 or 503 whose Retry-After is within `maxRetryWaitSeconds` is waited for
 * and tried once more. Every fault throws an `ImportError`.
 */
export function fetchInput(request: string): Promise<FetchedInput>;
export function fetchInput(request: FetchRequest | string): Promise<FetchAnswer>;
export async function fetchInput(request: FetchRequest | string): Promise<FetchAnswer> {
  const asked: FetchRequest = typeof request === 'string' ? { url: request, ...IMPORT_LIMITS } : request;
  const connectTimeoutSeconds = asked.connectTimeoutSeconds ?? FOLLOW_LIMITS.connectTimeoutSeconds;
  const timeoutSeconds = asked.timeoutSeconds ?? FOLLOW_LIMITS.timeoutSeconds;
  const maxBytes = asked.maxBytes ?? FOLLOW_LIMITS.maxBytes;
  const maxRedirects = asked.maxRedirects ?? FOLLOW_LIMITS.maxRedirects;
  const maxRetryWaitSeconds = asked.maxRetryWaitSeconds ?? FOLLOW_LIMITS.maxRetryWaitSeconds;
  const conditional = Boolean(asked.etag || asked.lastModified);
  const headers: Record<string, string> = {
    accept: asked.accept ?? ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': asked.userAgent ?? dossierUserAgent(),
    ...(asked.etag ? { 'if-none-match': asked.etag } : {}),
    ...(asked.lastModified ? { 'if-modified-since': asked.lastModified } : {}),
  };

  const cost: FetchCost = { requests: 0, receivedBytes: 0 };
  let url = webAddress(asked.url);
  /** The addresses asked, in order: the start and each redirect. */
  const visited = [url.href];
  let deadline = Date.now() + timeoutSeconds * 1000;
  let retried = false;
  for (;;) {
    if (asked.publicOnly) {
      try {
        refuseLocalHost(url);
      } catch (error) {
        throw networkFault(error as LocalAddressError);
      }
    }
    const answer = await exchange(
      url,
      headers,
      { connectTimeoutSeconds, timeoutSeconds, deadline, maxBytes },
      cost,
      asked.publicOnly ?? false,
    );
    const { status, statusText } = answer;
    if (REDIRECTS.has(status)) {
      const location = answer.headers.location;
      if (!location) {
        throw unreachable(
          `the server answered ${statusLine(status, statusText)} without saying where to (check the address)`,
        );
      }
      const next = webAddress(location, url);
      if (visited.includes(next.href)) {
        throw unreachable(`the redirects go round in a loop through ${next.href} (check the address in a browser)`);
      }
      if (visited.length > maxRedirects) {
        throw unreachable(
          `more than ${maxRedirects} redirects, the last to ${next.href} (use the address where they lead)`,
        );
      }
      visited.push(next.href);
      url = next;
      continue;
    }
    if (status === 304) {
      if (!conditional)
        throw unreachable('the server answered 304 Not Modified to a request for the whole answer (try again)');
      return { status: 'not-modified', url: url.href, ...cost };
    }
    if (BUSY.has(status)) {
      const now = Date.now();
      const until = retryTime(answer.headers['retry-after'], now);
      if (until === undefined) throw httpFault(status, statusText);
      if (!retried && until - now <= maxRetryWaitSeconds * 1000) {
        await sleep(until - now);
        retried = true;
        deadline = Date.now() + timeoutSeconds * 1000;
        continue;
      }
      throw unreachable(
        `the server answered ${statusLine(status, statusText)}${retried ? ' again' : ''} and asks to wait until ${moment(until)} (try again after then)`,
      );
    }
    if (status < 200 || status > 299) throw httpFault(status, statusText);
    const contentType = answer.headers['content-type'];
    return {
      status: 'fetched',
      url: url.href,
      bytes: answer.body!,
      charset: /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1],
      contentType: contentType?.split(';')[0]!.trim().toLowerCase() || undefined,
      etag: answer.headers.etag,
      lastModified: answer.headers['last-modified'],
      ...cost,
    };
  }
}
