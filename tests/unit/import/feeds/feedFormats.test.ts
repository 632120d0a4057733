import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { articlesFromChannel, type FeedStoryOutcome } from '../../../../src/import/feeds/feedArticles.ts';
import { readFeedChannel } from '../../../../src/import/feeds/feedChannel.ts';
import { decodeInput, detectInputKind } from '../../../../src/import/inputEncoding.ts';
import { ImportError } from '../../../../src/import/importError.ts';
import type { ImportedArticle } from '../../../../src/import/importedArticle.ts';
import { fixtures } from '../support.ts';

async function channel(name: string) {
  const bytes = await readFile(join(fixtures, name));
  const kind = detectInputKind(bytes);
  if (kind === 'text') throw new Error(`${name} is not a feed`);
  return readFeedChannel(decodeInput(bytes, kind), kind);
}

async function outcomes(
  name: string,
  options: Partial<Parameters<typeof articlesFromChannel>[1]> = {},
): Promise<FeedStoryOutcome[]> {
  return articlesFromChannel(await channel(name), { authors: [], tags: [], ...options });
}

async function articles(
  name: string,
  options: Partial<Parameters<typeof articlesFromChannel>[1]> = {},
): Promise<ImportedArticle[]> {
  return (await outcomes(name, options)).flatMap((outcome) => ('article' in outcome ? [outcome.article()!] : []));
}

describe('RSS 2.0', () => {
  it('maps title, date, author, categories, link, feed title and content', async () => {
    const [first, second, third] = await articles('rss2.xml');
    expect(first).toEqual({
      title: 'Huawei opens a new EU cybersecurity transparency centre',
      date: '2019-03-06T09:30:00+00:00',
      source: { name: 'Silicon Republic', url: 'https://www.siliconrepublic.com/' },
      authors: ['Jenny Darmody'],
      tags: ['Huawei', 'Cybersecurity'],
      summary: 'Huawei is trying to alleviate concerns in Europe.',
      lang: 'en-IE',
      canonical: 'https://www.siliconrepublic.com/enterprise/huawei-cybersecurity-centre-brussels',
      body: [
        'Amid allegations of security risks from the US, it seems Huawei is trying to alleviate concerns in Europe.',
        '## Trust in cybersecurity a major challenge',
        'Deputy chair Ken Hu said: “Trust needs to be based on facts.” Read [the statement](https://www.siliconrepublic.com/enterprise/huawei-statement).',
        '![Huawei logo on the wall of the server room.](https://www.siliconrepublic.com/uploads/huawei.jpg)',
      ].join('\n\n'),
    });
    expect(second).toMatchObject({
      date: '2019-02-25T23:30:00-05:00',
      authors: ['John Kennedy'],
      tags: ['5G'],
      summary: undefined,
    });
    expect(second!.body).toBe(
      'Mike Pompeo warned that the US would not work alongside countries that used Huawei equipment.',
    );
    expect(third).toMatchObject({ date: '2019-03-07T10:15:00+01:00', authors: [], tags: [] });
  });

  it('lets --source, --author and --tag speak for the editor', async () => {
    const [first, , third] = await articles('rss2.xml', {
      source: 'SiliconRepublic.com',
      authors: ['Desk'],
      tags: ['Huawei', 'EU'],
    });
    expect(first!.source.name).toBe('SiliconRepublic.com');
    expect(first!.authors).toEqual(['Jenny Darmody']);
    expect(first!.tags).toEqual(['Huawei', 'Cybersecurity', 'EU']);
    expect(third!.authors).toEqual(['Desk']);
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads Dublin Core dates, creators and subjects', async () => {
    expect(await articles('rss1.rdf')).toEqual([
      {
        title: 'Huawei opens Brussels security lab',
        date: '2019-03-05T18:00:00+01:00',
        source: { name: 'EU Tech Desk', url: 'https://www.euractiv.example/' },
        authors: ['Samuel Stolton'],
        tags: ['Huawei', 'EU policy'],
        summary: 'Huawei opened a cybersecurity lab in Brussels on Tuesday.',
        lang: 'en',
        canonical: 'https://www.euractiv.example/huawei-brussels-lab',
        body: 'Huawei opened a cybersecurity lab in Brussels on Tuesday, the company’s answer to _security concerns_ in Europe.',
      },
    ]);
  });
});

