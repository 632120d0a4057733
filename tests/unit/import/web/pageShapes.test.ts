import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../../src/import/inputEncoding.ts';
import { importArticles } from '../../../../src/import/importInputs.ts';
import { readWebPage } from '../../../../src/import/web/webPage.ts';
import { importOptions, temporaryContent } from '../support.ts';
import { writeFile } from 'node:fs/promises';

/**
 * Saved pages shaped as outlets shape them, made up for these tests: where the site's name, the
 * byline and the date are, and what clutter stands around the article's text.
 */

const STORY = [
  'The harbour board of Northbridge voted on Monday to rebuild the old grain pier, ending a debate that began when a storm tore away its outer half four winters ago.',
  'The new pier will be built of concrete on steel piles, the board said, and will take ferries as well as the fishing boats that moor there today.',
  'Fishermen who had asked for the work welcomed the vote, though several said the two years of building would cost them a season of landings.',
  'The board expects to open the pier to boats in the spring after next, and to walkers a few months later, once the railings and lights are in place.',
];

interface PageParts {
  head?: string;
  /** What the page shows between the headline and the article's text. */
  header?: string;
  /** The article's paragraphs, as HTML. */
  paragraphs?: string[];
  /** What the page shows outside the article, after it. */
  after?: string;
  headline?: string;
  lang?: string;
}

