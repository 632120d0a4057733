import { spawn } from 'node:child_process';
import { cp, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeTempFolder } from './tempFolders.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * A copy of the project and its default digest, sharing this one's installed packages: a test may change its
 * `src/` or content, and edits elsewhere in the working tree cannot reach its builds.
 */
export async function copyProject(): Promise<string> {
  const copy = await makeTempFolder('project');
  for (const entry of [
    'src',
    'public',
    'content',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    await cp(join(projectRoot, entry), join(copy, entry), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

export interface BuildOptions {
  /** A copy of the project to build with instead of this one (its own `src/`), sharing this one's packages. */
  project?: string;
  /** A content folder other than `content/` (DOSSIER_CONTENT). */
  content?: string;
  /** Publish under another URL, such as a sub-path (DOSSIER_SITE). */
  site?: string;
  /** The time zone the build runs in. */
  timeZone?: string;
  /** Where to write the site; a new temporary folder when absent. */
  outDir?: string;
  /** Astro's cache folder, to rebuild on an earlier build; a new one when absent. */
  cacheDir?: string;
  /** The most articles one search shard holds (DOSSIER_SEARCH_SHARD_ARTICLES). */
  shardArticles?: number;
  /** The most a first visit keeps for offline reading (DOSSIER_PRECACHE_BYTES). */
  precacheBytes?: number;
  /** More environment variables for the build, such as DOSSIER_ALLOW_LOCAL_FETCH. */
  env?: Record<string, string>;
  /** Build as `npm run build` does (`src/cli/build.ts`, which skips a build with nothing to do), not with `astro build` itself. */
  npmBuild?: boolean;
  /** More arguments for the build, such as `--force`. */
  args?: string[];
}

export interface BuildResult {
  outDir: string;
  cacheDir: string;
  exitCode: number;
  output: string;
}

/**
 * The test runner's environment without what Vitest sets for itself (`BASE_URL`, `MODE`, `PROD`…),
 * which Vite in the child build would otherwise take as the site's own settings.
 */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

/** Runs the real `astro build` in a child process, with its own cache, and collects what it printed. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const workDir = await makeTempFolder('build');
  const outDir = options.outDir ?? join(workDir, 'dist');
  const cacheDir = options.cacheDir ?? join(workDir, 'cache');
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnvironment(),
    DOSSIER_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...(options.content && { DOSSIER_CONTENT: options.content }),
    ...(options.site && { DOSSIER_SITE: options.site }),
    ...(options.timeZone && { TZ: options.timeZone }),
    ...(options.shardArticles && { DOSSIER_SEARCH_SHARD_ARTICLES: String(options.shardArticles) }),
    ...(options.precacheBytes && { DOSSIER_PRECACHE_BYTES: String(options.precacheBytes) }),
    ...options.env,
  };
  const root = options.project ?? projectRoot;
  const command = options.npmBuild
    ? ['--import', 'tsx', join(root, 'src/cli/build.ts')]
    : [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const child = spawn(process.execPath, [...command, ...(options.args ?? []), '--outDir', outDir], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  return { outDir, cacheDir, exitCode, output };
}
