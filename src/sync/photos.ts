/**
 * Articles' lead photos from outlets' sites, kept in the photo cache so the site serves them from
 * its own address (the security policy allows no other origin for images, and a third-party image
 * tracks readers and rots). Each address is fetched once, at the first build that needs it; the
 * bytes are decoded as an image before anything is kept, and what is kept is the decoded image
 * written anew, so no metadata of the original (EXIF, GPS, XMP) nor anything but pixels survives.
 * Pages serve it in several widths and formats through Astro's image pipeline.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import sharp, { type Metadata } from 'sharp';

/** Fetches a photo's bytes, refusing addresses it may not reach; throws an error saying why in words. */
export type PhotoFetcher = (url: string) => Promise<Uint8Array>;

/** A photo in the cache. */
export interface KeptPhoto {
  /** Where it was fetched from. */
  url: string;
  /** Its file in the photo cache. */
  file: string;
  width: number;
  height: number;
  /** Who took or owns it, as the article that first needed it credits it. */
  credit?: string | undefined;
}

/** An article's photo to keep: the article's file (for the build log), the address, the credit. */
export interface WantedPhoto {
  path: string;
  url: string;
  credit?: string | undefined;
}

/** What the cache holds, by address; only this module reads or writes it. */
const MANIFEST = 'photos.json';

/** Formats a news photo comes in; sharp reads AVIF (and HEIF) as `heif`. Anything else is refused. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'gif']);

/** Wider than any variant pages ask for (twice the text's width): the cache keeps no more pixels than that. */
const KEPT_WIDTH = 2048;

/** A larger image is refused before decoding: a 15 MB file can still claim billions of pixels. */
const MAX_PIXELS = 60_000_000;

/** Downloads at a time: enough to overlap slow servers, few enough not to hammer one outlet. */
const FETCHES_IN_FLIGHT = 6;

/**
 * Decodes `bytes` as a photo, upright (its EXIF orientation applied), at most `KEPT_WIDTH` wide, as
 * a JPEG (a PNG if it has transparency). sharp writes no metadata unless asked, so none is kept.
 */
export async function decodePhoto(
  bytes: Uint8Array,
): Promise<{ data: Buffer; width: number; height: number; extension: 'jpg' | 'png' }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new Error('what the server sent is not an image');
  }
  if (!PHOTO_FORMATS.has(metadata.format))
    throw new Error(
      `what the server sent is ${metadata.format.toUpperCase()}, not a JPEG, PNG, WebP, AVIF or GIF photo`,
    );
  const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: KEPT_WIDTH, withoutEnlargement: true });
  const extension = metadata.hasAlpha ? 'png' : 'jpg';
  try {
    const { data, info } = await (extension === 'png' ? image.png() : image.jpeg({ quality: 90 })).toBuffer({
      resolveWithObject: true,
    });
    return { data, width: info.width, height: info.height, extension };
  } catch (error) {
    throw new Error(`the image cannot be decoded (${(error as Error).message})`, { cause: error });
  }
}

/**
 * An address that could not be fetched or was no image, and the day it was tried: builds within
 * `RETRY_DAYS` of it leave the photo out without asking again, since outlets' photo addresses rot
 * and a dead one would otherwise cost every build its timeout.
 */
export interface FailedPhoto {
  url: string;
  failed: string;
  day: string;
}

/** Days before an address that failed is tried again. */
export const RETRY_DAYS = 7;

const isFailed = (entry: KeptPhoto | FailedPhoto): entry is FailedPhoto => 'failed' in entry;

/** A cache file's name, from its address alone. */
const fileStem = (url: string) => createHash('sha256').update(url).digest('base64url').slice(0, 32);

async function readManifest(directory: string): Promise<Map<string, KeptPhoto | FailedPhoto>> {
  try {
    const entries = JSON.parse(await readFile(join(directory, MANIFEST), 'utf8')) as (KeptPhoto | FailedPhoto)[];
    return new Map(entries.map((entry) => [entry.url, entry]));
  } catch {
    return new Map();
  }
}

/** The calendar day `days` after `day` (`YYYY-MM-DD`). */
const daysAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Today, as the photo cache dates a failed address: the calendar day in UTC. */
const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * How many addresses that failed are due to be asked for again: a build from then on may get their
 * photos, so it is not a build with nothing to do even when no file has changed.
 */
