import { existsSync } from 'node:fs';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPaths } from '../../src/build/buildPaths.ts';
import { buildSite, copyProject, type BuildOptions, type BuildResult } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { readAllFiles } from '../support/siteFiles.ts';
import { makeTempFolder } from '../support/tempFolders.ts';

/** What `npm run build` prints when it has nothing to do, and Astro never does. */
const NOTHING_TO_DO =
  /^Nothing changed since the last build \(\d+ input files, fingerprint \w{12}, checked in [\d.]+ s\); .+ is up to date\.$/m;
const ASTRO_BUILT = /\[build\] Complete!/;

const EDITED = 'articles/2019-03-06-huawei-opens-a-new-eu-cybersecurity-transparency-centre.md';
const EDITED_PAGE = 'articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/index.html';
const KEPT_PAGE = 'articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/index.html';

/** Each output file's modification time, by path: what a build that wrote nothing leaves as it was. */
async function modificationTimes(outDir: string): Promise<Map<string, number>> {
  const files = await readAllFiles(outDir);
  return new Map(
    await Promise.all([...files.keys()].map(async (file) => [file, (await stat(join(outDir, file))).mtimeMs] as const)),
  );
}

describe('npm run build, run again', () => {
  let content: string;
  let outDir: string;
  let stampPath: string;
  const builds: Record<
    'first' | 'again' | 'edited' | 'editedAgain' | 'outputDeleted' | 'forced' | 'failed' | 'repaired',
    BuildResult
  > = {} as never;
  let timesBefore: Map<string, number>;
  let timesAfterSkip: Map<string, number>;
  let stampAfterFailure: boolean;
  let clean: BuildResult;

  beforeAll(async () => {
    const project = await copyProject();
    content = join(project, 'content');
    const work = await makeTempFolder('noop-build');
    outDir = join(work, 'dist');
    const cacheDir = join(work, 'cache');
    stampPath = buildPaths({ cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) }).buildStamp;
    const build = (options: Partial<BuildOptions> = {}) =>
      buildSite({ project, content, outDir, cacheDir, npmBuild: true, ...options });

    builds.first = await build();
    timesBefore = await modificationTimes(outDir);
    builds.again = await build();
    timesAfterSkip = await modificationTimes(outDir);

    const article = join(content, EDITED);
    await writeFile(article, `${await readFile(article, 'utf8')}\nA sentence added later about zeppelins.\n`);
    builds.edited = await build();
    builds.editedAgain = await build();

    await rm(join(outDir, KEPT_PAGE));
    builds.outputDeleted = await build();

    builds.forced = await build({ args: ['--force'] });

    const broken = join(content, 'articles/2019-03-07-broken.md');
    await writeFile(broken, '---\ntitle: Broken\ndate: 2019-02-30\nsource: { name: Wire }\n---\n\nText.\n');
    builds.failed = await build();
    stampAfterFailure = existsSync(stampPath);
    await rm(broken);
    builds.repaired = await build();

    const fresh = join(await makeTempFolder('clean'), 'content');
    await cp(content, fresh, { recursive: true });
    clean = await buildSite({ project, content: fresh });
    expect(clean.exitCode, clean.output).toBe(0);
  }, 900_000);

  it('builds the first time and stamps what it built from', () => {
    expect(builds.first.exitCode, builds.first.output).toBe(0);
    expect(builds.first.output).toMatch(/^Building .+: no earlier build is recorded\.$/m);
    expect(builds.first.output).toMatch(ASTRO_BUILT);
  });

  it('does nothing the second time, without starting Astro, and leaves every output file as it was', () => {
    expect(builds.again.exitCode, builds.again.output).toBe(0);
    expect(builds.again.output).toMatch(NOTHING_TO_DO);
    expect(builds.again.output).not.toMatch(/\[build\]|\[content\]/);
    expect(timesAfterSkip).toEqual(timesBefore);
  });

  it('builds once an article is edited, shows the edit, and then has nothing to do again', async () => {
    expect(builds.edited.exitCode, builds.edited.output).toBe(0);
    expect(builds.edited.output).toContain(`: ${content.slice(content.lastIndexOf('/') + 1)}/${EDITED} changed.`);
    expect(builds.edited.output).toMatch(ASTRO_BUILT);
    expect(builds.editedAgain.output).toMatch(NOTHING_TO_DO);
    expect(await readFile(join(outDir, EDITED_PAGE), 'utf8')).toContain('A sentence added later about zeppelins.');
  });

  it('builds when a file of the output folder is gone, and puts it back', () => {
    expect(builds.outputDeleted.exitCode, builds.outputDeleted.output).toBe(0);
    expect(builds.outputDeleted.output).toMatch(
      /: the output folder is not as the last build left it \(\d+ files then/,
    );
    expect(existsSync(join(outDir, KEPT_PAGE))).toBe(true);
  });

  it('always builds when asked to with --force', () => {
    expect(builds.forced.exitCode, builds.forced.output).toBe(0);
    expect(builds.forced.output).toMatch(/^Building .+: --force\.$/m);
    expect(builds.forced.output).toMatch(ASTRO_BUILT);
  });

  it('leaves no stamp when a build fails, so the next one builds even on the same inputs as the last success', () => {
    expect(builds.failed.exitCode).not.toBe(0);
    expect(builds.failed.output).toContain('"2019-02-30" is not a calendar date');
    expect(stampAfterFailure).toBe(false);
    expect(builds.repaired.exitCode, builds.repaired.output).toBe(0);
    expect(builds.repaired.output).toMatch(/: no earlier build is recorded\.$/m);
    expect(existsSync(stampPath)).toBe(true);
  });

  it('leaves exactly what a clean build of the same content writes, and valid HTML', async () => {
    const [kept, cleanFiles] = await Promise.all([readAllFiles(outDir), readAllFiles(clean.outDir)]);
    expect([...kept.keys()]).toEqual([...cleanFiles.keys()]);
    expect([...kept].filter(([file, bytes]) => !bytes.equals(cleanFiles.get(file)!)).map(([file]) => file)).toEqual([]);
    expect((await checkWithNu(outDir)).problems).toEqual([]);
  });
});
