/**
 * Social cards on the built site: every page names one as `og:image`, served from the site at the
 * size its page gives, with its alt text; an Arabic digest gets its own; a rebuild after one
 * article's edit draws that article's card alone, listed by the content sync and drawn beside the build.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/buildSite.ts';
import { listHtmlFiles, readPage, urlPathOf } from '../support/siteFiles.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const site = inject('defaultSite');
const ORIGIN = 'https://dossier.example.org';

/** What a page's head says of its card, and the card's PNG as the site serves it. */
async function cardOf(siteDir: string, origin: string, page: string) {
  const $ = await readPage(siteDir, page);
  const meta = (property: string) => $(`meta[property="${property}"]`).attr('content');
  const image = meta('og:image')!;
  expect(image, page).toMatch(new RegExp(`^${origin}/.+\\.png$`));
  const png = await readFile(join(siteDir, new URL(image).pathname.slice(new URL(origin).pathname.length)));
  return {
    image,
    png,
    width: Number(meta('og:image:width')),
    height: Number(meta('og:image:height')),
    alt: meta('og:image:alt'),
    twitter: $('meta[name="twitter:card"]').attr('content'),
  };
}

describe('social cards of the default digest', () => {
  it('gives every article page its own card and every other page the digest’s, at the size of the PNG served', async () => {
    const pages = (await listHtmlFiles(site)).map((file) => urlPathOf(site, file));
    const articles = pages.filter((page) => /^\/articles\/[^/]+\/$/.test(page));
    expect(articles.length).toBeGreaterThan(1);
    for (const page of pages) {
      const card = await cardOf(site, ORIGIN, page);
      expect(card.image, page).toBe(articles.includes(page) ? `${ORIGIN}${page}card.png` : `${ORIGIN}/card.png`);
      const metadata = await sharp(card.png).metadata();
      expect([metadata.format, metadata.width, metadata.height], page).toEqual(['png', card.width, card.height]);
      expect([card.width, card.height]).toEqual([1200, 630]);
      expect(card.alt, page).toBeTruthy();
      expect(card.twitter, page).toBe('summary_large_image');
    }
  });

  it('describes an article’s card by its title, outlet, date and digest, and the digest’s by its name', async () => {
    const article = await cardOf(site, ORIGIN, '/articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/');
    expect(article.alt).toBe(
      'Huawei opens a new EU cybersecurity transparency centre · Silicon Republic, 6 March 2019 · Huawei in Brussels',
    );
    expect((await cardOf(site, ORIGIN, '/')).alt).toMatch(/^Huawei in Brussels · How Huawei answered/);
  });
});

describe('social cards of an Arabic digest, rebuilt after one article’s edit', () => {
  const origin = 'https://dossier.example.org/ar';
  const retitled = 'huawei-opens-centre';
  let content: string;
  let first: BuildResult;
  let before: Map<string, Buffer>;
  let cachedBefore: string[];
  let rebuild: BuildResult;

  const cardFiles = async (outDir: string) =>
    new Map(
      await Promise.all(
        (await readdir(join(outDir, 'articles'))).map(
          async (slug) => [slug, await readFile(join(outDir, 'articles', slug, 'card.png'))] as const,
        ),
      ),
    );

  beforeAll(async () => {
    content = join(await makeTempFolder('cards'), 'content');
    await cp(join(projectRoot, 'tests/fixtures/sites/arabic'), content, { recursive: true });
    first = await buildSite({ content });
    expect(first.exitCode, first.output).toBe(0);
    before = await cardFiles(first.outDir);
    cachedBefore = await readdir(join(first.cacheDir, 'dossier-cards'));
    const file = join(content, 'articles', `2019-03-06-${retitled}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: هواوي تفتح مركزها في بروكسل'));
    rebuild = await buildSite({ content, cacheDir: first.cacheDir, outDir: first.outDir });
    expect(rebuild.exitCode, rebuild.output).toBe(0);
  });

  it('gives each article a card in the digest’s language, an English article’s included', async () => {
    const english = await cardOf(first.outDir, origin, '/articles/huawei-eu-english/');
    expect(english.alt).toBe(
      'Huawei opens a cybersecurity centre in Brussels · Tech Wire، 7 مارس 2019 · هواوي في بروكسل',
    );
    expect(english.twitter).toBe('summary_large_image');
    expect((await cardOf(first.outDir, origin, '/')).image).toBe(`${origin}/card.png`);
  });

  it('draws the edited article’s card alone and keeps every other card as it was', async () => {
    const after = await cardFiles(rebuild.outDir);
    const changed = [...after].filter(([slug, png]) => !png.equals(before.get(slug)!)).map(([slug]) => slug);
    expect(changed).toEqual([retitled]);
    const cachedAfter = await readdir(join(first.cacheDir, 'dossier-cards'));
    expect(cachedAfter.filter((name) => !cachedBefore.includes(name))).toHaveLength(1);
    // One card for each article and one for the digest, before the edit.
    expect(cachedBefore).toHaveLength(before.size + 1);
    // Listed by the content sync and drawn beside the build (some by their routes), then only the edited one.
    expect(first.output).toMatch(new RegExp(`Social cards: \\d+ of ${before.size + 1} drawn beside the build`));
    expect(rebuild.output).toMatch(/Social cards: [01] of 1 drawn beside the build/);
  });
});
