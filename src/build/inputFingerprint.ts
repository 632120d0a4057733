/**
 * Whether a build has anything to do. The stamp a successful build leaves records every input of
 * the site (the content, the static files, the code, the installed packages, the settings that
 * reach the output) and the output folder as the build left it; a build whose inputs and output
 * folder are as recorded would write the same site again, so `npm run build` can say so before
 * Astro starts, which costs seconds even when every page is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The files and folders of the project, besides the content folder, that a build reads. */
export const PROJECT_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  // What npm really installed, which a hand-run `npm install` can change without the lock file.
  'node_modules/.package-lock.json',
  // Vite reads these into the build's environment.
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
] as const;

/**
 * Environment variables that can reach the output: Dossier's own, Astro's, Vite's public ones and
 * Pagefind's; `NODE_ENV` and `TZ` besides (output does not depend on the time zone by design, but a
 * build that did should not be skipped).
 */
const OUTPUT_VARIABLE = /^(?:(?:DOSSIER|ASTRO|PUBLIC|VITE|PAGEFIND)_.*|NODE_ENV|TZ)$/;

/**
 * A file is taken to be unchanged when its size, modification and change times and inode are as
 * recorded, as git takes it: tools that set a modification time back (`cp -p`, `rsync -t`, `tar`)
 * cannot set the change time, and a checkout that writes a file gives it new times. A file changed
 * within this long before it was recorded is hashed again, since a second edit could then keep all
 * four on a file system with coarse times.
 */
const RACY_MS = 2_000;

/** One input file as last recorded: what `stat` said of it and a digest of its bytes. */
export interface InputFile {
  size: number;
  /** Nanoseconds, as text (they exceed a double's precision). */
  modified: string;
  changed: string;
  inode: string;
  digest: string;
}

export interface InputListing {
  /** When the listing began, in milliseconds since the epoch. */
  listedAt: number;
  /** By path relative to the project, with `/` between folders. */
  files: Record<string, InputFile>;
}

/** The output folder, summed up: how many files and a digest of every file's path, size and times. */
export interface OutputListing {
  files: number;
  digest: string;
}

export interface BuildStamp {
  /** The settings the build ran with (`buildSettings`). */
  settings: Record<string, string>;
  inputs: InputListing;
  output: OutputListing;
}

/** Changes with the stamp's layout, so a stamp of another version of Dossier is not misread. */
const STAMP_FORMAT = 1;

const fileState = (stats: BigIntStats) => ({
  size: Number(stats.size),
  modified: String(stats.mtimeNs),
  changed: String(stats.ctimeNs),
  inode: String(stats.ino),
});

const sameState = (a: Omit<InputFile, 'digest'>, b: Omit<InputFile, 'digest'>) =>
  a.size === b.size && a.modified === b.modified && a.changed === b.changed && a.inode === b.inode;

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url');

/**
 * The files below `path` (a file or folder), a `.git` at its top left out, as paths relative to
 * `directory`. Synchronous: the promise-based walk of many small files is several times slower.
 */
function filesBelow(directory: string, path: string): string[] {
  const absolute = resolve(directory, path);
  if (!existsSync(absolute)) return [];
  const named = (file: string) => relative(directory, file).split(sep).join('/');
  if (!statSync(absolute).isDirectory()) return [named(absolute)];
  // A deploy repository's history can be large: its folder is not walked at all.
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== '.git')
    .flatMap((entry) =>
      entry.isDirectory()
        ? readdirSync(join(absolute, entry.name), { recursive: true, withFileTypes: true })
            .filter((below) => !below.isDirectory())
            .map((below) => named(join(below.parentPath, below.name)))
        : [named(join(absolute, entry.name))],
    );
}

/**
 * Every file below `paths` (files or folders, absolute or relative to `root`; missing ones are skipped) with a
 * digest of its bytes. A file `previous` recorded in the same state keeps its recorded digest, so a
 * listing of 10,000 unchanged articles reads none of them.
 */