export async function photoRetriesDue(directory: string, today = utcToday()): Promise<number> {
  return [...(await readManifest(directory)).values()].filter(
    (entry) => isFailed(entry) && today >= daysAfter(entry.day, RETRY_DAYS),
  ).length;
}

/**
 * Makes sure every wanted photo is in the cache at `directory`: a photo kept by an earlier build is
 * not fetched again; a photo that cannot be fetched or is no image is reported (the article's file,
 * the address, why) and left out, so its page shows the caption and credit without it, and is not
 * asked for again for `RETRY_DAYS`. Photos no article wants any more leave the cache. Returns the
 * kept photos by address.
 */
export async function keepPhotos(
  wanted: readonly WantedPhoto[],
  options: { directory: string; fetchPhoto: PhotoFetcher; logger: AstroIntegrationLogger; today?: string },
): Promise<Map<string, KeptPhoto>> {
  const { directory, fetchPhoto, logger } = options;
  const today = options.today ?? utcToday();
  const manifest = await readManifest(directory);
  const byUrl = new Map<string, WantedPhoto[]>();
  for (const photo of wanted) byUrl.set(photo.url, [...(byUrl.get(photo.url) ?? []), photo]);
  const failedRecently = new Map(
    [...manifest.values()]
      .filter((entry): entry is FailedPhoto => isFailed(entry) && byUrl.has(entry.url))
      .filter((entry) => today < daysAfter(entry.day, RETRY_DAYS))
      .map((entry) => [entry.url, entry]),
  );
  const missing = [...byUrl.keys()].filter((url) => {
    const entry = manifest.get(url);
    return entry === undefined || (isFailed(entry) && !failedRecently.has(url));
  });
  const kept = new Map(
    [...manifest].filter((entry): entry is [string, KeptPhoto] => !isFailed(entry[1]) && byUrl.has(entry[0])),
  );
  const failed = new Map(failedRecently);
  if (failedRecently.size > 0) {
    const [first] = failedRecently.values();
    logger.warn(
      `${failedRecently.size} photo addresses that could not be fetched are left out again without asking, such as ${first!.url} (${byUrl.get(first!.url)![0]!.path}: ${first!.failed}, ${first!.day}); each is tried again ${RETRY_DAYS} days after it failed, or at once when the photo cache is emptied.`,
    );
  }

  if (missing.length > 0) {
    await mkdir(directory, { recursive: true });
    const started = performance.now();
    let next = 0;
    let newlyKept = 0;
    const lane = async () => {
      while (next < missing.length) {
        const url = missing[next++]!;
        const articles = byUrl.get(url)!;
        try {
          const photo = await decodePhoto(await fetchPhoto(url));
          const file = `${fileStem(url)}.${photo.extension}`;
          await writeFile(join(directory, file), photo.data);
          kept.set(url, { url, file, width: photo.width, height: photo.height, credit: articles[0]!.credit });
          newlyKept++;
        } catch (error) {
          failed.set(url, { url, failed: (error as Error).message, day: today });
          for (const { path } of articles)
            logger.warn(
              `${path}: its photo ${url} is left out, ${(error as Error).message.replace(/^could not be fetched: /, 'it could not be fetched: ')}. The page is built without it.`,
            );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(FETCHES_IN_FLIGHT, missing.length) }, lane));
    const milliseconds = performance.now() - started;
    logger.info(
      `Photos: ${newlyKept} of ${missing.length} new addresses kept in ${Math.round(milliseconds)} ms (${Math.round(milliseconds / missing.length)} ms an address, ${FETCHES_IN_FLIGHT} at a time)`,
    );
  }

  if (missing.length > 0 || kept.size + failed.size !== manifest.size) {
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `${MANIFEST}.${process.pid}`);
    await writeFile(temporary, JSON.stringify([...kept.values(), ...failed.values()]));
    await rename(temporary, join(directory, MANIFEST));
    const files = new Set([MANIFEST, ...[...kept.values()].map((photo) => photo.file)]);
    for (const name of await readdir(directory))
      if (!files.has(name) && !name.startsWith(`${MANIFEST}.`)) await rm(join(directory, name), { force: true });
  }
  return kept;
}
