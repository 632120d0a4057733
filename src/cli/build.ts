/**
 * Entry point of `npm run build`: `astro build` with the same arguments, unless nothing the build
 * reads has changed since the last successful one and the output folder is as that build left it
 * (see `src/build/inputFingerprint.ts`): then it says so and leaves the site as it is, which is what
 * the build would write again. `--force` always builds.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPaths, cacheDirectory, DEFAULT_OUT_DIR } from '../build/buildPaths.ts';
import {
  buildSettings,
  inputFingerprint,
  listInputs,
  listOutput,
  PROJECT_INPUTS,
  readBuildStamp,
  reasonToBuild,
  writeBuildStamp,
  type BuildStamp,
} from '../build/inputFingerprint.ts';
import { contentDirectory } from '../content/topic.ts';
import { photoRetriesDue } from '../sync/photos.ts';

/** Arguments that leave the stamp unable to tell what a build reads or writes (or that ask for no build): Astro runs as asked, unstamped. */
const UNCHECKED_ARGUMENTS = new Set(['--help', '-h', '--version', '-v', '--root', '--config']);

const ASTRO = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** Runs `astro build` with `args`, its output on this terminal; its exit code. */
function astroBuild(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [ASTRO, 'build', ...args], { stdio: 'inherit' });
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)));
}

/** The folder `--outDir` names (`--outDir dir` or `--outDir=dir`), else the config's. */
function outDirArgument(args: readonly string[]): string {
  const at = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
  if (at < 0) return DEFAULT_OUT_DIR;
  return args[at]!.includes('=') ? args[at]!.slice('--outDir='.length) : (args[at + 1] ?? DEFAULT_OUT_DIR);
}

async function main(args: readonly string[]): Promise<number> {
  if (args.some((arg) => UNCHECKED_ARGUMENTS.has(arg.split('=')[0]!))) return astroBuild(args);
  const root = process.cwd();
  const outDir = `${resolve(root, outDirArgument(args))}/`;
  const paths = buildPaths({
    cacheDir: pathToFileURL(`${resolve(root, cacheDirectory())}/`),
    outDir: pathToFileURL(outDir),
  });
  const previous = readBuildStamp(paths.buildStamp);
  const force = args.includes('--force');
  const current: BuildStamp = {
    settings: buildSettings({ env: process.env, args: args.filter((arg) => arg !== '--force'), outDir }),
    inputs: listInputs(root, [contentDirectory(), ...PROJECT_INPUTS], previous?.inputs),
    output: listOutput(outDir),
  };
  const retries = await photoRetriesDue(paths.photoCache);
  const reason = force
    ? '--force'
    : retries > 0
      ? `${retries} photo addresses that could not be fetched are due to be tried again`
      : reasonToBuild(previous, current);
  const shownOutDir = outDir.startsWith(`${root}/`) ? relative(root, outDir) : outDir.slice(0, -1);
  if (reason === undefined) {
    console.log(
      `Nothing changed since the last build (${Object.keys(current.inputs.files).length} input files, fingerprint ${inputFingerprint(current)}, checked in ${(performance.now() / 1000).toFixed(1)} s); ${shownOutDir}/ is up to date.`,
    );
    return 0;
  }
  console.log(`Building ${shownOutDir}/: ${reason}.`);
  // A build that fails or is interrupted must leave no stamp that claims the last one's output.
  rmSync(paths.buildStamp, { force: true });
  const exitCode = await astroBuild(args);
  if (exitCode === 0) writeBuildStamp(paths.buildStamp, { ...current, output: listOutput(outDir) });
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
