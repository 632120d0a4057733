/**
 * What `npm run follow` remembers of each followed feed between runs, in one YAML file beside the
 * articles (`content/follow-state.yaml`), so that a scheduled job commits it with them. It holds
 * only what changes when something new arrives: the validators of the feed's last answer, the
 * day from which its items count, and the items imported or rejected. No "last checked" stamp,
 * and no error: a run with nothing new leaves the file byte for byte as it was.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';
import { describeIssue } from '../content/contentErrors.ts';

export const FOLLOW_STATE_FILE = 'follow-state.yaml';

/** How far back a feed's first poll looks: a feed that carries its whole archive must not flood the queue. */
export const FIRST_POLL_DAYS = 30;

/** The first day whose items count at a feed's first poll on `now`, unless `--since` says otherwise. */
export const firstPollSince = (now: Date): string =>
  new Date(now.getTime() - FIRST_POLL_DAYS * 86_400_000).toISOString().slice(0, 10);

/** The state file of a content folder. */
export const followStatePath = (content: string) => join(content, FOLLOW_STATE_FILE);

const HEADER = `# What "npm run follow" knows of each followed feed: commit it with the articles.
# Edit it only to forget an item (remove its id from "rejected"), or a feed (remove its entry).
`;

/** A digest short enough for a file read every day, long enough that two versions never share one. */
const versionDigest = z.string().regex(/^[\w-]{16}$/, 'is not a version digest (restore it from version control)');

/**
 * What a run wrote for an imported item, so that a later poll tells the outlet's correction (its
 * title or text changed) from the editor's edit (the file changed).
 */
const importedVersion = z.strictObject({
  /** The article file, below the content folder: `articles/2019-03-06-x.md`. */
  file: z.string().min(1),
  /** The outlet's title and text as last read (applied, waiting for review, or rejected). */
  outlet: versionDigest,
  /** The file as the run last wrote it: another digest means the editor has edited it. */
  written: versionDigest,
});

const sourceState = z.strictObject({
  /** The `ETag` of the feed's last answer with a body, sent back as `If-None-Match`. */
  etag: z.string().min(1).optional(),
  /** Its `Last-Modified`, sent back as `If-Modified-Since`. */
  lastModified: z.string().min(1).optional(),
  /** The first day whose items count, set at the feed's first poll (30 days before it, or `--since`). */
  since: z.iso.date(),
  /** Items imported from the feed, by id: a later poll skips them, even once the editor has edited or published them. */
  imported: z.array(z.string().min(1)).default([]),
  /** Items the editor rejected, by id: no later poll brings them back. */
  rejected: z.array(z.string().min(1)).default([]),
  /** Imported items' versions, by id, to follow their corrections (items imported before Dossier kept them have none). */
  versions: z.record(z.string(), importedVersion).default({}),
});

const followState = z.strictObject({
  /** By the feed's address, as the topic's `follow.sources` lists it. */
  sources: z.record(z.string(), sourceState).default({}),
});

export type SourceState = z.output<typeof sourceState>;
export type ImportedVersion = z.output<typeof importedVersion>;
export type FollowState = z.output<typeof followState>;

/** A state file that cannot be read; the message names the file, the field and the fix. */
export class FollowStateError extends Error {
  override name = 'FollowStateError';
}

/** Where the state is written before it takes the file's name. */
const temporaryPath = (path: string) => `${path}.tmp`;

/** The state of a content folder's followed feeds; an empty state when the file does not exist yet. */
export async function readFollowState(content: string): Promise<FollowState> {
  const path = followStatePath(content);
  // Left by a run killed while writing; the file itself is whole (see `writeFollowState`), and a
  // scheduled job must not commit the leftover.
  await rm(temporaryPath(path), { force: true });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sources: {} };
    throw error;
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new FollowStateError(
      `${path} is not valid YAML (${(error as Error).message.split('\n')[0]}); restore it from version control`,
    );
  }
  const result = followState.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssue(issue, () => Object.keys(sourceState.shape)));
    throw new FollowStateError(`${path}: ${problems.join('; ')} (restore it from version control)`);
  }
  return result.data;
}

/** The file's text: sources and ids sorted, so the same state is always the same bytes. */
export function followStateText(state: FollowState): string {
  const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();
  const sources = Object.fromEntries(
    Object.keys(state.sources)
      .sort()
      .map((url) => {
        const { etag, lastModified, since, imported, rejected, versions } = state.sources[url]!;
        const ids = Object.keys(versions).sort();
        return [
          url,
          {
            ...(etag && { etag }),
            ...(lastModified && { lastModified }),
            since,
            imported: sorted(imported),
            rejected: sorted(rejected),
            // Left out while empty, so that a state written before versions were kept stays as it was.
            ...(ids.length > 0 && { versions: Object.fromEntries(ids.map((id) => [id, versions[id]])) }),
          },
        ];
      }),
  );
  return `${HEADER}${stringify({ sources }, { lineWidth: 0 })}`;
}

/**
 * Writes the state when it differs from the file's, through a temporary file renamed over it, so
 * a run killed at any moment leaves the old file or the new one, never half of one. Returns
 * whether it wrote.
 */
export async function writeFollowState(content: string, state: FollowState): Promise<boolean> {
  const path = followStatePath(content);
  const text = followStateText(state);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(temporaryPath(path), text);
  await rename(temporaryPath(path), path);
  return true;
}
