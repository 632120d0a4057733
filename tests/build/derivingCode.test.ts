import { appendFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleGraph } from '../../src/build/codeFingerprint.ts';
import { buildSite, copyProject, type BuildResult } from '../support/buildSite.ts';

/** What the content sync prints when it rendered articles (and nothing when every article came from its cache). */
const RENDERED = /Found the entities of (\d+) articles/;

/** The digests the article cache holds files for: which renderings it has. */
async function cachedRenderings(build: BuildResult): Promise<string[]> {
  const names = await readdir(join(build.cacheDir, 'dossier-articles'));
  return names.filter((name) => name.endsWith('.html') && !name.endsWith('.search.html')).sort();
}

describe('the article cache is keyed by the code that derives an article, found from its imports', () => {
  let project: string;
  let deriving: string[];
  let previous: BuildResult;

  /** Rebuilds the copy on the previous build's cache after `change`, and returns the new build. */
  async function rebuildAfter(change: () => Promise<void>): Promise<BuildResult> {
    await change();
    const build = await buildSite({ project, cacheDir: previous.cacheDir, outDir: previous.outDir });
    expect(build.exitCode, build.output).toBe(0);
    return build;
  }

  /** Adds a comment to a source file of the copy: the code runs the same, but its text is new. */
  const touch = (file: string) => () =>
    appendFile(join(project, file), '\n// A change that must reach the cache key.\n');

  beforeAll(async () => {
    project = await copyProject();
    deriving = (await moduleGraph(join(project, 'src/sync/syncArticles.ts'))).map((file) => relative(project, file));
    previous = await buildSite({ project });
    expect(previous.exitCode, previous.output).toBe(0);
    expect(previous.output).toMatch(RENDERED);
  });

  it('finds the modules the sync loads, its worker and the language tags included', () => {
    expect(deriving).toEqual(
      expect.arrayContaining([
        'src/sync/syncArticles.ts',
        'src/sync/bodyWorker.ts',
        'src/i18n/languageTags.ts',
        'src/search/searchDocument.ts',
        'src/content/articleHtml.ts',
      ]),
    );
    expect(deriving).not.toContain('src/timeline/overview.ts');
  });

  it('renders nothing again when nothing changed, nor when code outside the graph changed', async () => {
    const before = await cachedRenderings(previous);
    previous = await rebuildAfter(touch('src/timeline/overview.ts'));
    expect(previous.output).not.toMatch(RENDERED);
    expect(await cachedRenderings(previous)).toEqual(before);
  });

  it.each([
    ['the language tags', 'src/i18n/languageTags.ts'],
    ['a deriving module chosen at random', ''],
  ])('renders every article again after a change to %s', async (_what, chosen) => {
    const candidates = deriving.filter((file) => file !== 'src/i18n/languageTags.ts');
    const file = chosen || candidates[Math.floor(Math.random() * candidates.length)]!;
    const before = await cachedRenderings(previous);
    previous = await rebuildAfter(touch(file));
    expect(previous.output, `after changing ${file}`).toMatch(RENDERED);
    expect(Number(RENDERED.exec(previous.output)![1]), `after changing ${file}`).toBe(before.length);
    const after = await cachedRenderings(previous);
    expect(
      after.filter((digest) => before.includes(digest)),
      `after changing ${file}`,
    ).toEqual([]);
  });
});
