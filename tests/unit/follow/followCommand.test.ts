import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runFollowCommand, type FollowCommandOutput } from '../../../src/cli/followCommand.ts';
import { followStatePath, readFollowState } from '../../../src/follow/followState.ts';
import { PAGE_WAIT_MS } from '../../support/waits.ts';
import { articleFiles, folderSnapshot, followingDigest, rssFeed, startPublisher, type Publisher } from './support.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let publisher: Publisher;
let origin: string;

beforeAll(async () => {
  publisher = await startPublisher();
  origin = publisher.origin;
});

afterAll(() => publisher.close());

beforeEach(() => {
  publisher.routes.clear();
  publisher.requests.length = 0;
});

/** Runs the command in this process, collecting what it prints. */
async function follow(args: string[], withProgress = false) {
  const lines = { out: [] as string[], err: [] as string[], progress: [] as string[] };
  const output: FollowCommandOutput = {
    out: (line) => lines.out.push(line),
    err: (line) => lines.err.push(line),
    ...(withProgress && { progress: (line: string) => lines.progress.push(line) }),
  };
  const code = await runFollowCommand(args, output, {});
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n'), progress: lines.progress };
}

const feed = (title: string, guid: string) => ({ body: rssFeed(title, [{ title: `${title} 5G news`, guid, age: 1 }]) });

