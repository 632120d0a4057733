import { ImportError } from './importError.ts';

/** A feed or a web page as the web server sent it. */
export interface FetchedInput {
  bytes: Uint8Array;
  /** The charset of the `Content-Type` header, which outranks the document's own declaration. */
  charset?: string | undefined;
  /** Where the document ended up after redirects: the base of its relative addresses. */
  url: string;
}

/** No news feed is this large; a larger answer is a mistake or an attack, and is not read into memory. */
const LARGEST_FEED_BYTES = 100 * 1024 * 1024;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, application/xhtml+xml;q=0.7, */*;q=0.1';

function whyUnreachable(error: unknown, timeoutSeconds: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutSeconds} seconds`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function readLimited(response: Response): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > LARGEST_FEED_BYTES)
      throw new ImportError(
        `is larger than ${LARGEST_FEED_BYTES / 1024 / 1024} MB, too large for a news feed (download it and check what it is)`,
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Downloads a feed or a web page, following redirects, and says in words why when it cannot. */
export async function fetchInput(url: string, timeoutSeconds = 30): Promise<FetchedInput> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: ACCEPT }, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  } catch (error) {
    throw new ImportError(
      `could not be fetched: ${whyUnreachable(error, timeoutSeconds)} (check the address and the connection)`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ImportError(
      `could not be fetched: the server answered ${response.status} ${response.statusText} (check the address)`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(response);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`could not be fetched completely: ${whyUnreachable(error, timeoutSeconds)} (try again)`);
  }
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  return { bytes, charset, url: response.url || url };
}
