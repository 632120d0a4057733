/**
 * A digest with an article its outlet corrected, its previous version kept in `revisions/`: the
 * article's page says when it was updated and shows what changed, word by word, readable by
 * screen readers and in print; its feed items, the sitemap and the timeline carry the update.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/dictionaries/en.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { readFeedPair } from '../support/feeds.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { readPage } from '../support/siteFiles.ts';

const UPDATES = join(projectRoot, 'tests/fixtures/sites/updates');
const UPDATED = 'articles/operators-test-5g-masts-in-bern/';
const UNCHANGED = 'articles/bern-plans-a-5g-consultation/';

describe('a digest with an article its outlet updated', () => {
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ content: UPDATES });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('says when the article was updated, in a machine-readable time', async () => {
    const $ = await readPage(site, UPDATED);
    const facts = $('.article-facts > div')
      .map((_, div) => ({ term: $(div).find('dt').text(), time: $(div).find('time').attr('datetime') }))
      .get();
    expect(facts).toContainEqual({ term: en['article.updated'], time: '2019-09-04' });
    expect($('meta[property="article:modified_time"]').attr('content')).toBe('2019-09-04');
  });

  it('shows what changed against the previous version: the words removed in del, those added in ins', async () => {
    const $ = await readPage(site, UPDATED);
    const section = $('.article-changes');
    expect(section.find('h2').text()).toBe(en['update.whatChanged']);
    // Each change says what it is to a screen reader, which announces neither del nor ins.
    const changes = section
      .find('del, ins')
      .map((_, element) => ({
        tag: element.tagName,
        hidden: $(element).find('.visually-hidden').text(),
        text: $(element).clone().find('.visually-hidden').remove().end().text(),
      }))
      .get();
    expect(changes).toEqual([
      { tag: 'ins', hidden: `${en['update.added']} `, text: 'masts ' },
      { tag: 'del', hidden: `${en['update.removed']} `, text: 'Three' },
      { tag: 'ins', hidden: `${en['update.added']} `, text: 'Two' },
      { tag: 'ins', hidden: `${en['update.added']} `, text: 'The city council will decide on the masts in October.' },
    ]);
    // The title's change, then only the paragraphs that changed: the unchanged one is left out.
    expect(section.find('.change-headline').text()).toContain('Operators test 5G');
    expect(section.text()).not.toContain('six hours');
    expect(section.find('p').eq(2).text()).toBe(
      `${en['update.removed']} Three${en['update.added']} Two operators tested 5G masts in Bern on Monday, the city said.`,
    );
  });

  it('shows nothing of the kind on an article never updated', async () => {
    const $ = await readPage(site, UNCHANGED);
    expect($('.article-changes')).toHaveLength(0);
    expect($('.article-facts dt').text()).not.toContain(en['article.updated']);
  });

  it('carries the update date in both feeds, as parsed by a real parser', async () => {
    const { rss, json } = await readFeedPair(site, 'rss.xml');
    const item = rss.items?.find((entry) => entry.link?.endsWith(UPDATED));
    expect(item?.atom?.updated).toBe('2019-09-04T00:00:00.000Z');
    expect(rss.items?.find((entry) => entry.link?.endsWith(UNCHANGED))?.atom?.updated).toBeUndefined();
    expect(json.items.find((entry) => entry.url?.endsWith(UPDATED))?.date_modified).toBe('2019-09-04T00:00:00.000Z');
  });

  it('gives the updated article its lastmod in the sitemap, and no other page one', async () => {
    const sitemap = await readFile(join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(
      `<url><loc>https://updates.example.org/${UPDATED}</loc><lastmod>2019-09-04T00:00:00.000Z</lastmod></url>`,
    );
    expect(sitemap.match(/<lastmod>/g)).toHaveLength(1);
  });

  it('puts the update on the timeline as a dated entry', async () => {
    const $ = await readPage(site, 'timeline/index.html');
    const update = $('#updated-operators-test-5g-masts-in-bern');
    expect(update.find('.timeline-kind').text().trim()).toBe(en['update.timeline']);
    expect(update.find('time').attr('datetime')).toBe('2019-09-04');
    expect(update.find(`a[href="/${UPDATED}"]`).text()).toBe('Operators test 5G masts in Bern');
  });

  it('exports the update with the timeline, valid against the export’s schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(await readFile(join(projectRoot, 'public/schemas/events.schema.json'), 'utf8')) as object,
    );
    const exported = JSON.parse(await readFile(join(site, 'events.json'), 'utf8')) as {
      events: { id: string; kind: string; date: string }[];
    };
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(exported.events.find((event) => event.kind === 'update')).toMatchObject({
      id: 'updated-operators-test-5g-masts-in-bern',
      date: '2019-09-04',
    });
  });

  it('is valid HTML, as the W3C Nu checker reads it', async () => {
    expect((await checkWithNu(site)).problems).toEqual([]);
  });
});
