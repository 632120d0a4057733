import { describe, expect, it } from 'vitest';
import { articleSearchDocument } from '../../../src/search/searchDocument.ts';
import { makeArticle } from '../../support/articles.ts';

const centre = makeArticle('centre', {
  title: 'Huawei opens a "transparency" centre <in Brussels>',
  date: '2019-03-06',
  source: { name: 'Silicon & Republic' },
  summary: 'A lab for testing.',
  tags: ['Huawei', 'EU Policy'],
  image: { src: '/images/lab.jpg', alt: 'The lab' },
});

function document(overrides: Partial<Parameters<typeof articleSearchDocument>[0]> = {}) {
  return articleSearchDocument({
    slug: 'centre',
    data: centre.data,
    html: '<h2 id="trust">Trust</h2><p>Body text.</p>',
    entities: ['Huawei', 'Ken Hu'],
    topicLanguage: 'en-GB',
    base: '/digests/huawei/',
    ...overrides,
  });
}

describe('the search document of an article', () => {
  it('lives at the URL Pagefind derives from the built page, below the base path', () => {
    expect(document().url).toBe('/articles/centre/');
  });

  it('indexes the headline, the standfirst and the text, with the headings as the page has them', () => {
    const { content } = document();
    expect(content).toContain('<article data-pagefind-body>');
    expect(content).toContain(
      '<h1 data-pagefind-meta="title">Huawei opens a &quot;transparency&quot; centre &lt;in Brussels&gt;</h1>',
    );
    expect(content).toContain('<p>A lab for testing.</p>');
    expect(content).toContain('<div><h2 id="trust">Trust</h2><p>Body text.</p></div>');
  });

  it('carries date, source and photo as metadata, outside the indexed text', () => {
    const { content } = document();
    expect(content).toContain(
      '<div data-pagefind-ignore><span data-pagefind-meta="source" data-pagefind-filter="source">Silicon &amp; Republic</span><span data-pagefind-meta="date:2019-03-06"></span></div>',
    );
    expect(content).toContain(
      '<img src="/digests/huawei/images/lab.jpg" alt="The lab" data-pagefind-meta="image[src], image_alt[alt]">',
    );
  });

  it('files the article under its tags, source and year, and sorts it by date', () => {
    const { content } = document();
    expect(content).toContain('data-pagefind-filter="tag:huawei"');
    expect(content).toContain('data-pagefind-filter="tag:eu-policy"');
    expect(content).toContain('data-pagefind-filter="year:2019"');
    expect(content).toContain('data-pagefind-filter="entity:Huawei"');
    expect(content).toContain('data-pagefind-filter="entity:Ken Hu"');
    expect(content).toContain('data-pagefind-sort="date:2019-03-06"');
  });

  it("is written in the article's language, else the topic's", () => {
    expect(document().content).toContain('<html lang="en-GB">');
    const german = makeArticle('de', { title: 'Titel', date: '2019-03-06', lang: 'de' });
    expect(document({ data: german.data }).content).toContain('<html lang="de">');
  });

  it('leaves out a photo known only by its caption, and a missing standfirst', () => {
    const bare = makeArticle('bare', { title: 'Bare', date: '2019-03-06', image: { alt: 'A photo we do not have' } });
    const { content } = document({ data: bare.data });
    expect(content).not.toContain('<img');
    expect(content).toContain('</h1><div data-pagefind-ignore>');
  });

  it('keeps an absolute photo address as it is', () => {
    const remote = makeArticle('remote', {
      title: 'Remote',
      date: '2019-03-06',
      image: { src: 'https://example.org/a.jpg', alt: 'A' },
    });
    expect(document({ data: remote.data }).content).toContain('<img src="https://example.org/a.jpg"');
  });
});