function pageHtml({
  head = '',
  header = '',
  paragraphs,
  after = '',
  headline = 'Northbridge will rebuild its grain pier',
  lang = 'en',
}: PageParts): string {
  const text = (paragraphs ?? STORY.map((paragraph) => `<p>${paragraph}</p>`)).join('\n');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/harbour/">Harbour</a></li></ul></nav>
<main><article><h1>${headline}</h1>
${header}
<div class="article-body">${text}</div>
</article>${after}</main></body></html>`;
}

const read = (parts: PageParts, url?: string) => readWebPage(pageHtml(parts), url, { defaultLanguage: 'en' });

describe("the outlet's name", () => {
  it('comes from the part every title of the site repeats after the headline', () => {
    const page = read({
      head: '<title>Northbridge will rebuild its grain pier - Harbour - The Harbour Ledger</title><link rel="canonical" href="https://www.harbour-ledger.example/2021/05/pier">',
    });
    expect(page.outlet).toBe('The Harbour Ledger');
    expect(page.title).toBe('Northbridge will rebuild its grain pier');
  });

  it("comes from the canonical address's host where the page states no name", () => {
    const page = read({ head: '<link rel="canonical" href="https://www.harbour-ledger.example/2021/05/pier">' });
    expect(page.outlet).toBe('harbour-ledger.example');
  });

  it('is written as readers see it in the titles, when the metadata runs its words together', () => {
    const page = read({
      head: '<meta property="og:site_name" content="HarbourLedger"><title>Northbridge will rebuild its grain pier | Harbour Ledger</title>',
    });
    expect(page.outlet).toBe('Harbour Ledger');
  });

  it("leaves out the tagline a site name carries, when the name's first part names the host", () => {
    const page = read({
      head: '<meta property="og:site_name" content="Ledger.example - news from the quays"><link rel="canonical" href="https://ledger.example/pier">',
    });
    expect(page.outlet).toBe('Ledger.example');
  });

  it('passes over an application-name that is only the headline', () => {
    const page = read({
      head: '<meta name="application-name" content="Northbridge will rebuild its grain pier"><link rel="canonical" href="https://ledger.example/pier">',
    });
    expect(page.outlet).toBe('ledger.example');
  });

  it('comes from the JSON-LD isPartOf where nothing else names the site', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Northbridge will rebuild its grain pier',
      isPartOf: { '@type': 'WebSite', name: 'Quayside Weekly' },
    };
    const page = read({ head: `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>` });
    expect(page.outlet).toBe('Quayside Weekly');
  });
});

describe('the byline', () => {
  it('takes every author shown with profile links, job titles and follow prompts, and only their names', () => {
    const author = (slug: string, name: string) =>
      `<div class="author-card"><a href="/journalists/${slug}">${name}</a><span>Journalist at Harbour Ledger</span><button>Follow</button><a href="/journalists/${slug}">Go to this journalist's page</a></div>`;
    const page = read({
      header: `<div class="authors">${author('ann-example', 'Ann Example')}${author('bo-sample', 'Bo Sample')}${author('cy-instance', 'Cy Instance')}</div><p>12 May 2021</p>`,
    });
    expect(page.authors).toEqual(['Ann Example', 'Bo Sample', 'Cy Instance']);
    expect(page.body).not.toMatch(/Journalist at|Follow|Go to this/);
  });

  it('takes a staff byline as the author, as the page writes it', () => {
    const page = read({ header: '<p class="byline">BY LEDGER STAFF</p><p>May 12, 2021</p>' });
    expect(page.authors).toEqual(['LEDGER STAFF']);
  });

  it('records a JSON-LD name as stated, brackets and all, where the header shortens it', () => {
    const jsonLd = {
      '@type': 'NewsArticle',
      headline: 'Northbridge will rebuild its grain pier',
      author: { '@type': 'Person', name: 'Ann (Marie) Example' },
    };
    const page = read({
      head: `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`,
      header: '<p class="byline">By Ann Example</p>',
    });
    expect(page.authors).toEqual(['Ann (Marie) Example']);
  });

  it('takes the name in the form the metadata writes it, where the header prints it in capitals', () => {
    const page = read({
      head: '<meta name="author" content="Ann Example">',
      header: '<p class="byline">By ANN EXAMPLE MAY 12, 2021</p>',
    });
    expect(page.authors).toEqual(['Ann Example']);
  });

  it('takes the byline the header shows over a metadata author who is not in it', () => {
    const page = read({
      head: '<meta name="author" content="Dee Columnist">',
      header: '<p class="byline">by: <cite class="author">Ann Example</cite></p>',
      after: '<aside class="sidebar"><p class="byline">By Dee Columnist</p></aside>',
    });
    expect(page.authors).toEqual(['Ann Example']);
  });

  it('does not take the name the page labels as its editor, and takes the credit line at the end of the text', () => {
    const page = read({
      head: '<meta name="author" content="Eda Editor">',
      paragraphs: [...STORY.map((paragraph) => `<p>${paragraph}</p>`), '<p>Author: Ann Example</p>'],
      after: '<div class="liability">Editor: Eda Editor</div>',
    });
    expect(page.authors).toEqual(['Ann Example']);
    expect(page.body).not.toContain('Author: Ann Example');
  });

  it('does not take a navigation link marked as bylines for a byline', () => {
    const html = pageHtml({ header: '<p>May 12, 2021</p>' }).replace(
      '<li><a href="/harbour/">Harbour</a></li>',
      '<li id="navBylines"><a href="/bylines/">Individual</a></li>',
    );
    expect(readWebPage(html, undefined).authors).toEqual([]);
  });

  it('names two bylines that nothing chooses between, and the flag that settles it, and imports nothing', async () => {
    const content = await temporaryContent();
    const file = join(content, 'two-bylines.html');
    await writeFile(
      file,
      pageHtml({
        head: '<meta property="og:site_name" content="Harbour Ledger"><meta property="article:published_time" content="2021-05-12">',
        header:
          '<p class="byline">By Ann Example</p><p>Pier plans</p><p>Boats</p><p>Tides</p><p>Nets</p><p class="byline">By Bo Sample</p>',
      }),
    );
    const report = await importArticles(importOptions([file], content));
    expect(report.imported).toEqual([]);
    expect(report.failed).toEqual([
      {
        input: file,
        message: `${file}: shows 2 bylines, "Ann Example" and "Bo Sample" (pass --author "Name" for each author)`,
      },
    ]);
    const settled = await importArticles(importOptions([file], content, { authors: ['Ann Example'] }));
    expect(settled.imported.map(({ article }) => article.authors)).toEqual([['Ann Example']]);
  });
});