describe('Atom 1.0', () => {
  it('resolves xml:base, reads html, xhtml and text content, and falls back to the feed’s author', async () => {
    const [first, second, third] = await articles('atom.xml');
    expect(first).toMatchObject({
      title: 'Huawei Combating EU Security Concerns With Investments In Brussels',
      date: '2018-12-03T21:45:00-05:00',
      source: { name: 'Android Headlines & more', url: 'https://www.androidheadlines.com/' },
      authors: ['Dominik Bošnjak'],
      tags: ['Huawei', 'eu'],
      lang: 'en-US',
      canonical: 'https://www.androidheadlines.com/2018/12/huawei-brussels-security-centre.html',
    });
    expect(first!.body).toContain('![Huawei logo](https://www.androidheadlines.com/2018/12/images/huawei-logo.jpg)');
    expect(second).toMatchObject({
      date: '2018-12-05T10:00:00+01:00',
      authors: ['Mark Rowe'],
      body: 'The centre in **Brussels** will be open to third-party researchers.',
    });
    expect(third!.body).toBe('First paragraph with a \\<tag> that is text.\n\nSecond paragraph.');
  });
});

describe('JSON Feed', () => {
  it('reads content_html, content_text, tags and authors', async () => {
    const [first, second] = await articles('feed.json');
    expect(first).toMatchObject({
      title: 'What Huawei’s Brussels centre means for 5G',
      date: '2019-03-06T12:00:00+00:00',
      authors: ['Ada Byron'],
      tags: ['Huawei', '5G', 'EU Policy'],
      lang: 'en-GB',
      body: 'Huawei’s new centre is a bid for trust. [Pompeo’s warning](https://policy.example.org/2019/02/pompeo) came weeks earlier.',
    });
    expect(second).toMatchObject({
      authors: ['Policy Desk'],
      body: 'Just text, with \\*asterisks\\* that are not emphasis.\n\nAnd a second paragraph.',
    });
  });
});

/** Every URL a Markdown body would turn into a link or an image, and any raw HTML in it. */
function renderedHazards(body: string): { urls: string[]; html: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const urls: string[] = [];
  const html: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if (node.type === 'html') html.push(node.value);
  });
  return { urls, html };
}

describe('a hostile feed', () => {
  it('yields articles whose Markdown holds no HTML and links nowhere but the web', async () => {
    const imported = await articles('hostile.xml');
    expect(imported).toHaveLength(6);
    for (const article of imported) {
      const { urls, html } = renderedHazards(article.body);
      expect(html).toEqual([]);
      for (const url of urls) expect(url).toMatch(/^(https?:|mailto:)/);
      expect(article.title).not.toMatch(/[<>]/);
    }
  });

  it('keeps the visible text and the real photo', async () => {
    const bodies = (await articles('hostile.xml')).map((article) => article.body);
    expect(bodies[0]).toBe('Visible text one.\n\nVisible text two.');
    expect(bodies[3]).toBe('Before the frame.\n\nAfter the form.');
    expect(bodies[4]).toBe('Story text.\n\n![A real photo](https://hostile.example/photo.jpg)');
  });

  it('gives no canonical for a javascript: link, and a plain-text feed title', async () => {
    const imported = await articles('hostile.xml');
    expect(imported[2]!.canonical).toBeUndefined();
    expect(imported[0]!.source.name).toBe('Hostile News');
  });
});

