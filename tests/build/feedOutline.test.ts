/**
 * The digest's feeds as one OPML file, so a reader subscribes to all of them (or the ones they
 * want) in their own feed reader at once: read by a real OPML parser, every feed it lists built.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOpml } from 'feedsmith';
import { describe, expect, inject, it } from 'vitest';

const site = inject('defaultSite');
const ORIGIN = 'https://dossier.example.org';

describe('the outline of the default digest’s feeds', () => {
  it('lists the digest’s feeds, each tag’s and each entity’s, in RSS and JSON Feed, every one built', async () => {
    const opml = parseOpml(await readFile(join(site, 'feeds.opml'), 'utf8'));
    expect(opml.head?.title).toBe('Huawei in Brussels: every feed');
    const groups = opml.body!.outlines!;
    expect(groups.map((group) => group.text)).toEqual(['Huawei in Brussels', 'Tags', 'Who’s who']);
    expect(groups[0]!.outlines!.map(({ text, xmlUrl, htmlUrl }) => ({ text, xmlUrl, htmlUrl }))).toEqual([
      { text: 'Huawei in Brussels (RSS)', xmlUrl: `${ORIGIN}/rss.xml`, htmlUrl: `${ORIGIN}/` },
      { text: 'Huawei in Brussels (JSON Feed)', xmlUrl: `${ORIGIN}/feed.json`, htmlUrl: `${ORIGIN}/` },
    ]);
    expect(groups[1]!.outlines!.map((feed) => feed.text)).toContain('Huawei in Brussels: brussels (RSS)');
    expect(groups[2]!.outlines!.map((feed) => feed.xmlUrl)).toContain(`${ORIGIN}/who/ken-hu/feed.json`);
    const feeds = groups.flatMap((group) => group.outlines!);
    expect(feeds.length).toBeGreaterThan(10);
    for (const { xmlUrl, type } of feeds) {
      expect(type).toBe('rss');
      expect(existsSync(join(site, new URL(xmlUrl!).pathname)), xmlUrl).toBe(true);
    }
  });
});
