import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readTopic } from '../../../src/content/topic.ts';
import { formatFollowTotals, formatSourceOutcome } from '../../../src/follow/followReport.ts';
import { followSources, type SourceOutcome } from '../../../src/follow/followSources.ts';
import { readFollowState } from '../../../src/follow/followState.ts';
import { acceptDrafts, listQueue, rejectDrafts } from '../../../src/follow/reviewQueue.ts';
import { articleFiles, followingDigest, rssFeed, startPublisher, type FeedItem, type Publisher } from './support.ts';

let publisher: Publisher;

beforeAll(async () => {
  publisher = await startPublisher();
});

afterAll(() => publisher.close());

beforeEach(() => {
  publisher.routes.clear();
});

const NOW = Date.parse('2026-12-07T09:00:00Z');

async function poll(content: string, now = new Date(NOW)): Promise<SourceOutcome[]> {
  const topic = readTopic(content);
  return followSources({
    content,
    topic: { ...topic, follow: topic.follow! },
    state: await readFollowState(content),
    now,
  });
}

const ITEM: FeedItem = {
  title: 'Operators test 5G in Bern',
  guid: 'a-1',
  link: 'https://outlet.example/a1',
  age: 1,
  text: 'Three operators tested 5G masts in Bern on Monday.',
};

const serve = (item: FeedItem) =>
  publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [item], NOW), etag: `"${item.title}${item.text}"` });

/** A digest that followed the feed once, its one article published (or left a draft). */
async function followedOnce(publish: 'auto' | 'review' = 'auto') {
  const content = await followingDigest(`  sources: [${publisher.origin}/a.xml]\n  publish: ${publish}\n`);
  serve(ITEM);
  await poll(content);
  const [[name, text]] = [...(await articleFiles(content))] as [[string, string]];
  return { content, name, file: join(content, 'articles', name), text };
}

const frontmatterOf = (text: string) => parse(text.slice(4, text.indexOf('\n---\n', 4))) as Record<string, unknown>;
const revisionsOf = async (content: string) =>
  (await readdir(join(content, 'revisions', 'operators-test-5g-in-bern')).catch(() => [])).sort();

const CORRECTED: FeedItem = { ...ITEM, text: 'Two operators tested 5G masts in Bern on Monday.' };

