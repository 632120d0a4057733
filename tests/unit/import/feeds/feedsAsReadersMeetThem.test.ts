import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { namesInByline } from '../../../../src/import/bylineNames.ts';
import { articlesFromChannel, type FeedArticle } from '../../../../src/import/feeds/feedArticles.ts';
import { readFeedChannel } from '../../../../src/import/feeds/feedChannel.ts';
import { decodeInput, detectInputKind } from '../../../../src/import/inputEncoding.ts';
import { outletHtmlToMarkdown } from '../../../../src/import/outletHtml.ts';
import { importArticles } from '../../../../src/import/importInputs.ts';
import { readFeedDate } from '../../../../src/import/newsDates.ts';
import { articleFiles, importOptions, temporaryContent } from '../support.ts';

const rss = (items: string, head = '<?xml version="1.0" encoding="UTF-8"?>', attributes = '') =>
  `${head}<rss version="2.0"${attributes}><channel><title>Valdria Courier</title><link>https://courier.example/</link>${items}</channel></rss>`;
const item = (fields: string) =>
  `<item><title>Bridge reopens</title><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate>${fields}</item>`;

function decoded(bytes: Uint8Array): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const text = decodeInput(bytes, detectInputKind(bytes), undefined, (warning) => warnings.push(warning));
  return { text, warnings };
}

function stories(xml: string): FeedArticle[] {
  return articlesFromChannel(readFeedChannel(xml, 'xml'), { authors: [], tags: [] }).filter(
    (outcome): outcome is FeedArticle => 'article' in outcome,
  );
}

describe('encodings as feed readers read them', () => {
  it('reads UTF-8 bytes under an ISO-8859-1 declaration as UTF-8, and says so', () => {
    const { text, warnings } = decoded(
      new TextEncoder().encode(
        rss(
          item('<description>veröffentlicht — „Brücke“</description>'),
          '<?xml version="1.0" encoding="ISO-8859-1"?>',
        ),
      ),
    );
    expect(text).toContain('veröffentlicht — „Brücke“');
    expect(warnings).toEqual(['declares ISO-8859-1 but its text is UTF-8; read as UTF-8']);
  });

  it('reads Latin-1 bytes with no declaration as Windows-1252, with a warning, instead of refusing them', () => {
    const xml = iconv.encode(rss(item('<description>café “q”</description>'), '<?xml version="1.0"?>'), 'windows-1252');
    const { text, warnings } = decoded(xml);
    expect(text).toContain('café “q”');
    expect(warnings[0]).toMatch(/^declares no encoding and is not valid UTF-8; read as Windows-1252/);
  });

  it.each([
    ['windows-1251', 'Мост снова открыт'],
    ['GB2312', '大桥重新开放'],
    ['GBK', '大桥重新开放'],
  ])('reads a feed declared %s', (encoding, words) => {
    const { text, warnings } = decoded(
      iconv.encode(
        rss(item(`<description>${words}</description>`), `<?xml version="1.0" encoding="${encoding}"?>`),
        encoding,
      ),
    );
    expect(text).toContain(words);
    expect(warnings).toEqual([]);
  });

  it('lets a byte-order mark outrank the declaration', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(
        rss(item('<description>Zürich</description>'), '<?xml version="1.0" encoding="windows-1251"?>'),
      ),
    ]);
    expect(decoded(bytes).text).toContain('Zürich');
  });
});

describe('feeds as publishers write them', () => {
  it('reads RSS whose elements are in a default namespace', () => {
    const [story] = stories(
      rss(
        item('<description>Text.</description><link>https://courier.example/bridge</link>'),
        undefined,
        ' xmlns="http://backend.userland.com/rss2"',
      ),
    );
    expect(story).toMatchObject({ title: 'Bridge reopens', canonical: 'https://courier.example/bridge' });
  });

  it('takes the canonical address from feedburner:origLink and pheedo:origLink, not the tracking redirect', () => {
    const xml = rss(
      item(
        '<link>https://feedproxy.google.com/~r/x/~3/abc/</link><feedburner:origLink>https://courier.example/bridge?utm_source=feedburner</feedburner:origLink><description>A.</description>',
      ) +
        '<item><title>Second</title><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate><link>http://feeds.courier.example/click.phdo?i=1</link><pheedo:origLink>https://courier.example/second?wprss=rss_x</pheedo:origLink><description>B.</description></item>',
      undefined,
      ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:pheedo="http://www.pheedo.com/namespace/pheedo"',
    );
    expect(stories(xml).map((story) => story.canonical)).toEqual([
      'https://courier.example/bridge',
      'https://courier.example/second',
    ]);
  });

  it.each([
    ['Wed, 06 Mar 2019 09:30:00 EST', '2019-03-06T09:30:00-05:00'],
    ['Wed, 06 Mar 2019 09:30:00 GMT   ', '2019-03-06T09:30:00+00:00'],
    ['Mi, 06 Mär 2019 09:30:00 +0100', '2019-03-06T09:30:00+01:00'],
    ['mer., 06 mars 2019 09:30:00 +0100', '2019-03-06T09:30:00+01:00'],
    ['Ср, 06 мар 2019 09:30:00 +0300', '2019-03-06T09:30:00+03:00'],
  ])('reads the date %j', (written, expected) => {
    expect(readFeedDate(written)).toBe(expected);
  });

  it('keeps only the day of a date without a time zone, and says once which zone it assumed', () => {
    const [first, second] = stories(
      rss(
        '<item><title>Bridge</title><pubDate>2019-03-06T23:30</pubDate><description>A.</description></item><item><title>Ferry</title><pubDate>2019-03-07T08:00</pubDate><description>B.</description></item>',
      ),
    );
    expect(first).toMatchObject({
      date: '2019-03-06',
      note: 'date "2019-03-06T23:30" gives no time zone: taken as the publisher\'s local time, so only the day 2019-03-06 is kept (and so for every date in this feed without a zone)',
    });
    expect(second).toMatchObject({ date: '2019-03-07' });
    expect(second!.note).toBeUndefined();
  });

  it('splits bylines into the people named', () => {
    expect(namesInByline('Lenny Bernstein, illustration by Anna Parini for the washington post')).toEqual([
      'Lenny Bernstein',
    ]);
    expect(namesInByline('By Will Bordell and Jon Robins')).toEqual(['Will Bordell', 'Jon Robins']);
    expect(namesInByline('Tom McCarthy in New York')).toEqual(['Tom McCarthy']);
    expect(namesInByline('Priya Natarajan, senior health correspondent')).toEqual(['Priya Natarajan']);
    expect(namesInByline('desk@courier.example (Mara Quill)')).toEqual(['Mara Quill']);
    expect(namesInByline('Staff and agencies')).toEqual(['Staff and agencies']);
    const [story] = stories(
      rss(
        item('<author>ed@courier.example (Lenny Bernstein, photos by Ana Ruiz)</author><description>A.</description>'),
      ),
    );
    expect(story!.article()!.authors).toEqual(['Lenny Bernstein']);
  });
});

