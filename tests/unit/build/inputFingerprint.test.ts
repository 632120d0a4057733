import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSettings,
  inputFingerprint,
  listInputs,
  listOutput,
  readBuildStamp,
  reasonToBuild,
  writeBuildStamp,
  type BuildStamp,
  type InputListing,
} from '../../../src/build/inputFingerprint.ts';
import { makeTempFolder } from '../../support/tempFolders.ts';

/** A project with content, code and a config file, and a folder the build does not read. */
async function project(): Promise<string> {
  const root = await makeTempFolder('inputs');
  await mkdir(join(root, 'content/articles'), { recursive: true });
  await mkdir(join(root, 'src/lib'), { recursive: true });
  await mkdir(join(root, 'scratch'));
  await writeFile(join(root, 'content/topic.md'), '---\ntitle: Zeppelins\n---\n');
  await writeFile(join(root, 'content/articles/a.md'), '---\ntitle: A\n---\nAirships return.\n');
  await writeFile(join(root, 'src/lib/x.ts'), 'export const x = 1;\n');
  await writeFile(join(root, 'astro.config.mjs'), 'export default {};\n');
  await writeFile(join(root, 'scratch/notes.txt'), 'not an input');
  return root;
}

const INPUTS = ['content', 'src', 'astro.config.mjs', 'missing.json'];

/** `listing` as if it had been taken long after its files last changed, each digest replaced by a marker. */
const recordedLongAgo = (listing: InputListing): InputListing => ({
  listedAt: listing.listedAt + 60_000,
  files: Object.fromEntries(Object.entries(listing.files).map(([file, entry]) => [file, { ...entry, digest: 'kept' }])),
});

describe('the inputs of a build', () => {
  it('are every file below the folders and the files named, by path in the project, each with a digest of its bytes', async () => {
    const root = await project();
    const listing = listInputs(root, INPUTS);
    expect(listInputs(root, [join(root, 'content'), 'src', join(root, 'astro.config.mjs')]).files).toEqual(
      listing.files,
    );
    expect(Object.keys(listing.files)).toEqual([
      'astro.config.mjs',
      'content/articles/a.md',
      'content/topic.md',
      'src/lib/x.ts',
    ]);
    expect(listing.files['content/articles/a.md']!.digest).toMatch(/^[\w-]{43}$/);
    expect(listing.files['content/articles/a.md']!.digest).not.toBe(listing.files['content/topic.md']!.digest);
  });

  it('keep the digest recorded for a file whose size, times and inode are as recorded, and hash any other', async () => {
    const root = await project();
    const previous = recordedLongAgo(listInputs(root, INPUTS));
    // Same size, modification time set back as `cp -p` or `rsync -t` would: the change time still moves.
    const article = join(root, 'content/articles/a.md');
    const { atime, mtime } = await stat(article);
    await writeFile(article, '---\ntitle: B\n---\nAirships return.\n');
    await utimes(article, atime, mtime);
    const listing = listInputs(root, INPUTS, previous);
    expect(listing.files['content/topic.md']!.digest).toBe('kept');
    expect(listing.files['src/lib/x.ts']!.digest).toBe('kept');
    expect(listing.files['content/articles/a.md']!.digest).not.toBe('kept');
  });

  it('hash again a file that changed just before the last listing, when a second edit could have kept its times', async () => {
    const root = await project();
    const listing = listInputs(root, INPUTS);
    const previous = { ...recordedLongAgo(listing), listedAt: listing.listedAt };
    expect(Object.values(listInputs(root, INPUTS, previous).files).map((file) => file.digest)).not.toContain('kept');
  });

  it('have one fingerprint, whatever the order they were listed in, that any digest or setting changes', async () => {
    const root = await project();
    const inputs = listInputs(root, INPUTS);
    const settings = { $DOSSIER_SITE: 'https://example.org/', node: 'v24' };
    const fingerprint = inputFingerprint({ settings, inputs });
    const reversed = { ...inputs, files: Object.fromEntries(Object.entries(inputs.files).reverse()) };
    expect(
      inputFingerprint({ settings: { node: 'v24', $DOSSIER_SITE: 'https://example.org/' }, inputs: reversed }),
    ).toBe(fingerprint);
    await writeFile(join(root, 'src/lib/x.ts'), 'export const x = 2;\n');
    expect(inputFingerprint({ settings, inputs: listInputs(root, INPUTS) })).not.toBe(fingerprint);
    expect(inputFingerprint({ settings: { ...settings, node: 'v26' }, inputs })).not.toBe(fingerprint);
  });
});