describe('an outlet that changes an article it published', () => {
  it('updates an article the editor has not edited, and keeps the previous version', async () => {
    const { content, file, text } = await followedOnce();
    serve({ ...CORRECTED, title: 'Operators test 5G masts in Bern' });
    const [outcome] = await poll(content, new Date(NOW + 3_600_000));

    expect(outcome).toMatchObject({
      status: 'read',
      candidates: [],
      updates: [{ file, status: 'applied', title: 'Operators test 5G masts in Bern' }],
    });
    const updated = await readFile(file, 'utf8');
    expect(updated).toContain('Two operators tested');
    expect(frontmatterOf(updated)).toMatchObject({
      title: 'Operators test 5G masts in Bern',
      date: frontmatterOf(text)['date'],
      updated: '2026-12-07',
    });
    // The previous version, byte for byte, under the article's slug.
    expect(await revisionsOf(content)).toEqual(['2026-12-07T10-00-00Z.md']);
    const kept = join(content, 'revisions', 'operators-test-5g-in-bern', '2026-12-07T10-00-00Z.md');
    expect(await readFile(kept, 'utf8')).toBe(text);
    expect(formatSourceOutcome(outcome!)).toContain(
      `  updated  ${file}  (changed by the outlet; the previous version is ${kept})`,
    );
    expect(formatFollowTotals([outcome!])).toBe('1 feed polled, 0 new articles, 1 article updated.');

    // Unchanged again: nothing written, nothing reported.
    const [again] = await poll(content, new Date(NOW + 7_200_000));
    expect(again).toMatchObject({ status: 'not-modified' });
    publisher.routes.set('/a.xml', {
      body: rssFeed('Outlet A', [{ ...CORRECTED, title: 'Operators test 5G masts in Bern' }], NOW),
      etag: '"other"',
    });
    expect(await poll(content)).toMatchObject([{ status: 'read', updates: [], unchanged: 1 }]);
  });

  it('leaves the new version waiting for review when the editor has edited the article; accept applies it', async () => {
    const { content, file, text } = await followedOnce();
    const edited = text.replace('Three operators', 'Three Swiss operators');
    await writeFile(file, edited);
    serve(CORRECTED);
    const [outcome] = await poll(content);

    expect(outcome).toMatchObject({ updates: [{ file, status: 'waiting' }] });
    expect(formatFollowTotals([outcome!])).toBe(
      '1 feed polled, 0 new articles (1 update to review: npm run follow -- list).',
    );
    expect(await readFile(file, 'utf8')).toBe(edited);
    const queue = await listQueue(content);
    expect(queue).toEqual([
      expect.objectContaining({ updating: file, file: join(content, 'updates', file.split('/').at(-1)!) }),
    ]);
    // Asked once: the next poll of the same version leaves the queue as it is.
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [CORRECTED], NOW), etag: '"again"' });
    expect(await poll(content)).toMatchObject([{ updates: [], unchanged: 1 }]);

    const { accepted, problems } = await acceptDrafts(content, ['operators-test-5g-in-bern'], new Date(NOW));
    expect(problems).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toContain('Two operators tested');
    // The editor's version is kept: nothing they wrote is lost.
    const [revision] = await revisionsOf(content);
    expect(await readFile(join(content, 'revisions', 'operators-test-5g-in-bern', revision!), 'utf8')).toBe(edited);
    expect(await listQueue(content)).toEqual([]);

    // Accepted, the file is Dossier's again: the outlet's next correction applies by itself.
    serve({ ...CORRECTED, text: 'Two operators tested 5G masts in Bern on Tuesday.' });
    expect(await poll(content, new Date(NOW + 86_400_000))).toMatchObject([{ updates: [{ status: 'applied' }] }]);
  });

  it('rejecting an update keeps the editor’s article and never asks for that version again', async () => {
    const { content, file, text } = await followedOnce();
    const edited = text.replace('Three operators', 'Three Swiss operators');
    await writeFile(file, edited);
    serve(CORRECTED);
    await poll(content);
    const { rejected, problems } = await rejectDrafts(content, [file]);
    expect(problems).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(await listQueue(content)).toEqual([]);
    publisher.routes.set('/a.xml', { body: rssFeed('Outlet A', [CORRECTED], NOW), etag: '"again"' });
    expect(await poll(content)).toMatchObject([{ updates: [] }]);
    expect(await listQueue(content)).toEqual([]);
  });

  it('updates a draft not yet reviewed without an "updated" date, since readers never saw it', async () => {
    const { content, file } = await followedOnce('review');
    serve(CORRECTED);
    await poll(content);
    const draft = frontmatterOf(await readFile(file, 'utf8'));
    expect(draft).toMatchObject({ draft: true });
    expect(draft['updated']).toBeUndefined();
    expect(await revisionsOf(content)).toHaveLength(1);
  });

  it('after a run killed between keeping the previous version and writing the article, updates once', async () => {
    const { content, file, text } = await followedOnce();
    const state = await readFile(join(content, 'follow-state.yaml'), 'utf8');
    serve(CORRECTED);
    await poll(content);
    const updated = await readFile(file, 'utf8');
    // As if killed after keeping the revision: the article and the state as they were.
    await writeFile(file, text);
    await writeFile(join(content, 'follow-state.yaml'), state);
    await poll(content, new Date(NOW + 60_000));
    expect(await readFile(file, 'utf8')).toBe(updated);
    expect(await revisionsOf(content)).toHaveLength(1);

    // Killed after writing the article, before the state: the next run only records it.
    await writeFile(join(content, 'follow-state.yaml'), state);
    const [outcome] = await poll(content);
    expect(outcome).toMatchObject({ updates: [], unchanged: 1 });
    expect(await listQueue(content)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(updated);
  });

  it('leaves an article the editor removed removed', async () => {
    const { content, file } = await followedOnce();
    await rm(file);
    serve(CORRECTED);
    expect(await poll(content)).toMatchObject([{ updates: [] }]);
    expect(existsSync(file)).toBe(false);
  });
});
