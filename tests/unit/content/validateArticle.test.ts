import { describe, expect, it } from 'vitest';
import { findBrokenArticleLinks, linkedArticleSlugs } from '../../../src/content/articleLinks.ts';
import { validateArticleFile } from '../../../src/content/validateArticle.ts';

const FILE = 'content/articles/2019-03-06-example.md';
const VALID = ['title: Example', 'date: 2019-03-06', 'source:', '  name: Example News'];

function file(frontmatter: string[], body = 'Some text.\n'): Uint8Array {
  return new TextEncoder().encode(`---\n${frontmatter.join('\n')}\n---\n\n${body}`);
}

function problemsOf(bytes: Uint8Array): string[] {
  const result = validateArticleFile(FILE, bytes);
  return Array.isArray(result) ? result.map((problem) => problem.message) : [];
}

describe('an article file', () => {
  it('passes when it follows the schema', () => {
    const result = validateArticleFile(FILE, file(VALID));
    expect(Array.isArray(result)).toBe(false);
  });

  // Each bad input must name the file, the field and the fix.
  it.each([
    ['a missing title', file(VALID.slice(1)), 'field "title" is missing (add "title: …" to the frontmatter)'],
    [
      'an impossible date',
      file([VALID[0]!, 'date: 2019-02-30', ...VALID.slice(2)]),
      'field "date" "2019-02-30" is not a calendar date (use YYYY-MM-DD)',
    ],
    [
      'a date in an unknown format',
      file([VALID[0]!, 'date: 6 March 2019', ...VALID.slice(2)]),
      'field "date" "6 March 2019" is not a date Dossier reads (use YYYY-MM-DD',
    ],
    [
      'a date-time without an offset',
      file([VALID[0]!, 'date: "2019-03-06T10:00:00"', ...VALID.slice(2)]),
      'has a time but no offset',
    ],
    ['a misspelt field', file([...VALID, 'tittle: Example']), 'unknown field "tittle" (did you mean "title"?)'],
    ['malformed YAML', file([...VALID, 'tags: [huawei']), 'line 6 is not valid YAML'],
    ['an image without alt', file([...VALID, 'image:', '  src: /photo.jpg']), 'field "image.alt" is missing'],
    [
      'a tag with nothing to make a URL from',
      file([...VALID, 'tags: ["!!!"]']),
      'field "tags[0]" "!!!" has no letters or digits',
    ],
    [
      'an event far in the future',
      file([...VALID, 'events:', '  - date: 2999', '    text: Something.']),
      'field "events[0].date" 2999 is more than 20 years after',
    ],
    [
      'an event with an impossible date',
      file([...VALID, 'events:', '  - date: 2019-02-29', '    text: Something.']),
      'field "events[0].date" "2019-02-29" is not a calendar date',
    ],
    [
      'a source URL that is not one',
      file([...VALID, '  url: siliconrepublic']),
      'field "source.url" is not a web address',
    ],
    [
      'a canonical URL that runs script',
      file([...VALID, 'canonical: "javascript:alert(1)"']),
      'field "canonical" is not a web address',
    ],
    [
      'an image that is a script URL',
      file([...VALID, 'image:', '  src: "javascript:alert(1)"', '  alt: A photo']),
      'field "image.src" is not a web address or a path under public/',
    ],
    ['an empty body', file(VALID, '\n  \n'), 'has no article text'],
    ['no frontmatter', new TextEncoder().encode('Just text.\n'), 'has no frontmatter'],
    [
      'text that is not UTF-8',
      new Uint8Array([...file(VALID, 'caf'), 0xe9, 0x0a]),
      'is not UTF-8 text (open it in your editor and save it with the UTF-8 encoding)',
    ],
  ])('reports %s', (_case, bytes, expected) => {
    const problems = problemsOf(bytes);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(`${FILE}: `);
    expect(problems.join('\n')).toContain(expected);
  });

  it('reports every problem of a file at once', () => {
    expect(problemsOf(file(['tittle: x', 'date: 2019-02-30', 'source: {name: X}'], ''))).toHaveLength(4);
  });

  it('keeps a date-only value a calendar date, and a date-time’s own day', () => {
    const late = validateArticleFile(FILE, file([VALID[0]!, 'date: "2019-03-06T23:30:00-05:00"', ...VALID.slice(2)]));
    expect(Array.isArray(late) ? late : late.data.date.day).toBe('2019-03-06');
  });

  it('normalizes tags to unique slugs', () => {
    const result = validateArticleFile(FILE, file([...VALID, 'tags: [EU Policy, eu-policy, Zürich]']));
    expect(Array.isArray(result) ? result : result.data.tags).toEqual(['eu-policy', 'zurich']);
  });
});

describe('links between articles', () => {
  const origin = 'https://dossier.example.org';

  it('finds links to the digest’s own articles, in any form', () => {
    const body =
      '[a](/articles/one/) [b](https://dossier.example.org/base/articles/two/#x) [c](https://elsewhere.org/articles/no/)\n\n[ref]: /articles/three/';
    expect(linkedArticleSlugs(body, origin)).toEqual(['one', 'two', 'three']);
  });

  it('reports a link to an article that does not exist', () => {
    const problems = findBrokenArticleLinks(
      [{ file: FILE, body: 'See [this](/articles/missing/).' }],
      new Set(['present']),
      origin,
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      `${FILE}: links to /articles/missing/, which no article has (fix the link, or add the article)`,
    ]);
  });
});
