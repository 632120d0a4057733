import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { parseOpml, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/site/securityPolicy.ts';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { listHtmlFiles, readPage } from '../support/siteFiles.ts';

const HOSTILE = join(projectRoot, 'tests/fixtures/sites/hostile');

describe('a digest whose articles try to run code', () => {
  let site: string;
  beforeAll(async () => {
    const build = await buildSite({ content: HOSTILE });
    expect(build.exitCode, build.output).toBe(0);
    site = build.outDir;
  });

  it('publishes pages that run only the site’s own scripts', async () => {
    const found: string[] = [];
    for (const page of await listHtmlFiles(site)) {
      const $ = await readPage(site, page);
      $('script').each((_, script) => {
        const type = $(script).attr('type');
        const src = $(script).attr('src');
        const ownModule = type === 'module' && src?.startsWith('/_astro/') && $(script).text() === '';
        if (!ownModule && type !== 'application/ld+json')
          found.push(`${page}: <script type=${type} src=${src}>${$(script).text().slice(0, 40)}`);
      });
      $('*').each((_, node) => {
        const element = node as unknown as { tagName: string; attribs: Record<string, string> };
        for (const [name, value] of Object.entries(element.attribs)) {
          if (/^on/i.test(name)) found.push(`${page}: <${element.tagName} ${name}>`);
          if (
            /^\s*(javascript|data|vbscript):/i.test(value) &&
            ['href', 'src', 'action', 'data', 'formaction'].includes(name)
          )
            found.push(`${page}: ${name}="${value}"`);
        }
      });
      $('iframe, object, embed, style, form:not([role="search"]), input:not([type="search"])').each((_, node) => {
        found.push(`${page}: <${(node as unknown as { tagName: string }).tagName}>`);
      });
      expect($('meta[http-equiv="Content-Security-Policy"]').attr('content'), page).toBe(contentSecurityPolicy);
    }
    expect(found).toEqual([]);
  });

  it('publishes addresses holding characters a URL may not, such as "<", percent-encoded', async () => {
    const $ = await readPage(site, 'articles/frontmatter/');
    expect($('.article-image img').attr('src')).toBe('/images/photo.jpg?%3Cscript%3E');
    const original = $('a[href^="https://evil.example/original"]')
      .map((_, link) => $(link).attr('href'))
      .get();
    expect(original.length).toBeGreaterThan(0);
    expect(new Set(original)).toEqual(new Set(['https://evil.example/original?a=%3Cscript%3E']));
  });

  it('passes the W3C Nu Html Checker on every page', async () => {
    expect((await checkWithNu(site)).problems).toEqual([]);
  });

  it('shows what was written as text, not markup', async () => {
    const $ = await readPage(site, 'articles/raw-html/');
    expect($('h1').text()).toBe("Raw HTML <img src=x onerror=alert('title')> in the title");
    expect($('.article-facts').text()).toContain("<svg onload=alert('author')>");
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd.description).toBe("A summary with </script><script>alert('summary')</script> in it.");
    expect($('.prose').text()).toContain('an event handler');
  });

  it('sends links that leave the site without a referrer or an opener', async () => {
    const $ = await readPage(site, 'articles/raw-html/');
    expect($('.prose a[href="https://example.org/report"]').attr('rel')).toBe('noopener noreferrer');
    expect($('.prose a[href="/timeline/"]').attr('rel')).toBeUndefined();
    expect($('.prose img[src^="https://evil.example"]').attr('onerror')).toBeUndefined();
  });

  it('keeps the feed’s article HTML as clean as the pages', async () => {
    const feed = parseRssFeed(await readFile(join(site, 'rss.xml'), 'utf8'));
    for (const item of feed.items ?? []) {
      const $ = load(item.content?.encoded ?? '');
      expect($('script, iframe, style, form, object, embed')).toHaveLength(0);
      expect($('[onerror], [onmouseover], [onload]')).toHaveLength(0);
      expect($('[href^="javascript:"], [src^="javascript:"]')).toHaveLength(0);
    }
    expect(feed.title).toBe("Hostile <script>alert('topic')</script> digest");
  });

  it('serves the same policy as a header to hosts that read _headers', async () => {
    const headers = await readFile(join(site, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${contentSecurityPolicy}; frame-ancestors 'none'`);
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });

  it('lists its followed sources in its feed outline as text a feed reader imports, never as markup', async () => {
    const text = await readFile(join(site, 'feeds.opml'), 'utf8');
    expect(text).not.toContain('<script>');
    const followed = parseOpml(text).body!.outlines!.at(-1)!;
    expect(followed.text).toBe("Sources Hostile <script>alert('topic')</script> digest follows");
    expect(followed.outlines!.map(({ text, xmlUrl }) => ({ text, xmlUrl }))).toEqual([
      { text: "Outlet <script>alert('opml')</script> & Co", xmlUrl: 'https://outlet.example/feed.xml?a=1&b=%222%22' },
      { text: 'other.example', xmlUrl: 'https://other.example/rss.xml' },
    ]);
  });
});
