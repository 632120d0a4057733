import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../../../src/import/importInputs.ts';
import { parseMarkdownFile } from '../../../../src/content/frontmatter.ts';
import { validateArticleFile } from '../../../../src/content/validateArticle.ts';
import { articleFiles, defaultContent, importOptions, seeds, temporaryContent } from '../support.ts';

/** What the text of an article tells; tags and events are the editors' own additions. */
const FACTS = ['title', 'date', 'source', 'authors', 'summary', 'image', 'lang', 'canonical'] as const;

function facts(frontmatter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FACTS.map((field) => [field, frontmatter[field]]));
}

/** An imported file, which must be a valid article, as written. */
async function importedArticle(file: string) {
  const bytes = await readFile(file);
  const checked = validateArticleFile(file, bytes);
  if (Array.isArray(checked)) throw new Error(checked.map((problem) => problem.message).join('\n'));
  return { ...checked, frontmatter: parseMarkdownFile(bytes.toString('utf8')).frontmatter };
}

const paragraphs = (body: string) => body.trim().split(/\n{2,}/);

describe.each([
  {
    seed: '000_9d8061bec3783662.txt',
    source: 'Android Headlines',
    sourceUrl: 'https://www.androidheadlines.com/',
    file: '2018-12-03-huawei-combating-eu-security-concerns-with-investments-in-brussels.md',
  },
  {
    seed: '002_7018f7561aa7d3df.txt',
    source: 'Silicon Republic',
    sourceUrl: 'https://www.siliconrepublic.com/',
    file: '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md',
  },
])('importing seed $seed with --source "$source"', ({ seed, source, sourceUrl, file }) => {
  it('reproduces the default content: metadata, paragraphs, subheadings, image and authors', async () => {
    const content = await temporaryContent();
    const report = await importArticles(importOptions([join(seeds, seed)], content, { source, sourceUrl }));
    expect(report.failed).toEqual([]);
    expect([...(await articleFiles(content)).keys()]).toEqual([file]);

    const imported = await importedArticle(join(content, 'articles', file));
    const expected = parseMarkdownFile(await readFile(join(defaultContent, 'articles', file), 'utf8'));
    expect(facts(imported.frontmatter)).toEqual(facts(expected.frontmatter));
    expect(paragraphs(imported.body)).toEqual(paragraphs(expected.body));
    expect(imported.body.trim()).toBe(expected.body.trim());
  });

  it('with --source alone, fills in everything but the outlet’s home page', async () => {
    const content = await temporaryContent();
    await importArticles(importOptions([join(seeds, seed)], content, { source }));
    const imported = await importedArticle(join(content, 'articles', file));
    expect(imported.data.source).toEqual({ name: source });
  });
});

describe('importing a seed with --events', () => {
  it('lists the dated events the text reports, resolved against the publication date', async () => {
    const content = await temporaryContent();
    await importArticles(
      importOptions([join(seeds, '002_7018f7561aa7d3df.txt')], content, { source: 'Silicon Republic', events: true }),
    );
    const imported = await importedArticle(
      join(content, 'articles', '2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md'),
    );
    const dates = imported.data.events.map(
      (event) => `${event.date.year}-${event.date.month ?? ''}-${event.date.day ?? ''}`,
    );
    expect(dates).toContain('2019-3-5');
    expect(dates).toContain('2019-1-');
    expect(dates).toContain('2019-2-');
    const statement = imported.data.events.find((event) => event.date.day === 5)!;
    expect(statement.text).toMatch(/statement/i);
  });
});
