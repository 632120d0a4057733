/**
 * A digest with the same report run by several outlets: a wire story and two syndicated copies under other
 * headlines, a different report of the same event (not the same report), a press release and a rewrite the
 * editor split apart, and an interview the editor joined to the release. Readers see each group once, by its
 * earliest report, with the other outlets linked; every member's page lists the others; the site feed carries
 * one item per group; the search finds a group once; `/stories.json` lists the groups.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { workFromLog } from '../../bench/buildLog.ts';
import { buildSite, projectRoot, type BuildResult } from '../support/buildSite.ts';
import { jsonFeedProblems, readFeedPair } from '../support/feeds.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { loadPagefind } from '../support/pagefindNode.ts';
import { readAllFiles, readPage } from '../support/siteFiles.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

const STORIES = join(projectRoot, 'tests/fixtures/sites/stories');
const ORIGIN = 'https://stories.example.org';
const page = (slug: string) => `${ORIGIN}/articles/${slug}/`;

/** What the listings show, newest first: each group once, by its earliest report, with the other outlets. */
const LISTED = [
  { slug: 'ferry-strike', also: [] },
  { slug: 'techsite-kestrel', also: [] },
  { slug: 'release-kestrel', also: [['Tallmark Tribune', '/articles/interview-kestrel/']] },
  { slug: 'herald-vesthaven', also: [] },
  {
    slug: 'wire-vesthaven',
    also: [
      ['Harbour Gazette', '/articles/gazette-vesthaven/'],
      ['Coast Courier', '/articles/courier-vesthaven/'],
    ],
  },
];

/** A listing's articles as `LISTED` gives them, from its HTML. */
async function listing(site: string, path: string) {
  const $ = await readPage(site, path);
  return $('.article-card')
    .map((_, card) => ({
      slug: $(card).find('.article-card-title a').attr('href')!.split('/').at(-2)!,
      also: $(card)
        .find('.also-reported a')
        .map((_, link) => [[$(link).text(), $(link).attr('href')!]])
        .get() as unknown as string[][],
    }))
    .get();
}

/** The digest is built from a copy, which the rebuild below adds a copy of a report to. */
let content: string;
let first: BuildResult;