describe('the date', () => {
  it('is the one the header shows where the metadata gives none', () => {
    expect(read({ header: '<p class="byline">By Ann Example</p><p>Published Wednesday 12 May 2021</p>' }).date).toBe(
      '2021-05-12',
    );
  });

  it("is the day the outlet states in its own time zone, not the metadata's UTC day", () => {
    const page = read({
      head: '<meta property="article:published_time" content="2021-05-13T04:30:00Z">',
      header: '<p class="byline">By Ann Example May 12, 2021 11:30 PM CDT</p>',
    });
    expect(page.date?.slice(0, 10)).toBe('2021-05-12');
  });

  it("keeps the metadata's date-time where the header shows the same day", () => {
    const page = read({
      head: '<meta property="article:published_time" content="2021-05-12T09:15:00+02:00">',
      header: '<p>12 May 2021</p>',
    });
    expect(page.date).toBe('2021-05-12T09:15:00+02:00');
  });

  it("does not take a masthead's date of today, above the headline, over the metadata's", () => {
    const html = pageHtml({
      head: '<meta property="article:published_time" content="2021-05-12T09:15:00+02:00">',
    }).replace('<main>', '<main><p class="today">Friday, May 14, 2021</p>');
    expect(readWebPage(html, undefined).date).toBe('2021-05-12T09:15:00+02:00');
  });

  it("does not take an update's date for the publication's", () => {
    const page = read({
      head: '<meta property="article:published_time" content="2021-05-12T09:15:00+02:00">',
      header: '<p>Updated May 14, 2021</p>',
    });
    expect(page.date).toBe('2021-05-12T09:15:00+02:00');
  });

  it('keeps the metadata date where the header writes it in numbers alone, whose order is a guess', () => {
    const page = read({
      head: '<meta property="article:published_time" content="2021-05-04">',
      header: '<p class="byline">Ann Example</p><p>04.05.21</p>',
    });
    expect(page.date).toBe('2021-05-04');
  });

  it("reads the article's microdata date, not a video's before it on the same page", () => {
    const html = pageHtml({})
      .replace(
        '<main>',
        '<main><div itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="datePublished" content="2021-06-30T10:00:00Z"></div>',
      )
      .replace(
        '<article>',
        '<article itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2021-05-12T08:00:00Z">',
      );
    expect(readWebPage(html, undefined).date).toBe('2021-05-12T08:00:00Z');
  });

  it("reads a date in numbers by the page's language and country", () => {
    expect(read({ header: '<p>04/05/2021</p>', lang: 'en-GB' }).date).toBe('2021-05-04');
    expect(read({ header: '<p>04/05/2021</p>', lang: 'en-US' }).date).toBe('2021-04-05');
    expect(read({ header: '<p>04.05.2021</p>', lang: 'de' }).date).toBe('2021-05-04');
  });

  it('says a date in numbers that reads as two days is ambiguous, and which flag settles it', async () => {
    const content = await temporaryContent();
    const file = join(content, 'either-way.html');
    await writeFile(
      file,
      pageHtml({
        head: '<meta property="og:site_name" content="Harbour Ledger">',
        header: '<p class="byline">By Ann Example</p><p>04.05.21</p>',
      }),
    );
    expect((await importArticles(importOptions([file], content))).failed).toEqual([
      {
        input: file,
        message: `${file}: shows its date as "04.05.21", which reads as two days, day or month first (pass --date YYYY-MM-DD)`,
      },
    ]);
    const dated = await importArticles(importOptions([file], content, { date: '2021-05-04' }));
    expect(dated.imported.map(({ article }) => article.date)).toEqual(['2021-05-04']);
  });

  it('asks for the date where the page gives none anywhere', async () => {
    const content = await temporaryContent();
    const file = join(content, 'undated.html');
    await writeFile(file, pageHtml({ head: '<meta property="og:site_name" content="Harbour Ledger">' }));
    expect((await importArticles(importOptions([file], content))).failed).toEqual([
      {
        input: file,
        message: `${file}: gives no publication date in its metadata or its text (pass --date YYYY-MM-DD)`,
      },
    ]);
  });

  it("is the day in the page's address where nothing else gives one, with a note", () => {
    const page = read({}, 'https://ledger.example/hl?a=20210512-0042-harbour');
    expect(page.date).toBe('2021-05-12');
    expect(page.notes).toContain(
      "date 2021-05-12 taken from the page's address (pass --date if it is not the publication day)",
    );
  });
});

