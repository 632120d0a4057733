/**
 * Fetching an article's photo: its address is untrusted, so nothing on this machine or its private
 * networks is reached unless DOSSIER_ALLOW_LOCAL_FETCH=1, which lets the tests serve photos here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPhoto } from '../../../src/import/fetchPhoto.ts';

describe('fetching a photo', () => {
  let port = 0;
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'image/jpeg' }).end('bytes');
  });
  beforeAll(async () => {
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('refuses an address on this machine without DOSSIER_ALLOW_LOCAL_FETCH, before any request', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/photo.jpg`,
      `http://localhost:${port}/photo.jpg`,
      `http://[::ffff:127.0.0.1]:${port}/photo.jpg`,
    ])
      await expect(fetchPhoto(url, { env: {} }), url).rejects.toThrow(
        /is on this machine or a private network, which is not fetched \(set DOSSIER_ALLOW_LOCAL_FETCH=1/,
      );
    expect(requests).toBe(0);
  });

  it('fetches from this machine with DOSSIER_ALLOW_LOCAL_FETCH=1', async () => {
    const bytes = await fetchPhoto(`http://127.0.0.1:${port}/photo.jpg`, { env: { DOSSIER_ALLOW_LOCAL_FETCH: '1' } });
    expect(Buffer.from(bytes).toString()).toBe('bytes');
  });

  it('refuses other schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/photo.jpg', 'data:image/png;base64,AAAA'])
      await expect(fetchPhoto(url, { env: {} }), url).rejects.toThrow(/only http and https/);
  });
});
