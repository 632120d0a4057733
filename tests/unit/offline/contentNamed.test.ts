import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isContentNamed } from '../../../src/offline/contentNamed.ts';
import { shardFolderName } from '../../../src/search/searchFiles.ts';

const shard = shardFolderName(createHash('sha256').update('a shard').digest('hex'));

describe('the files an earlier build may serve', () => {
  it("takes Astro's assets and every file of a search shard, named by their content", () => {
    for (const path of [
      '_astro/searchPanel.BU4mAomo.js',
      `pagefind/${shard}/pagefind-worker.js`,
      `pagefind/${shard}/pagefind-entry.json`,
      `pagefind/${shard}/fragment/en_cc5b21b.pf_fragment`,
    ])
      expect(isContentNamed(path), path).toBe(true);
  });

  it('leaves out whatever keeps its name from build to build', () => {
    for (const path of [
      '',
      'articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/',
      'pagefind/shards.json',
      'pagefind/pagefind.js',
      'pagefind/pagefind-highlight.js',
      'offline/digest.json',
      'offline/files.json',
      'favicon.svg',
      'sw.js',
      `articles/${shard}/`,
    ])
      expect(isContentNamed(path), path).toBe(false);
  });
});