describe('the text and its language', () => {
  it('reads a page that declares one encoding but is saved in UTF-8, with a note', () => {
    const html = pageHtml({ lang: 'zh' })
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
      .replace('Northbridge will rebuild its grain pier', '北桥港重建旧码头');
    const notes: string[] = [];
    const text = decodeInput(new TextEncoder().encode(html), 'html', undefined, (note) => notes.push(note));
    expect(text).toContain('北桥港重建旧码头');
    expect(notes).toEqual(['declares GB2312 but its text is UTF-8; read as UTF-8']);
  });

  it('counts the words of a text written without spaces, and knows its language by its script', () => {
    const paragraph =
      '北桥港务局周一投票决定重建旧粮食码头，结束了四年前一场风暴摧毁码头外半部分以来的争论。新码头将采用钢桩混凝土结构。';
    const html = pageHtml({
      paragraphs: [`<p>${paragraph}</p>`, `<p>${paragraph}</p>`],
      headline: '北桥港重建旧码头',
    }).replace(' lang="en"', '');
    const page = readWebPage(html, undefined, { defaultLanguage: 'en' });
    expect(page.body).toContain('北桥港务局周一投票');
    expect(page.lang).toBe('zh');
  });

  it('leaves out the job title, handle, reading time, relative date and provider line above the text', () => {
    const page = read({
      head: '<meta name="author" content="Ann Example">',
      paragraphs: [
        '<p>By Ann Example, Harbour Correspondent</p>',
        '<p>@annexample</p>',
        '<p>4 min read</p>',
        '<p>1 day ago</p>',
        '<p>Source: Quayside Wire</p>',
        ...STORY.map((paragraph) => `<p>${paragraph}</p>`),
      ],
    });
    expect(page.body).toMatch(/^The harbour board of Northbridge/);
  });

  it('leaves out a newsletter box set into the text, and keeps a paragraph that only mentions a newsletter', () => {
    const box =
      '<div class="inline-box"><p><strong>Get the Ledger in your inbox</strong></p><p>Our harbour briefing every weekday, free, or £1 a month for the full edition.</p><p><a href="/newsletters">Sign up now</a></p></div>';
    const mention = '<p>The board will send its own newsletter to residents of the quays before building starts.</p>';
    const page = read({
      paragraphs: STORY.map((paragraph, index) =>
        index === 2 ? `${box}${mention}<p>${paragraph}</p>` : `<p>${paragraph}</p>`,
      ),
    });
    expect(page.body).not.toMatch(/inbox|£1|Sign up now/);
    expect(page.body).toContain('The board will send its own newsletter');
  });

  it("turns a wire story's dateline and sign-off into authors and credits, out of the text", () => {
    const page = read({
      paragraphs: [
        `<p>NORTHBRIDGE (Quayside Wire) - ${STORY[0]}</p>`,
        ...STORY.slice(1).map((paragraph) => `<p>${paragraph}</p>`),
        '<p>Reporting by Ann Example and Bo Sample in Northbridge; Editing by Eda Editor</p>',
      ],
    });
    expect(page.authors).toEqual(['Ann Example', 'Bo Sample']);
    expect(page.body).toMatch(/^The harbour board of Northbridge/);
    expect(page.body).not.toMatch(/Quayside Wire|Reporting by|Editing by/);
    expect(page.notes).toContain('credit: Editing by Eda Editor');
  });

  it("takes a wire agency's closing credit as the author where the page names none", () => {
    const page = read({ paragraphs: [...STORY.map((paragraph) => `<p>${paragraph}</p>`), '<p>— QW</p>'] });
    expect(page.authors).toEqual(['QW']);
    expect(page.body).not.toMatch(/— QW/);
  });
});
