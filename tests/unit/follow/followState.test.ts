import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FOLLOW_STATE_FILE,
  readFollowState,
  writeFollowState,
  type FollowState,
} from '../../../src/follow/followState.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

const state = (imported: string[]): FollowState => ({
  sources: {
    'https://b.example/feed.xml': { since: '2026-11-07', imported, rejected: [], versions: {} },
    'https://a.example/rss.xml': {
      etag: '"v1"',
      since: '2026-11-01',
      imported: ['x'],
      rejected: ['y'],
      versions: { x: { file: 'articles/2026-11-02-x.md', outlet: 'AAAAAAAAAAAAAAAA', written: 'BBBBBBBBBBBBBBBB' } },
    },
  },
});

describe('the follow state file', () => {
  it('reads as empty before the first run', async () => {
    expect(await readFollowState(await makeTempFolder('state'))).toEqual({ sources: {} });
  });

  it('is the same bytes for the same state, and is written only when it changes', async () => {
    const content = await makeTempFolder('state');
    expect(await writeFollowState(content, state(['2', '1', '2']))).toBe(true);
    const text = await readFile(join(content, FOLLOW_STATE_FILE), 'utf8');
    expect(text.indexOf('https://a.example/')).toBeLessThan(text.indexOf('https://b.example/'));
    expect(await writeFollowState(content, state(['1', '2']))).toBe(false);
    expect(await readFile(join(content, FOLLOW_STATE_FILE), 'utf8')).toBe(text);
    expect(await readFollowState(content)).toEqual({
      sources: {
        'https://a.example/rss.xml': {
          etag: '"v1"',
          since: '2026-11-01',
          imported: ['x'],
          rejected: ['y'],
          versions: {
            x: { file: 'articles/2026-11-02-x.md', outlet: 'AAAAAAAAAAAAAAAA', written: 'BBBBBBBBBBBBBBBB' },
          },
        },
        'https://b.example/feed.xml': { since: '2026-11-07', imported: ['1', '2'], rejected: [], versions: {} },
      },
    });
    expect(await writeFollowState(content, state(['1', '2', '3']))).toBe(true);
  });

  it('removes what a run killed while writing left, and keeps the whole file', async () => {
    const content = await makeTempFolder('state');
    await writeFollowState(content, state(['1']));
    await writeFile(join(content, `${FOLLOW_STATE_FILE}.tmp`), 'sources:\n  half');
    expect((await readFollowState(content)).sources['https://b.example/feed.xml']!.imported).toEqual(['1']);
    expect(await readdir(content)).toEqual([FOLLOW_STATE_FILE]);
  });

  it('names the file, the field and the fix when it cannot be read', async () => {
    const content = await makeTempFolder('state');
    await writeFile(join(content, FOLLOW_STATE_FILE), 'sources:\n  https://a.example/:\n    since: yesterday\n');
    await expect(readFollowState(content)).rejects.toThrow(
      new RegExp(`${FOLLOW_STATE_FILE}: .*since.*restore it from version control`),
    );
    await writeFile(join(content, FOLLOW_STATE_FILE), 'sources: [unclosed');
    await expect(readFollowState(content)).rejects.toThrow(/is not valid YAML/);
  });
});
