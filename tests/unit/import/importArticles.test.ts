import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../../src/import/importInputs.ts';
import { UsageError } from '../../../src/import/importOptions.ts';
import { formatReport } from '../../../src/import/importReport.ts';
import { validateArticleFile } from '../../../src/content/validateArticle.ts';
import { articleFiles, fixtures, importOptions, seeds, temporaryContent } from './support.ts';

const fixture = (name: string) => join(fixtures, name);
const seed = join(seeds, '002_7018f7561aa7d3df.txt');

describe('importing inputs into a content folder', () => {
  it('imports a folder of pasted texts, each on its own: one failing does not stop the others', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([fixture('texts')], content, { source: 'Example News' }));
    expect([...(await articleFiles(content)).keys()]).toEqual([
      expect.stringMatching(/^2019-03-06-article-[0-9a-f]{10}\.md$/),
      '2019-03-07-eu-officials-cautious-over-huaweis-brussels-offer.md',
    ]);
    expect(report.failed).toEqual([
      {
        input: join(fixtures, 'texts', 'undated.txt'),
        message: `${join(fixtures, 'texts', 'undated.txt')}: has no date near the top of the text (pass --date YYYY-MM-DD)`,
      },
    ]);
  });

  it('changes nothing when the same import runs twice, and says why each article was skipped', async () => {
    const content = await temporaryContent();
    const inputs = [seed, fixture('rss2.xml'), fixture('atom.xml')];
    const first = await importArticles(importOptions(inputs, content));
    expect(first.imported).toHaveLength(6);
    // The feed carries the pasted story too.
    expect(first.skipped).toEqual([
      { label: expect.stringContaining('rss2.xml item 1'), reason: expect.stringContaining('(same title and date)') },
    ]);
    const before = await articleFiles(content);
    const times = await Promise.all(
      [...before.keys()].map(async (name) => (await stat(join(content, 'articles', name))).mtimeMs),
    );

    const second = await importArticles(importOptions(inputs, content));
    expect(second.imported).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(second.skipped).toHaveLength(7);
    expect(second.skipped[0]).toEqual({
      label: seed,
      reason: `already in ${join(content, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md')} (same title and date)`,
    });
    expect(second.skipped.slice(2).map((skip) => skip.reason)).toEqual(
      Array(5).fill(expect.stringMatching(/^already in .* \(same canonical URL\)$/)),
    );
    expect(await articleFiles(content)).toEqual(before);
    expect(
      await Promise.all([...before.keys()].map(async (name) => (await stat(join(content, 'articles', name))).mtimeMs)),
    ).toEqual(times);
  });

  it('never overwrites: an article whose name is taken gets a suffix, and the existing file is untouched', async () => {
    const content = await temporaryContent();
    const existing =
      '---\ntitle: Huawei opens a new EU cybersecurity transparency centre\ndate: "2018-01-01"\nsource:\n  name: Someone else\n---\n\nAn older story.\n';
    await mkdir(join(content, 'articles'));
    await writeFile(
      join(content, 'articles', '2018-01-01-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md'),
      existing,
    );
    await importArticles(importOptions([seed], content));
    const files = await articleFiles(content);
    expect([...files.keys()]).toEqual([
      '2018-01-01-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md',
      '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre-2.md',
    ]);
    expect(files.get('2018-01-01-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md')).toBe(existing);
  });

  it('gives articles with the same title in one feed names of their own', async () => {
    const content = await temporaryContent();
    const feed = join(content, 'same-titles.xml');
    const item = (day: number) =>
      `<item><title>Weekly briefing</title><link>https://x.example/${day}</link><pubDate>${day} Mar 2019 09:00:00 GMT</pubDate><description>Briefing ${day}.</description></item>`;
    await writeFile(feed, `<rss version="2.0"><channel><title>X</title>${item(4)}${item(11)}</channel></rss>`);
    await importArticles(importOptions([feed], content));
    expect([...(await articleFiles(content)).keys()]).toEqual([
      '2019-03-04-weekly-briefing.md',
      '2019-03-11-weekly-briefing-2.md',
    ]);
  });

  it('skips an undated feed item, saying which and how to date it, and imports the rest', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([fixture('missing-date.xml'), seed], content));
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([
      {
        label: `${fixture('missing-date.xml')} item 3 "Undated story"`,
        reason: 'has no date (pass --date YYYY-MM-DD to import it with that date)',
      },
    ]);
    expect([...(await articleFiles(content)).keys()]).toEqual([
      '2019-03-06-dated-story.md',
      '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md',
      '2019-03-07-another-dated-story.md',
    ]);
  });

  it('removes what it wrote for an input when a later file of that input cannot be written', async () => {
    const content = await temporaryContent();
    // A folder where the feed's second article would go makes that write fail.
    await mkdir(join(content, 'articles', '2019-02-25-us-warns-allies-over-huawei-5g-equipment.md'), {
      recursive: true,
    });
    const report = await importArticles(importOptions([fixture('rss2.xml')], content));
    expect(report.failed[0]!.message).toMatch(
      /2019-02-25-us-warns-allies-over-huawei-5g-equipment\.md appeared while importing .*; nothing from this input was written$/,
    );
    expect(await readdir(join(content, 'articles'))).toEqual([
      '2019-02-25-us-warns-allies-over-huawei-5g-equipment.md',
    ]);
  });

  it('skips duplicate guids and duplicate links within one feed', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([fixture('duplicate-guids.xml')], content));
    expect(report.imported.map((file) => file.article.title)).toEqual([
      'Huawei opens Brussels centre',
      'A different story',
    ]);
    expect(report.skipped.map((skip) => skip.reason.replace(/^already in \S+ /, ''))).toEqual([
      '(same guid)',
      '(same canonical URL)',
    ]);
  });

  it('skips feed items without a title or text, saying so', async () => {
    const content = await temporaryContent();
    const feed = join(content, 'sparse.xml');
    await writeFile(
      feed,
      '<rss version="2.0"><channel><title>T</title><item><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate></item><item><title>No text</title><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate></item></channel></rss>',
    );
    const report = await importArticles(importOptions([feed], content));
    expect(report.skipped).toEqual([
      { label: `${feed} item 1`, reason: 'has no title and no text to make one from' },
      { label: `${feed} item 2 "No text"`, reason: 'has no article text in the feed' },
    ]);
  });

  it('writes files that pass the article schema, even from a hostile feed', async () => {
    const content = await temporaryContent();
    await importArticles(
      importOptions(
        [fixture('hostile.xml'), fixture('rss1.rdf'), fixture('feed.json'), fixture('latin1.xml')],
        content,
      ),
    );
    const files = await articleFiles(content);
    expect(files.size).toBe(10);
    for (const [name, text] of files)
      expect(validateArticleFile(name, new TextEncoder().encode(text))).not.toBeInstanceOf(Array);
  });

  it('writes nothing on a dry run, and shows what it would write', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([seed], content, { dryRun: true }));
    expect(await articleFiles(content)).toEqual(new Map());
    const summary = formatReport(report);
    expect(summary).toContain(
      `would write  ${join(content, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md')}`,
    );
    expect(summary).toContain('            date: "2019-03-06"');
    expect(summary).toContain('1 article would be imported, 0 skipped, 0 inputs failed. Dry run: nothing was written.');
  });

  it('keeps only what --match and --since ask for, reporting the rest in one line per input', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([fixture('rss2.xml')], content, { match: /lawsuit/iu }));
    expect(report.imported.map((file) => file.article.title)).toEqual(['Huawei sues the US government']);
    expect(report.skipped).toEqual([
      { label: fixture('rss2.xml'), reason: '2 items do not match --match /lawsuit/iu' },
    ]);

    const since = await importArticles(
      importOptions([fixture('rss2.xml')], await temporaryContent(), { since: '2019-03-01' }),
    );
    expect(since.skipped).toEqual([
      {
        label: `${fixture('rss2.xml')} item 2 "US warns allies over Huawei 5G equipment"`,
        reason: 'published 2019-02-25, before --since 2019-03-01',
      },
    ]);
  });

  it('takes --url for one pasted text only', async () => {
    const content = await temporaryContent();
    const url = 'https://www.siliconrepublic.com/enterprise/huawei-cybersecurity-centre-brussels';
    const report = await importArticles(importOptions([seed], content, { url }));
    expect(report.imported[0]!.article.canonical).toBe(url);
    await expect(importArticles(importOptions([seed, fixture('rss2.xml')], content, { url }))).rejects.toThrow(
      UsageError,
    );
    const feed = await importArticles(importOptions([fixture('rss2.xml')], content, { url }));
    expect(feed.failed[0]!.message).toContain('is a feed of many articles, but --url names one article');
  });

  it('reports an input that does not exist, and imports the others', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions(['no/such/file.txt', seed], content));
    expect(report.failed).toEqual([
      { input: 'no/such/file.txt', message: 'no/such/file.txt: does not exist (check the path)' },
    ]);
    expect(report.imported).toHaveLength(1);
  });

  it('ends with a summary of what was imported, skipped and failed', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([seed, seed, fixture('malformed.xml')], content));
    const lines = formatReport(report).trimEnd().split('\n');
    expect(lines).toEqual([
      `imported  ${join(content, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md')}  (from ${seed})`,
      `skipped   ${seed}: already in ${join(content, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md')} (same title and date)`,
      `failed    ${fixture('malformed.xml')} line 14: is not well-formed XML: Expected closing tag 'title' (opened in line 14, col 7) instead of closing tag 'link'. (the feed is broken or was cut short: download it again, or ask its publisher to fix it)`,
      '',
      '1 article imported, 1 skipped, 1 input failed.',
    ]);
  });

  it('notes a photo credit it could not record for want of a caption', async () => {
    const content = await temporaryContent();
    const text = join(content, 'credit-only.txt');
    await writeFile(text, 'Title\n\n6 Mar 2019\n\nImage: Jane Doe/Reuters\n\nThe text of the article.\n');
    const report = await importArticles(importOptions([text], content, { source: 'Reuters' }));
    expect(report.notes).toEqual([
      { label: text, note: expect.stringContaining('photo credit "Jane Doe/Reuters" found but no caption') },
    ]);
    expect(await readFile(report.imported[0]!.file, 'utf8')).not.toContain('image:');
  });
});
