/**
 * A digest whose articles' lead photos are on outlets' sites, served here by a server on 127.0.0.1
 * (the build runs with DOSSIER_ALLOW_LOCAL_FETCH=1): each photo is fetched once, kept without its
 * metadata, and served from the site in the widths and formats its `srcset` lists; a photo that
 * cannot be kept is reported and its page built without it.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { readPage } from '../support/siteFiles.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/sites/photos');
/** The address the fixture's articles give their photos, replaced by the test server's. */
const FIXTURE_ORIGIN = 'http://127.0.0.1:1';

/** A 1600×1000 JPEG photo with EXIF (the camera, the place by GPS) and XMP, as outlets' originals often carry. */
async function photoWithMetadata(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 30, g: 90, b: 140 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><circle cx="800" cy="500" r="300" fill="#f4c542"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'Secret Camera Co', Artist: 'Ana Lima' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 0/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ana Lima, secret location</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

/** A 300×120 PNG logo with transparency. */
function logo(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 60, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

interface PhotoServer {
  origin: string;
  /** Requests by path since the server started. */
  requests: Map<string, number>;
  close: () => Promise<void>;
}

async function servePhotos(): Promise<PhotoServer> {
  const photo = await photoWithMetadata();
  const png = await logo();
  const requests = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    response.on('error', () => undefined);
    switch (path) {
      case '/photos/harbour.jpg':
        return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
      case '/redirect/logo':
        return response.writeHead(302, { location: '/photos/logo.png' }).end();
      case '/photos/logo.png':
        return response.writeHead(200, { 'content-type': 'image/png' }).end(png);
      case '/photos/page.jpg':
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Not a photo</title><p>A photo gallery');
      case '/photos/huge.jpg': {
        // 16 MB, sent without a Content-Length so the client must count what it reads.
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        const chunk = Buffer.alloc(1024 * 1024);
        let sent = 0;
        const more = () => {
          while (sent < 16 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) return void response.once('drain', more);
          }
          response.end();
        };
        return more();
      }
      default:
        return response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/** A copy of the fixture whose photo addresses point at `origin`. */
async function fixtureServedFrom(origin: string): Promise<string> {
  const folder = join(await makeTempFolder('photos'), 'content');
  await cp(FIXTURE, folder, { recursive: true });
  const articles = join(folder, 'articles');
  for (const name of await readdir(articles)) {
    const file = join(articles, name);
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(FIXTURE_ORIGIN, origin));
  }
  return folder;
}

/** A `srcset`'s candidates: each file's site path and the width it claims. */
function candidates(srcset: string): { path: string; width: number }[] {
  return srcset.split(',').map((candidate) => {
    const [path, descriptor] = candidate.trim().split(/\s+/);
    expect(descriptor, candidate).toMatch(/^\d+w$/);
    return { path: path!, width: Number(descriptor!.slice(0, -1)) };
  });
}

const FORMATS: Record<string, string> = {
  'image/avif': 'heif',
  'image/webp': 'webp',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

describe('a digest whose photos are on outlets’ sites', () => {
  let server: PhotoServer;
  let content: string;
  let build: BuildResult;
  let requestsAfterFirstBuild: Map<string, number>;
  beforeAll(async () => {
    server = await servePhotos();
    content = await fixtureServedFrom(server.origin);
    build = await buildSite({ content, env: { DOSSIER_ALLOW_LOCAL_FETCH: '1' } });
    expect(build.exitCode, build.output).toBe(0);
    requestsAfterFirstBuild = new Map(server.requests);
  });
  afterAll(() => server?.close());

  /** The site's file at a site path (the fixture is served at the root). */
  const siteFile = (path: string) => join(build.outDir, decodeURIComponent(path));

  it('serves a photo from the site in every width and format its srcset lists, each file at the width it claims', async () => {
    const $ = await readPage(build.outDir, '/articles/harbour/');
    const picture = $('figure.article-image picture');
    expect(picture.length).toBe(1);
    const sources = picture.find('source');
    expect(sources.map((_, source) => $(source).attr('type')).get()).toEqual(['image/avif', 'image/webp']);
    const img = picture.find('img');
    expect(img.attr('alt')).toBe('Fishing boats moored in a harbour at dawn');
    // The photo's own size: its shape, so the page keeps the photo's room before it loads.
    expect(Number(img.attr('width'))).toBe(1600);
    expect(Number(img.attr('height'))).toBe(1000);
    expect(img.attr('sizes')).toBeTruthy();
    expect(img.attr('src')).toMatch(/^\/_astro\/[^/]+\.jpg$/);
    const sets = [
      ...sources.map((_, source) => ({ type: $(source).attr('type')!, srcset: $(source).attr('srcset')! })).get(),
      { type: 'image/jpeg', srcset: img.attr('srcset')! },
    ];
    for (const { type, srcset } of sets) {
      const listed = candidates(srcset);
      expect(listed.map((candidate) => candidate.width)).toEqual([400, 672, 1008, 1344]);
      for (const { path, width } of listed) {
        expect(path, 'a site path, not another origin').toMatch(/^\/_astro\//);
        const metadata = await sharp(await readFile(siteFile(path))).metadata();
        expect(metadata.format, path).toBe(FORMATS[type]);
        expect(metadata.width, path).toBe(width);
        expect(metadata.height, path).toBe(Math.round((width * 1000) / 1600));
      }
    }
    expect($('figure.article-image figcaption').text()).toContain('Ana Lima/Coast Herald');
  });

  it('keeps none of the original’s metadata: no EXIF, GPS or XMP in any file served', async () => {
    const original = await sharp(await photoWithMetadata()).metadata();
    expect(original.exif, 'the served original carries EXIF').toBeDefined();
    expect(original.xmp, 'the served original carries XMP').toBeDefined();
    const $ = await readPage(build.outDir, '/articles/harbour/');
    const paths = $('figure.article-image picture')
      .find('source, img')
      .map((_, element) => candidates($(element).attr('srcset')!).map((candidate) => candidate.path))
      .get() as string[];
    const files = [...new Set([...paths, $('figure.article-image img').attr('src')!])];
    expect(files.length).toBeGreaterThan(8);
    for (const path of files) {
      const bytes = await readFile(siteFile(path));
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif, path).toBeUndefined();
      expect(metadata.xmp, path).toBeUndefined();
      expect(bytes.includes('Secret Camera Co'), path).toBe(false);
      expect(bytes.includes('secret location'), path).toBe(false);
    }
    const cached = join(build.cacheDir, 'dossier-photos');
    for (const name of (await readdir(cached)).filter((file) => !file.endsWith('.json'))) {
      const metadata = await sharp(await readFile(join(cached, name))).metadata();
      expect(metadata.exif, name).toBeUndefined();
      expect(metadata.xmp, name).toBeUndefined();
    }
  });

  it('never enlarges a photo: a narrow one is served at its own width, in its format with transparency', async () => {
    const $ = await readPage(build.outDir, '/articles/logo/');
    const img = $('figure.article-image picture img');
    expect(Number(img.attr('width'))).toBe(300);
    expect(Number(img.attr('height'))).toBe(120);
    const listed = candidates(img.attr('srcset')!);
    expect(listed.map((candidate) => candidate.width)).toEqual([300]);
    const metadata = await sharp(await readFile(siteFile(listed[0]!.path))).metadata();
    expect([metadata.format, metadata.width, metadata.hasAlpha]).toEqual(['png', 300, true]);
  });

  it('names the site’s own copy in the structured data, and uses only site paths for images', async () => {
    for (const slug of ['harbour', 'logo']) {
      const $ = await readPage(build.outDir, `/articles/${slug}/`);
      const data = JSON.parse($('script[type="application/ld+json"]').text()) as { image?: string };
      expect(data.image).toMatch(/^https:\/\/photos\.example\.org\/_astro\/[^/]+\.(jpg|png)$/);
      expect(await existsInSite(new URL(data.image!).pathname)).toBe(true);
      const addresses = $('img, source')
        .map((_, element) => [$(element).attr('src'), $(element).attr('srcset')])
        .get()
        .filter(Boolean)
        .join(' ');
      expect(addresses).not.toContain('127.0.0.1');
      expect(addresses).not.toContain('http');
    }
  });

  const existsInSite = (path: string) =>
    readFile(siteFile(path)).then(
      () => true,
      () => false,
    );

  it('reports a photo it cannot keep, naming the article and the address, and builds the page without it', async () => {
    const refused = {
      '2020-03-04-gone': ['/photos/gone.jpg', /404 Not Found/],
      '2020-03-05-page': ['/photos/page.jpg', /not an image/],
      '2020-03-06-huge': ['/photos/huge.jpg', /larger than 15 MB/],
    } as const;
    for (const [file, [path, reason]] of Object.entries(refused)) {
      const line = build.output.split('\n').find((text) => text.includes(`/articles/${file}.md:`));
      const slug = file.slice('2020-03-0x-'.length);
      expect(line, `${file} is reported`).toBeDefined();
      expect(line).toContain(`${server.origin}${path}`);
      expect(line).toMatch(reason);
      const $ = await readPage(build.outDir, `/articles/${slug}/`);
      expect($('figure.article-image picture, figure.article-image img').length).toBe(0);
      expect($('figure.article-image .image-note').text()).toBeTruthy();
      expect($('figure.article-image figcaption').text()).toContain('Coast Herald');
    }
    const $ = await readPage(build.outDir, '/articles/caption-only/');
    expect($('figure.article-image .image-note').text()).toContain('Nets drying on the quay');
  });

  it('fetches a photo once, for every article showing it', () => {
    expect(requestsAfterFirstBuild.get('/photos/harbour.jpg')).toBe(1);
    expect(requestsAfterFirstBuild.get('/redirect/logo')).toBe(1);
    expect(requestsAfterFirstBuild.get('/photos/logo.png')).toBe(1);
  });

  it('passes the Nu Html Checker with no allowed warning about images', async () => {
    const report = await checkWithNu(build.outDir);
    expect(report.problems).toEqual([]);
    expect([...report.allowed.keys()].filter((message) => message.includes('img-src'))).toEqual([]);
  });

  describe('rebuilt on the same cache', () => {
    let rebuild: BuildResult;
    beforeAll(async () => {
      rebuild = await buildSite({
        content,
        outDir: build.outDir,
        cacheDir: build.cacheDir,
        env: { DOSSIER_ALLOW_LOCAL_FETCH: '1' },
      });
      expect(rebuild.exitCode, rebuild.output).toBe(0);
    });

    it('fetches no kept photo again, and still serves every file its pages list', async () => {
      for (const path of ['/photos/harbour.jpg', '/redirect/logo', '/photos/logo.png'])
        expect(server.requests.get(path), path).toBe(requestsAfterFirstBuild.get(path));
      const $ = await readPage(rebuild.outDir, '/articles/harbour/');
      const srcset = $('figure.article-image picture img').attr('srcset')!;
      for (const { path } of candidates(srcset)) expect(await existsInSite(path), path).toBe(true);
    });
  });
});
