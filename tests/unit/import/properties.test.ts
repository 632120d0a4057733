import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articlesFromChannel } from '../../../src/import/feeds/feedArticles.ts';
import { readFeedChannel } from '../../../src/import/feeds/feedChannel.ts';
import { decodeInput, detectInputKind } from '../../../src/import/inputEncoding.ts';
import { outletHtmlToMarkdown } from '../../../src/import/outletHtml.ts';
import { ImportError } from '../../../src/import/importError.ts';
import { importArticles } from '../../../src/import/importInputs.ts';
import { readRawArticle } from '../../../src/import/pasted/rawText.ts';
import { articleFiles, fixtures, importOptions, seeds, temporaryContent } from './support.ts';

/** Runs `read`; a clean ImportError is an answer, anything else thrown is a crash. */
function answers(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof ImportError) return true;
    throw error;
  }
}

/** The whole path from bytes to articles, as the importer takes it for a file. */
function readInput(bytes: Uint8Array): unknown {
  const kind = detectInputKind(bytes);
  const text = decodeInput(bytes, kind);
  if (kind === 'text') return readRawArticle(text, { dayFirst: false });
  return articlesFromChannel(readFeedChannel(text, kind), { authors: [], tags: [] }).map((outcome) =>
    'article' in outcome ? outcome.article() : outcome,
  );
}

const feedNames = [
  'rss2.xml',
  'rss1.rdf',
  'atom.xml',
  'feed.json',
  'hostile.xml',
  'latin1.xml',
  'utf16.xml',
  'duplicate-guids.xml',
];
const inputs = Promise.all(
  [
    ...feedNames.map((name) => join(fixtures, name)),
    join(seeds, '000_9d8061bec3783662.txt'),
    join(seeds, '002_7018f7561aa7d3df.txt'),
  ].map((file) => readFile(file)),
);

const newsLines = fc.constantFrom(
  'Huawei opens a new EU cybersecurity transparency centre',
  '6 Mar 2019',
  '06/03/2019',
  'Huawei Logo Dec 3 2018 AH',
  'Image: alexeynovikov/Depositphotos',
  'Huawei logo on the wall of the server room. Image: alexeynovikov/Depositphotos',
  'Sponsored Video',
  'Battle lines drawn',
  'By Jenny Darmody',
  'Jenny Darmody is the editor of Silicon Republic',
  '• 5G',
  '1. Not a list',
  '<script>alert(1)</script>',
  '“Trust needs to be based on facts” – Ken Hu',
  'Over the past year, the US has led an attack on Chinese telecoms equipment giant Huawei based on alleged spying charges.',
  '',
  '   ',
);

describe('random and damaged input never crashes the importer', () => {
  // Hundreds of generated texts through the date parser: seconds on a busy machine.
  it('reads any text as an article or says why not', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        answers(() => readRawArticle(text, { dayFirst: false })),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(newsLines, { maxLength: 30 }),
        fc.constantFrom('\n', '\n\n', '\r\n'),
        fc.boolean(),
        (lines, separator, dayFirst) => answers(() => readRawArticle(lines.join(separator), { dayFirst })),
      ),
    );
  });

  it('reads any bytes, or says why not', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => answers(() => readInput(bytes))));
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 300 })
          .map((text) => new TextEncoder().encode(`<?xml version="1.0"?><rss version="2.0"><channel>${text}`)),
        (bytes) => answers(() => readInput(bytes)),
      ),
    );
  });

  it('reads every truncation of every fixture, or says why not', async () => {
    const files = await inputs;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (index, fraction) => {
          const bytes = files[index]!;
          return answers(() => readInput(bytes.subarray(0, Math.floor(bytes.length * fraction))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads fixtures with random bytes changed, or says why not', async () => {
    const files = await inputs;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (index, changes) => {
          const bytes = Uint8Array.from(files[index]!);
          for (const [position, value] of changes) bytes[position % bytes.length] = value;
          return answers(() => readInput(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('turns any HTML into Markdown with no raw HTML and no unsafe link', () => {
    const attribute = fc.constantFrom(
      ' onerror="alert(1)"',
      ' href="javascript:alert(1)"',
      ' src="data:text/html,x"',
      ' href="/relative"',
      ' src="https://x.example/a.png"',
      ' style="x"',
      '',
    );
    const tag = fc.constantFrom(
      'p',
      'a',
      'img',
      'script',
      'style',
      'iframe',
      'form',
      'svg',
      'div',
      'h1',
      'table',
      'li',
      'b',
    );
    const element = fc
      .tuple(tag, attribute, fc.string({ maxLength: 20 }))
      .map(([name, attributes, text]) => `<${name}${attributes}>${text}</${name}>`);
    fc.assert(
      fc.property(fc.array(fc.oneof(element, fc.string({ maxLength: 20 })), { maxLength: 20 }), (parts) => {
        const markdown = outletHtmlToMarkdown(parts.join(''), 'https://news.example/story');
        expect(markdown).not.toMatch(/\]\((?!https?:|mailto:)/);
        expect(markdown).not.toMatch(/(^|[^\\])<(script|iframe|style|form|svg)/i);
      }),
    );
  });

  it('imports a truncated feed file all or nothing', async () => {
    const feed = await readFile(join(fixtures, 'rss2.xml'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: feed.length }), async (length) => {
        const content = await temporaryContent();
        const file = join(content, 'cut.xml');
        await writeFile(file, feed.subarray(0, length));
        const report = await importArticles(importOptions([file], content));
        const written = (await articleFiles(content)).size;
        expect(report.failed.length === 1 ? written === 0 : written === report.imported.length).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
