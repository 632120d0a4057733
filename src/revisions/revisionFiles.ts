/**
 * An article's earlier versions, kept as files beside the articles: `content/revisions/<slug>/`,
 * one Markdown file per version, named by the moment it was replaced
 * (`2019-03-07T09-30-00Z.md`, colons left out so that every file system takes the name). They are
 * never deleted: the newest is the previous published version, which the article's page compares
 * the article with.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const REVISIONS_FOLDER = 'revisions';

/** The folder of an article's earlier versions, in a content folder. */
export const revisionFolder = (content: string, slug: string) => join(content, REVISIONS_FOLDER, slug);

/** The name of a version replaced at `moment`: its UTC time to the second, sortable as text. */
export const revisionFileName = (moment: Date) =>
  `${moment
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.md`;

const REVISION_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.md$/;
const STAMP_LENGTH = '2019-03-07T09-30-00Z'.length;
/** A second version replaced in the same second is `…Z-2.md`: the counter orders them. */
const counter = (name: string) => Number(/Z-(\d+)\.md$/.exec(name)?.[1] ?? 1);

/** The article's newest earlier version: its file and text; `undefined` when it has none. */
export async function newestRevision(
  content: string,
  slug: string,
): Promise<{ file: string; text: string } | undefined> {
  const folder = revisionFolder(content, slug);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const newest = names
    .filter((name) => REVISION_NAME.test(name))
    .sort((a, b) => a.slice(0, STAMP_LENGTH).localeCompare(b.slice(0, STAMP_LENGTH)) || counter(a) - counter(b))
    .at(-1);
  if (!newest) return undefined;
  const file = join(folder, newest);
  return { file, text: await readFile(file, 'utf8') };
}

/**
 * Keeps `text` as the article's newest earlier version, replaced at `moment`, unless it already
 * is (a run stopped after keeping it and before replacing the article keeps it once). Written
 * through a temporary file renamed to its name, so a kill never leaves half a version. Returns
 * the file, or `undefined` when it was already kept.
 */
export async function keepRevision(
  content: string,
  slug: string,
  text: string,
  moment: Date,
): Promise<string | undefined> {
  const newest = await newestRevision(content, slug);
  if (newest?.text === text) return undefined;
  const folder = revisionFolder(content, slug);
  await mkdir(folder, { recursive: true });
  const taken = new Set(await readdir(folder));
  const base = revisionFileName(moment).slice(0, -3);
  let name = `${base}.md`;
  for (let count = 2; taken.has(name); count++) name = `${base}-${count}.md`;
  const file = join(folder, name);
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
  return file;
}