describe('a feed with problems', () => {
  it('skips an item without a date, naming the option, and keeps the others', async () => {
    const [first, second, undated] = await outcomes('missing-date.xml');
    expect([first, second].map((outcome) => outcome && 'date' in outcome && outcome.date)).toEqual([
      '2019-03-06T09:30:00+00:00',
      '2019-03-07T09:30:00+00:00',
    ]);
    expect(undated).toMatchObject({
      story: { position: 3 },
      skipped: 'has no date (pass --date YYYY-MM-DD to import it with that date)',
    });
  });

  it('dates such items with --date', async () => {
    const imported = await articles('missing-date.xml', { date: '2019-03-08' });
    expect(imported.map((article) => article.date)).toEqual([
      '2019-03-06T09:30:00+00:00',
      '2019-03-07T09:30:00+00:00',
      '2019-03-08',
    ]);
  });

  it('skips an item whose date is not a date, quoting it', async () => {
    expect(await outcomes('bad-date.xml')).toMatchObject([
      {
        skipped:
          'date "Sun, 31 Feb 2019 10:00:00 GMT" is not a date the importer can read (pass --date YYYY-MM-DD to import it with that date)',
      },
    ]);
  });

  it('passes on duplicate guids for the importer to skip', async () => {
    expect((await outcomes('duplicate-guids.xml')).map((outcome) => outcome.story.id)).toEqual([
      'story-1',
      'story-1',
      undefined,
      'story-2',
    ]);
  });

  it.each([
    ['malformed.xml', "line 14: is not well-formed XML: Expected closing tag 'title'"],
    ['truncated.xml', 'line 14: ends while <item> is still open: the feed was cut short'],
    ['not-a-feed.html', 'is a web page, not a feed'],
    ['external-entities.xml', 'could not be read as a feed: External entities are not supported'],
  ])('refuses %s: %s', async (name, message) => {
    await expect(channel(name)).rejects.toThrow(ImportError);
    await expect(channel(name)).rejects.toThrow(message);
  });

  it('refuses JSON that is broken or not a JSON Feed', () => {
    expect(() => readFeedChannel('{"version": "https://jsonfeed.org/version/1.1",\n "title" "x"}', 'json')).toThrow(
      "line 2: is not valid JSON: Expected ':' after property name",
    );
    expect(() => readFeedChannel('{"version": "https://jsonfeed.org/version/1.1",\n "title": }', 'json')).toThrow(
      /^is not valid JSON: Unexpected token '}' \(/,
    );
    expect(() => readFeedChannel('{"version": "https://jsonfeed.org/version/1.1",\n "items": [', 'json')).toThrow(
      'is not valid JSON: Unexpected end of JSON input',
    );
    expect(() => readFeedChannel('{"title": "x"}', 'json')).toThrow('is JSON but not a JSON Feed');
  });

  it('needs a feed title or --source to name the outlet', () => {
    const untitled = readFeedChannel(
      '<rss version="2.0"><channel><item><title>A</title></item></channel></rss>',
      'xml',
    );
    expect(() => articlesFromChannel(untitled, { authors: [], tags: [] })).toThrow(
      'has no title naming the outlet (pass --source "Outlet name")',
    );
  });

  it('titles an item with no title from its first sentence, and gives no article for one with no text, rather than failing the feed', () => {
    const sparse = readFeedChannel(
      '<rss version="2.0"><channel><title>T</title><item><description>&lt;p>Crews cleared the &lt;b>flooded&lt;/b> road at dawn. Traffic resumed.&lt;/p></description><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate></item><item><title>No text</title><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate></item><item><pubDate>Wed, 06 Mar 2019 09:30:00 GMT</pubDate></item></channel></rss>',
      'xml',
    );
    const [untitled, empty, nothing] = articlesFromChannel(sparse, { authors: [], tags: [] });
    expect(untitled).toMatchObject({
      title: 'Crews cleared the flooded road at dawn',
      note: 'has no title: titled "Crews cleared the flooded road at dawn" from its first sentence',
    });
    expect(empty && 'article' in empty && empty.article()).toBeUndefined();
    expect(nothing).toMatchObject({ skipped: 'has no title and no text to make one from' });
  });
});