export function listInputs(root: string, paths: readonly string[], previous?: InputListing): InputListing {
  const listedAt = Date.now();
  const trustedBefore = (previous?.listedAt ?? 0) - RACY_MS;
  const files: Record<string, InputFile> = {};
  for (const file of [...new Set(paths.flatMap((path) => filesBelow(root, path)))].sort()) {
    const absolute = resolve(root, file);
    const stats = statSync(absolute, { bigint: true, throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    const state = fileState(stats);
    const recorded = previous?.files[file];
    const trusted =
      recorded !== undefined &&
      sameState(recorded, state) &&
      Number(stats.mtimeMs) < trustedBefore &&
      Number(stats.ctimeMs) < trustedBefore;
    files[file] = { ...state, digest: trusted ? recorded.digest : digestOf(readFileSync(absolute)) };
  }
  return { listedAt, files };
}

/** The output folder as it is now; a deleted, added or rewritten file changes the digest. A deploy repository's `.git` is left out. */
export function listOutput(outDir: string): OutputListing {
  const hash = createHash('sha256');
  const files = filesBelow(outDir, '.').sort();
  for (const file of files) {
    const stats = statSync(join(outDir, file), { bigint: true });
    hash.update(`${file}\0${stats.size}\0${stats.mtimeNs}\0${stats.ctimeNs}\0`);
  }
  return { files: files.length, digest: hash.digest('base64url') };
}

/**
 * What, besides files, a build's output depends on: the environment variables that reach it, the
 * Node version and platform, the output folder and the arguments Astro is given.
 */
export function buildSettings(options: {
  env: Record<string, string | undefined>;
  args: readonly string[];
  outDir: string;
}): Record<string, string> {
  const variables = Object.entries(options.env)
    .filter((entry): entry is [string, string] => OUTPUT_VARIABLE.test(entry[0]) && entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    ...Object.fromEntries(variables.map(([name, value]) => [`$${name}`, value])),
    node: `${process.version} ${process.platform}-${process.arch}`,
    outDir: options.outDir,
    arguments: JSON.stringify(options.args),
  };
}

/** A short digest of the inputs and settings, to name them in a message. */
export function inputFingerprint(stamp: Pick<BuildStamp, 'settings' | 'inputs'>): string {
  const hash = createHash('sha256').update(JSON.stringify(Object.entries(stamp.settings).sort()));
  for (const [file, { digest }] of Object.entries(stamp.inputs.files).sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`${file}\0${digest}\0`);
  return hash.digest('hex').slice(0, 12);
}

const listed = (paths: string[]) =>
  paths.length === 1 ? paths[0]! : `${paths.length} files, such as ${paths.slice(0, 3).join(', ')}`;

/**
 * Why the build described by `current` has something to do that the one `previous` stamped did
 * not do, in words; `undefined` when it has nothing to do.
 */
export function reasonToBuild(previous: BuildStamp | undefined, current: BuildStamp): string | undefined {
  if (!previous) return 'no earlier build is recorded';
  const settings = [...new Set([...Object.keys(previous.settings), ...Object.keys(current.settings)])].filter(
    (name) => previous.settings[name] !== current.settings[name],
  );
  if (settings.length > 0) return `${settings.map((name) => name.replace(/^\$/, '')).join(', ')} changed`;
  const before = previous.inputs.files;
  const now = current.inputs.files;
  const changed = Object.keys(now).filter(
    (file) => before[file] !== undefined && before[file].digest !== now[file]!.digest,
  );
  const added = Object.keys(now).filter((file) => before[file] === undefined);
  const removed = Object.keys(before).filter((file) => now[file] === undefined);
  const changes = [
    ...(changed.length > 0 ? [`${listed(changed)} changed`] : []),
    ...(added.length > 0 ? [`${listed(added)} added`] : []),
    ...(removed.length > 0 ? [`${listed(removed)} removed`] : []),
  ];
  if (changes.length > 0) return changes.join('; ');
  if (previous.output.digest !== current.output.digest)
    return `the output folder is not as the last build left it (${previous.output.files} files then, ${current.output.files} now)`;
  return undefined;
}

/** The stamp at `path`; none when it is missing, unreadable or of another format (a build then runs, and writes a new one). */
export function readBuildStamp(path: string): BuildStamp | undefined {
  try {
    const { format, ...stamp } = JSON.parse(readFileSync(path, 'utf8')) as BuildStamp & { format: unknown };
    return format === STAMP_FORMAT ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the stamp whole or not at all, so an interrupted write never leaves one that claims a build. */
export function writeBuildStamp(path: string, stamp: BuildStamp): void {
  const temporary = `${path}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ format: STAMP_FORMAT, ...stamp }));
  renameSync(temporary, path);
}
