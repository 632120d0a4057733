import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { decodePhoto, keepPhotos, photoRetriesDue } from '../../../src/sync/photos.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

const jpegWithMetadata = () =>
  sharp({ create: { width: 64, height: 32, channels: 3, background: '#336699' } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Secret Camera Co' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 0/1' } })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
    .jpeg()
    .toBuffer();

/** A logger that keeps what it is told. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`WARN ${line}`) };
  return { lines, logger: logger as unknown as AstroIntegrationLogger };
}

describe('a photo decoded before it is kept', () => {
  it('keeps the pixels, upright, and none of the metadata', async () => {
    const original = await jpegWithMetadata();
    const metadata = await sharp(original).metadata();
    expect([metadata.orientation, Boolean(metadata.exif), Boolean(metadata.xmp)]).toEqual([6, true, true]);
    const photo = await decodePhoto(original);
    // Orientation 6: the camera was turned, so the photo stands upright at 32×64.
    expect([photo.width, photo.height, photo.extension]).toEqual([32, 64, 'jpg']);
    const kept = await sharp(photo.data).metadata();
    expect([kept.exif, kept.xmp, kept.orientation]).toEqual([undefined, undefined, undefined]);
    expect(photo.data.includes('Secret Camera Co')).toBe(false);
  });

  it('refuses what is not a photo: a web page, an SVG drawing, bytes cut short', async () => {
    await expect(decodePhoto(Buffer.from('<!doctype html><p>Gallery'))).rejects.toThrow(/not an image/);
    await expect(
      decodePhoto(
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        ),
      ),
    ).rejects.toThrow(/SVG, not a JPEG, PNG, WebP, AVIF or GIF photo/);
    const cut = (await jpegWithMetadata()).subarray(0, 200);
    await expect(decodePhoto(cut)).rejects.toThrow();
  });
});

describe('the photo cache', () => {
  it('fetches each address once, reports what it cannot keep and asks for it again only days later, and drops what no article wants any more', async () => {
    const directory = `${await makeTempFolder('photo-cache')}/`;
    const photo = await jpegWithMetadata();
    const fetched: string[] = [];
    const fetchPhoto = async (url: string) => {
      fetched.push(url);
      if (url.endsWith('gone.jpg')) throw new Error('could not be fetched: the server answered 404 Not Found');
      return photo;
    };
    const { lines, logger } = recordingLogger();
    const wanted = [
      { path: 'content/articles/a.md', url: 'https://images.example.org/a.jpg', credit: 'AFP' },
      { path: 'content/articles/b.md', url: 'https://images.example.org/a.jpg' },
      { path: 'content/articles/c.md', url: 'https://images.example.org/gone.jpg' },
    ];
    const kept = await keepPhotos(wanted, { directory, fetchPhoto, logger, today: '2026-12-07' });
    expect([...kept.keys()]).toEqual(['https://images.example.org/a.jpg']);
    expect(kept.get('https://images.example.org/a.jpg')?.credit).toBe('AFP');
    expect(fetched.sort()).toEqual(['https://images.example.org/a.jpg', 'https://images.example.org/gone.jpg']);
    expect(lines.filter((line) => line.startsWith('WARN'))).toEqual([
      'WARN content/articles/c.md: its photo https://images.example.org/gone.jpg is left out, it could not be fetched: the server answered 404 Not Found. The page is built without it.',
    ]);

    fetched.length = 0;
    lines.length = 0;
    await keepPhotos(wanted, { directory, fetchPhoto, logger, today: '2026-12-13' });
    expect(fetched).toEqual([]);
    expect(lines.filter((line) => line.startsWith('WARN'))).toEqual([
      'WARN 1 photo addresses that could not be fetched are left out again without asking, such as https://images.example.org/gone.jpg (content/articles/c.md: could not be fetched: the server answered 404 Not Found, 2026-12-07); each is tried again 7 days after it failed, or at once when the photo cache is emptied.',
    ]);
    // A build that day has something to do even when no file changed.
    expect(await photoRetriesDue(directory, '2026-12-13')).toBe(0);
    expect(await photoRetriesDue(directory, '2026-12-14')).toBe(1);
    await keepPhotos(wanted, { directory, fetchPhoto, logger, today: '2026-12-14' });
    expect(fetched).toEqual(['https://images.example.org/gone.jpg']);
    expect(await photoRetriesDue(directory, '2026-12-20')).toBe(0);

    fetched.length = 0;
    await keepPhotos(wanted.slice(0, 2), { directory, fetchPhoto, logger });
    expect(fetched).toEqual([]);

    await keepPhotos([], { directory, fetchPhoto, logger });
    expect(await readdir(directory)).toEqual(['photos.json']);
    expect(await photoRetriesDue(`${directory}none/`)).toBe(0);
  });
});
