import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  keepRevision,
  newestRevision,
  revisionFileName,
  revisionFolder,
} from '../../../src/revisions/revisionFiles.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

describe('an article’s earlier versions', () => {
  it('are named by the moment they were replaced, with no colon', () => {
    expect(revisionFileName(new Date('2019-03-07T09:30:00.123Z'))).toBe('2019-03-07T09-30-00Z.md');
  });

  it('are kept once each, the newest found by its time, then by its counter within a second', async () => {
    const content = await makeTempFolder('revisions');
    expect(await newestRevision(content, 'x')).toBeUndefined();
    const moment = new Date('2019-03-07T09:30:00Z');
    await keepRevision(content, 'x', 'first', moment);
    // Kept again by a run that stopped before replacing the article: not twice.
    expect(await keepRevision(content, 'x', 'first', new Date('2019-03-07T10:00:00Z'))).toBeUndefined();
    await keepRevision(content, 'x', 'second', moment);
    for (let count = 3; count <= 10; count++) await keepRevision(content, 'x', `version ${count}`, moment);
    expect((await newestRevision(content, 'x'))?.text).toBe('version 10');
    await keepRevision(content, 'x', 'later', new Date('2019-03-08T00:00:00Z'));
    expect((await newestRevision(content, 'x'))?.text).toBe('later');
    expect(await readdir(revisionFolder(content, 'x'))).toHaveLength(11);
  });
});
