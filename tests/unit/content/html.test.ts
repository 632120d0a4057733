import { describe, expect, it } from 'vitest';
import { absolutizeHtml, publishableArticleHtml } from '../../../src/content/articleHtml.ts';
import { newsArticle, serializeJsonLd } from '../../../src/site/structuredData.ts';

describe('article HTML', () => {
  const hostile = [
    '<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a></p>',
    '<script>alert(1)</script><style>body{display:none}</style>',
    '<img src="x.png" onerror="alert(1)" alt="x"><iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name="a"></form>',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<h2 id="trust">Trust</h2>',
  ].join('');

  it('is sanitized by default: no script, style, handler, frame, form or javascript:/data: URL survives', () => {
    const html = publishableArticleHtml(hostile, { trustHtml: false, base: '/' });
    expect(html).not.toMatch(/<script|<style|<iframe|<form|<input|onclick|onerror|javascript:|data:text/i);
    expect(html).toContain('Hello');
    expect(html).toContain('<h2 id="trust">Trust</h2>');
  });

  it('keeps raw HTML when the topic trusts its authors', () => {
    expect(
      publishableArticleHtml('<p>a</p><iframe src="https://video.example/embed"></iframe>', {
        trustHtml: true,
        base: '/',
      }),
    ).toContain('<iframe');
  });

  it('opens links that leave the site without handing it the page', () => {
    const html = publishableArticleHtml('<p><a href="https://example.org/">out</a> <a href="/timeline/">in</a></p>', {
      trustHtml: false,
      base: '/',
    });
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/timeline/">in</a>');
  });

  it('moves links written from the site root under the base path', () => {
    const html = publishableArticleHtml(
      '<a href="/timeline/">t</a><a href="/digests/x/tags/">u</a><a href="//cdn.example/">c</a>',
      { trustHtml: false, base: '/digests/x/' },
    );
    expect(html).toBe(
      '<a href="/digests/x/timeline/">t</a><a href="/digests/x/tags/">u</a><a href="//cdn.example/" rel="noopener noreferrer">c</a>',
    );
  });

  it('is made absolute for feed readers', () => {
    const html = absolutizeHtml(
      '<a href="/timeline/">t</a><img src="photo.jpg" alt=""><a href="#notes">n</a>',
      'https://example.org/articles/x/',
    );
    expect(html).toBe(
      '<a href="https://example.org/timeline/">t</a><img src="https://example.org/articles/x/photo.jpg" alt=""><a href="https://example.org/articles/x/#notes">n</a>',
    );
  });
});

describe('structured data', () => {
  it('cannot end its script element early', () => {
    const json = serializeJsonLd(
      newsArticle({
        title: '</script><script>alert(1)</script>',
        description: 'd',
        url: 'https://example.org/a/',
        datePublished: '2019-03-06',
        authors: [],
        publisher: { name: 'P' },
        keywords: [],
        inLanguage: 'en',
      }),
    );
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>');
  });
});

describe('headings under the article title', () => {
  const levels = (html: string) =>
    [...publishableArticleHtml(html, { trustHtml: false, base: '/' }).matchAll(/<h(\d)/g)].map((match) =>
      Number(match[1]),
    );

  it.each([
    ['a feed that starts at h4', '<h4>A</h4><p>x</p><h4>B</h4><h5>B.1</h5>', [2, 2, 3]],
    ['hand-written Markdown with a # heading', '<h1>A</h1><h2>A.1</h2><h1>B</h1>', [2, 3, 2]],
    ['skipped levels', '<h2>A</h2><h4>A.1</h4><h6>A.1.1</h6><h3>A.2</h3>', [2, 3, 4, 3]],
    ['a shallower heading later on', '<h3>A</h3><h4>A.1</h4><h2>B</h2><h3>B.1</h3>', [2, 3, 2, 3]],
    ['headings already in order', '<h2>A</h2><h3>A.1</h3><h2>B</h2>', [2, 3, 2]],
  ])('nests %s from h2, none skipped', (_, html, expected) => {
    expect(levels(html)).toEqual(expected);
  });

  it('keeps a heading’s id and text', () => {
    expect(publishableArticleHtml('<h4 id="why">Why it matters</h4>', { trustHtml: true, base: '/' })).toBe(
      '<h2 id="why">Why it matters</h2>',
    );
  });
});