describe('a digest where outlets ran the same report', () => {
  let site: string;
  beforeAll(async () => {
    content = join(await makeTempFolder('stories'), 'content');
    await cp(STORIES, content, { recursive: true });
    first = await buildSite({ content });
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).toMatch(/Grouped the same reports of 8 articles in \d+ ms \(2 groups\)/);
    site = first.outDir;
  });

  it('lists each group once on the home page, the archive and the tag page, by its earliest report with the others linked', async () => {
    for (const path of ['', 'archive/', 'tags/networks/']) expect(await listing(site, path), path).toEqual(LISTED);
    const $ = await readPage(site, '');
    expect($('.also-reported').first().text().replace(/\s+/g, ' ').trim()).toBe('Also reported by Tallmark Tribune');
    expect($('.also-reported').last().text().replace(/\s+/g, ' ').trim()).toBe(
      'Also reported by Harbour Gazette and Coast Courier',
    );
  });

  it('shows on an outlet’s page its own report of a group, with the others linked', async () => {
    expect(await listing(site, 'sources/harbour-gazette/')).toEqual([
      { slug: 'ferry-strike', also: [] },
      {
        slug: 'gazette-vesthaven',
        also: [
          ['Nordic Wire Service', '/articles/wire-vesthaven/'],
          ['Coast Courier', '/articles/courier-vesthaven/'],
        ],
      },
    ]);
  });

  it('lists the other reports of its group on every member’s page, and nothing on an article in none', async () => {
    const others = async (slug: string) => {
      const $ = await readPage(site, `articles/${slug}/`);
      return $('.article-header .also-reported a')
        .map((_, link) => $(link).text())
        .get();
    };
    expect(await others('wire-vesthaven')).toEqual(['Harbour Gazette', 'Coast Courier']);
    expect(await others('gazette-vesthaven')).toEqual(['Nordic Wire Service', 'Coast Courier']);
    expect(await others('courier-vesthaven')).toEqual(['Nordic Wire Service', 'Harbour Gazette']);
    expect(await others('interview-kestrel')).toEqual(['Kestrel Labs']);
    // A different report of the same event, and a rewrite the editor split off, stand alone.
    expect(await others('herald-vesthaven')).toEqual([]);
    expect(await others('techsite-kestrel')).toEqual([]);
  });

  it('shows a group’s publication once on the timeline, with the other outlets', async () => {
    const $ = await readPage(site, 'timeline/');
    const published = $('.timeline-publication')
      .map((_, entry) => $(entry).find('.timeline-text a').attr('href'))
      .get();
    expect(published).toEqual([
      '/articles/wire-vesthaven/',
      '/articles/herald-vesthaven/',
      '/articles/release-kestrel/',
      '/articles/techsite-kestrel/',
      '/articles/ferry-strike/',
    ]);
    expect(
      $('#published-wire-vesthaven .also-reported a')
        .map((_, link) => $(link).text())
        .get(),
    ).toEqual(['Harbour Gazette', 'Coast Courier']);
  });

  it('carries one item per group in both formats of the site feed', async () => {
    const { rss, json, raw } = await readFeedPair(site, 'rss.xml');
    expect(jsonFeedProblems(raw)).toEqual([]);
    const slugs = LISTED.map(({ slug }) => page(slug));
    expect(rss.items?.map((item) => item.link)).toEqual(slugs);
    expect(json.items.map((item) => item.url)).toEqual(slugs);
  });

  it('finds a group once in the search, by its earliest report', async () => {
    const search = await loadPagefind(site);
    try {
      const urls = (await search.search('Vesthaven cranes container ships')).map((result) => result.url);
      expect(urls).toContain('/articles/wire-vesthaven/');
      expect(urls).not.toContain('/articles/gazette-vesthaven/');
      expect(urls).not.toContain('/articles/courier-vesthaven/');
      const kestrel = (await search.search('Kestrel')).map((result) => result.url).sort();
      expect(kestrel).toEqual(['/articles/release-kestrel/', '/articles/techsite-kestrel/']);
    } finally {
      search.restore();
    }
  });

  it('exports every group with its members’ pages, originals, outlets and dates in /stories.json, valid by its schema', async () => {
    const stories: unknown = JSON.parse(await readFile(join(site, 'stories.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const valid = ajv.compile(
      JSON.parse(await readFile(join(projectRoot, 'public/schemas/stories.schema.json'), 'utf8')),
    );
    expect(valid(stories), JSON.stringify(valid.errors)).toBe(true);
    expect(stories).toEqual({
      version: 1,
      title: 'Coast network',
      description: 'Syndicated copies, rewrites and look-alikes, grouped as the same report.',
      language: 'en',
      stories: [
        {
          id: 'wire-vesthaven',
          articles: [
            {
              slug: 'wire-vesthaven',
              title: 'Cable cut halts Vesthaven port for nine hours',
              pageUrl: page('wire-vesthaven'),
              originalUrl: 'https://wire.example.com/vesthaven-outage',
              source: 'Nordic Wire Service',
              published: '2024-03-05',
            },
            {
              slug: 'gazette-vesthaven',
              title: 'Digger leaves the whole coast offline',
              pageUrl: page('gazette-vesthaven'),
              source: 'Harbour Gazette',
              published: '2024-03-06',
            },
            {
              slug: 'courier-vesthaven',
              title: 'Nine hours without a signal: what happened in Vesthaven',
              pageUrl: page('courier-vesthaven'),
              source: 'Coast Courier',
              published: '2024-03-07',
            },
          ],
        },
        {
          id: 'release-kestrel',
          articles: [
            {
              slug: 'release-kestrel',
              title: 'Kestrel Labs raises 45 million euros in Series C funding',
              pageUrl: page('release-kestrel'),
              source: 'Kestrel Labs',
              published: '2024-04-10',
            },
            {
              slug: 'interview-kestrel',
              title: "Kestrel's founder on leaks, pipes and 45 million euros",
              pageUrl: page('interview-kestrel'),
              source: 'Tallmark Tribune',
              published: '2024-04-12',
            },
          ],
        },
      ],
    });
  });

  it('is valid HTML by the Nu checker', async () => {
    const report = await checkWithNu(site);
    expect(report.problems).toEqual([]);
  });
});

describe('a rebuild after another outlet runs a report of the digest', () => {
  let before: Map<string, Buffer>;
  let rebuild: BuildResult;
  beforeAll(async () => {
    before = await readAllFiles(first.outDir);
    const original = await readFile(join(content, 'articles/ferry-strike.md'), 'utf8');
    await writeFile(
      join(content, 'articles/island-ferry-strike.md'),
      original
        .replace(/^title: .*$/m, 'title: "Island ferries stop as crews walk out"')
        .replace(/^date: .*$/m, 'date: 2024-05-03')
        .replace(/^ {2}name: .*$/m, '  name: "Island Times"'),
    );
    rebuild = await buildSite({ content, cacheDir: first.cacheDir, outDir: first.outDir });
    expect(rebuild.exitCode, rebuild.output).toBe(0);
    expect(rebuild.output).toMatch(/Grouped the same reports of 9 articles in \d+ ms \(3 groups\)/);
  });

  it('renders again the pages that show the changed group, and lists the new copy only there', async () => {
    const $ = await readPage(rebuild.outDir, 'articles/ferry-strike/');
    expect(
      $('.article-header .also-reported a')
        .map((_, link) => $(link).text())
        .get(),
    ).toEqual(['Island Times']);
    const copy = await readPage(rebuild.outDir, 'articles/island-ferry-strike/');
    expect(
      copy('.article-header .also-reported a')
        .map((_, link) => copy(link).text())
        .get(),
    ).toEqual(['Harbour Gazette']);
    expect((await listing(rebuild.outDir, ''))[0]).toEqual({
      slug: 'ferry-strike',
      also: [['Island Times', '/articles/island-ferry-strike/']],
    });
  });

  it('keeps the pages of the groups that did not change as they were', async () => {
    const after = await readAllFiles(rebuild.outDir);
    for (const page of ['wire-vesthaven', 'gazette-vesthaven', 'herald-vesthaven', 'release-kestrel']) {
      const file = `articles/${page}/index.html`;
      expect(after.get(file)!.equals(before.get(file)!), file).toBe(true);
      expect(rebuild.output, file).toMatch(new RegExp(`/${file} \\((cached|restored)\\)`));
    }
    expect(workFromLog(rebuild.output).pagesKept).toBeGreaterThan(0);
  });
});