describe('what feeds wrap around their stories', () => {
  const base = 'https://courier.example/bridge';

  it('removes tracking pixels, ad links, share buttons and "read more" footers', () => {
    const html = `<p>The bridge reopened.</p>
      <a href="https://courier.example/bridge">Read full article  &gt;&gt;</a><br clear="both"/>
      <a href="http://www.pheedcontent.com/hostedMorselClick.php?x=1"><img alt="Add to Facebook" title="Add to Facebook" src="http://images.pheedo.com/images/mm/facebook.gif"/></a>
      <a href="http://courier.example/share?x"><img alt="Share on X" src="https://courier.example/x.png"/></a>
      <a href="http://ads.pheedo.com/click.phdo?s=1"><img alt="" src="http://ads.pheedo.com/img.phdo?s=1"/></a>
      <img src="http://feeds.feedburner.com/~r/Courier/~4/abc" height="1" width="1" alt=""/>
      <p><a href="https://courier.example/bridge">Continue reading…</a></p>
      <div class="feedflare"><a href="http://feeds.feedburner.com/~ff/Courier?a=1"><img src="http://feeds.feedburner.com/~ff/Courier?d=1"/></a></div>`;
    expect(outletHtmlToMarkdown(html, base)).toBe('The bridge reopened.');
  });

  it('keeps a story link that merely starts with "More"', () => {
    expect(
      outletHtmlToMarkdown(
        '<p><a href="https://courier.example/more">More rain is forecast for the valley</a>.</p>',
        base,
      ),
    ).toBe('[More rain is forecast for the valley](https://courier.example/more).');
  });

  it('unwraps a link around an image without alt text, keeping the image', () => {
    expect(
      outletHtmlToMarkdown(
        '<p><a href="https://courier.example/big.jpg"><img src="https://courier.example/small.jpg"></a> <a href="https://courier.example/b"><img src="https://courier.example/b.jpg" alt="Bridge"></a></p>',
        base,
      ),
    ).toBe(
      '![](https://courier.example/small.jpg) [![Bridge](https://courier.example/b.jpg)](https://courier.example/b)',
    );
  });

  it('drops tracking parameters from links', () => {
    expect(
      outletHtmlToMarkdown(
        '<p><a href="https://courier.example/a?id=4&amp;utm_source=rss&amp;utm_term=.4ff">A</a></p>',
        base,
      ),
    ).toBe('[A](https://courier.example/a?id=4)');
  });

  it('reads two or more <br> as a paragraph break, one as a line break', () => {
    expect(outletHtmlToMarkdown('First paragraph.<br><br>Second, with a<br>line break.<br/>\n<br/>Third.', base)).toBe(
      'First paragraph.\n\nSecond, with a\\\nline break.\n\nThird.',
    );
    expect(outletHtmlToMarkdown('<p>One.<br><br><em>Two.</em></p><p>Three.</p>', base)).toBe(
      'One.\n\n_Two._\n\nThree.',
    );
  });
});

describe('one bad item does not cost the feed', () => {
  it('imports the dated items of a feed with an undated one, exits clean, and a second import changes nothing', async () => {
    const content = await temporaryContent();
    const feed = join(content, 'feed.xml');
    await writeFile(
      feed,
      rss(
        `${item('<link>https://courier.example/1</link><description>A.</description>')}<item><title>Undated</title><description>B.</description></item>`,
      ),
    );
    const first = await importArticles(importOptions([feed], content));
    expect(first.failed).toEqual([]);
    expect(first.imported.map((file) => file.article.title)).toEqual(['Bridge reopens']);
    expect(first.skipped.map((skip) => skip.reason)).toEqual([
      'has no date (pass --date YYYY-MM-DD to import it with that date)',
    ]);
    const files = await articleFiles(content);
    const second = await importArticles(importOptions([feed], content));
    expect(second.imported).toEqual([]);
    expect(await articleFiles(content)).toEqual(files);
  });
});
