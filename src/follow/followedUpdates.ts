/**
 * Outlets' corrections to the articles `npm run follow` imported. When a poll finds an imported
 * item whose title or text changed, the article file takes the new version if the editor has not
 * edited it since Dossier wrote it (the old one is kept in `content/revisions/`), or the new
 * version waits in `content/updates/`, for the editor to accept or reject, if they have. Nothing
 * the editor wrote is ever overwritten.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { validateArticleFile } from '../content/validateArticle.ts';
import type { ImportedArticle } from '../import/importedArticle.ts';
import { articleSlugFromPath } from '../lib/slugs.ts';
import { keepRevision } from '../revisions/revisionFiles.ts';
import { followedArticleText, type FollowedOrigin } from './followedArticle.ts';
import type { ImportedVersion } from './followState.ts';

/** Where updates wait for review: `content/updates/<the article's file name>`. */
export const UPDATES_FOLDER = 'updates';

const shortDigest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

/** The digest of an outlet's version of an item: its title and text, spaces folded, so a new layout alone is no change. */
export const outletDigest = (item: { title: string; text: string }) =>
  shortDigest(`${item.title}\n${item.text}`.replace(/\s+/g, ' ').trim());

/** The digest of an article file's bytes as written. */
export const fileDigest = (text: string) => shortDigest(text);

/** The file where an update of the article file `file` (below the content folder) waits. */
export const updateFileOf = (content: string, file: string) => join(content, UPDATES_FOLDER, basename(file));

/** The article file an update waits for: same name, in `articles/`. */
export const articleFileOfUpdate = (content: string, update: string) => join(content, 'articles', basename(update));

/** Writes a file through a temporary file renamed over it: a run stopped halfway leaves the old file or the new. */
export async function replaceFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** An imported item whose outlet version changed since the last poll. */
export interface OutletChange {
  /** The item's id in the feed. */
  item: string;
  feed: string;
  /** The rule that keeps it now, for a file that no longer says which did. */
  rule: string;
  /** The outlet's new version, as the importer reads it. */
  article: ImportedArticle;
  outlet: string;
  version: ImportedVersion;
}

/** What following a correction did to an article. */
export interface FollowedUpdate {
  /** The article file, as the editor names it. */
  file: string;
  title: string;
  /** `applied`: the file took the new version; `waiting`: it waits for review in `updates/`. */
  status: 'applied' | 'waiting';
  /** The earlier version kept, when the file took the new one. */
  revision?: string | undefined;
}

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * The article file's text for the outlet's new version: the importer's file for it, with the
 * publication date, draft state and rule of the file it updates, and, for a published article,
 * `updated` on the day of the poll (a feed's item says when it was published, rarely when it
 * changed).
 */
function updatedFileText(change: OutletChange, current: string | undefined, now: Date, draftByDefault: boolean) {
  let frontmatter: Record<string, unknown> = {};
  try {
    if (current !== undefined) frontmatter = parseMarkdownFile(current).frontmatter;
  } catch {
    // An article the editor broke keeps its problem for `npm run check` to name; the update is queued.
  }
  const followed = frontmatter['followed'];
  const draft = current === undefined ? draftByDefault : frontmatter['draft'] === true;
  const rule =
    (typeof followed === 'object' && followed !== null && textOf((followed as Record<string, unknown>)['rule'])) ||
    change.rule;
  const origin: FollowedOrigin = { feed: change.feed, item: change.item, rule };
  const article: ImportedArticle = {
    ...change.article,
    date: textOf(frontmatter['date']) ?? change.article.date,
    updated: draft ? undefined : now.toISOString().slice(0, 10),
  };
  return followedArticleText(article, origin, draft);
}

/**
 * Follows one outlet's correction: applies it to an article the editor has not edited, or leaves
 * it waiting for review; returns what the state must now record of the item, and what was done.
 * A file the editor removed is left removed. Ordered for a run killed at any moment: the earlier
 * version is kept before the article is replaced, and the state is written by the caller after
 * both, so the next run either finds the file as Dossier last wrote it and starts again (keeping
 * the earlier version once), or finds it already holding the new version and only records it.
 */
export async function followCorrection(
  content: string,
  change: OutletChange,
  now: Date,
  draftByDefault: boolean,
): Promise<{ version: ImportedVersion; update?: FollowedUpdate | undefined }> {
  const { version } = change;
  const path = join(content, version.file);
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current === undefined) return { version: { ...version, outlet: change.outlet } };
  const text = updatedFileText(change, current, now, draftByDefault);
  const checked = validateArticleFile(path, new TextEncoder().encode(text));
  if (Array.isArray(checked))
    throw new Error(
      `the outlet's new version of ${path} would not be a valid article: ${checked.map((problem) => problem.problem).join('; ')}`,
    );
  const written = fileDigest(text);
  const waiting = updateFileOf(content, version.file);
  const file = join(content, version.file);
  if (current === text) {
    await rm(waiting, { force: true });
    return { version: { ...version, outlet: change.outlet, written } };
  }
  if (fileDigest(current) === version.written) {
    const revision = await keepRevision(content, articleSlugFromPath(version.file), current, now);
    await replaceFile(path, text);
    // An update that waited while the editor's edits were there is stale now that they are gone.
    await rm(waiting, { force: true });
    return {
      version: { ...version, outlet: change.outlet, written },
      update: { file, title: change.article.title, status: 'applied', revision },
    };
  }
  // The editor has edited the article: the outlet's version waits beside it (a newer one replaces it).
  await replaceFile(waiting, text);
  return {
    version: { ...version, outlet: change.outlet },
    update: { file, title: change.article.title, status: 'waiting' },
  };
}