describe('the settings of a build', () => {
  it("are the environment variables that reach the output, Node's version, the output folder and Astro's arguments", () => {
    const settings = buildSettings({
      env: {
        DOSSIER_SITE: 'https://example.org/',
        DOSSIER_CONTENT: 'digest',
        PUBLIC_COLOUR: 'red',
        TZ: 'Asia/Tokyo',
        HOME: '/home/editor',
        PATH: '/usr/bin',
        npm_lifecycle_event: 'build',
      },
      args: ['--outDir', 'site'],
      outDir: '/srv/site/',
    });
    expect(Object.keys(settings)).toEqual([
      '$DOSSIER_CONTENT',
      '$DOSSIER_SITE',
      '$PUBLIC_COLOUR',
      '$TZ',
      'node',
      'outDir',
      'arguments',
    ]);
    expect(settings['node']).toContain(process.version);
    expect(settings['arguments']).toBe('["--outDir","site"]');
  });
});

describe('whether a build has anything to do', () => {
  const stamp = (): BuildStamp => ({
    settings: { $DOSSIER_SITE: 'https://example.org/', node: 'v24' },
    inputs: {
      listedAt: 0,
      files: {
        'content/articles/a.md': { size: 1, modified: '1', changed: '1', inode: '1', digest: 'a' },
        'content/articles/b.md': { size: 1, modified: '1', changed: '1', inode: '2', digest: 'b' },
      },
    },
    output: { files: 10, digest: 'site' },
  });

  it('is nothing when the inputs, the settings and the output folder are as the last build recorded them', () => {
    // The times of a listing are not its content: a file hashed again to the same digest changes nothing.
    const now = stamp();
    now.inputs.listedAt = 1;
    now.inputs.files['content/articles/a.md']!.modified = '2';
    expect(reasonToBuild(stamp(), now)).toBeUndefined();
  });

  it('says why it is something: no earlier build, a setting, files changed, added or removed, the output folder', () => {
    expect(reasonToBuild(undefined, stamp())).toBe('no earlier build is recorded');
    const moved = stamp();
    moved.settings['$DOSSIER_SITE'] = 'https://example.org/digest/';
    expect(reasonToBuild(stamp(), moved)).toBe('DOSSIER_SITE changed');
    const edited = stamp();
    edited.inputs.files['content/articles/a.md']!.digest = 'a2';
    delete edited.inputs.files['content/articles/b.md'];
    edited.inputs.files['content/articles/c.md'] = { size: 1, modified: '1', changed: '1', inode: '3', digest: 'c' };
    expect(reasonToBuild(stamp(), edited)).toBe(
      'content/articles/a.md changed; content/articles/c.md added; content/articles/b.md removed',
    );
    const many = stamp();
    for (const file of Object.values(many.inputs.files)) file.digest += '2';
    expect(reasonToBuild(stamp(), many)).toBe('2 files, such as content/articles/a.md, content/articles/b.md changed');
    const outputTouched = stamp();
    outputTouched.output = { files: 9, digest: 'other' };
    expect(reasonToBuild(stamp(), outputTouched)).toBe(
      'the output folder is not as the last build left it (10 files then, 9 now)',
    );
  });
});

describe('the output folder, summed up', () => {
  it('changes when a file is deleted or rewritten, not when a deploy repository commits', async () => {
    const outDir = await makeTempFolder('output');
    await mkdir(join(outDir, 'articles/a'), { recursive: true });
    await mkdir(join(outDir, '.git'));
    await writeFile(join(outDir, 'index.html'), '<p>Home');
    await writeFile(join(outDir, 'articles/a/index.html'), '<p>A');
    const listing = listOutput(outDir);
    expect(listing.files).toBe(2);
    await writeFile(join(outDir, '.git/HEAD'), 'ref: refs/heads/main');
    expect(listOutput(outDir)).toEqual(listing);
    await writeFile(join(outDir, 'articles/a/index.html'), '<p>B');
    const rewritten = listOutput(outDir);
    expect(rewritten.digest).not.toBe(listing.digest);
    await rm(join(outDir, 'articles/a/index.html'));
    expect(listOutput(outDir).files).toBe(1);
    expect(listOutput(join(outDir, 'none'))).toEqual({ files: 0, digest: expect.any(String) });
  });
});

describe('the stamp of a build', () => {
  it('is read back as written, and a stamp of another format or none at all is no stamp', async () => {
    const folder = await makeTempFolder('stamp');
    const path = join(folder, 'stamp.json');
    expect(readBuildStamp(path)).toBeUndefined();
    const stamp: BuildStamp = {
      settings: { node: 'v24' },
      inputs: { listedAt: 5, files: {} },
      output: { files: 0, digest: 'x' },
    };
    writeBuildStamp(path, stamp);
    expect(readBuildStamp(path)).toEqual(stamp);
    await writeFile(path, JSON.stringify({ ...stamp, format: 0 }));
    expect(readBuildStamp(path)).toBeUndefined();
    await writeFile(path, '{"format":');
    expect(readBuildStamp(path)).toBeUndefined();
  });
});
