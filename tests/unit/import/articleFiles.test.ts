import { describe, expect, it } from 'vitest';
import { ArticleCatalog, canonicalKey, titleKey } from '../../../src/import/articleCatalog.ts';
import { articleFileText } from '../../../src/import/articleFile.ts';
import { articleSlug, freeSlug } from '../../../src/import/articleSlugs.ts';
import type { ImportedArticle } from '../../../src/import/importedArticle.ts';
import { articleSlugFromPath } from '../../../src/lib/slugs.ts';
import { validateArticleFile } from '../../../src/content/validateArticle.ts';

const article: ImportedArticle = {
  title: 'Huawei: "security or nothing" — 2019',
  date: '2019-03-06',
  source: { name: 'Silicon Republic', url: 'https://www.siliconrepublic.com/' },
  authors: ['Jenny Darmody'],
  tags: ['Huawei', '5G'],
  image: { alt: 'Huawei logo', credit: 'alexeynovikov/Depositphotos' },
  canonical: 'https://www.siliconrepublic.com/enterprise/huawei',
  body: 'First paragraph.\n\n## A subheading\n\nSecond paragraph.\n',
};

describe('article files', () => {
  it('writes YAML frontmatter with the date quoted, then the body', () => {
    expect(articleFileText(article)).toBe(
      [
        '---',
        'title: \'Huawei: "security or nothing" — 2019\'',
        'date: "2019-03-06"',
        'source:',
        '  name: Silicon Republic',
        '  url: https://www.siliconrepublic.com/',
        'authors:',
        '  - Jenny Darmody',
        'tags:',
        '  - Huawei',
        '  - 5G',
        'image:',
        '  alt: Huawei logo',
        '  credit: alexeynovikov/Depositphotos',
        'canonical: https://www.siliconrepublic.com/enterprise/huawei',
        '---',
        '',
        'First paragraph.',
        '',
        '## A subheading',
        '',
        'Second paragraph.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what is unknown, and the result passes the article schema', () => {
    const minimal: ImportedArticle = {
      title: 'true',
      date: '2019-03-06T23:30:00-05:00',
      source: { name: 'null' },
      authors: [],
      tags: [],
      body: 'Text.',
    };
    const text = articleFileText(minimal);
    expect(text).toBe('---\ntitle: "true"\ndate: "2019-03-06T23:30:00-05:00"\nsource:\n  name: "null"\n---\n\nText.\n');
    const checked = validateArticleFile('x.md', new TextEncoder().encode(text));
    expect(Array.isArray(checked) ? checked.map((problem) => problem.message) : checked.data.title).toBe('true');
  });
});

describe('URL names', () => {
  it.each([
    [
      'Huawei opens a new EU cybersecurity transparency centre',
      'huawei-opens-a-new-eu-cybersecurity-transparency-centre',
    ],
    ['Zürich’s “5G” plan — explained', 'zurichs-5g-plan-explained'],
    ['Huawei 在布鲁塞尔', 'huawei'],
  ])('%j → %s', (title, slug) => {
    expect(articleSlug(title)).toBe(slug);
  });

  it('gives a title with no Latin letters a stable ASCII name', () => {
    // The start of the title's SHA-256: the same on every machine and in every release.
    expect(articleSlug('华为在布鲁塞尔开设网络安全透明中心')).toBe('article-334561f213');
    expect(articleSlug('网络安全')).toBe('article-d4443b35a8');
  });

  it('cuts long titles at a word boundary, and the site reads the same name from the file', () => {
    const slug = articleSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(articleSlugFromPath(`2019-03-06-${slug}.md`)).toBe(slug);
  });

  it('adds a suffix when the name is taken', () => {
    const taken = new Set(['huawei', 'huawei-2']);
    expect(freeSlug('huawei', (slug) => taken.has(slug))).toBe('huawei-3');
    expect(freeSlug('eu', (slug) => taken.has(slug))).toBe('eu');
  });
});

describe('the catalog of articles', () => {
  it('treats the same URL, however decorated, as the same story', () => {
    expect(canonicalKey('http://www.x.example/a/?utm_source=rss&id=3#top')).toBe(
      canonicalKey('https://x.example/a?id=3'),
    );
    expect(canonicalKey('https://x.example/a?id=3')).not.toBe(canonicalKey('https://x.example/a?id=4'));
  });

  it('treats the same title on the same day as the same story', () => {
    expect(titleKey('Huawei Opens “Brussels” Centre!', '2019-03-06')).toBe(
      titleKey('huawei opens brussels centre', '2019-03-06'),
    );
    expect(titleKey('Huawei opens Brussels centre', '2019-03-06')).not.toBe(
      titleKey('Huawei opens Brussels centre', '2019-03-07'),
    );
  });

  it('finds duplicates, and keeps a batch apart until it is committed', () => {
    const catalog = new ArticleCatalog();
    catalog.add('content/articles/2019-03-06-a.md', 'a', {
      title: 'A',
      day: '2019-03-06',
      canonical: 'https://x.example/a',
    });
    const batch = catalog.batch();
    batch.add('content/articles/2019-03-06-b.md', 'b', { title: 'B', day: '2019-03-06', feedId: 'guid-b' });
    expect(batch.findDuplicate({ title: 'Other', day: '2019-03-07', canonical: 'https://x.example/a/' })).toEqual({
      file: 'content/articles/2019-03-06-a.md',
      reason: 'same canonical URL',
    });
    expect(batch.findDuplicate({ title: 'Other', day: '2019-03-07', feedId: 'guid-b' })).toEqual({
      file: 'content/articles/2019-03-06-b.md',
      reason: 'same guid',
    });
    expect(catalog.hasSlug('b')).toBe(false);
    batch.commit();
    expect(catalog.hasSlug('b')).toBe(true);
    expect(catalog.findDuplicate({ title: 'b', day: '2019-03-06' })).toEqual({
      file: 'content/articles/2019-03-06-b.md',
      reason: 'same title and date',
    });
  });
});