describe('npm run follow', () => {
  it('exits 0 when every feed answered, printing what each brought', async () => {
    publisher.routes.set('/a.xml', { ...feed('Outlet A', 'a'), etag: '"a"' });
    publisher.routes.set('/b.xml', feed('Outlet B', 'b'));
    const content = await followingDigest(`  sources: [${origin}/a.xml, ${origin}/b.xml]\n  keep: [5G]\n`);
    const first = await follow(['--content', content]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`✓ Outlet A (${origin}/a.xml)`);
    expect(first.out).toMatch(/ {2}draft {4} \S+-outlet-a-5g-news\.md {2}\(keep "5G"\)/);
    expect(first.out).toMatch(/1 new, 0 dropped by rule, 0 unchanged/);
    expect(first.out).toMatch(/2 feeds polled, 2 new articles \(2 drafts to review: npm run follow -- list\)/);

    const second = await follow(['--content', content]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`✓ ${origin}/a.xml: not modified since the last poll (1 request`);
    expect(second.out).toMatch(/0 new, 0 dropped by rule, 1 unchanged/);
  });

  it('exits 1 when a feed fails, and still imports the others', async () => {
    publisher.routes.set('/b.xml', feed('Outlet B', 'b'));
    const content = await followingDigest(`  sources: [${origin}/missing.xml, ${origin}/b.xml]\n`);
    const { code, out } = await follow(['--content', content]);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${origin}/missing.xml: could not be fetched: the server answered 404 Not Found`);
    expect(out).toMatch(/2 feeds polled, 1 failed, 1 new article/);
    expect((await articleFiles(content)).size).toBe(1);
  });

  it('says on a terminal which feed it waits for, and only there', async () => {
    publisher.routes.set('/a.xml', feed('Outlet A', 'a'));
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n`);
    expect((await follow(['--content', content], true)).progress).toEqual([`[1/1] ${origin}/a.xml`]);
  });

  it.each([
    ['no follow block', '', 'follow is missing, so there is nothing to poll (add "follow:" with "sources:"'],
    [
      'a source that is not a web address',
      '  sources: [outlet.example/rss]\n',
      'field "follow.sources[0].url" is not a web address',
    ],
    ['a keep that is not a list', `  sources: [https://outlet.example/rss]\n  keep: 5G\n`, 'field "follow.keep"'],
    ['an unknown key', `  sources: [https://outlet.example/rss]\n  colour: red\n`, 'unknown field "colour"'],
  ])('exits 2 for a topic with %s, with the schema’s message', async (_, block, message) => {
    const content = await followingDigest(block);
    if (!block)
      await writeFile(
        join(content, 'topic.md'),
        (await readFile(join(content, 'topic.md'), 'utf8')).replace('follow:\n', ''),
      );
    const before = await folderSnapshot(content);
    const { code, err } = await follow(['--content', content]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain(join(content, 'topic.md'));
    expect(await folderSnapshot(content)).toEqual(before);
    expect(publisher.requests).toEqual([]);
  });

  it('exits 2 for a state file it cannot read, and polls nothing', async () => {
    const content = await followingDigest(`  sources: [${origin}/a.xml]\n`);
    await writeFile(followStatePath(content), 'sources:\n  - not: a map\n');
    const { code, err } = await follow(['--content', content]);
    expect(code).toBe(2);
    expect(err).toContain(followStatePath(content));
    expect(publisher.requests).toEqual([]);
  });

  it.each([
    [['--since', '2024-02-30'], '--since "2024-02-30" is not a calendar date (use YYYY-MM-DD'],
    [['poll'], 'unknown command "poll"'],
    [['--sinse', '2024-01-01'], "Unknown option '--sinse'"],
  ])('exits 2 for the command line %j', async (args, message) => {
    const { code, err } = await follow(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run follow');
  });

  it('prints its usage for --help', async () => {
    const { code, out } = await follow(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--since YYYY-MM-DD');
  });

  it('hands list, accept, reject and review to the review queue', async () => {
    const { code, out } = await follow(['list', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run follow -- list');
  });
});

/** `npm run follow` as a scheduled job runs it: its own process, writing to a log. */
function spawnFollow(content: string) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/cli/follow.ts', '--content', content], {
    cwd: root,
    env: { ...process.env, DOSSIER_CONTENT: '' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}

describe('a run killed halfway', () => {
  it('loses no article, leaves a state the next run reads, and the next run completes', async () => {
    const stalled: ServerResponse[] = [];
    publisher.routes.set('/one.xml', feed('Outlet One', 'one'));
    publisher.routes.set('/two.xml', (_request, response) => stalled.push(response));
    publisher.routes.set('/three.xml', feed('Outlet Three', 'three'));
    const content = await followingDigest(
      `  sources: [${origin}/one.xml, ${origin}/two.xml, ${origin}/three.xml]\n  keep: [5G]\n`,
    );

    const killed = spawnFollow(content);
    // The first feed done and recorded, the second asked for and not answered.
    await expect
      .poll(() => readFile(followStatePath(content), 'utf8').catch(() => ''), { timeout: PAGE_WAIT_MS })
      .toContain(`${origin}/one.xml`);
    await expect.poll(() => stalled.length, { timeout: PAGE_WAIT_MS }).toBe(1);
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBeNull();
    const afterKill = await articleFiles(content);
    expect([...afterKill.keys()].map((name) => name.slice(11))).toEqual(['outlet-one-5g-news.md']);
    expect(Object.keys((await readFollowState(content)).sources)).toEqual([`${origin}/one.xml`]);

    publisher.routes.set('/two.xml', feed('Outlet Two', 'two'));
    const rerun = spawnFollow(content);
    expect(await rerun.exited).toBe(0);
    const files = await articleFiles(content);
    expect([...files.keys()].map((name) => name.slice(11)).sort()).toEqual([
      'outlet-one-5g-news.md',
      'outlet-three-5g-news.md',
      'outlet-two-5g-news.md',
    ]);
    for (const [name, text] of afterKill) expect(files.get(name)).toBe(text);
    const state = await readFollowState(content);
    expect(Object.values(state.sources).map((source) => source.imported)).toEqual([['one'], ['three'], ['two']]);
    // A log, not a terminal: no line rewritten in place.
    expect(rerun.stdout()).not.toContain('\r');
    expect(rerun.stdout()).not.toContain('\u001b[');
    expect(rerun.stdout()).toContain('3 feeds polled, 2 new articles');
  });
});
