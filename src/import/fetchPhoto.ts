/**
 * Downloads an article's lead photo. Its address came from an outlet's feed or page, so it is
 * untrusted: only http and https, public addresses only (checked again at every redirect, unless
 * `DOSSIER_ALLOW_LOCAL_FETCH=1`, which the tests set to serve photos on 127.0.0.1), a few redirects
 * and a size cap. What it returns is bytes only: the content sync decodes them as an image before
 * keeping anything.
 */
import { dossierUserAgent, fetchInput } from './fetchInput.ts';

/** The environment variable that lets photos be fetched from this machine and private networks. */
export const ALLOW_LOCAL_FETCH = 'DOSSIER_ALLOW_LOCAL_FETCH';

/** A news photo is well under a few MB; 15 MB leaves room for an outlet's original and refuses anything else. */
export const PHOTO_LIMITS = {
  connectTimeoutSeconds: 20,
  timeoutSeconds: 30,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 3,
  maxRetryWaitSeconds: 0,
} as const;

const ACCEPT = 'image/avif, image/webp, image/jpeg, image/png, image/gif;q=0.8, image/*;q=0.5';

/**
 * The photo at `url`, as the server sent it (decompressed). Throws an `ImportError` saying why in
 * words when it cannot be fetched. `digestAddress` names the digest in the User-Agent.
 */
export async function fetchPhoto(
  url: string,
  options: { digestAddress?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): Promise<Uint8Array> {
  const env = options.env ?? process.env;
  const answer = await fetchInput({
    url,
    ...PHOTO_LIMITS,
    accept: ACCEPT,
    userAgent: dossierUserAgent(options.digestAddress),
    publicOnly: env[ALLOW_LOCAL_FETCH] !== '1',
  });
  // No validators are sent, so the answer is never "not modified".
  return answer.status === 'fetched' ? answer.bytes : new Uint8Array();
}
