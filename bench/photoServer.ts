/**
 * Outlets' photo servers, on 127.0.0.1: each `.jpg` address is answered with a photo of its own
 * (1,600×1,067, about half a megabyte, like a news photo; each different, as Astro's image
 * pipeline would make the sizes of identical photos once), so the bench measures what fetching,
 * decoding and making photos' sizes cost without the network. Photos are made before the builds
 * (`prepare`) and kept on disk. Builds fetch from it with `DOSSIER_ALLOW_LOCAL_FETCH=1`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';

export interface PhotoServer {
  origin: string;
  /** Makes the photos of these addresses ahead of the builds. */
  prepare: (urls: readonly string[]) => Promise<void>;
  /** Photos served so far. */
  served: () => number;
  close: () => Promise<void>;
}

/** A photo-like JPEG: smooth random noise in colour, which compresses about as a photograph does. */
function makePhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 400,
      height: 267,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .resize(1600, 1067, { kernel: 'cubic' })
    .blur(1.2)
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Serves photos made into `folder`. */
export async function startPhotoServer(folder: string): Promise<PhotoServer> {
  await mkdir(folder, { recursive: true });
  const fileOf = (path: string) => join(folder, `${createHash('sha256').update(path).digest('hex').slice(0, 24)}.jpg`);
  const made = new Map<string, Promise<void>>();
  const photoAt = (path: string) => {
    let photo = made.get(path);
    if (!photo) {
      photo = makePhoto().then((bytes) => writeFile(fileOf(path), bytes));
      made.set(path, photo);
    }
    return photo;
  };
  let served = 0;
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    if (!path.endsWith('.jpg')) {
      response.writeHead(404).end();
      return;
    }
    photoAt(path)
      .then(() => readFile(fileOf(path)))
      .then(
        (bytes) => {
          served++;
          response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': bytes.length }).end(bytes);
        },
        () => response.writeHead(500).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the photo server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    async prepare(urls) {
      // A few at a time: sharp works on every core anyway.
      for (let at = 0; at < urls.length; at += 4)
        await Promise.all(urls.slice(at, at + 4).map((url) => photoAt(url.slice(origin.length))));
    },
    served: () => served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
