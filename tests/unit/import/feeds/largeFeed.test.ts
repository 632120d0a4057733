import { createWriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../../../src/import/importInputs.ts';
import { importOptions, temporaryContent } from '../support.ts';

const MEGABYTE = 1024 * 1024;

function story(n: number): string {
  const paragraph = (p: number) =>
    `<p>Paragraph ${p} of story ${n}: Huawei &amp; the EU — “trust” with <a href="/story/${n}#p${p}">a relative link</a>, <strong>weight</strong> and <em>stress</em>. ` +
    'Brussels officials said the centre would be judged on what independent testers find, not on what the company promises, and several operators said they would wait.</p>';
  return `<item>
  <title>Story ${n}: Huawei and the EU</title>
  <link>https://feed.example/story/${n}</link>
  <guid>https://feed.example/story/${n}</guid>
  <pubDate>${new Date(Date.UTC(2019, 0, 1) + n * 3_600_000).toUTCString()}</pubDate>
  <category>Huawei</category><category>EU</category>
  <description>Summary of story ${n}.</description>
  <content:encoded><![CDATA[${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}<img src="/img/${n}.jpg" alt="Photo ${n}"><img src="https://feed.example/pixel.gif" width="1" height="1">]]></content:encoded>
</item>
`;
}

/** Writes an RSS feed of at least `bytes`, returning how many items it holds. */
async function writeLargeFeed(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big Feed</title><link>https://feed.example/</link><description>Many stories</description>\n',
  );
  let written = 0;
  let items = 0;
  while (written < bytes) {
    const item = story(++items);
    written += Buffer.byteLength(item);
    if (!out.write(item)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end('</channel></rss>\n');
  await finished(out);
  return items;
}

describe('a 20 MB feed', () => {
  it('imports every item in bounded time', { timeout: 300_000 }, async () => {
    const content = await temporaryContent();
    const feed = join(content, 'large.xml');
    const items = await writeLargeFeed(feed, 20 * MEGABYTE);
    const size = (await stat(feed)).size;
    expect(size).toBeGreaterThanOrEqual(20 * MEGABYTE);

    // Bounded in processor time, which another busy process on the machine does not stretch as it does the wall clock.
    const started = process.cpuUsage();
    const report = await importArticles(importOptions([feed], content));
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;

    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(items);
    expect(await readdir(join(content, 'articles'))).toHaveLength(items);
    expect(report.imported[0]!.article.body).toContain('[a relative link](https://feed.example/story/1#p1)');
    expect(report.imported[0]!.article.body).not.toContain('pixel.gif');
    console.info(
      `20 MB feed: ${(size / MEGABYTE).toFixed(1)} MB, ${items} items imported in ${seconds.toFixed(1)} s of processor time; ` +
        `peak memory of the test process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    expect(seconds).toBeLessThan(120);
  });
});
